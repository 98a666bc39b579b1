import SurvivalStatistics
import Testing

/// Kaplan–Meier results against R (`survfit`, `quantile`, `summary`, `print(rmean =)`) on R's
/// data sets, for all three bands.
///
/// Tolerance: 1e-12 relative; the estimates are closed-form products and sums, which agree with
/// R to a few units in the last place. Counts and times are compared exactly.
@Suite("Kaplan–Meier against survival::survfit")
struct KaplanMeierReferenceTests {
  static let tolerance = 1e-12
  static let transforms = ConfidenceBand.Transform.allCases

  @Test(
    "Tables match fit$time, n.risk, n.event, n.censor, surv, std.err, cumhaz, std.chaz and the band",
    arguments: KaplanMeierReference.all, transforms)
  func table(_ reference: KaplanMeierReference, _ transform: ConfidenceBand.Transform) throws {
    let estimates = try reference.estimates(ConfidenceBand(transform))
    #expect(estimates.count == reference.groups.count)
    for (estimate, group) in zip(estimates, reference.groups) {
      let name = "\(reference.name) \(group.strata) \(transform.rawValue)"
      let band = try #require(group.bands[transform])
      #expect(estimate.subjectCount == group.subjects, "\(name) n")
      #expect(estimate.eventCount == group.events, "\(name) events")
      #expect(estimate.times == group.time, "\(name) time")
      #expect(estimate.atRisk == group.atRisk, "\(name) n.risk")
      #expect(estimate.events == group.eventsByTime, "\(name) n.event")
      #expect(estimate.censored == group.censoredByTime, "\(name) n.censor")
      let rows = Array(estimate.rows)
      expectClose(
        rows.map(\.survival), group.survival, relativeTolerance: Self.tolerance, "\(name) surv")
      expectClose(
        rows.map(\.standardErrorOfLogSurvival), group.standardErrorOfLog,
        relativeTolerance: Self.tolerance, "\(name) std.err")
      expectClose(
        rows.map(\.standardError), group.standardError, relativeTolerance: Self.tolerance,
        "\(name) summary std.err")
      expectClose(
        rows.map(\.cumulativeHazard), group.cumulativeHazard, relativeTolerance: Self.tolerance,
        "\(name) cumhaz")
      expectClose(
        rows.map(\.cumulativeHazardStandardError), group.cumulativeHazardStandardError,
        relativeTolerance: Self.tolerance, "\(name) std.chaz")
      expectClose(rows.map(\.lower), band.lower, relativeTolerance: Self.tolerance, "\(name) lower")
      expectClose(rows.map(\.upper), band.upper, relativeTolerance: Self.tolerance, "\(name) upper")
    }
  }

  @Test(
    "Quantiles 0.25, 0.5, 0.75 and their intervals match quantile(fit, conf.int = TRUE)",
    arguments: KaplanMeierReference.all, transforms)
  func quantiles(_ reference: KaplanMeierReference, _ transform: ConfidenceBand.Transform) throws {
    let estimates = try reference.estimates(ConfidenceBand(transform))
    for (estimate, group) in zip(estimates, reference.groups) {
      let name = "\(reference.name) \(group.strata) \(transform.rawValue)"
      let band = try #require(group.bands[transform])
      let quantiles = try estimate.quantiles(group.quantileProbabilities)
      // Quantiles are data times or midpoints of two of them: compared exactly.
      #expect(quantiles.map(\.estimate) == group.quantileTimes, "\(name) quantile")
      #expect(quantiles.map(\.lower) == band.quantileLower, "\(name) quantile lower")
      #expect(quantiles.map(\.upper) == band.quantileUpper, "\(name) quantile upper")
      let median = estimate.median
      let index = try #require(group.quantileProbabilities.firstIndex(of: 0.5))
      #expect(median.estimate == group.quantileTimes[index], "\(name) median")
      #expect(median.lower == band.quantileLower[index], "\(name) median lower")
      #expect(median.upper == band.quantileUpper[index], "\(name) median upper")
    }
  }

  @Test(
    "Survival at requested times matches summary(fit, times = …)",
    arguments: KaplanMeierReference.all, transforms)
  func survivalAtTimes(_ reference: KaplanMeierReference, _ transform: ConfidenceBand.Transform)
    throws
  {
    let estimates = try reference.estimates(ConfidenceBand(transform))
    for (estimate, group) in zip(estimates, reference.groups) {
      let name = "\(reference.name) \(group.strata) \(transform.rawValue)"
      let band = try #require(group.bands[transform])
      let expected = group.atTimes
      let rows = try estimate.survival(atTimes: reference.requestedTimes)
      #expect(rows.map(\.time) == expected.time, "\(name) time")
      #expect(rows.map(\.events) == expected.events, "\(name) n.event")
      #expect(rows.map(\.censored) == expected.censored, "\(name) n.censor")
      #expect(rows.map(\.atRisk) == expected.atRisk, "\(name) n.risk")
      #expect(rows.map(\.isBeyondFollowUp) == expected.isEstimable.map { !$0 }, "\(name) beyond")
      for (index, row) in rows.enumerated() where expected.isEstimable[index] {
        let what = "\(name) t = \(row.time)"
        expectClose(
          row.survival, expected.survival[index], relativeTolerance: Self.tolerance, "\(what) surv")
        expectClose(
          row.standardError, expected.standardError[index], relativeTolerance: Self.tolerance,
          "\(what) std.err")
        expectClose(
          row.lower, band.atTimesLower[index], relativeTolerance: Self.tolerance, "\(what) lower")
        expectClose(
          row.upper, band.atTimesUpper[index], relativeTolerance: Self.tolerance, "\(what) upper")
      }
      for row in rows where row.isBeyondFollowUp {
        #expect(row.survival == nil && row.lower == nil && row.upper == nil, "\(name) beyond")
        #expect(row.standardError == nil, "\(name) beyond std.err")
      }
    }
  }

  @Test(
    "Restricted mean matches print(fit, rmean = tau) and rmean = \"common\"",
    arguments: KaplanMeierReference.all)
  func restrictedMean(_ reference: KaplanMeierReference) throws {
    let estimates = try reference.estimates(.rDefault)
    let common = try #require(KaplanMeierEstimate.commonRestrictionTime(estimates))
    #expect(common == reference.commonRestrictionTime)
    for (estimate, group) in zip(estimates, reference.groups) {
      let name = "\(reference.name) \(group.strata)"
      let restricted = try estimate.restrictedMean(upTo: reference.restrictionTime)
      #expect(restricted.restrictionTime == reference.restrictionTime)
      expectClose(
        restricted.estimate, group.restrictedMean.0, relativeTolerance: Self.tolerance,
        "\(name) rmean")
      expectClose(
        restricted.standardError, group.restrictedMean.1, relativeTolerance: Self.tolerance,
        "\(name) se(rmean)")
      let shared = try estimate.restrictedMean(upTo: common)
      expectClose(
        shared.estimate, group.commonRestrictedMean.0, relativeTolerance: Self.tolerance,
        "\(name) common rmean")
      expectClose(
        shared.standardError, group.commonRestrictedMean.1, relativeTolerance: Self.tolerance,
        "\(name) common se(rmean)")
    }
  }

  @Test(
    "Median follow-up matches the reverse Kaplan–Meier quantile",
    arguments: KaplanMeierReference.all, transforms)
  func followUp(_ reference: KaplanMeierReference, _ transform: ConfidenceBand.Transform) throws {
    let band = try ConfidenceBand(transform)
    let overall = MedianFollowUp(try reference.dataset.sample(), confidence: band).median
    let expected = try #require(reference.overallFollowUp[transform])
    #expect(overall.estimate == expected.estimate, "\(reference.name) overall follow-up")
    #expect(overall.lower == expected.lower, "\(reference.name) overall follow-up lower")
    #expect(overall.upper == expected.upper, "\(reference.name) overall follow-up upper")
    guard let groupColumn = reference.groupColumn else { return }
    let byGroup = MedianFollowUp.byGroup(
      try reference.dataset.grouped(by: groupColumn), confidence: band)
    for (followUp, group) in zip(byGroup, reference.groups) {
      let expected = try #require(group.bands[transform]?.followUp)
      let median = followUp.median
      #expect(
        QuantileReference(estimate: median.estimate, lower: median.lower, upper: median.upper)
          == expected, "\(reference.name) \(group.strata) follow-up")
    }
  }
}
