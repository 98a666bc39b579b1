import Analyses
import ClinicalData
import Expressions
import FigureCore
import ReportTemplates
import SurvivalFigures

/// What a Kaplan–Meier run produced.
public struct KaplanMeierRun: Sendable {
  public var analysis: KaplanMeierAnalysis
  /// The statistics as the `km --json` contract lists them.
  public var json: JSONValue { analysis.json }
  public var warnings: [String] { analysis.warnings }
  /// Warnings about the figure: a plot area below its minimum height, and the
  /// findings of figure lint (small, overlapping or clipped text).
  public var figureWarnings: [String] = []
  /// The figure files written (the table files are `request.figure.output.tableOutputs`).
  public var writtenFiles: [String]
}

/// Reads the data, computes the statistics and writes the figure to every output of
/// `request.figure`. A figure whose plot area would be too small to read is an error
/// (`FigureTooSmallError`), never a blank page; one that figure lint finds problems in is an
/// error (`FigureLintError`) unless the request allows lint, when they are warnings.
///
/// Output paths are checked before any work is done, and every file is written atomically:
/// on an error no new or partial file is left behind. Table files (`--out km.docx`) hold the
/// survival table a template's `type: survival` table makes, titled by the figure's title or
/// "Kaplan–Meier estimates".
///
/// `scope` says what the caller prints: `.figure` when only the figure is written.
public func runKaplanMeier(_ asked: KaplanMeierRequest, scope: KaplanMeierAnalysis.Scope = .all) throws
  -> KaplanMeierRun
{
  let outputs = asked.figure.output.outputs
  let writer = try FigureWriter(asked.figure.output)
  try TableFiles.check(asked.figure.output.tableOutputs)
  // The table is handed over: the analysis releases it once it has taken its columns.
  let analysis = try KaplanMeierAnalysis(
    table: try DataTable(contentsOfFile: asked.dataPath), request: asked,
    scope: asked.figure.output.tableOutputs.isEmpty ? scope : .all)
  let request = analysis.request
  if !outputs.isEmpty { try analysis.checkAxis(request.figure) }
  let title = request.figure.output.title ?? "Kaplan–Meier estimates"
  let tableFiles =
    request.figure.output.tableOutputs.isEmpty
    ? []
    : TableFiles.files(
      analysis.summaryTable(request, title: title), title: title, to: request.figure.output.tableOutputs,
      fontFamily: request.figure.output.fontFamily)
  let figureWarnings = try writer.writeChecked(request.figure.output, alongside: tableFiles) { measurer in
    let figure = analysis.figure(request.figure, groupLabels: request.groupLabels)
    let layout = figure.layout(measurer: measurer)
    let cramped = try layout.checkFit(isHeightFixed: request.figure.isHeightFixed)
    return LaidOutFigure(
      scene: layout.scene, requiredHeight: layout.requiredSize.height, requiredWidth: layout.requiredSize.width,
      findings: (cramped.map { [LintFinding(kind: .crampedPlot, texts: [], message: $0)] } ?? [])
        + layout.legendFindings, sidecar: [])
  }
  return KaplanMeierRun(analysis: analysis, figureWarnings: figureWarnings, writtenFiles: outputs)
}
