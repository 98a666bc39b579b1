import Foundation
import SurvivalStatistics

/// Random competing-risks data for seeded property tests: integer times (many ties across causes
/// and censorings), a group, a stratum and two covariates whose effects differ by cause.
struct RandomCompetingRisks {
  var times: [Double] = []
  var statuses: [CompetingRisksStatus] = []
  var groups: [String] = []
  var strata: [String] = []
  var x1: [Double] = []
  var x2: [Double] = []

  /// `count` subjects with failures from causes 1…`causeCount` and the given share censored.
  static func make(
    count: Int, causeCount: Int = 2, censoredShare: Double = 0.3, maximumTime: Int = 40,
    using generator: inout SplitMix64
  ) -> RandomCompetingRisks {
    var data = RandomCompetingRisks()
    for _ in 0..<count {
      let group = Int.random(in: 0..<3, using: &generator)
      let x1 = Double.random(in: -2..<2, using: &generator)
      let x2 = Double(Int.random(in: 0...1, using: &generator))
      // The cause depends on the covariates, so that the Fine–Gray coefficients are non-zero.
      let score = 0.6 * x1 - 0.5 * x2 + 0.3 * Double(group)
      let isCensored = Double.random(in: 0..<1, using: &generator) < censoredShare
      let firstCause = Double.random(in: 0..<1, using: &generator) < 1 / (1 + exp(-score))
      let cause = firstCause ? 1 : Int.random(in: 1...causeCount, using: &generator)
      data.times.append(Double(Int.random(in: 1...maximumTime, using: &generator)))
      data.statuses.append(isCensored ? .censored : .cause(cause))
      data.groups.append(["a", "b", "c"][group])
      data.strata.append(Bool.random(using: &generator) ? "s1" : "s2")
      data.x1.append(x1)
      data.x2.append(x2)
    }
    return data
  }

  func sample(grouped: Bool = true, stratified: Bool = false) throws -> CompetingRisksSample {
    try CompetingRisksSample(
      times: times, statuses: statuses, groups: grouped ? groups : nil,
      strata: stratified ? strata : nil)
  }

  var design: DesignMatrix { DesignMatrix(columns: [x1, x2], names: ["x1", "x2"]) }

  /// The same subjects in another order.
  func shuffled(using generator: inout SplitMix64) -> RandomCompetingRisks {
    let order = Array(times.indices).shuffled(using: &generator)
    var copy = RandomCompetingRisks()
    copy.times = order.map { times[$0] }
    copy.statuses = order.map { statuses[$0] }
    copy.groups = order.map { groups[$0] }
    copy.strata = order.map { strata[$0] }
    copy.x1 = order.map { x1[$0] }
    copy.x2 = order.map { x2[$0] }
    return copy
  }
}
