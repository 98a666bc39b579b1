import Testing

@testable import SurvivalStatistics

/// Small data sets with edge behaviour, each checked against R (`survfit`, `quantile`,
/// `summary(fit, times = c(0, 1, 2, 5, 10), extend = TRUE)`, `summary(fit, rmean = 4)`).
///
/// Tolerance 1e-12 relative, as for the other closed-form values.
@Suite("Kaplan–Meier edge cases")
struct KaplanMeierEdgeCaseTests {
  static let tolerance = 1e-12
  static let summaryTimes: [Double] = [0, 1, 2, 5, 10]

  static func estimate(
    _ times: [Double], _ events: [Bool], _ transform: ConfidenceBand.Transform = .log
  )
    throws -> KaplanMeierEstimate
  {
    try KaplanMeierEstimate(
      RightCensoredSample(times: times, events: events), confidence: ConfidenceBand(transform))
  }

  @Test("Events and censorings at time 0: rows at 0, quantile 0, summary at 0 uses the row")
  func timeZero() throws {
    // survfit(Surv(c(0,0,0,1,2,2,3), c(1,0,1,1,1,0,0)) ~ 1, conf.type = "log")
    let times: [Double] = [0, 0, 0, 1, 2, 2, 3]
    let events = [true, false, true, true, true, false, false]
    let fit = try Self.estimate(times, events)
    #expect(fit.times == [0, 1, 2, 3])
    #expect(fit.atRisk == [7, 4, 3, 1])
    #expect(fit.events == [2, 1, 1, 0])
    #expect(fit.censored == [1, 0, 1, 1])
    expectClose(
      fit.survival.map(Optional.some),
      [0.7142857142857143, 0.5357142857142857, 0.3571428571428571, 0.3571428571428571],
      relativeTolerance: Self.tolerance, "surv")
    expectClose(
      fit.standardErrorOfLogSurvival.map(Optional.some),
      [0.23904572186687872, 0.37480153478366451, 0.55420470689345214, 0.55420470689345214],
      relativeTolerance: Self.tolerance, "std.err")
    expectClose(
      fit.rows.map(\.lower),
      [0.44709094792777365, 0.25698133617804808, 0.12053191784365833, 0.12053191784365833],
      relativeTolerance: Self.tolerance, "lower")
    #expect(fit.rows.map(\.upper) == [1, 1, 1, 1])
    // quantile(fit, c(.25, .5, .75), conf.int = TRUE): 0 2 NA | lower 0 0 2 | upper NA NA NA
    let quantiles = try fit.quantiles([0.25, 0.5, 0.75])
    #expect(quantiles.map(\.estimate) == [0, 2, nil])
    #expect(quantiles.map(\.lower) == [0, 0, 2])
    #expect(quantiles.map(\.upper) == [nil, nil, nil])
    // summary(fit, times = c(0, 1, 2, 5, 10), extend = TRUE)
    let summary = try fit.survival(atTimes: Self.summaryTimes)
    #expect(summary.map(\.atRisk) == [7, 4, 3, 0, 0])
    #expect(summary.map(\.events) == [2, 1, 1, 0, 0])
    #expect(summary.map(\.censored) == [1, 0, 1, 1, 0])
    expectClose(
      summary.map(\.survival),
      [0.7142857142857143, 0.5357142857142857, 0.3571428571428571, nil, nil],
      relativeTolerance: Self.tolerance, "summary surv")
    // summary(fit, rmean = 4)$table: 1.9642857142857142 0.66009347557861653
    let restricted = try fit.restrictedMean(upTo: 4)
    expectClose(restricted.estimate, 1.9642857142857142, relativeTolerance: Self.tolerance, "rmean")
    expectClose(
      restricted.standardError, 0.66009347557861653, relativeTolerance: Self.tolerance, "se")

    let logLog = try Self.estimate(times, events, .logLog)
    // conf.type = "log-log": quantile lower 0 0 1, upper 2 NA NA
    let logLogQuantiles = try logLog.quantiles([0.25, 0.5, 0.75])
    #expect(logLogQuantiles.map(\.lower) == [0, 0, 1])
    #expect(logLogQuantiles.map(\.upper) == [2, nil, nil])
    expectClose(
      logLog.rows.map(\.upper),
      [0.9197974560448583, 0.82499704203971369, 0.69871303198504864, 0.69871303198504864],
      relativeTolerance: Self.tolerance, "log-log upper")
  }

  @Test("Times near the largest double: the median midpoint does not overflow to ∞")
  func hugeTimes() throws {
    // S: 2/3 after t = 5, 1/3 at 1e308 (tied event and censoring); median = 1e308, the first
    // time S ≤ 0.5 (not a midpoint: S is never exactly 0.5).
    let fit = try Self.estimate([5, 1e308, 1e308], [true, true, false])
    #expect(fit.median.estimate == 1e308)
    #expect(_QuantileCurve.midpoint(1e308, 1e308) == 1e308)
    #expect(_QuantileCurve.midpoint(3, 4) == 3.5)
  }

  @Test("All censored: S = 1, no quantiles, log-log limits undefined except before the first time")
  func allCensored() throws {
    let fit = try Self.estimate([1, 2, 3], [false, false, false])
    #expect(fit.survival == [1, 1, 1])
    #expect(fit.standardErrorOfLogSurvival == [0, 0, 0])
    #expect(fit.rows.map(\.lower) == [1, 1, 1])
    #expect(fit.rows.map(\.upper) == [1, 1, 1])
    #expect(fit.eventCount == 0)
    #expect(
      try fit.quantiles([0.25, 0.5, 0.75]).allSatisfy {
        $0.estimate == nil && $0.lower == nil && $0.upper == nil
      })
    let restricted = try fit.restrictedMean(upTo: 4)
    #expect(restricted.estimate == 4 && restricted.standardError == 0)

    let logLog = try Self.estimate([1, 2, 3], [false, false, false], .logLog)
    #expect(logLog.rows.allSatisfy { $0.lower == nil && $0.upper == nil })
    // summary(fit, times = c(0, 1, 2, 5, 10), extend = TRUE), log-log: lower 1 NA NA NA NA
    let summary = try logLog.survival(atTimes: Self.summaryTimes)
    #expect(summary.map(\.lower) == [1, nil, nil, nil, nil])
    #expect(summary.map(\.atRisk) == [3, 3, 2, 0, 0])
    #expect(summary.map(\.survival) == [1, 1, 1, nil, nil])
  }

  @Test("All events at one time: S drops to 0, se = ∞, quantiles at that time, no intervals")
  func allEventsAtOneTime() throws {
    for transform in ConfidenceBand.Transform.allCases {
      let fit = try Self.estimate([2, 2, 2, 2], [true, true, true, true], transform)
      #expect(fit.times == [2] && fit.atRisk == [4] && fit.events == [4])
      #expect(fit.survival == [0])
      #expect(fit.standardErrorOfLogSurvival == [.infinity])
      let row = fit.rows[0]
      #expect(row.lower == nil && row.upper == nil && row.standardError == nil)
      let quantiles = try fit.quantiles([0.25, 0.5, 0.75])
      #expect(quantiles.map(\.estimate) == [2, 2, 2])
      #expect(quantiles.allSatisfy { $0.lower == nil && $0.upper == nil })
      let summary = try fit.survival(atTimes: Self.summaryTimes)
      #expect(summary.map(\.events) == [0, 0, 4, 0, 0])
      #expect(summary.map(\.survival) == [1, 1, 0, nil, nil])
      #expect(summary.map(\.lower) == [1, 1, nil, nil, nil])
      let restricted = try fit.restrictedMean(upTo: 4)
      #expect(restricted.estimate == 2 && restricted.standardError == 0)
      #expect(fit.survival(at: 2) == 0)
      #expect(fit.survival(at: 1.5) == 1)
    }
  }

  @Test("A single subject, with an event or censored")
  func singleSubject() throws {
    let event = try Self.estimate([3], [true])
    #expect(event.survival == [0] && event.standardErrorOfLogSurvival == [.infinity])
    #expect(try event.quantiles([0.25, 0.5, 0.75]).map(\.estimate) == [3, 3, 3])
    #expect(try event.restrictedMean(upTo: 4).estimate == 3)
    let censored = try Self.estimate([3], [false])
    #expect(censored.survival == [1] && censored.rows[0].lower == 1 && censored.rows[0].upper == 1)
    #expect(censored.median.estimate == nil)
    #expect(try censored.survival(atTimes: Self.summaryTimes).map(\.atRisk) == [1, 1, 1, 0, 0])
  }

  @Test("Ties between events and censorings: censored subjects are at risk at their time")
  func tiedEventAndCensoring() throws {
    // survfit(Surv(c(1,2,2,2,3,4), c(1,1,0,0,1,0)) ~ 1)
    let fit = try Self.estimate([1, 2, 2, 2, 3, 4], [true, true, false, false, true, false])
    #expect(fit.atRisk == [6, 5, 2, 1])
    #expect(fit.events == [1, 1, 1, 0])
    #expect(fit.censored == [0, 2, 0, 1])
    expectClose(
      fit.survival.map(Optional.some),
      [0.83333333333333337, 0.66666666666666674, 0.33333333333333337, 0.33333333333333337],
      relativeTolerance: Self.tolerance, "surv")
    expectClose(
      fit.standardErrorOfLogSurvival.map(Optional.some),
      [0.18257418583505536, 0.28867513459481292, 0.76376261582597338, 0.76376261582597338],
      relativeTolerance: Self.tolerance, "std.err")
    let quantiles = try fit.quantiles([0.25, 0.5, 0.75])
    #expect(quantiles.map(\.estimate) == [2, 3, nil])
    #expect(quantiles.map(\.lower) == [1, 2, 3])
    let restricted = try fit.restrictedMean(upTo: 4)
    expectClose(restricted.estimate, 2.8333333333333335, relativeTolerance: Self.tolerance, "rmean")
    expectClose(
      restricted.standardError, 0.46646821177074071, relativeTolerance: Self.tolerance, "se")
  }

  @Test("Midpoint rule where the curve sits exactly at 1 − p, also at the end of follow-up")
  func midpointRule() throws {
    // survfit(Surv(c(1,2,3,4), c(1,1,0,0)) ~ 1): quantile 1.5 3 NA | lower 1 1 2
    let fit = try Self.estimate([1, 2, 3, 4], [true, true, false, false])
    let quantiles = try fit.quantiles([0.25, 0.5, 0.75])
    #expect(quantiles.map(\.estimate) == [1.5, 3, nil])
    #expect(quantiles.map(\.lower) == [1, 1, 2])
    #expect(quantiles.map(\.upper) == [nil, nil, nil])
    let restricted = try fit.restrictedMean(upTo: 4)
    expectClose(restricted.estimate, 2.75, relativeTolerance: Self.tolerance, "rmean")
    expectClose(
      restricted.standardError, 0.649519052838329, relativeTolerance: Self.tolerance, "se")
  }

  @Test("A non-monotone upper curve: R takes the point with the smallest value at or above p")
  func nonMonotoneUpperCurve() throws {
    // t <- c(15,25,12,11,20,6,1,12,21,5,23,2); s <- c(0,1,1,1,0,1,1,0,1,1,1,1)
    // quantile(survfit(Surv(t, s) ~ 1, conf.type = "log", conf.int = level), c(.1, .2, .3), conf.int = TRUE)
    // At level 0.95 the upper curve rises again (0.8804, 0.8881, 0.9099), so 1 − upper first
    // reaches 0.1 at t = 12 but R reports t = 21, where 1 − upper = 0.1119 is the smallest value ≥ 0.1.
    let times: [Double] = [15, 25, 12, 11, 20, 6, 1, 12, 21, 5, 23, 2]
    let events = [0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 1].map { $0 == 1 }
    let sample = try RightCensoredSample(times: times, events: events)
    let expectations: [(level: Double, lower: [Double?], upper: [Double?])] = [
      (0.5, [1, 2, 5], [5, 6, 11]), (0.8, [1, 2, 5], [6, 11, 21]),
      (0.95, [1, 1, 2], [21, nil, nil]),
    ]
    for expectation in expectations {
      let fit = KaplanMeierEstimate(
        sample, confidence: try ConfidenceBand(.log, level: expectation.level))
      let quantiles = try fit.quantiles([0.1, 0.2, 0.3])
      #expect(quantiles.map(\.estimate) == [2, 5, 6])
      #expect(quantiles.map(\.lower) == expectation.lower, "level \(expectation.level)")
      #expect(quantiles.map(\.upper) == expectation.upper, "level \(expectation.level)")
    }
  }

  @Test("Quantile probabilities 0 and 1; invalid options throw with the value named")
  func options() throws {
    let fit = try Self.estimate([1, 2, 3, 4], [true, true, true, true])
    #expect(try fit.quantile(0).estimate == 0)
    #expect(try fit.quantile(1).estimate == 4)
    #expect(throws: SurvivalOptionError.probabilityOutOfRange(1.5)) { try fit.quantile(1.5) }
    #expect(throws: SurvivalOptionError.invalidTime(-1)) { try fit.survival(atTimes: [1, -1]) }
    #expect(throws: SurvivalOptionError.invalidRestrictionTime(.infinity)) {
      try fit.restrictedMean(upTo: .infinity)
    }
    #expect(throws: SurvivalOptionError.confidenceLevelOutOfRange(1)) {
      try ConfidenceBand(.log, level: 1)
    }
    #expect(
      SurvivalOptionError.probabilityOutOfRange(1.5).description
        == "quantile probability '1.5' must be between 0 and 1 (0.5 is the median)")
    #expect(
      SurvivalOptionError.confidenceLevelOutOfRange(95).description
        == "confidence level '95.0' must be strictly between 0 and 1 (for example 0.95)")
    #expect(
      SurvivalOptionError.invalidTime(-1).description
        == "requested time '-1.0' must be finite and non-negative")
    #expect(
      SurvivalOptionError.invalidRestrictionTime(.nan).description
        == "restriction time 'nan' for the restricted mean must be finite and non-negative")
    // τ before the first time: the curve is 1 there.
    let early = try fit.restrictedMean(upTo: 0.5)
    #expect(early.restrictionTime == 0.5 && early.estimate == 0.5 && early.standardError == 0)
  }

  @Test("Requested times are reported sorted, with interval counts between them")
  func unsortedRequestedTimes() throws {
    let fit = try Self.estimate([1, 2, 2, 3, 5, 8], [true, false, true, true, false, true])
    let summary = try fit.survival(atTimes: [5, 0.5, 2])
    #expect(summary.map(\.time) == [0.5, 2, 5])
    #expect(summary.map(\.events) == [0, 2, 1])
    #expect(summary.map(\.censored) == [0, 1, 1])
    #expect(summary.map(\.atRisk) == [6, 5, 2])
  }

  @Test("Band description and R's default")
  func bandDescription() throws {
    #expect(ConfidenceBand.rDefault.description == "log 95%")
    #expect(try ConfidenceBand(.logLog, level: 0.9).description == "log-log 90%")
    #expect(try ConfidenceBand(.plain, level: 0.975).description == "plain 97.5%")
    expectClose(
      ConfidenceBand.rDefault.criticalValue, 1.959963984540054, relativeTolerance: 1e-15, "z")
  }
}
