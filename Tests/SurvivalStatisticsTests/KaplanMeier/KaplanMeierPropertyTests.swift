import SurvivalStatistics
import Testing

/// Seeded property tests of the Kaplan–Meier estimate.
@Suite("Kaplan–Meier properties (seeded)")
struct KaplanMeierPropertyTests {
  static let seeds: [UInt64] = [1, 2, 3, 42, 2024]

  @Test("Without censoring S(t) is the empirical survival function #(T > t)/n", arguments: seeds)
  func empiricalSurvival(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let data = RandomSurvivalData.make(
      count: 150, groupCount: 1, maximumTime: seed.isMultiple(of: 2) ? 40 : nil, eventShare: 1,
      using: &generator)
    let fit = KaplanMeierEstimate(try data.sample())
    let n = Double(data.times.count)
    for (time, survival) in zip(fit.times, fit.survival) {
      let beyond = Double(data.times.filter { $0 > time }.count)
      expectClose(
        survival, beyond / n, relativeTolerance: 1e-13, absoluteTolerance: 1e-15, "S(\(time))")
    }
    // Nelson–Aalen is then Σ dᵢ/nᵢ with nᵢ = #(T ≥ tᵢ).
    #expect(fit.censored.allSatisfy { $0 == 0 })
  }

  @Test(
    "Curves are non-increasing in [0, 1] and lower ≤ S ≤ upper for every band",
    arguments: seeds, ConfidenceBand.Transform.allCases)
  func monotoneWithinBand(seed: UInt64, transform: ConfidenceBand.Transform) throws {
    var generator = SplitMix64(seed: seed)
    let data = RandomSurvivalData.make(
      count: 200, groupCount: 1, maximumTime: 80, using: &generator)
    let fit = KaplanMeierEstimate(
      try data.sample(), confidence: try ConfidenceBand(transform, level: 0.9))
    var previous = 1.0
    for row in fit.rows {
      #expect(row.survival <= previous && row.survival >= 0 && row.survival <= 1)
      previous = row.survival
      if let lower = row.lower { #expect(lower <= row.survival && lower >= 0) }
      if let upper = row.upper { #expect(upper >= row.survival && upper <= 1) }
      #expect(row.cumulativeIncidence == 1 - row.survival)
    }
    let quantiles = try fit.quantiles([0.1, 0.25, 0.5, 0.75, 0.9])
    for quantile in quantiles {
      if let estimate = quantile.estimate, let lower = quantile.lower { #expect(lower <= estimate) }
      if let estimate = quantile.estimate, let upper = quantile.upper { #expect(upper >= estimate) }
    }
    let estimates = quantiles.compactMap(\.estimate)
    #expect(estimates == estimates.sorted())
  }

  @Test("Permuting the rows changes nothing", arguments: seeds)
  func permutationInvariance(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let data = RandomSurvivalData.make(
      count: 120, groupCount: 3, maximumTime: 30, using: &generator)
    let shuffled = data.shuffled(using: &generator)
    #expect(KaplanMeierEstimate(try data.sample()) == KaplanMeierEstimate(try shuffled.sample()))
    #expect(
      KaplanMeierEstimate.byGroup(try data.grouped(groupCount: 3))
        == KaplanMeierEstimate.byGroup(try shuffled.grouped(groupCount: 3)))
    #expect(
      try LogRankTest(data.grouped(groupCount: 3), rho: 1)
        == LogRankTest(shuffled.grouped(groupCount: 3), rho: 1))
  }

  @Test("Scaling the times scales the quantiles and restricted means and keeps S", arguments: seeds)
  func timeScaling(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let data = RandomSurvivalData.make(
      count: 100, groupCount: 1, maximumTime: 50, using: &generator)
    let scale = 2.5
    let fit = KaplanMeierEstimate(try data.sample())
    let scaled = KaplanMeierEstimate(
      try RightCensoredSample(times: data.times.map { $0 * scale }, events: data.events))
    #expect(scaled.survival == fit.survival)
    #expect(scaled.times == fit.times.map { $0 * scale })
    for (original, stretched) in zip(
      try fit.quantiles([0.25, 0.5, 0.75]), try scaled.quantiles([0.25, 0.5, 0.75]))
    {
      expectClose(
        stretched.estimate, original.estimate.map { $0 * scale }, relativeTolerance: 1e-15,
        "quantile")
      expectClose(
        stretched.lower, original.lower.map { $0 * scale }, relativeTolerance: 1e-15, "lower")
      expectClose(
        stretched.upper, original.upper.map { $0 * scale }, relativeTolerance: 1e-15, "upper")
    }
    let tau = 40.0
    let restricted = try fit.restrictedMean(upTo: tau)
    let stretchedMean = try scaled.restrictedMean(upTo: tau * scale)
    expectClose(
      stretchedMean.estimate, restricted.estimate * scale, relativeTolerance: 1e-13, "rmean")
    expectClose(
      stretchedMean.standardError, restricted.standardError * scale, relativeTolerance: 1e-13, "se")
  }

  @Test(
    "Risk-table counts add up to n; step function and counts agree with the rows", arguments: seeds)
  func riskTableIdentity(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let data = RandomSurvivalData.make(count: 90, groupCount: 1, maximumTime: 25, using: &generator)
    let fit = KaplanMeierEstimate(try data.sample())
    let n = fit.subjectCount
    for step in 0...60 {
      let t = Double(step) * 0.5
      let atRisk = fit.numberAtRisk(at: t)
      #expect(atRisk + fit.cumulativeEvents(before: t) + fit.cumulativeCensored(before: t) == n)
      #expect(atRisk == data.times.filter { $0 >= t }.count)
      #expect(
        fit.cumulativeEvents(through: t)
          == zip(data.times, data.events).filter { $0.0 <= t && $0.1 }.count)
      #expect(
        fit.cumulativeCensored(through: t)
          == zip(data.times, data.events).filter { $0.0 <= t && !$0.1 }.count)
      if !data.times.contains(t) {
        #expect(atRisk + fit.cumulativeEvents(through: t) + fit.cumulativeCensored(through: t) == n)
      }
      let expected: Double? =
        t > fit.lastTime ? nil : (fit.times.lastIndex { $0 <= t }.map { fit.survival[$0] } ?? 1)
      #expect(fit.survival(at: t) == expected)
    }
  }

  @Test("Reverse Kaplan–Meier is the estimate of the flipped indicator", arguments: seeds)
  func reverseKaplanMeier(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let data = RandomSurvivalData.make(count: 80, groupCount: 1, maximumTime: 20, using: &generator)
    let followUp = MedianFollowUp(try data.sample())
    let flipped = KaplanMeierEstimate(
      try RightCensoredSample(times: data.times, events: data.events.map { !$0 }))
    #expect(followUp.reverseEstimate == flipped)
    #expect(followUp.median == flipped.median)
  }

  @Test("withConfidence changes only the band", arguments: seeds)
  func bandSwitch(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let data = RandomSurvivalData.make(count: 60, groupCount: 1, using: &generator)
    let sample = try data.sample()
    let band = try ConfidenceBand(.logLog, level: 0.8)
    #expect(
      KaplanMeierEstimate(sample).withConfidence(band)
        == KaplanMeierEstimate(sample, confidence: band))
  }
}
