import SurvivalStatistics
import Testing

/// A competing-risks data set of the reference cases: times, integer status codes, numeric
/// columns and label columns.
struct CompetingRisksDataset: Sendable {
  let time: [Double]
  let status: [Int]
  let numbers: [String: [Double]]
  let labels: [String: [String]]

  /// The statuses with `censoring` as R's `cencode` and every other code a cause.
  func statuses(censoring: Int) -> [CompetingRisksStatus] {
    status.map { $0 == censoring ? .censored : .cause($0) }
  }

  /// A column as group labels (whole numbers without decimals, as R's `factor()` labels them).
  func labels(_ column: String) -> [String] {
    if let labels = labels[column] { return labels }
    return numbers[column]!.map { String(Int($0)) }
  }

  /// The sample cmprsk's `cuminc(time, status, group, strata, cencode)` sees.
  func sample(censoring: Int, group: String?, strata: String? = nil) throws -> CompetingRisksSample {
    try CompetingRisksSample(
      times: time, statuses: statuses(censoring: censoring), groups: group.map(labels),
      strata: strata.map(labels))
  }

  /// Every column as model data (`time`, `status` numeric; label columns categorical).
  var modelData: ModelData {
    var columns: [String: ModelData.Column] = [
      "time": .numeric(time), "status": .numeric(status.map(Double.init)),
    ]
    for (name, values) in numbers { columns[name] = .numeric(values) }
    for (name, values) in labels { columns[name] = .categorical(values, levels: nil) }
    return ModelData(columns: columns)
  }
}

/// One curve of a `cuminc` fit as R reports it, with its values at the group's distinct times.
struct CumulativeIncidenceCurveReference: Sendable {
  let name: String
  let group: String
  let cause: Int
  let cornerTime: [Double]
  let cornerEstimate: [Double]
  let cornerVariance: [Double]
  let rowTime: [Double]
  let rowEstimate: [Double]
  let rowVariance: [Double]
  let atRisk: [Int]
  let events: [Int]
  let competingEvents: [Int]
  let censored: [Int]
  let logLogLower: [Double?]
  let logLogUpper: [Double?]
  let plainLower: [Double?]
  let plainUpper: [Double?]
  let requestedEstimate: [Double?]
  let requestedVariance: [Double?]
}

/// A `cuminc` fit computed with R.
struct CumulativeIncidenceCase: Sendable, CustomTestStringConvertible {
  let id: String
  let rCall: String
  let dataset: CompetingRisksDataset
  let censoringCode: Int
  let groupColumn: String?
  let requestedTimes: [Double]
  let curves: [CumulativeIncidenceCurveReference]

  var testDescription: String { id }
}

/// `cuminc(...)$Tests` computed with R.
struct GrayTestCase: Sendable, CustomTestStringConvertible {
  let id: String
  let rCall: String
  let dataset: CompetingRisksDataset
  let censoringCode: Int
  let groupColumn: String
  let strataColumn: String?
  let rho: Double
  let causes: [Int]
  let statistic: [Double]
  /// R's `pv`, computed as `1 - pchisq(stat, df)`.
  let rP: [Double]
  /// `pchisq(stat, df, lower.tail = FALSE)`.
  let upperTailP: [Double]
  let degreesOfFreedom: Int

  var testDescription: String { id }
}

/// A `crr` fit computed with R.
struct FineGrayCase: Sendable, CustomTestStringConvertible {
  let id: String
  let rCall: String
  let dataset: CompetingRisksDataset
  let formula: String
  let censoringCode: Int
  let cause: Int
  let names: [String]
  let coef: [Double]
  let se: [Double]
  let variance: [Double]
  let information: [Double]
  let score: [Double]
  let lower: [Double]
  let upper: [Double]
  let z: [Double]
  let p: [Double]
  let logLikelihood: Double
  let nullLogLikelihood: Double
  let isConverged: Bool
  let n: Int
  let iterations: Int

  var testDescription: String { id }
}
