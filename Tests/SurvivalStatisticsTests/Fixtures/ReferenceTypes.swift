import SurvivalStatistics
import Testing

/// Columns of one of R's survival data sets.
struct ReferenceDataset: Sendable {
  let name: String
  let timeColumn: String
  let statusColumn: String
  /// The status value that marks an event (lung: 2; the others: 1).
  let eventStatus: Int
  let times: [Double]
  let status: [Int]
  /// Integer-coded factor columns (codes as in the CSV).
  let groupings: [String: [Int]]

  var events: [Bool] { status.map { $0 == eventStatus } }

  /// All subjects as one sample.
  func sample() throws -> RightCensoredSample {
    try RightCensoredSample(times: times, events: events)
  }

  /// Subjects grouped by a factor column (groups ordered by code, as R's factor levels), and
  /// optionally stratified by another.
  func grouped(by column: String, strata strataColumn: String? = nil) throws -> GroupedSample {
    let groups = groupings[column]!.map(String.init)
    let strata = strataColumn.map { groupings[$0]!.map(String.init) }
    return try GroupedSample(times: times, events: events, groups: groups, strata: strata)
  }
}

/// A quantile with its interval as R reports it (nil = NA).
struct QuantileReference: Sendable, Equatable {
  let estimate: Double?
  let lower: Double?
  let upper: Double?
}

/// `summary(fit, times = …, extend = TRUE)` columns that do not depend on the band.
struct TimesReference: Sendable {
  let time: [Double]
  /// False where `extend = FALSE` drops the time (after the last observation).
  let isEstimable: [Bool]
  let atRisk: [Int]
  let events: [Int]
  let censored: [Int]
  let survival: [Double]
  let standardError: [Double?]
}

/// The band-dependent values of one group for one `conf.type`.
struct BandReference: Sendable {
  let lower: [Double?]
  let upper: [Double?]
  let quantileLower: [Double?]
  let quantileUpper: [Double?]
  let atTimesLower: [Double?]
  let atTimesUpper: [Double?]
  /// Reverse Kaplan–Meier median follow-up of the group (nil for ungrouped cases).
  let followUp: QuantileReference?
}

/// R's Kaplan–Meier results for one data set and grouping, for all three bands.
struct KaplanMeierReference: Sendable, CustomTestStringConvertible {
  struct Group: Sendable {
    let strata: String
    let code: String?
    let subjects: Int
    let events: Int
    let time: [Double]
    let atRisk: [Int]
    let eventsByTime: [Int]
    let censoredByTime: [Int]
    let survival: [Double]
    let standardErrorOfLog: [Double]
    let standardError: [Double?]
    let cumulativeHazard: [Double]
    let cumulativeHazardStandardError: [Double]
    let quantileProbabilities: [Double]
    let quantileTimes: [Double?]
    let atTimes: TimesReference
    let restrictedMean: (Double, Double)
    let commonRestrictedMean: (Double, Double)
    let bands: [ConfidenceBand.Transform: BandReference]
  }

  let name: String
  let dataset: ReferenceDataset
  let groupColumn: String?
  let requestedTimes: [Double]
  let restrictionTime: Double
  let commonRestrictionTime: Double
  let overallFollowUp: [ConfidenceBand.Transform: QuantileReference]
  let groups: [Group]

  var testDescription: String { name }

  static let all: [KaplanMeierReference] = [
    amlByX, lungAll, lungBySex, veteranByTrt, veteranByCelltype, ovarianByRx,
  ]

  /// The estimates per group, in R's strata order.
  func estimates(_ band: ConfidenceBand) throws -> [KaplanMeierEstimate] {
    if let groupColumn {
      return KaplanMeierEstimate.byGroup(try dataset.grouped(by: groupColumn), confidence: band)
    }
    return [KaplanMeierEstimate(try dataset.sample(), confidence: band)]
  }
}

/// R's `survdiff` results.
struct LogRankReference: Sendable, CustomTestStringConvertible {
  let name: String
  let dataset: ReferenceDataset
  let groupColumn: String
  let strataColumn: String?
  let rho: Double
  let subjects: [Int]
  let observed: [Double]
  let expected: [Double]
  let variance: [[Double]]
  /// `[group][stratum]` for stratified tests.
  let observedByStratum: [[Double]]?
  let chiSquare: Double
  let degreesOfFreedom: Int
  let pValue: Double

  var testDescription: String { name }

  func test() throws -> LogRankTest {
    try LogRankTest(dataset.grouped(by: groupColumn, strata: strataColumn), rho: rho)
  }
}

/// A distribution function value: arguments in R's order, and R's value.
struct DistributionCase: Sendable, CustomTestStringConvertible {
  let arguments: [Double]
  let value: Double

  var testDescription: String { arguments.map { "\($0)" }.joined(separator: ", ") }
}
