import ClinicalData
import SurvivalStatistics

extension CumulativeIncidenceAnalysis {
  /// The Fine–Gray model `Surv(time, status) ~ terms` of the event of interest on the analysed
  /// rows, the status column recoded to cmprsk's numbers (0 censored, 1 the event of interest,
  /// 2, 3, … the competing codes) and rows left out of the analysis set to missing.
  ///
  /// The columns the terms name are checked as a Cox model's are (a mostly numeric column with a
  /// stray text is an error at its cell).
  /// - Throws: ``CoxAnalysisError`` naming the file and the formula.
  static func fineGray(
    terms: String, table: DataTable, request: CumulativeIncidenceRequest, columns: CompetingRisksColumns
  ) throws -> (FineGrayRegression, String) {
    let formula =
      "Surv(\(ForestAnalysis.term(request.timeColumn)), \(ForestAnalysis.term(request.statusColumn))) ~ \(terms)"
    if let parsed = try? ModelFormula(parsing: formula) {
      try CoxAnalysis.checkColumns(of: parsed, in: table)
    }
    var data: [String: ModelData.Column] = [:]
    for column in table.columns {
      if let values = try? column.numericValues() {
        data[column.name] = .numeric(values.map { $0 ?? .nan })
      } else {
        data[column.name] = .categorical(column.textValues(), levels: nil)
      }
    }
    var status = [Double](repeating: .nan, count: table.rowCount)
    for (row, cause) in zip(columns.rows, columns.causes) { status[row] = Double(cause) }
    data[request.statusColumn] = .numeric(status)
    let fit: FineGrayRegression
    do {
      fit = try FineGrayRegression(
        formula: formula, data: ModelData(columns: data), coding: .codes(censoring: 0), cause: 1,
        options: FineGrayRegressionOptions(confidenceLevel: request.confidenceLevel))
    } catch {
      throw CoxAnalysisError(file: table.file, formula: formula, message: error.description)
    }
    return (fit, formula)
  }
}
