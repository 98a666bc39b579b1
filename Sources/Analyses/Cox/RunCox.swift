import ClinicalData

/// Reads the data and fits the model of `request`.
public func runCox(_ request: CoxRequest) throws -> CoxAnalysis {
  // The table is handed over, so that the analysis can release it once its columns are read.
  try CoxAnalysis(table: try DataTable(contentsOfFile: request.dataPath), request: request)
}
