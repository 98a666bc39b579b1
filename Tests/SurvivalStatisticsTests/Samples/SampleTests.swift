import SurvivalStatistics
import Testing

@Suite("Samples: validation, ordering and near-tie merging")
struct SampleTests {
  @Test("Invalid times are reported with the first index, the value and the count, verbatim")
  func invalidTimes() {
    #expect(throws: SurvivalDataError.invalidTime(index: 2, value: -3, invalidCount: 3)) {
      try RightCensoredSample(
        times: [1, 2, -3, .infinity, 4, -1], events: Array(repeating: true, count: 6))
    }
    #expect(
      SurvivalDataError.invalidTime(index: 2, value: -3, invalidCount: 3).description
        == "time at index 2 is '-3.0'; survival times must be finite and non-negative (and 2 more)")
    #expect(
      SurvivalDataError.invalidTime(index: 0, value: .infinity, invalidCount: 1).description
        == "time at index 0 is 'inf'; survival times must be finite and non-negative")
    do {
      _ = try RightCensoredSample(times: [1, .nan], events: [true, false])
      Issue.record("NaN accepted")
    } catch {
      #expect(
        error.description
          == "time at index 1 is 'nan'; survival times must be finite and non-negative")
    }
  }

  @Test("Empty samples and length mismatches are errors")
  func shapes() {
    #expect(throws: SurvivalDataError.noObservations) {
      try RightCensoredSample(times: [], events: [])
    }
    #expect(throws: SurvivalDataError.lengthMismatch(column: "events", count: 1, timeCount: 2)) {
      try RightCensoredSample(times: [1, 2], events: [true])
    }
    #expect(throws: SurvivalDataError.lengthMismatch(column: "groups", count: 1, timeCount: 2)) {
      try GroupedSample(times: [1, 2], events: [true, false], groups: ["a"])
    }
    #expect(throws: SurvivalDataError.lengthMismatch(column: "strata", count: 3, timeCount: 2)) {
      try GroupedSample(
        times: [1, 2], events: [true, false], groups: ["a", "b"], strata: ["x", "y", "z"])
    }
    #expect(
      SurvivalDataError.lengthMismatch(column: "events", count: 1, timeCount: 2).description
        == "'events' has 1 values but 'times' has 2")
    #expect(SurvivalDataError.noObservations.description == "the sample has no observations")
  }

  @Test("Group labels: unknown, duplicate, empty and out-of-range codes name the offender")
  func labels() {
    #expect(
      throws: SurvivalDataError.unknownLabel(.group, index: 2, label: "C", allowed: ["A", "B"])
    ) {
      try GroupedSample(
        times: [1, 2, 3], events: [true, true, true], groups: ["A", "B", "C"],
        groupOrder: ["A", "B"])
    }
    #expect(
      SurvivalDataError.unknownLabel(.group, index: 2, label: "C", allowed: ["A", "B"]).description
        == "group at index 2 is 'C', which is not one of 'A', 'B'")
    #expect(throws: SurvivalDataError.labelWithoutObservations(.group, label: "C")) {
      try GroupedSample(
        times: [1, 2], events: [true, true], groups: ["A", "B"], groupOrder: ["A", "B", "C"])
    }
    #expect(
      SurvivalDataError.labelWithoutObservations(.group, label: "C").description
        == "group 'C' has no observations. Remove it from the declared labels or check the data")
    #expect(throws: SurvivalDataError.duplicateLabel(.stratum, label: "x")) {
      try GroupedSample(
        times: [1, 2], events: [true, true], groups: ["A", "B"], strata: ["x", "x"],
        strataOrder: ["x", "x"])
    }
    #expect(
      SurvivalDataError.duplicateLabel(.stratum, label: "x").description
        == "stratum label 'x' is declared twice")
    #expect(
      throws: SurvivalDataError.labelIndexOutOfRange(.group, index: 1, value: 2, labelCount: 2)
    ) {
      try GroupedSample(
        times: [1, 2], events: [true, true], groupCodes: [0, 2], groupLabels: ["A", "B"])
    }
    #expect(
      SurvivalDataError.labelIndexOutOfRange(.group, index: 1, value: 2, labelCount: 2).description
        == "group code at index 1 is 2; codes must be in 0..<2")
  }

  @Test("Default label order is numeric for numbers, lexicographic otherwise, as factor()")
  func defaultOrder() throws {
    let numeric = try GroupedSample(
      times: [1, 2, 3, 4], events: [true, true, true, true], groups: ["10", "2", "1", "2"])
    #expect(numeric.groupLabels == ["1", "2", "10"])
    #expect(numeric.groupSizes == [1, 2, 1])
    let text = try GroupedSample(
      times: [1, 2, 3], events: [true, true, true], groups: ["placebo", "drug", "placebo"])
    #expect(text.groupLabels == ["drug", "placebo"])
    let ordered = try GroupedSample(
      times: [1, 2, 3], events: [true, true, true], groups: ["placebo", "drug", "placebo"],
      groupOrder: ["placebo", "drug"])
    #expect(ordered.groupLabels == ["placebo", "drug"])
    #expect(ordered.sample(inGroup: 0).times == [1, 3])
    #expect(ordered.pooled.count == 3)
  }

  @Test("Observations are sorted stably by time, −0 reads as 0, and events are counted")
  func ordering() throws {
    let sample = try RightCensoredSample(
      times: [3, -0.0, 2, 2, 1], events: [true, false, true, false, true])
    #expect(sample.times == [0, 1, 2, 2, 3])
    #expect(sample.times[0].sign == .plus)
    #expect(sample.isEvent == [false, true, true, false, true])
    #expect(sample.eventCount == 3)
    #expect(sample.censoringAsEvent.isEvent == [true, false, false, true, false])
    // Large samples take the radix path; it must agree with a comparison sort.
    var generator = SplitMix64(seed: 11)
    let times = (0..<5000).map { _ in Double(Int.random(in: 0...300, using: &generator)) / 7 }
    let events = times.indices.map { $0.isMultiple(of: 3) }
    let large = try RightCensoredSample(times: times, events: events, mergingNearTies: false)
    let expected = times.indices.sorted { (times[$0], $0) < (times[$1], $1) }
    #expect(large.times == expected.map { times[$0] })
    #expect(large.isEvent == expected.map { events[$0] })
  }

  @Test("Near-tied times are merged as R's aeqSurv")
  func nearTies() throws {
    // aeqSurv(Surv(c(1, 1+1e-9, 2, 2+3e-8, 3, 3+2e-8), ...))[, 1] = 1 1 2 2.0000000299999998 3 3
    let sample = try RightCensoredSample(
      times: [1, 1 + 1e-9, 2, 2 + 3e-8, 3, 3 + 2e-8], events: [true, true, true, true, false, true])
    #expect(sample.times == [1, 1, 2, 2.0000000299999998, 3, 3])
    #expect(sample.mergedNearTieCount == 2)
    // aeqSurv(Surv(c(10, 10+1e-7, 20, 20+5e-7), ...))[, 1] = 10 10 20 20.000000499999999 (relative rule)
    let relative = try RightCensoredSample(
      times: [10, 10 + 1e-7, 20, 20 + 5e-7], events: [true, true, true, true])
    #expect(relative.times == [10, 10, 20, 20.000000499999999])
    let unmerged = try RightCensoredSample(
      times: [10, 10 + 1e-7, 20, 20 + 5e-7], events: [true, true, true, true],
      mergingNearTies: false)
    #expect(unmerged.times == [10, 10 + 1e-7, 20, 20 + 5e-7])
    #expect(unmerged.mergedNearTieCount == 0)
    // Days converted to years and back produce exact ties again.
    let days: [Double] = [365, 730, 730, 1095]
    let years = try RightCensoredSample(
      times: days.map { $0 / 365.25 }, events: [true, true, false, true])
    #expect(KaplanMeierEstimate(years).times.count == 3)
  }

  @Test("Grouped samples keep codes aligned after sorting and across strata")
  func groupedAlignment() throws {
    let sample = try GroupedSample(
      times: [5, 1, 3, 2, 4], events: [true, false, true, true, false],
      groups: ["b", "a", "b", "a", "b"],
      strata: ["s2", "s1", "s1", "s2", "s2"])
    #expect(sample.times == [1, 2, 3, 4, 5])
    #expect(sample.groupIndices == [0, 0, 1, 1, 1])
    #expect(sample.stratumIndices == [0, 1, 0, 1, 1])
    #expect(sample.isEvent == [false, true, true, false, true])
    #expect(sample.strataLabels == ["s1", "s2"])
    #expect(sample.isStratified)
    #expect(sample.groupSizes == [2, 3])
  }
}
