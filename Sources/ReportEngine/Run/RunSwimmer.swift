import Analyses
import ClinicalData
import Expressions
import FigureCore
import ReportTemplates
import SurvivalFigures

/// Reads the patients (and events) and writes the swimmer plot to every output.
///
/// Output paths are checked before any work is done and every file is written atomically: on an
/// error no new or partial file is left behind.
/// - Returns: the lanes read, for reporting.
@discardableResult
public func runSwimmer(_ request: SwimmerRequest) throws -> SwimmerInput {
  let writer = try FigureWriter(request.output)
  var tables = [request.dataPath: try DataTable(contentsOfFile: request.dataPath)]
  if let path = request.eventsPath, tables[path] == nil { tables[path] = try DataTable(contentsOfFile: path) }
  let input = try SwimmerContent(request: request, data: .files(tables)).input
  let figure = input.figure(request)
  try writer.write { measurer in figure.layout(measurer: measurer).scene }
  return input
}
