import Analyses
import ClinicalData
import Expressions
import FigureCore
import ReportTemplates
import SurvivalFigures

/// What a forest run produced.
public struct ForestRun: Sendable {
  public var analysis: ForestAnalysis
  /// The findings of figure lint, when the request allows them (otherwise they are an error),
  /// and characters that no font has.
  public var figureWarnings: [String] = []
}

/// Reads the data, computes the rows and writes the forest plot to every output. Text columns
/// that do not fit the width, and any other finding of figure lint, are an error
/// (`FigureLintError`, naming the smallest width that fits) unless the request allows lint.
/// Table files (`--out forest.docx`) hold the table a template's `type: cox` table makes,
/// titled by the figure's title or "Hazard ratios".
@discardableResult
public func runForest(_ request: ForestRequest) throws -> ForestRun {
  let writer = try FigureWriter(request.output)
  try TableFiles.check(request.output.tableOutputs)
  let table = try DataTable(contentsOfFile: request.dataPath)
  let content = ForestContent(request: request, analysis: try ForestAnalysis(table: table, request: request))
  let title = request.output.title ?? "Hazard ratios"
  let tableFiles =
    request.output.tableOutputs.isEmpty
    ? []
    : TableFiles.files(
      content.analysis.table(
        title: title, confidenceLevel: request.confidenceLevel, ties: request.ties, decimals: request.decimals),
      title: title, to: request.output.tableOutputs, fontFamily: request.output.fontFamily)
  let warnings = try writer.writeChecked(request.output, alongside: tableFiles) { measurer in
    try content.layout(width: nil, height: nil, measurer: measurer)
  }
  return ForestRun(analysis: content.analysis, figureWarnings: warnings)
}
