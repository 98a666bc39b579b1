import Foundation
import SurvivalStatistics
import Testing

/// Kaplan–Meier estimates with entry times (left truncation) and case weights, and the log-rank
/// test with entry times, against R (fixture `EntryKaplanMeierReference.swift`).
@Suite("Kaplan–Meier and log-rank with entry times and weights vs survfit")
struct EntryKaplanMeierTests {
  private static let small = ModelData(columns: [
    "entry": .numeric([0, 0, 2, 3, 1, 5, 0, 4]), "time": .numeric([4, 6, 5, 8, 3, 9, 2, 7]),
    "status": .numeric([1, 0, 1, 1, 0, 1, 1, 0]), "g": .numeric([1, 1, 1, 1, 2, 2, 2, 2]),
  ])

  /// The sample and grouping each reference case describes.
  private func estimates(_ reference: EntryKaplanMeierReference) throws -> [KaplanMeierEstimate] {
    typealias C = FixtureColumns
    switch reference.id {
    case "small_entry":
      let d = Self.small
      return [
        KaplanMeierEstimate(
          try RightCensoredSample(
            entryTimes: C.numbers(d, "entry"), times: C.numbers(d, "time"),
            events: C.numbers(d, "status").map { $0 == 1 }))
      ]
    case "mgus2_entry_by_sex":
      let d = DesignReferenceData.mgus2
      let sample = try GroupedSample(
        entryTimes: C.numbers(d, "entry"), times: C.numbers(d, "exit"),
        events: C.numbers(d, "death").map { $0 == 1 }, groups: C.labels(d, "sex").map { $0! })
      return KaplanMeierEstimate.byGroup(sample)
    case "pbc_weights", "pbc_fractional_weights":
      let d = DesignReferenceData.pbc
      let sample = try GroupedSample(
        times: C.numbers(d, "time"), events: C.numbers(d, "status").map { $0 == 2 },
        groups: C.labels(d, "trt").map { $0! },
        weights: C.numbers(d, reference.id == "pbc_weights" ? "w" : "wf"))
      // The reference is R's robust = FALSE (Greenwood); the robust default is checked through
      // the command line (DesignCommandTests).
      return KaplanMeierEstimate.byGroup(sample, variance: .greenwood)
    case "mgus2_entry_weights":
      let d = DesignReferenceData.mgus2
      let hgb = C.numbers(d, "hgb")
      let rows = hgb.indices.filter { !hgb[$0].isNaN }
      return [
        KaplanMeierEstimate(
          try RightCensoredSample(
            entryTimes: rows.map { C.numbers(d, "entry")[$0] },
            times: rows.map { C.numbers(d, "exit")[$0] },
            events: rows.map { C.numbers(d, "death")[$0] == 1 }, weights: rows.map { hgb[$0] }),
          variance: .greenwood)
      ]
    default:
      fatalError("unknown case \(reference.id)")
    }
  }

  @Test(
    "times, numbers at risk, events, survival, Greenwood and Nelson–Aalen as R",
    arguments: entryKaplanMeierReferences)
  func curves(_ reference: EntryKaplanMeierReference) throws {
    let fits = try estimates(reference)
    #expect(fits.count == reference.curves.count)
    for (fit, curve) in zip(fits, reference.curves) {
      #expect(fit.times == curve.time)
      let isWeighted = fit.weightedAtRisk != nil
      CoxCheck.close(
        fit.weightedAtRisk ?? fit.atRisk.map(Double.init), curve.atRisk, relative: 1e-12, "n.risk")
      CoxCheck.close(
        fit.weightedEvents ?? fit.events.map(Double.init), curve.events, relative: 1e-14, "n.event")
      CoxCheck.close(
        fit.weightedCensored ?? fit.censored.map(Double.init), curve.censored, relative: 1e-14,
        "n.censor")
      CoxCheck.close(fit.survival, curve.survival, relative: 1e-13, "surv")
      CoxCheck.close(
        fit.standardErrorOfLogSurvival, curve.standardError, relative: 1e-13, "std.err")
      CoxCheck.close(fit.cumulativeHazard, curve.cumulativeHazard, relative: 1e-13, "cumhaz")
      CoxCheck.close(
        fit.cumulativeHazardStandardError, curve.cumulativeHazardStandardError, relative: 1e-13,
        "std.chaz")
      if !isWeighted {
        #expect(fit.atRisk.map(Double.init) == curve.atRisk)
      } else {
        // The unweighted counts stay available beside R's weighted ones.
        #expect(fit.events.reduce(0, +) == fit.eventCount)
        #expect(fit.atRisk.first! >= fit.atRisk.last!)
      }
    }
  }

  @Test("the number at risk counts only those who have entered")
  func atRiskAfterEntry() throws {
    let d = Self.small
    let fit = KaplanMeierEstimate(
      try RightCensoredSample(
        entryTimes: FixtureColumns.numbers(d, "entry"), times: FixtureColumns.numbers(d, "time"),
        events: FixtureColumns.numbers(d, "status").map { $0 == 1 }))
    // At t = 2 subjects entering at 2, 3, 4 and 5 are not yet at risk.
    #expect(fit.times.first == 2 && fit.atRisk.first == 4)
  }

  private func logRankSample(_ reference: EntryLogRankReference) throws -> GroupedSample {
    typealias C = FixtureColumns
    let d = DesignReferenceData.named(reference.data)
    switch reference.id {
    case "mgus2_sex":
      return try GroupedSample(
        entryTimes: C.numbers(d, "entry"), times: C.numbers(d, "exit"),
        events: C.numbers(d, "death").map { $0 == 1 }, groups: C.labels(d, "sex").map { $0! })
    case "mgus2_hgbgrp", "mgus2_no_entry":
      let group = C.labels(d, "hgbgrp")
      let rows = group.indices.filter { group[$0] != nil }
      return try GroupedSample(
        entryTimes: reference.id == "mgus2_no_entry" ? nil : rows.map { C.numbers(d, "entry")[$0] },
        times: rows.map { C.numbers(d, reference.id == "mgus2_no_entry" ? "futime" : "exit")[$0] },
        events: rows.map { C.numbers(d, "death")[$0] == 1 }, groups: rows.map { group[$0]! },
        groupOrder: ["low", "mid", "high"])
    case "mgus2_sex_strata":
      return try GroupedSample(
        entryTimes: C.numbers(d, "entry"), times: C.numbers(d, "exit"),
        events: C.numbers(d, "death").map { $0 == 1 }, groups: C.labels(d, "sex").map { $0! },
        strata: C.numbers(d, "age").map { $0 >= 70 ? "TRUE" : "FALSE" })
    case "cgd_treat":
      return try GroupedSample(
        entryTimes: C.numbers(d, "tstart"), times: C.numbers(d, "tstop"),
        events: C.numbers(d, "status").map { $0 == 1 }, groups: C.labels(d, "treat").map { $0! },
        groupOrder: ["placebo", "rIFN-g"])
    default:
      fatalError("unknown case \(reference.id)")
    }
  }

  @Test(
    "log-rank with entry times: the exact-likelihood Cox score test",
    arguments: entryLogRankReferences)
  func logRank(_ reference: EntryLogRankReference) throws {
    let test = try LogRankTest(try logRankSample(reference))
    let chiSquare = try #require(test.chiSquare)
    CoxCheck.close(chiSquare.statistic, reference.chisq, relative: 1e-10, "chisq")
    #expect(chiSquare.degreesOfFreedom == reference.df)
    if let survdiff = reference.survdiff {
      CoxCheck.close(chiSquare.statistic, survdiff, relative: 1e-12, "survdiff")
    }
  }

  @Test("what R's survdiff cannot do is refused with a message")
  func refusals() throws {
    let d = Self.small
    let withEntry = try GroupedSample(
      entryTimes: FixtureColumns.numbers(d, "entry"), times: FixtureColumns.numbers(d, "time"),
      events: FixtureColumns.numbers(d, "status").map { $0 == 1 },
      groups: FixtureColumns.labels(d, "g").map { $0! })
    #expect(throws: SurvivalOptionError.rhoWithEntryTimes(1)) { try LogRankTest(withEntry, rho: 1) }
    let weighted = try GroupedSample(
      times: FixtureColumns.numbers(d, "time"),
      events: FixtureColumns.numbers(d, "status").map { $0 == 1 },
      groups: FixtureColumns.labels(d, "g").map { $0! }, weights: [1, 2, 1, 2, 1, 2, 1, 2])
    #expect(throws: SurvivalOptionError.caseWeightsInLogRankTest) { try LogRankTest(weighted) }
    #expect(
      SurvivalOptionError.rhoWithEntryTimes(1).description
        == "rho '1.0' is not available with entry times; only the log-rank test (rho 0) is defined for left-truncated data"
    )
    #expect(throws: SurvivalDataError.emptyInterval(index: 1, entry: 6, time: 6, invalidCount: 1)) {
      try RightCensoredSample(entryTimes: [0, 6], times: [4, 6], events: [true, false])
    }
    #expect(
      SurvivalDataError.emptyInterval(index: 1, entry: 6, time: 6, invalidCount: 1).description
        == "time at index 1 is '6.0', not after its entry time '6.0'; a subject must be followed after it enters"
    )
    #expect(throws: SurvivalDataError.invalidWeight(index: 0, value: -1, invalidCount: 1)) {
      try RightCensoredSample(times: [4, 6], events: [true, false], weights: [-1, 1])
    }
  }

  @Test(
    "seeded: entries before the first time and unit weights change nothing",
    arguments: [31, 32] as [UInt64])
  func unitWeightsAndEarlyEntry(seed: UInt64) throws {
    var rng = SeededGenerator(seed: seed)
    let n = 200
    let times = (0..<n).map { _ in Double(Int.random(in: 1...300, using: &rng)) }
    let events = (0..<n).map { _ in Bool.random(using: &rng) }
    let groups = (0..<n).map { _ in ["A", "B", "C"][Int.random(in: 0...2, using: &rng)] }
    let plain = try GroupedSample(times: times, events: events, groups: groups)
    let general = try GroupedSample(
      entryTimes: times.map { _ in -1 }, times: times, events: events, groups: groups,
      weights: times.map { _ in 1 })
    for (a, b) in zip(KaplanMeierEstimate.byGroup(plain), KaplanMeierEstimate.byGroup(general)) {
      #expect(a.times == b.times && a.atRisk == b.atRisk && a.events == b.events)
      #expect(a.survival == b.survival)
      #expect(a.standardErrorOfLogSurvival == b.standardErrorOfLogSurvival)
      #expect(a.cumulativeHazard == b.cumulativeHazard)
    }
    let entryOnly = try GroupedSample(
      entryTimes: times.map { _ in -1 }, times: times, events: events, groups: groups)
    let plainTest = try LogRankTest(plain)
    let entryTest = try LogRankTest(entryOnly)
    CoxCheck.close(
      entryTest.chiSquare!.statistic, plainTest.chiSquare!.statistic, relative: 1e-12, "log-rank")
    CoxCheck.close(entryTest.expected, plainTest.expected, relative: 1e-12, "expected")
  }
}
