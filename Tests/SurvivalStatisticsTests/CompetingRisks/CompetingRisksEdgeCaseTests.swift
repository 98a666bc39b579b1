import Foundation
import SurvivalStatistics
import Testing

extension CompetingRisksTests {
  /// Edge cases, caveats and error messages of the competing-risks statistics.
  @Suite("Competing risks edge cases")
  struct EdgeCaseTests {
    // MARK: - Sample

    @Test("invalid samples are refused with the offending value")
    func sampleErrors() {
      #expect(throws: SurvivalDataError.noObservations) {
        try CompetingRisksSample(times: [], statuses: [])
      }
      #expect(throws: SurvivalDataError.lengthMismatch(column: "statuses", count: 1, timeCount: 2)) {
        try CompetingRisksSample(times: [1, 2], statuses: [.censored])
      }
      #expect(throws: SurvivalDataError.invalidTime(index: 1, value: -1, invalidCount: 1)) {
        try CompetingRisksSample(times: [1, -1], statuses: [.censored, .cause(1)])
      }
      #expect(
        throws: SurvivalDataError.unknownLabel(.group, index: 1, label: "c", allowed: ["a", "b"])
      ) {
        try CompetingRisksSample(
          times: [1, 2], statuses: [.cause(1), .cause(2)], groups: ["a", "c"],
          groupOrder: ["a", "b"])
      }
    }

    @Test("the sample sorts by time, keeps ties in input order and lists the causes")
    func sampleOrder() throws {
      let sample = try CompetingRisksSample(
        times: [5, 2, 5, 1], statuses: [.cause(3), .censored, .cause(1), .cause(3)],
        groups: ["10", "9", "10", "9"])
      #expect(sample.times == [1, 2, 5, 5])
      #expect(sample.statuses == [.cause(3), .censored, .cause(3), .cause(1)])
      #expect(sample.causes == [1, 3])
      #expect(sample.eventCounts == [1, 2])
      #expect(sample.groupLabels == ["9", "10"])
      #expect(sample.groupSizes == [2, 2])
      #expect(sample.isGrouped && !sample.isStratified)
      let ungrouped = try CompetingRisksSample(times: [1], statuses: [.censored])
      #expect(ungrouped.groupLabels == ["1"] && !ungrouped.isGrouped && ungrouped.causes.isEmpty)
    }

    // MARK: - Cumulative incidence

    @Test("a cause without events in a group has a zero curve; all censored gives no curves")
    func emptyCurves() throws {
      let sample = try CompetingRisksSample(
        times: [1, 2, 3, 4, 5], statuses: [.cause(1), .cause(2), .censored, .cause(1), .censored],
        groups: ["a", "b", "a", "a", "b"])
      let fit = CumulativeIncidence(sample)
      let curve = try #require(fit.curve(group: "a", cause: 2))
      #expect(curve.estimate == [0, 0, 0] && curve.variance == [0, 0, 0] && curve.eventCount == 0)
      #expect(curve.rows.allSatisfy { $0.lower == nil && $0.upper == nil })
      #expect(fit.curve(group: "a", cause: 7) == nil && fit.curve(group: "z", cause: 1) == nil)
      let censored = CumulativeIncidence(
        try CompetingRisksSample(times: [1, 2], statuses: [.censored, .censored]))
      #expect(censored.causes.isEmpty && censored.curves.isEmpty)
      #expect(censored.groups[0].eventFreeSurvival == [1, 1])
    }

    @Test(
      "everyone failing at the last time: the incidences reach 1 − 0 and the variance stays finite")
    func lastFailures() throws {
      let sample = try CompetingRisksSample(
        times: [1, 2, 3, 3], statuses: [.cause(2), .censored, .cause(1), .cause(1)])
      let fit = CumulativeIncidence(sample)
      let group = fit.groups[0]
      #expect(group.eventFreeSurvival.last == 0)
      #expect(abs(group.curves[0].estimate.last! + group.curves[1].estimate.last! - 1) < 1e-15)
      #expect(group.curves.allSatisfy { $0.variance.allSatisfy(\.isFinite) })
    }

    @Test("values at times: before the first time, at the last one, beyond, and invalid times")
    func valuesAtTimes() throws {
      let sample = try CompetingRisksSample(
        times: [2, 4, 6], statuses: [.cause(1), .censored, .censored])
      let curve = try #require(CumulativeIncidence(sample).curves.first)
      let values = try curve.values(atTimes: [7, 0, 6, 2])
      #expect(values.map(\.time) == [0, 2, 6, 7])
      let third: Double = 1.0 / 3
      let expected: [Double?] = [0, third, third, nil]
      #expect(values.map(\.estimate) == expected)
      #expect(values.map(\.atRisk) == [3, 3, 1, 0])
      #expect(values.map(\.isBeyondFollowUp) == [false, false, false, true])
      #expect(values[3].lower == nil && values[3].variance == nil)
      #expect(throws: SurvivalOptionError.invalidTime(-1)) { try curve.values(atTimes: [1, -1]) }
      #expect(throws: SurvivalOptionError.invalidTime(.infinity)) {
        try curve.values(atTimes: [.infinity])
      }
    }

    @Test("confidence bands: definitions at 0 and 1, levels and descriptions")
    func bands() throws {
      let logLog = CumulativeIncidenceBand.default
      #expect(logLog.transform == .logLog && logLog.level == 0.95)
      #expect(logLog.description == "log-log 95%")
      #expect(try CumulativeIncidenceBand(.plain, level: 0.9).description == "plain 90%")
      #expect(throws: SurvivalOptionError.confidenceLevelOutOfRange(1.5)) {
        try CumulativeIncidenceBand(.logLog, level: 1.5)
      }
      #expect(logLog.interval(estimate: 0, variance: 0) == (nil, nil))
      #expect(logLog.interval(estimate: 1, variance: 0.01) == (1, 1))
      let zero = logLog.interval(estimate: 0.3, variance: 0)
      #expect(zero.lower == 0.3 && zero.upper == 0.3)
      let plain = try CumulativeIncidenceBand(.plain)
      let clamped = plain.interval(estimate: 0.01, variance: 0.01)
      #expect(clamped.lower == 0)
      expectClose(clamped.upper, 0.01 + 1.959963984540054 * 0.1, relativeTolerance: 1e-15, "upper")
      #expect(plain.interval(estimate: 0.99, variance: 0.01).upper == 1)
    }

    // MARK: - Gray's test

    @Test("Gray's test: one group, a group never at risk at event times, unknown cause, rho")
    func grayCaveats() throws {
      let one = try GrayTest(
        try CompetingRisksSample(times: [1, 2], statuses: [.cause(1), .censored]), cause: 1)
      #expect(one.statistic == nil && one.p == nil)
      #expect(one.diagnostics == [.fewerThanTwoGroups(groupCount: 1)])
      #expect(
        one.diagnostics[0].description == "Gray's test needs at least two groups; the sample has 1")

      // Group B is censored before the first event: R's cuminc reports stat = -1.
      let sample = try CompetingRisksSample(
        times: [1, 2, 3, 5, 6, 7, 8, 9],
        statuses: [
          .censored, .censored, .censored, .cause(1), .cause(2), .cause(1), .censored, .cause(1),
        ],
        groups: ["B", "B", "B", "A", "A", "A", "A", "A"])
      let singular = try GrayTest(sample, cause: 1)
      #expect(singular.statistic == nil && singular.p == nil && singular.degreesOfFreedom == 1)
      #expect(
        singular.diagnostics == [
          .groupWithoutEvents(label: "B"), .singularVariance(rank: 0, expectedRank: 1),
        ])
      #expect(
        singular.diagnostics[1].description
          == "the variance of Gray's test has rank 0 instead of 1, so the test is undefined")

      #expect(throws: CompetingRisksError.unknownCause(4, causes: [1, 2])) {
        try GrayTest(sample, cause: 4)
      }
      #expect(
        CompetingRisksError.unknownCause(4, causes: [1, 2]).description
          == "cause 4 has no events; the causes with events are 1, 2")
      #expect(throws: CompetingRisksError.invalidRho(.infinity)) {
        try GrayTest(sample, cause: 1, rho: .infinity)
      }
    }

    // MARK: - Fine–Gray regression

    private var melanoma: ModelData { CompetingRisksData.melanoma.modelData }
    private let formula = "Surv(time, status) ~ sex + age + thickness + factor(ulcer)"

    @Test("a categorical status through an explicit coding gives the numeric fit")
    func categoricalStatus() throws {
      let dataset = CompetingRisksData.melanoma
      var columns: [String: ModelData.Column] = [:]
      for name in melanoma.columnNames { columns[name] = melanoma[name] }
      let names = [1: "melanoma", 2: "alive", 3: "other"]
      columns["status"] = .categorical(dataset.status.map { names[$0] }, levels: nil)
      let coding = CompetingRisksCoding([
        "alive": .censored, "melanoma": .cause(1), "other": .cause(3),
      ])
      let labelled = try FineGrayRegression(
        formula: formula, data: ModelData(columns: columns), coding: coding, cause: 1)
      let numeric = try FineGrayRegression(
        formula: formula, data: melanoma, coding: .codes(censoring: 2), cause: 1)
      #expect(labelled.coefficients == numeric.coefficients)
      #expect(labelled.competingCauses == [3] && labelled.eventCount == 57)
      #expect(labelled.competingEventCount == 14 && labelled.censoredCount == 134)
      #expect(coding.description == "alive = censored, melanoma = cause 1, other = cause 3")
    }

    @Test("rows with a missing status or covariate are dropped and counted")
    func missingValues() throws {
      var columns: [String: ModelData.Column] = [:]
      for name in melanoma.columnNames { columns[name] = melanoma[name] }
      guard case .numeric(var status) = columns["status"], case .numeric(var age) = columns["age"]
      else {
        Issue.record("columns")
        return
      }
      status[0] = .nan
      age[5] = .nan
      columns["status"] = .numeric(status)
      columns["age"] = .numeric(age)
      let fit = try FineGrayRegression(
        formula: formula, data: ModelData(columns: columns), coding: .codes(censoring: 2), cause: 1)
      #expect(fit.droppedRowCount == 2 && fit.observationCount == 203)
    }

    @Test("formula and coding errors name the offender")
    func formulaErrors() throws {
      func message(
        _ formula: String, coding: CompetingRisksCoding = .codes(censoring: 2), cause: Int = 1
      )
        -> String?
      {
        do {
          _ = try FineGrayRegression(formula: formula, data: melanoma, coding: coding, cause: cause)
          return nil
        } catch { return error.description }
      }
      #expect(
        message("Surv(time, status) ~ age + strata(sex)")
          == "'strata(sex)': the Fine-Gray model has no strata; use the variable as a covariate (factor(…)) instead"
      )
      #expect(
        message("Surv(time, status == 1) ~ age")
          == "the status in Surv(time, status) must be a variable whose values the coding maps to censoring and causes, found 'status == 1'"
      )
      #expect(
        message(
          "Surv(time, status) ~ age",
          coding: CompetingRisksCoding(["1": .cause(1), "2": .censored]))
          == "status 'status' is '3' at row 1; the allowed values are '1', '2'")
      #expect(
        message("Surv(time, status) ~ age", cause: 5)
          == "no failures from cause 5; the causes with failures are 1, 3")
      #expect(
        message("Surv(time, status) ~ age + factor(status)")?.hasPrefix(
          "'factor(status)': the status variable 'status' cannot also be a covariate at column")
          == true)
      #expect(message("Surv(time, stat) ~ age")?.hasPrefix("unknown variable 'stat'") == true)
      let codes = CompetingRisksCoding.codes(censoring: 0)
      #expect(codes.status(ofNumber: 2.5) == nil && codes.status(ofNumber: 0) == .censored)
      #expect(codes.status(ofLabel: "3") == .cause(3) && codes.status(ofLabel: "x") == nil)
      #expect(
        CompetingRisksError.unknownStatus(variable: "s", value: "2.5", row: 4, coding: codes)
          .description
          == "status 's' is '2.5' at row 4; status codes must be whole numbers (0 = censored, any other code k = cause k)"
      )
    }

    @Test("input errors of the design-matrix initialiser")
    func inputErrors() {
      let design = DesignMatrix(columns: [[1, 2, 3]], names: ["x"])
      let statuses: [CompetingRisksStatus] = [.cause(1), .cause(2), .censored]
      #expect(
        throws: FineGrayRegressionError.lengthMismatch(what: "statuses", expected: 3, found: 2)
      ) {
        try FineGrayRegression(
          times: [1, 2, 3], statuses: [.censored, .censored], cause: 1, design: design)
      }
      #expect(throws: FineGrayRegressionError.invalidTime(row: 1, value: -2, count: 1)) {
        try FineGrayRegression(times: [1, -2, 3], statuses: statuses, cause: 1, design: design)
      }
      #expect(throws: FineGrayRegressionError.noEventsOfCause(cause: 3, causes: [1, 2])) {
        try FineGrayRegression(times: [1, 2, 3], statuses: statuses, cause: 3, design: design)
      }
      #expect(
        FineGrayRegressionError.invalidTime(row: 1, value: -2, count: 1).description
          == "time must be a finite, non-negative number, found '-2.0' at row 2")
      #expect(throws: FineGrayRegressionError.self) {
        try FineGrayRegression(
          times: [1, 2, 3], statuses: statuses, cause: 1, design: design,
          options: FineGrayRegressionOptions(confidenceLevel: 1))
      }
    }

    @Test("an aliased column is reported and leaves the other coefficients as without it")
    func aliasedColumn() throws {
      let dataset = CompetingRisksData.melanoma
      let statuses = dataset.statuses(censoring: 2)
      let age = dataset.numbers["age"]!
      let thickness = dataset.numbers["thickness"]!
      let reduced = try FineGrayRegression(
        times: dataset.time, statuses: statuses, cause: 1,
        design: DesignMatrix(columns: [age, thickness], names: ["age", "thickness"]))
      let aliased = try FineGrayRegression(
        times: dataset.time, statuses: statuses, cause: 1,
        design: DesignMatrix(
          columns: [age, thickness, age.map { 2 * $0 }], names: ["age", "thickness", "age2"]))
      #expect(aliased.diagnostics == [.aliasedCoefficients(names: ["age2"])])
      #expect(aliased.coefficients[2].isAliased)
      expectClose(
        aliased.coefficients[0..<2].map(\.estimate), reduced.coefficients.map(\.estimate),
        relativeTolerance: 1e-10, "coef")
      expectClose(
        aliased.coefficients[0..<2].map(\.standardError), reduced.coefficients.map(\.standardError),
        relativeTolerance: 1e-10, "se")
      #expect(aliased.likelihoodRatioTest.degreesOfFreedom == 2)
    }

    @Test("no iterations allowed: β = 0, not converged")
    func noIterations() throws {
      let dataset = CompetingRisksData.toy
      let fit = try FineGrayRegression(
        times: dataset.time, statuses: dataset.statuses(censoring: 0), cause: 1,
        design: DesignMatrix(columns: [dataset.numbers["x"]!], names: ["x"]),
        options: FineGrayRegressionOptions(maximumIterations: 0))
      #expect(fit.coefficients[0].estimate == 0 && !fit.isConverged && fit.iterations == 0)
      #expect(fit.diagnostics == [.didNotConverge(iterations: 0)])
      #expect(fit.logLikelihood == fit.nullLogLikelihood)
    }
  }
}
