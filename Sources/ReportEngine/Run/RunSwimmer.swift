import Analyses
import ClinicalData
import Expressions
import FigureCore
import ReportTemplates
import SurvivalFigures

/// What a swimmer run produced.
public struct SwimmerRun: Sendable {
  /// The lanes read.
  public var input: SwimmerInput
  /// The findings of figure lint, when the request allows them (otherwise they are an error),
  /// and characters that no font has.
  public var figureWarnings: [String] = []
}

/// Reads the patients (and events) and writes the swimmer plot to every output. Lanes that do
/// not fit a given height, and any other finding of figure lint, are an error
/// (`FigureLintError`, naming the height that fits) unless the request allows lint.
///
/// Output paths are checked before any work is done and every file is written atomically: on an
/// error no new or partial file is left behind.
@discardableResult
public func runSwimmer(_ request: SwimmerRequest) throws -> SwimmerRun {
  let writer = try FigureWriter(request.output)
  var tables = [request.dataPath: try DataTable(contentsOfFile: request.dataPath)]
  if let path = request.eventsPath, tables[path] == nil { tables[path] = try DataTable(contentsOfFile: path) }
  let content = try SwimmerContent(request: request, data: .files(tables))
  let warnings = try writer.writeChecked(request.output) { measurer in
    try content.layout(width: nil, height: nil, measurer: measurer)
  }
  return SwimmerRun(input: content.input, figureWarnings: warnings)
}
