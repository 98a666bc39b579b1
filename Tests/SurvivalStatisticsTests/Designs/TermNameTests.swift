import SurvivalStatistics
import Testing

/// Coefficient names and fits of logical, factor-interaction and `I()` terms against R's
/// `coxph(formula, data = pbc)` (fixture `TermNameReference.swift`).
///
/// R codes a logical variable in a model matrix as a factor with levels FALSE, TRUE, so
/// `I(age > 60)` gives the column `I(age > 60)TRUE`, and in an interaction without its main
/// effect both `I(age > 60)FALSE:…` and `I(age > 60)TRUE:…`.
@Suite("Term names of logical, interaction and I() terms vs coxph")
struct TermNameTests {
  @Test("names, coefficients and log-likelihood as R", arguments: termNameReferences)
  func names(_ reference: TermNameReference) throws {
    let fit = try CoxRegression(formula: reference.formula, data: DesignReferenceData.pbc)
    #expect(fit.coefficients.map(\.name) == reference.names)
    for (k, coefficient) in fit.coefficients.enumerated() {
      if reference.coef[k].isNaN {
        #expect(coefficient.isAliased, "\(coefficient.name) aliased")
      } else {
        CoxCheck.close(
          coefficient.estimate, reference.coef[k], relative: 1e-9, "\(coefficient.name) coef")
        CoxCheck.close(
          coefficient.standardError, reference.se[k], relative: 1e-9, "\(coefficient.name) se")
      }
    }
    CoxCheck.close(fit.logLikelihood, reference.logLikelihood, relative: 1e-12, "loglik")
  }

  @Test("a logical strata() variable has R's FALSE/TRUE levels")
  func logicalStrata() throws {
    let reference = try #require(
      termNameReferences.first { $0.formula.contains("strata(I(bili > 2))") })
    let formula = try ModelFormula(parsing: reference.formula)
    let frame = try ModelFrame(formula: formula, data: DesignReferenceData.pbc)
    #expect(frame.strataLabels == reference.strata)
  }

  @Test("arithmetic reads a comparison as 0/1, as R does")
  func logicalArithmetic() throws {
    let a = try CoxRegression(
      formula: "Surv(time, status == 2) ~ I((age > 60) * 1)", data: DesignReferenceData.pbc)
    let b = try CoxRegression(
      formula: "Surv(time, status == 2) ~ I(age > 60)", data: DesignReferenceData.pbc)
    #expect(a.coefficients.map(\.name) == ["I((age > 60) * 1)"])
    #expect(a.coefficients[0].estimate == b.coefficients[0].estimate)
  }
}
