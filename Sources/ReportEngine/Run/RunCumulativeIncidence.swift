import Analyses
import ClinicalData
import FigureCore
import SurvivalFigures

/// What a cumulative incidence run produced.
public struct CumulativeIncidenceRun: Sendable {
  public var analysis: CumulativeIncidenceAnalysis
  /// The statistics as the `cif --json` contract lists them.
  public var json: JSONValue { analysis.json }
  public var warnings: [String] { analysis.warnings }
  /// Warnings about the figure: a plot area below its minimum height, and the findings of
  /// figure lint (small, overlapping or clipped text).
  public var figureWarnings: [String] = []
  /// The figure files written.
  public var writtenFiles: [String]
}

/// Reads the data, computes the statistics and writes the figure to every output of
/// `request.figure`, as ``runKaplanMeier(_:)`` does: output paths checked first, files written
/// atomically, a plot area too small to read an error, figure lint's findings an error unless
/// allowed. Table files (`--out cif.docx`, with `--fine-gray`) hold the Fine–Gray table a
/// template's `type: fine-gray` table makes, titled by the figure's title or "Fine–Gray model".
public func runCumulativeIncidence(_ request: CumulativeIncidenceRequest) throws -> CumulativeIncidenceRun {
  let outputs = request.figure.output.outputs
  let writer = try FigureWriter(request.figure.output)
  try TableFiles.check(request.figure.output.tableOutputs)
  let content = try CumulativeIncidenceContent(request: request, table: try DataTable(contentsOfFile: request.dataPath))
  let output = request.figure.output
  let title = output.title ?? "Fine–Gray model"
  let tableFiles =
    output.tableOutputs.isEmpty
    ? []
    : TableFiles.files(
      content.analysis.fineGrayTable(title: title), title: title, to: output.tableOutputs,
      fontFamily: output.fontFamily)
  let figureWarnings = try writer.writeChecked(output, alongside: tableFiles) { measurer in
    try content.layout(width: nil, height: nil, measurer: measurer)
  }
  return CumulativeIncidenceRun(analysis: content.analysis, figureWarnings: figureWarnings, writtenFiles: outputs)
}
