import ClinicalData

/// Reads the data and fits the model of `request`.
public func runCox(_ request: CoxRequest) throws -> CoxAnalysis {
  let table = try DataTable(contentsOfFile: request.dataPath)
  return try CoxAnalysis(table: table, request: request)
}
