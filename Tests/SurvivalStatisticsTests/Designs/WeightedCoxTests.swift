import Foundation
import SurvivalStatistics
import Testing

/// Cox fits with case weights against R's `coxph(..., weights =)` (fixture
/// `WeightedCoxReference.swift`): integer and fractional weights, Efron and Breslow,
/// right-censored and counting-process data, and R's rule that makes the variance robust by
/// default when a weight is not an integer.
@Suite("Weighted Cox regression vs coxph")
struct WeightedCoxTests {
  @Test(
    "coefficients, variances, likelihoods, tests and cox.zph as R", arguments: weightedCoxReferences
  )
  func reference(_ reference: WeightedCoxReference) throws {
    let fit = try CoxRegression(
      formula: reference.formula, data: DesignReferenceData.named(reference.data),
      weights: reference.weights,
      options: CoxRegressionOptions(
        ties: reference.ties, robustVariance: reference.robustFalse ? .modelBased : .automatic))
    #expect(fit.observationCount == reference.n)
    CoxCheck.close(
      try #require(fit.weightedEventCount), reference.weightedEvents, relative: 1e-13,
      "weighted events")
    #expect(fit.iterations == reference.iterations)
    #expect(fit.coefficients.map(\.name) == reference.names)
    CoxCheck.close(fit.coefficients.map(\.estimate), reference.coef, relative: 1e-9, "coef")
    CoxCheck.close(fit.coefficients.map(\.standardError), reference.se, relative: 1e-9, "se")
    if let naive = reference.naiveSE {
      #expect(fit.robustVariance != nil)
      CoxCheck.close(fit.coefficients.map(\.modelStandardError), naive, relative: 1e-9, "naive se")
    } else {
      #expect(fit.robustVariance == nil)
    }
    CoxCheck.close(fit.coefficients.map(\.mean), reference.means, relative: 1e-13, "means")
    CoxCheck.close(
      fit.nullLogLikelihood, reference.logLikelihood[0], relative: 1e-12, "loglik null")
    CoxCheck.close(fit.logLikelihood, reference.logLikelihood[1], relative: 1e-12, "loglik")
    CoxCheck.close(fit.scoreTest.statistic, reference.score, relative: 1e-10, "score")
    CoxCheck.close(fit.waldTest.statistic, reference.wald, relative: 1e-9, "wald")
    if let robustScore = reference.robustScore {
      CoxCheck.close(
        try #require(fit.robustScoreTest).statistic, robustScore, relative: 1e-9, "robust score")
    }
    if let zph = reference.zph {
      let test = ProportionalHazardsTest(fit)
      CoxCheck.close(
        test.terms.map(\.statistic) + [test.global.statistic], zph, relative: 1e-9, "zph")
    }
  }

  /// Only with Breslow's method: R's weighted Efron approximation takes d steps for d tied rows
  /// with their mean weight, so a row of weight k is not k copies of it.
  @Test(
    "seeded: integer weights fit as replicated rows (Breslow)", arguments: [51, 52] as [UInt64])
  func replication(seed: UInt64) throws {
    var rng = SeededGenerator(seed: seed)
    let n = 150
    let times = (0..<n).map { _ in Double(Int.random(in: 1...60, using: &rng)) }
    let events = (0..<n).map { _ in Double.random(in: 0..<1, using: &rng) < 0.7 }
    let x = (0..<n).map { _ in rng.normal() }
    let z = (0..<n).map { _ in Double(Int.random(in: 0...1, using: &rng)) }
    let weights = (0..<n).map { _ in Double(Int.random(in: 1...3, using: &rng)) }
    var rt: [Double] = []
    var re: [Bool] = []
    var rx: [Double] = []
    var rz: [Double] = []
    for i in 0..<n {
      for _ in 0..<Int(weights[i]) {
        rt.append(times[i])
        re.append(events[i])
        rx.append(x[i])
        rz.append(z[i])
      }
    }
    for ties in [CoxRegressionOptions.Ties.breslow] {
      let options = CoxRegressionOptions(ties: ties, convergenceTolerance: 1e-12)
      let weighted = try CoxRegression(
        times: times, events: events, design: DesignMatrix(columns: [x, z], names: ["x", "z"]),
        weights: weights, options: options)
      let replicated = try CoxRegression(
        times: rt, events: re, design: DesignMatrix(columns: [rx, rz], names: ["x", "z"]),
        options: options)
      CoxCheck.close(
        weighted.coefficients.map(\.estimate), replicated.coefficients.map(\.estimate),
        relative: 1e-9, "coef")
      CoxCheck.close(
        weighted.variance.elements, replicated.variance.elements, relative: 1e-8, "var")
      CoxCheck.close(weighted.logLikelihood, replicated.logLikelihood, relative: 1e-12, "loglik")
      #expect(weighted.robustVariance == nil)
    }
  }

  @Test("weights must be finite and positive, as R requires")
  func invalidWeights() throws {
    #expect(throws: CoxRegressionError.invalidWeight(row: 1, value: 0, count: 1)) {
      try CoxRegression(
        times: [1, 2, 3], events: [true, false, true],
        design: DesignMatrix(columns: [[1, 0, 1]], names: ["x"]), weights: [1, 0, 2])
    }
    #expect(
      CoxRegressionError.invalidWeight(row: 1, value: 0, count: 1).description
        == "case weights must be finite and > 0, found '0.0' at row 2")
  }
}
