import SurvivalStatistics
import Testing

/// Seeded property tests of the log-rank family.
@Suite("Log-rank properties (seeded)")
struct LogRankPropertyTests {
  static let seeds: [UInt64] = [5, 6, 7, 99, 31_337]

  @Test("Relabelling the groups permutes O and E and leaves χ² unchanged", arguments: seeds)
  func relabelling(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let data = RandomSurvivalData.make(
      count: 150, groupCount: 3, maximumTime: 40, using: &generator)
    let labels = ["a", "b", "c"]
    let groups = data.groups.map { labels[$0] }
    for rho in [0.0, 1.0] {
      let forward = try LogRankTest(
        GroupedSample(times: data.times, events: data.events, groups: groups, groupOrder: labels),
        rho: rho)
      let reversed = try LogRankTest(
        GroupedSample(
          times: data.times, events: data.events, groups: groups, groupOrder: labels.reversed()),
        rho: rho)
      expectClose(
        reversed.chiSquare?.statistic, forward.chiSquare?.statistic, relativeTolerance: 1e-12,
        "chisq")
      #expect(reversed.chiSquare?.degreesOfFreedom == forward.chiSquare?.degreesOfFreedom)
      expectClose(
        reversed.observed.reversed().map(Optional.some), forward.observed.map(Optional.some),
        relativeTolerance: 1e-13, "obs")
      expectClose(
        reversed.expected.reversed().map(Optional.some), forward.expected.map(Optional.some),
        relativeTolerance: 1e-13, "exp")
    }
  }

  @Test("χ² ≥ 0, Σ O = Σ E, and the variance rows sum to 0", arguments: seeds)
  func sums(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let data = RandomSurvivalData.make(
      count: 200, groupCount: 4, maximumTime: nil, using: &generator)
    for rho in [0.0, 0.5, 1.0] {
      let test = try LogRankTest(data.grouped(groupCount: 4), rho: rho)
      #expect((test.chiSquare?.statistic ?? -1) >= 0)
      let observed = test.observed.reduce(0, +)
      expectClose(test.expected.reduce(0, +), observed, relativeTolerance: 1e-12, "Σ E")
      if rho == 0 { #expect(observed == Double(test.eventCounts.reduce(0, +))) }
      for row in test.variance {
        #expect(abs(row.reduce(0, +)) <= 1e-12 * row.map(abs).reduce(0, +))
      }
    }
  }

  @Test("Identical groups give p = 1", arguments: seeds)
  func identicalGroups(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let data = RandomSurvivalData.make(count: 70, groupCount: 1, maximumTime: 30, using: &generator)
    let sample = try GroupedSample(
      times: data.times + data.times, events: data.events + data.events,
      groupCodes: Array(repeating: 0, count: 70) + Array(repeating: 1, count: 70),
      groupLabels: ["A", "B"])
    #expect(try LogRankTest(sample).chiSquare?.pValue == 1)
    expectClose(
      try LogRankTest(sample, rho: 1).chiSquare?.pValue, 1, relativeTolerance: 1e-12, "Peto p")
    let pairwise = try PairwiseLogRankTests(sample)
    #expect(pairwise.adjustedPValues(.holm) == [1])
  }

  @Test("Stratifying by a single stratum changes nothing; strata add up", arguments: seeds)
  func strata(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let data = RandomSurvivalData.make(
      count: 160, groupCount: 2, maximumTime: 50, using: &generator)
    let groups = data.groups.map(String.init)
    let plain = try LogRankTest(
      GroupedSample(times: data.times, events: data.events, groups: groups))
    let oneStratum = try LogRankTest(
      GroupedSample(
        times: data.times, events: data.events, groups: groups,
        strata: Array(repeating: "all", count: data.times.count)))
    expectClose(
      oneStratum.chiSquare?.statistic, plain.chiSquare?.statistic, relativeTolerance: 1e-14, "chisq"
    )
    let strata = data.times.indices.map { $0.isMultiple(of: 3) ? "x" : "y" }
    let stratified = try LogRankTest(
      GroupedSample(times: data.times, events: data.events, groups: groups, strata: strata))
    for group in 0..<2 {
      expectClose(
        stratified.observedByStratum[group].reduce(0, +), stratified.observed[group],
        relativeTolerance: 1e-14, "obs by stratum")
      expectClose(
        stratified.expectedByStratum[group].reduce(0, +), stratified.expected[group],
        relativeTolerance: 1e-14, "exp by stratum")
    }
  }

  @Test("Pairwise tests equal the two-group tests on the subsets", arguments: seeds)
  func pairwiseSubsets(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let data = RandomSurvivalData.make(
      count: 150, groupCount: 3, maximumTime: 40, using: &generator)
    let pairwise = try PairwiseLogRankTests(data.grouped(groupCount: 3))
    #expect(pairwise.comparisons.count == 3)
    for comparison in pairwise.comparisons {
      let keep = data.groups.indices.filter {
        data.groups[$0] == comparison.firstGroup || data.groups[$0] == comparison.secondGroup
      }
      let subset = try GroupedSample(
        times: keep.map { data.times[$0] }, events: keep.map { data.events[$0] },
        groups: keep.map { "g\(data.groups[$0])" })
      let direct = try LogRankTest(subset)
      expectClose(
        comparison.test.chiSquare?.statistic, direct.chiSquare?.statistic, relativeTolerance: 1e-13,
        "chisq")
      #expect(
        comparison.test.groupLabels == ["g\(comparison.firstGroup)", "g\(comparison.secondGroup)"])
    }
  }
}
