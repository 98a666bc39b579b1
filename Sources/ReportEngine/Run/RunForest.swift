import Analyses
import ClinicalData
import Expressions
import FigureCore
import ReportTemplates
import SurvivalFigures

/// What a forest run produced.
public struct ForestRun: Sendable {
  public var analysis: ForestAnalysis
  /// The findings of figure lint, when the request allows them (otherwise they are an error).
  public var figureWarnings: [String] = []
}

/// Reads the data, computes the rows and writes the forest plot to every output. Text columns
/// that do not fit the width, and any other finding of figure lint, are an error
/// (`FigureLintError`, naming the smallest width that fits) unless the request allows lint.
@discardableResult
public func runForest(_ request: ForestRequest) throws -> ForestRun {
  let writer = try FigureWriter(paths: request.output.outputs, dpi: request.output.dpi, title: request.output.title)
  let table = try DataTable(contentsOfFile: request.dataPath)
  let content = ForestContent(request: request, analysis: try ForestAnalysis(table: table, request: request))
  var warnings: [String] = []
  try writer.write { measurer in
    let laid = try content.layout(width: nil, height: nil, measurer: measurer)
    warnings = try laid.checkLint(
      measurer: measurer, minimumFontSize: FigureTheme.commandLineMinimumFontSize,
      allowsLint: request.output.allowsLint)
    return laid.scene
  }
  return ForestRun(analysis: content.analysis, figureWarnings: warnings)
}
