import Foundation
import SurvivalStatistics
import Testing

/// Cox models of counting-process data `Surv(start, stop, event)` (time-dependent covariates,
/// Andersen–Gill recurrent events, delayed entry) against R's `coxph` (fixture
/// `CountingCoxReference.swift`), and seeded properties of the risk sets.
@Suite("Counting-process Cox regression vs coxph")
struct CountingProcessCoxTests {
  @Test(
    "coefficients, variance, likelihoods, tests and cox.zph as R", arguments: countingCoxReferences)
  func reference(_ reference: CountingCoxReference) throws {
    let data = DesignReferenceData.named(reference.data)
    let fit = try CoxRegression(
      formula: reference.formula, data: data, options: CoxRegressionOptions(ties: reference.ties))
    #expect(fit.observationCount == reference.n)
    #expect(fit.eventCount == reference.events)
    #expect(fit.iterations == reference.iterations)
    #expect(fit.coefficients.map(\.name) == reference.names)
    CoxCheck.close(fit.coefficients.map(\.estimate), reference.coef, relative: 1e-9, "coef")
    CoxCheck.close(fit.coefficients.map(\.standardError), reference.se, relative: 1e-9, "se")
    CoxCheck.close(
      fit.variance.elements, reference.variance, relative: 1e-8, floor: 1e-12, "variance")
    CoxCheck.close(fit.coefficients.map(\.mean), reference.means, relative: 1e-14, "means")
    CoxCheck.close(
      fit.nullLogLikelihood, reference.logLikelihood[0], relative: 1e-12, "loglik null")
    CoxCheck.close(fit.logLikelihood, reference.logLikelihood[1], relative: 1e-12, "loglik")
    CoxCheck.close(fit.scoreTest.statistic, reference.score, relative: 1e-10, "score")
    CoxCheck.close(fit.waldTest.statistic, reference.wald, relative: 1e-9, "wald")
    CoxCheck.close(
      Array(fit.linearPredictors.prefix(5)), reference.linearPredictors, relative: 1e-9,
      floor: 1e-3,
      "linear predictors")
    #expect(fit.diagnostics.isEmpty)
    let zph = ProportionalHazardsTest(fit)
    #expect((zph.terms + [zph.global]).map(\.term) == reference.zphTerms)
    CoxCheck.close(
      zph.terms.map(\.statistic) + [zph.global.statistic], reference.zph, relative: 1e-9, "zph")
  }

  @Test("a row whose stop is not after its start is dropped as R's Surv() makes it NA")
  func emptyInterval() throws {
    let data = ModelData(columns: [
      "start": .numeric([0, 0, 2, 3, 1, 5, 0, 4]), "stop": .numeric([4, 6, 5, 8, 3, 5, 2, 7]),
      "event": .numeric([1, 0, 1, 1, 0, 1, 1, 0]), "x": .numeric([1, 0, 1, 0, 1, 0, 0, 1]),
    ])
    let fit = try CoxRegression(formula: "Surv(start, stop, event) ~ x", data: data)
    #expect(fit.observationCount == 7)
    #expect(fit.droppedRowCount == 1)
    #expect(fit.diagnostics.first == .emptyIntervalsDropped(count: 1))
    #expect(fit.diagnostics.first?.rWarning == "Stop time must be > start time, NA created")
    #expect(
      fit.diagnostics.first?.description
        == "1 row was dropped because the stop time was not after the start time")
    #expect(
      throws: CoxRegressionError.emptyInterval(row: 5, start: 5, stop: 5, count: 1)
    ) {
      try CoxRegression(
        entryTimes: [0, 0, 2, 3, 1, 5, 0, 4], times: [4, 6, 5, 8, 3, 5, 2, 7],
        events: [true, false, true, true, false, true, true, false],
        design: DesignMatrix(columns: [[1, 0, 1, 0, 1, 0, 0, 1]], names: ["x"]))
    }
    #expect(
      CoxRegressionError.emptyInterval(row: 5, start: 5, stop: 5, count: 1).description
        == "the interval (start, stop] must end after it starts, found start '5.0' and stop '5.0' at row 6"
    )
  }

  /// Splits every interval of `data` at random cut points: the risk sets at every event time,
  /// hence the partial likelihood, are unchanged.
  private func split(
    entries: [Double], times: [Double], events: [Bool], columns: [[Double]],
    using rng: inout SeededGenerator
  ) -> (entries: [Double], times: [Double], events: [Bool], columns: [[Double]]) {
    var e: [Double] = []
    var t: [Double] = []
    var d: [Bool] = []
    var x = columns.map { _ in [Double]() }
    for i in times.indices {
      var cuts = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
        (entries[i] + Double.random(in: 0..<1, using: &rng) * (times[i] - entries[i])).rounded()
      }.filter { $0 > entries[i] && $0 < times[i] }
      cuts = Array(Set(cuts)).sorted()
      let bounds = [entries[i]] + cuts + [times[i]]
      for k in 0..<(bounds.count - 1) {
        e.append(bounds[k])
        t.append(bounds[k + 1])
        d.append(k == bounds.count - 2 ? events[i] : false)
        for j in columns.indices { x[j].append(columns[j][i]) }
      }
    }
    return (e, t, d, x)
  }

  @Test(
    "seeded: splitting intervals at arbitrary times leaves the fit unchanged",
    arguments: [21, 22, 23] as [UInt64])
  func splitting(seed: UInt64) throws {
    var rng = SeededGenerator(seed: seed)
    let n = 150
    var entries: [Double] = []
    var times: [Double] = []
    var events: [Bool] = []
    var x1: [Double] = []
    var x2: [Double] = []
    for _ in 0..<n {
      let entry = Double(Int.random(in: 0...40, using: &rng))
      entries.append(entry)
      times.append(entry + Double(Int.random(in: 1...100, using: &rng)))
      events.append(Double.random(in: 0..<1, using: &rng) < 0.7)
      x1.append(rng.normal())
      x2.append(Double(Int.random(in: 0...1, using: &rng)))
    }
    let names = ["x1", "x2"]
    let pieces = split(
      entries: entries, times: times, events: events, columns: [x1, x2], using: &rng)
    #expect(pieces.times.count > n)
    for ties in CoxRegressionOptions.Ties.allCases {
      let options = CoxRegressionOptions(ties: ties, convergenceTolerance: 1e-12)
      let whole = try CoxRegression(
        entryTimes: entries, times: times, events: events,
        design: DesignMatrix(columns: [x1, x2], names: names), options: options)
      let splitFit = try CoxRegression(
        entryTimes: pieces.entries, times: pieces.times, events: pieces.events,
        design: DesignMatrix(columns: pieces.columns, names: names), options: options)
      CoxCheck.close(
        splitFit.coefficients.map(\.estimate), whole.coefficients.map(\.estimate), relative: 1e-9,
        "coef")
      CoxCheck.close(
        splitFit.variance.elements, whole.variance.elements, relative: 1e-8, floor: 1e-10, "var")
      CoxCheck.close(splitFit.logLikelihood, whole.logLikelihood, relative: 1e-12, "loglik")
      CoxCheck.close(
        splitFit.scoreTest.statistic, whole.scoreTest.statistic, relative: 1e-10, "score")
      // Right-censored data are counting-process data that start before the first time.
      let fromZero = try CoxRegression(
        entryTimes: times.map { _ in -1 }, times: times, events: events,
        design: DesignMatrix(columns: [x1, x2], names: names), options: options)
      let rightCensored = try CoxRegression(
        times: times, events: events, design: DesignMatrix(columns: [x1, x2], names: names),
        options: options)
      CoxCheck.close(
        fromZero.coefficients.map(\.estimate), rightCensored.coefficients.map(\.estimate),
        relative: 1e-9, "(−1, t] coef")
      CoxCheck.close(
        fromZero.logLikelihood, rightCensored.logLikelihood, relative: 1e-12, "(−1, t] loglik")
    }
  }
}
