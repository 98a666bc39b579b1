import SurvivalStatistics
import Testing

/// Log-rank edge cases with defined results, checked against R's `survdiff` where R has one.
///
/// Tolerance 1e-12 relative (absolute 1e-12 for variances that vanish).
@Suite("Log-rank edge cases")
struct LogRankEdgeCaseTests {
  static let tolerance = 1e-12

  static func sample(_ times: [Double], _ events: [Int], _ groups: [Int]) throws -> GroupedSample {
    try GroupedSample(times: times, events: events.map { $0 == 1 }, groups: groups.map(String.init))
  }

  static func expectTest(
    _ test: LogRankTest, observed: [Double], expected: [Double], chiSquare: Double, df: Int,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    expectClose(
      test.observed.map(Optional.some), observed, relativeTolerance: tolerance, "obs",
      sourceLocation: sourceLocation)
    expectClose(
      test.expected.map(Optional.some), expected, relativeTolerance: tolerance, "exp",
      sourceLocation: sourceLocation)
    expectClose(
      test.chiSquare?.statistic, chiSquare, relativeTolerance: tolerance, absoluteTolerance: 1e-15,
      "chisq", sourceLocation: sourceLocation)
    #expect(test.chiSquare?.degreesOfFreedom == df, sourceLocation: sourceLocation)
  }

  @Test("A group without events is tested normally and noted")
  func groupWithoutEvents() throws {
    // survdiff(Surv(c(1,2,3,4,5,6), c(1,1,1,0,0,0)) ~ c(1,1,1,2,2,2))
    let test = try LogRankTest(
      Self.sample([1, 2, 3, 4, 5, 6], [1, 1, 1, 0, 0, 0], [1, 1, 1, 2, 2, 2]))
    Self.expectTest(
      test, observed: [3, 0], expected: [1.1499999999999999, 1.8500000000000001],
      chiSquare: 5.0516605166051667, df: 1)
    expectClose(test.chiSquare?.pValue, 0.02460234995364172, relativeTolerance: Self.tolerance, "p")
    #expect(test.diagnostics == [.groupWithoutEvents(label: "2")])
    #expect(test.eventCounts == [3, 0])
  }

  @Test("A group with one patient")
  func onePatientGroup() throws {
    // survdiff(Surv(c(1,2,3,4,5,6,7), c(1,0,1,1,0,1,1)) ~ c(1,1,1,1,1,1,2))
    let test = try LogRankTest(
      Self.sample([1, 2, 3, 4, 5, 6, 7], [1, 0, 1, 1, 0, 1, 1], [1, 1, 1, 1, 1, 1, 2]))
    Self.expectTest(
      test, observed: [4, 1], expected: [2.907142857142857, 2.092857142857143],
      chiSquare: 1.6589185741620021, df: 1)
    #expect(test.groupSizes == [6, 1])
  }

  @Test("Identical groups give chi-square 0 and p = 1, for ρ = 0 and ρ = 1")
  func identicalGroups() throws {
    let sample = try Self.sample([1, 2, 3, 1, 2, 3], [1, 0, 1, 1, 0, 1], [1, 1, 1, 2, 2, 2])
    for rho in [0.0, 1.0] {
      let test = try LogRankTest(sample, rho: rho)
      #expect(test.chiSquare?.statistic == 0)
      #expect(test.chiSquare?.pValue == 1)
      #expect(test.observed == test.expected)
    }
    // survdiff(..., rho = 1): obs = exp = 1.6666666666666665 each
    expectClose(
      try LogRankTest(sample, rho: 1).observed[0], 1.6666666666666665,
      relativeTolerance: Self.tolerance, "obs")
  }

  @Test("All events at one time: the variance vanishes and there is no test (R: singular system)")
  func allEventsAtOneTime() throws {
    let test = try LogRankTest(Self.sample([5, 5, 5, 5], [1, 1, 1, 1], [1, 1, 2, 2]))
    #expect(test.chiSquare == nil)
    #expect(test.expected == [2, 2])
    #expect(test.variance == [[0, 0], [0, 0]])
    #expect(test.diagnostics == [.singularVariance(rank: 0, expectedRank: 1)])
    #expect(
      test.diagnostics[0].description
        == "the log-rank variance matrix has rank 0 instead of 1; the test uses a generalized inverse with 0 degrees of freedom"
    )
  }

  @Test("A group censored before the first event is left out of the test and its df, as R does")
  func groupNeverAtRisk() throws {
    // survdiff(Surv(c(0.5,0.7,1,2,3), c(0,0,1,1,1)) ~ c(2,2,1,1,1)): exp 3 0, chisq 0, df 0
    let two = try LogRankTest(Self.sample([0.5, 0.7, 1, 2, 3], [0, 0, 1, 1, 1], [2, 2, 1, 1, 1]))
    #expect(two.chiSquare == nil)
    #expect(two.expected == [3, 0])
    #expect(
      two.diagnostics == [
        .groupWithoutEvents(label: "2"), .groupNeverAtRiskAtEvents(label: "2"),
        .fewerThanTwoGroupsAtRisk,
      ])
    // survdiff(Surv(c(0.5,0.7,1,2,3,4,5), c(0,0,1,1,1,1,0)) ~ c(3,3,1,2,1,2,1)): df 1
    let sample = try Self.sample(
      [0.5, 0.7, 1, 2, 3, 4, 5], [0, 0, 1, 1, 1, 1, 0], [3, 3, 1, 2, 1, 2, 1])
    let three = try LogRankTest(sample)
    Self.expectTest(
      three, observed: [2, 2, 0], expected: [2.2666666666666666, 1.7333333333333334, 0],
      chiSquare: 0.073903002309468779, df: 1)
    expectClose(
      three.chiSquare?.pValue, 0.78573653795991283, relativeTolerance: Self.tolerance, "p")
    let peto = try LogRankTest(sample, rho: 1)
    Self.expectTest(
      peto, observed: [1.6000000000000001, 1.2000000000000002, 0],
      expected: [1.6000000000000001, 1.2000000000000002, 0], chiSquare: 0, df: 1)
  }

  @Test("Events at time 0 count in the first risk set")
  func timeZero() throws {
    // survdiff(Surv(c(0,0,1,2,3,0,1,4), c(1,0,1,1,0,1,1,1)) ~ c(1,1,1,1,1,2,2,2), rho = 0 and 1)
    let sample = try Self.sample(
      [0, 0, 1, 2, 3, 0, 1, 4], [1, 0, 1, 1, 0, 1, 1, 1], [1, 1, 1, 1, 1, 2, 2, 2])
    let test = try LogRankTest(sample)
    Self.expectTest(
      test, observed: [3, 3], expected: [3.1166666666666667, 2.8833333333333333],
      chiSquare: 0.013832318425616011, df: 1)
    expectClose(test.variance[0][0], 0.9840079365079365, relativeTolerance: Self.tolerance, "var")
    let peto = try LogRankTest(sample, rho: 1)
    Self.expectTest(
      peto, observed: [2.2000000000000002, 2.0499999999999998],
      expected: [2.4500000000000002, 1.7999999999999998],
      chiSquare: 0.096259625962596268, df: 1)
  }

  @Test("One group: no test, no trend, no pairs")
  func oneGroup() throws {
    let sample = try Self.sample([1, 2, 3], [1, 0, 1], [1, 1, 1])
    let test = try LogRankTest(sample)
    #expect(test.chiSquare == nil)
    #expect(test.observed == test.expected)
    #expect(test.diagnostics == [.fewerThanTwoGroups(groupCount: 1)])
    #expect(
      test.diagnostics[0].description
        == "the log-rank test needs at least two groups; the sample has 1")
    #expect(try LogRankTrendTest(sample).chiSquare == nil)
    #expect(try PairwiseLogRankTests(sample).comparisons.isEmpty)
  }

  @Test("No events at all: no test, noted")
  func noEvents() throws {
    let test = try LogRankTest(Self.sample([1, 2, 3, 4], [0, 0, 0, 0], [1, 2, 1, 2]))
    #expect(test.chiSquare == nil)
    #expect(test.diagnostics == [.noEvents])
    #expect(
      test.diagnostics[0].description
        == "no group has events, so the log-rank test is undefined. Check the event coding")
  }

  @Test("Invalid options throw: non-finite ρ, trend scores of the wrong count or non-finite")
  func invalidOptions() throws {
    let sample = try Self.sample([1, 2, 3, 4], [1, 0, 1, 1], [1, 2, 1, 2])
    #expect(throws: SurvivalOptionError.invalidRho(.infinity)) {
      try LogRankTest(sample, rho: .infinity)
    }
    #expect(throws: SurvivalOptionError.scoreCountMismatch(count: 3, groupCount: 2)) {
      try LogRankTrendTest(sample, scores: [1, 2, 3])
    }
    #expect(throws: SurvivalOptionError.nonFiniteScore(index: 1, value: .infinity)) {
      try LogRankTrendTest(sample, scores: [1, .infinity])
    }
    #expect(
      SurvivalOptionError.scoreCountMismatch(count: 3, groupCount: 2).description
        == "3 trend scores were given for 2 groups; give one score per group")
    // Equal scores carry no trend.
    #expect(try LogRankTrendTest(sample, scores: [2, 2]).chiSquare == nil)
  }

  @Test("With two groups the trend test equals the log-rank test")
  func trendWithTwoGroups() throws {
    let sample = try ReferenceData.aml.grouped(by: "x")
    for rho in [0.0, 1.0] {
      let trend = try LogRankTrendTest(sample, rho: rho)
      let test = try LogRankTest(sample, rho: rho)
      expectClose(
        trend.chiSquare?.statistic, test.chiSquare?.statistic, relativeTolerance: 1e-13, "chisq")
      // U > 0: more events than expected in the higher-scored group (Nonmaintained).
      #expect(trend.scoreStatistic > 0 && (trend.zStatistic ?? 0) > 0)
    }
  }
}
