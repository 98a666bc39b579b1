import Foundation
import SurvivalStatistics
import Testing

/// Interactions, transformations, strata, closed forms and model selection.
@Suite("Cox models: interactions, closed forms, selection")
struct CoxRegressionModelTests {
  @Test("interaction and transformed-term models match coxph", arguments: ExtraCoxCase.all)
  func extra(_ reference: ExtraCoxCase) throws {
    let fit = try CoxRegression(
      formula: reference.formula, data: reference.data,
      options: CoxRegressionOptions(ties: reference.ties))
    #expect(fit.coefficients.map(\.name) == reference.names)
    #expect(fit.observationCount == reference.n)
    #expect(fit.eventCount == reference.events)
    #expect(fit.droppedRowCount == reference.dropped)
    #expect(fit.iterations == reference.iterations)
    CoxCheck.close(fit.coefficients.map(\.estimate), reference.coef, relative: 1e-7, "coef")
    CoxCheck.close(fit.coefficients.map(\.standardError), reference.se, relative: 1e-7, "se")
    CoxCheck.close(fit.variance.elements, reference.variance, relative: 1e-7, floor: 1e-12, "var")
    CoxCheck.close(fit.nullLogLikelihood, reference.logLikelihood.0, relative: 1e-12, "loglik0")
    CoxCheck.close(fit.logLikelihood, reference.logLikelihood.1, relative: 1e-10, "loglik")
    CoxCheck.close(fit.likelihoodRatioTest.statistic, reference.likelihoodRatio, relative: 1e-7, "LR")
    CoxCheck.close(fit.waldTest.statistic, reference.wald, relative: 1e-7, "Wald")
    CoxCheck.close(fit.scoreTest.statistic, reference.score, relative: 1e-9, "score")
    let c = try #require(fit.concordance)
    #expect(
      [c.concordant, c.discordant, c.tiedRisk, c.tiedTime, c.tiedTimeAndRisk] == Array(reference.concordance[0..<5]))
    CoxCheck.close(c.concordance, reference.concordance[5], relative: 1e-12, "C")
    CoxCheck.close(c.standardError, reference.concordance[6], relative: 1e-9, "C se")
    for (term, df, chisq) in reference.termWald {
      let test = try #require(fit.termTest(for: term), "term \(term)")
      #expect(test.wald.degreesOfFreedom == df)
      CoxCheck.close(test.wald.statistic, chisq, relative: 1e-7, "\(term) Wald")
    }
  }

  @Test("LR test of nested interaction models on the same rows (anova)")
  func nestedLikelihoodRatio() throws {
    for reference in ExtraCoxCase.all {
      guard let expected = reference.nestedLikelihoodRatio else { continue }
      let full = try CoxRegression(formula: reference.formula, data: reference.data)
      // The interaction is the last term; its drop-term LR test is anova(reduced, full).
      let fit = try CoxRegression(
        formula: reference.formula, data: reference.data,
        options: CoxRegressionOptions(termTests: .waldAndLikelihoodRatio))
      let lr = try #require(fit.termTests.last?.likelihoodRatio)
      #expect(fit.termTests.last?.term.contains(":") == true)
      CoxCheck.close(lr.statistic, expected.chisq, relative: 1e-7, "\(reference.id) LR")
      #expect(lr.degreesOfFreedom == expected.df)
      CoxCheck.close(lr.p, expected.p, relative: 1e-6, "\(reference.id) p")
      #expect(full.logLikelihood == fit.logLikelihood)
    }
  }

  @Test("Therneau & Grambsch test1: Breslow closed form log(1.5 + √33/2), Efron vs R")
  func therneauGrambschTest1() throws {
    let data = ModelData(columns: [
      "time": .numeric(TherneauGrambschTest1.time), "status": .numeric(TherneauGrambschTest1.status),
      "x": .numeric(TherneauGrambschTest1.x),
    ])
    let tight = CoxRegressionOptions(ties: .breslow, convergenceTolerance: 1e-10)
    let breslow = try CoxRegression(formula: "Surv(time, status) ~ x", data: data, options: tight)
    #expect(breslow.droppedRowCount == 1)
    CoxCheck.close(breslow.coefficients[0].estimate, log(1.5 + 33.0.squareRoot() / 2), relative: 1e-9, "closed form")
    CoxCheck.close(breslow.coefficients[0].estimate, TherneauGrambschTest1.breslowCoef, relative: 1e-12, "R")
    CoxCheck.close(breslow.nullLogLikelihood, TherneauGrambschTest1.breslowLogLikelihood.0, relative: 1e-14, "loglik0")
    CoxCheck.close(breslow.logLikelihood, TherneauGrambschTest1.breslowLogLikelihood.1, relative: 1e-14, "loglik")
    CoxCheck.close(breslow.variance[0, 0], TherneauGrambschTest1.breslowVariance, relative: 1e-10, "var")
    var efronOptions = tight
    efronOptions.ties = .efron
    let efron = try CoxRegression(formula: "Surv(time, status) ~ x", data: data, options: efronOptions)
    CoxCheck.close(efron.coefficients[0].estimate, TherneauGrambschTest1.efronCoef, relative: 1e-12, "Efron")
    CoxCheck.close(efron.logLikelihood, TherneauGrambschTest1.efronLogLikelihood.1, relative: 1e-14, "Efron loglik")
    CoxCheck.close(efron.variance[0, 0], TherneauGrambschTest1.efronVariance, relative: 1e-10, "Efron var")
    let byDefault = try CoxRegression(
      formula: "Surv(time, status) ~ x", data: data, options: CoxRegressionOptions(ties: .breslow))
    #expect(byDefault.iterations == TherneauGrambschTest1.breslowDefaultIterations)
    CoxCheck.close(
      byDefault.coefficients[0].estimate, TherneauGrambschTest1.breslowDefaultCoef, relative: 1e-12, "default eps")
  }

  @Test("backward elimination reproduces a hand-run in R", arguments: SelectionReference.lung)
  func backwardSelection(_ reference: SelectionReference) throws {
    let formula =
      "Surv(time, status) ~ age + sex + factor(ph.ecog) + ph.karno + pat.karno + wt.loss"
    let rename = ["factor(ph.ecog)": "ecog"]
    let selection = try CoxModelSelection(
      formula: formula, data: CoxReferenceData.lung,
      options: .init(entryThreshold: 0.15, stayThreshold: 0.05, criterion: reference.criterion))
    #expect(selection.rows.count == 210)
    let names = selection.candidates.map { rename[$0] ?? $0 }
    #expect(names == ["age", "sex", "ecog", "ph.karno", "pat.karno", "wt.loss"])
    CoxCheck.close(
      selection.candidates.map { selection.univariableP[$0] ?? .nan }, reference.univariableP, relative: 1e-6,
      "univariable p")
    #expect(selection.enteredTerms.map { rename[$0] ?? $0 } == reference.screened)
    let removed = selection.steps.filter { $0.action == .removed }
    #expect(removed.map(\.number) == Array(1...reference.removed.count))
    #expect(removed.map { rename[$0.term] ?? $0.term } == reference.removed.map(\.0))
    CoxCheck.close(removed.map(\.p), reference.removed.map(\.1), relative: 1e-6, "removal p")
    #expect(selection.selectedTerms.map { rename[$0] ?? $0 } == reference.final)
    let final = try #require(selection.finalModel)
    CoxCheck.close(final.coefficients.map(\.estimate), reference.finalCoef, relative: 1e-7, "final coef")
    #expect(selection.steps.filter { $0.action == .retained }.map(\.term) == selection.selectedTerms)
    #expect(selection.steps.first { $0.term == "wt.loss" }?.action == .screenedOut)
  }
}
