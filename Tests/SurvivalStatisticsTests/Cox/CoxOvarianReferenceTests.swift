import SurvivalStatistics
import Testing

/// `coxph(Surv(futime, fustat) ~ age + rx, ovarian)`, Efron and Breslow, against R (the calls
/// and values are in `CoxReferenceCases+Ovarian.swift`). Tolerances as in
/// `CoxRegressionReferenceTests`: 1e-9 relative for estimates, 1e-7 for derived quantities,
/// 1e-12 for log-likelihoods and the concordance.
@Suite("Cox regression vs coxph: ovarian ~ age + rx")
struct CoxOvarianReferenceTests {
  @Test(
    "coefficients, se, log-likelihoods, global and term tests, concordance and cox.zph",
    arguments: CoxReferenceCase.ovarian)
  func ovarian(_ reference: CoxReferenceCase) throws {
    let fit = try CoxRegression(
      formula: reference.formula, data: reference.data,
      options: CoxRegressionOptions(ties: reference.ties, termTests: .waldAndLikelihoodRatio))
    #expect(fit.observationCount == reference.n && fit.eventCount == reference.events)
    #expect(fit.iterations == reference.iterations && fit.isConverged && fit.diagnostics.isEmpty)
    #expect(fit.coefficients.map(\.name) == reference.names)
    CoxCheck.close(fit.coefficients.map(\.estimate), reference.coef, relative: 1e-9, "coef")
    CoxCheck.close(fit.coefficients.map(\.standardError), reference.se, relative: 1e-9, "se")
    CoxCheck.close(fit.coefficients.map(\.hazardRatio), reference.hazardRatio, relative: 1e-7, "HR")
    CoxCheck.close(fit.coefficients.map(\.hazardRatioLower), reference.lower, relative: 1e-7, "lower")
    CoxCheck.close(fit.coefficients.map(\.hazardRatioUpper), reference.upper, relative: 1e-7, "upper")
    CoxCheck.close(fit.coefficients.map(\.z), reference.z, relative: 1e-7, "z")
    CoxCheck.close(fit.coefficients.map(\.p), reference.p, relative: 1e-6, "p")
    CoxCheck.close(fit.variance.elements, reference.variance, relative: 1e-7, floor: 1e-12, "variance")
    CoxCheck.close(fit.nullLogLikelihood, reference.logLikelihood.0, relative: 1e-12, "loglik null")
    CoxCheck.close(fit.logLikelihood, reference.logLikelihood.1, relative: 1e-12, "loglik")
    for (observed, expected) in [
      (fit.likelihoodRatioTest, reference.likelihoodRatio), (fit.waldTest, reference.wald),
      (fit.scoreTest, reference.score),
    ] {
      CoxCheck.close(observed.statistic, expected.chisq, relative: 1e-7, "chisq")
      #expect(observed.degreesOfFreedom == expected.df)
      CoxCheck.close(observed.p, expected.p, relative: 1e-6, "test p")
    }
    for expected in reference.termTests {
      let test = try #require(fit.termTest(for: expected.term))
      CoxCheck.close(test.wald.statistic, expected.waldChisq, relative: 1e-7, "\(expected.term) Wald")
      CoxCheck.close(
        try #require(test.likelihoodRatio).statistic, expected.lrChisq, relative: 1e-7, "\(expected.term) LR")
    }
    let c = try #require(fit.concordance)
    #expect(c.concordant == reference.concordance.concordant && c.discordant == reference.concordance.discordant)
    CoxCheck.close(c.concordance, reference.concordance.concordance, relative: 1e-12, "concordance")
    CoxCheck.close(c.standardError, reference.concordance.se, relative: 1e-9, "concordance se")
    let zph = try #require(reference.zph)
    let test = ProportionalHazardsTest(fit, transform: .km)
    CoxCheck.close((test.terms + [test.global]).map(\.statistic), zph.chisq, relative: 1e-9, "zph chisq")
    if let converged = reference.convergedCoef {
      CoxCheck.close(fit.coefficients.map(\.estimate), converged, relative: 1e-7, "converged coef")
    }
  }
}
