import SurvivalStatistics
import Testing

/// Cox fits against R's `coxph` on the shared reference cases (lung, veteran, aml, ovarian).
///
/// Tolerances: the iteration stops where R's does, so estimates agree to rounding (observed
/// agreement is better than 1e-10): relative 1e-9 for coefficients and standard errors, 1e-7
/// for derived quantities and variances, 1e-12 for log-likelihoods and the concordance se,
/// 1e-6 for p-values.
@Suite("Cox regression vs survival::coxph")
struct CoxRegressionReferenceTests {
  @Test("coefficients, variance, likelihoods and global tests", arguments: CoxReferenceCase.all)
  func reference(_ reference: CoxReferenceCase) throws {
    let fit = try CoxRegression(
      formula: reference.formula, data: reference.data,
      options: CoxRegressionOptions(ties: reference.ties, termTests: .waldAndLikelihoodRatio))
    let monotone = !reference.rWarnings.isEmpty
    #expect(fit.observationCount == reference.n)
    #expect(fit.eventCount == reference.events)
    #expect(fit.droppedRowCount == reference.dropped)
    #expect(fit.iterations == reference.iterations)
    #expect(fit.coefficients.map(\.name) == reference.names)
    CoxCheck.close(fit.nullLogLikelihood, reference.logLikelihood.0, relative: 1e-12, "loglik null")
    CoxCheck.close(fit.logLikelihood, reference.logLikelihood.1, relative: 1e-12, "loglik")
    if monotone {
      // Along a monotone likelihood the estimate is a point on the way to infinity: R's value is
      // reproduced to the extent the flat likelihood allows.
      CoxCheck.close(fit.coefficients.map(\.estimate), reference.coef, relative: 1e-4, "coef")
      CoxCheck.close(fit.likelihoodRatioTest.statistic, reference.likelihoodRatio.chisq, relative: 1e-9, "LR")
      CoxCheck.close(fit.scoreTest.statistic, reference.score.chisq, relative: 1e-10, "score")
      return
    }
    CoxCheck.close(fit.coefficients.map(\.estimate), reference.coef, relative: 1e-9, "coef")
    CoxCheck.close(fit.coefficients.map(\.standardError), reference.se, relative: 1e-9, "se")
    CoxCheck.close(fit.coefficients.map(\.hazardRatio), reference.hazardRatio, relative: 1e-7, "HR")
    CoxCheck.close(fit.coefficients.map(\.hazardRatioLower), reference.lower, relative: 1e-7, "lower")
    CoxCheck.close(fit.coefficients.map(\.hazardRatioUpper), reference.upper, relative: 1e-7, "upper")
    CoxCheck.close(fit.coefficients.map(\.z), reference.z, relative: 1e-7, "z")
    CoxCheck.close(fit.coefficients.map(\.p), reference.p, relative: 1e-6, "p")
    CoxCheck.close(fit.coefficients.map(\.mean), reference.means, relative: 1e-14, "means")
    CoxCheck.close(fit.variance.elements, reference.variance, relative: 1e-7, floor: 1e-12, "variance")
    for (observed, expected) in [
      (fit.likelihoodRatioTest, reference.likelihoodRatio), (fit.waldTest, reference.wald),
      (fit.scoreTest, reference.score),
    ] {
      CoxCheck.close(observed.statistic, expected.chisq, relative: 1e-7, "chisq")
      #expect(observed.degreesOfFreedom == expected.df)
      CoxCheck.close(observed.p, expected.p, relative: 1e-6, "test p")
    }
    CoxCheck.close(fit.rSquared, reference.rSquared.0, relative: 1e-8, "rsq")
    CoxCheck.close(fit.maximumRSquared, reference.rSquared.1, relative: 1e-12, "maxrsq")
    #expect(fit.diagnostics.isEmpty)
    #expect(fit.isConverged)
    if let converged = reference.convergedCoef {
      CoxCheck.close(fit.coefficients.map(\.estimate), converged, relative: 1e-7, "converged coef")
    }
  }

  @Test("joint Wald and drop-term LR tests per term", arguments: CoxReferenceCase.all)
  func termTests(_ reference: CoxReferenceCase) throws {
    guard reference.rWarnings.isEmpty else { return }
    let fit = try CoxRegression(
      formula: reference.formula, data: reference.data,
      options: CoxRegressionOptions(ties: reference.ties, termTests: .waldAndLikelihoodRatio))
    #expect(fit.termTests.map(\.term) == reference.termTests.map(\.term))
    for expected in reference.termTests {
      let test = try #require(fit.termTest(for: expected.term))
      #expect(test.wald.degreesOfFreedom == expected.df)
      CoxCheck.close(test.wald.statistic, expected.waldChisq, relative: 1e-7, "\(expected.term) Wald")
      CoxCheck.close(test.wald.p, expected.waldP, relative: 1e-6, "\(expected.term) Wald p")
      let lr = try #require(test.likelihoodRatio)
      #expect(lr.degreesOfFreedom == expected.df)
      CoxCheck.close(lr.statistic, expected.lrChisq, relative: 1e-7, "\(expected.term) LR")
      CoxCheck.close(lr.p, expected.lrP, relative: 1e-6, "\(expected.term) LR p")
    }
  }

  @Test("concordance and its infinitesimal-jackknife se", arguments: CoxReferenceCase.all)
  func concordance(_ reference: CoxReferenceCase) throws {
    let fit = try CoxRegression(
      formula: reference.formula, data: reference.data,
      options: CoxRegressionOptions(ties: reference.ties))
    let c = try #require(fit.concordance)
    let expected = reference.concordance
    #expect(c.concordant == expected.concordant)
    #expect(c.discordant == expected.discordant)
    #expect(c.tiedRisk == expected.tiedX)
    #expect(c.tiedTime == expected.tiedY)
    #expect(c.tiedTimeAndRisk == expected.tiedXY)
    CoxCheck.close(c.concordance, expected.concordance, relative: 1e-12, "concordance")
    CoxCheck.close(c.standardError, expected.se, relative: 1e-12, "concordance se")
  }

  @Test(
    "cox.zph(fit, transform = \"km\") per term and GLOBAL", arguments: CoxReferenceCase.all.filter { $0.zph != nil })
  func proportionalHazards(_ reference: CoxReferenceCase) throws {
    let expected = try #require(reference.zph)
    let fit = try CoxRegression(
      formula: reference.formula, data: reference.data,
      options: CoxRegressionOptions(ties: reference.ties))
    let test = ProportionalHazardsTest(fit, transform: .km)
    let rows = test.terms + [test.global]
    #expect(rows.map(\.term) == expected.terms)
    #expect(rows.map(\.degreesOfFreedom) == expected.df)
    CoxCheck.close(rows.map(\.statistic), expected.chisq, relative: 1e-9, "zph chisq")
    CoxCheck.close(rows.map(\.p), expected.p, relative: 1e-6, "zph p")
  }

  @Test(
    "monotone likelihood: R's warning as a diagnostic, sane LR and score tests",
    arguments: CoxReferenceCase.all.filter { !$0.rWarnings.isEmpty })
  func monotoneLikelihood(_ reference: CoxReferenceCase) throws {
    let fit = try CoxRegression(
      formula: reference.formula, data: reference.data,
      options: CoxRegressionOptions(ties: reference.ties))
    #expect(fit.isConverged)
    #expect(fit.diagnostics.compactMap(\.rWarning) == reference.rWarnings)
    #expect(
      fit.diagnostics.first?.description
        == "the log-likelihood converged before the coefficient of 'sep'; the coefficient may be infinite (monotone likelihood). Use the likelihood-ratio or score test rather than the Wald test"
    )
    let sep = try #require(fit.coefficient(named: "sep"))
    #expect(sep.estimate > 15 && sep.standardError > 1000 && sep.p > 0.99)
    #expect(sep.hazardRatioUpper == .infinity)
    #expect(sep.hazardRatioLower == 0)
    #expect(fit.likelihoodRatioTest.p < 1e-6)
    // The ordinary covariate beside the separating one keeps a normal estimate.
    if let age = fit.coefficient(named: "age"), let index = reference.names.firstIndex(of: "age") {
      CoxCheck.close(age.estimate, reference.coef[index], relative: 1e-6, "age coef")
      CoxCheck.close(age.standardError, reference.se[index], relative: 1e-6, "age se")
    }
  }
}
