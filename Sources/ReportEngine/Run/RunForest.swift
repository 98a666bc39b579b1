import Analyses
import ClinicalData
import Expressions
import ReportTemplates

/// Reads the data, computes the rows and writes the forest plot to every output.
@discardableResult
public func runForest(_ request: ForestRequest) throws -> ForestAnalysis {
  let writer = try FigureWriter(request.output)
  let table = try DataTable(contentsOfFile: request.dataPath)
  let analysis = try ForestAnalysis(table: table, request: request)
  let figure = analysis.figure(request)
  try writer.write { measurer in figure.layout(measurer: measurer).scene }
  return analysis
}
