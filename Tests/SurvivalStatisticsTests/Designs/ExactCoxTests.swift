import Foundation
import SurvivalStatistics
import Testing

/// The exact partial likelihood (`ties = "exact"`) against R's `coxph` (fixture
/// `ExactCoxReference.swift`), and its agreement with Breslow's without ties.
@Suite("Exact partial likelihood vs coxph(ties = \"exact\")")
struct ExactCoxTests {
  private func data(_ reference: ExactCoxReference) -> ModelData {
    guard reference.data == "mgus2" else { return DesignReferenceData.named(reference.data) }
    // The rows with a haemoglobin value, and the follow-up in whole years.
    let all = DesignReferenceData.mgus2
    let hgb = FixtureColumns.numbers(all, "hgb")
    let rows = hgb.indices.filter { !hgb[$0].isNaN }
    var columns: [String: ModelData.Column] = [:]
    for name in all.columnNames {
      switch all[name]! {
      case .numeric(let values): columns[name] = .numeric(rows.map { values[$0] })
      case .categorical(let values, let levels):
        columns[name] = .categorical(rows.map { values[$0] }, levels: levels)
      case .coded(let codes, let labels):
        columns[name] = .coded(rows.map { codes[$0] }, labels: labels)
      }
    }
    columns["years"] = .numeric(
      rows.map { (FixtureColumns.numbers(all, "futime")[$0] / 12).rounded(.up) })
    return ModelData(columns: columns)
  }

  @Test("coefficients, standard errors, likelihoods and tests as R", arguments: exactCoxReferences)
  func reference(_ reference: ExactCoxReference) throws {
    let formula = reference.formula.replacingOccurrences(of: "ceiling(futime/12)", with: "years")
    let fit = try CoxRegression(
      formula: formula, data: data(reference), options: CoxRegressionOptions(ties: .exact))
    #expect(fit.observationCount == reference.n)
    #expect(fit.iterations == reference.iterations)
    CoxCheck.close(fit.coefficients.map(\.estimate), reference.coef, relative: 1e-9, "coef")
    CoxCheck.close(fit.coefficients.map(\.standardError), reference.se, relative: 1e-9, "se")
    CoxCheck.close(
      fit.nullLogLikelihood, reference.logLikelihood[0], relative: 1e-12, "loglik null")
    CoxCheck.close(fit.logLikelihood, reference.logLikelihood[1], relative: 1e-12, "loglik")
    CoxCheck.close(fit.scoreTest.statistic, reference.score, relative: 1e-10, "score")
    CoxCheck.close(fit.waldTest.statistic, reference.wald, relative: 1e-9, "wald")
  }

  @Test(
    "seeded: without tied event times the exact likelihood is Breslow's",
    arguments: [61, 62] as [UInt64])
  func noTies(seed: UInt64) throws {
    var rng = SeededGenerator(seed: seed)
    let n = 120
    let times = (0..<n).map { Double($0) + Double.random(in: 0.1..<0.9, using: &rng) }.shuffled(
      using: &rng)
    let events = (0..<n).map { _ in Bool.random(using: &rng) }
    let x = (0..<n).map { _ in rng.normal() }
    let design = DesignMatrix(columns: [x], names: ["x"])
    let exact = try CoxRegression(
      times: times, events: events, design: design, options: CoxRegressionOptions(ties: .exact))
    let breslow = try CoxRegression(
      times: times, events: events, design: design, options: CoxRegressionOptions(ties: .breslow))
    CoxCheck.close(
      exact.coefficients[0].estimate, breslow.coefficients[0].estimate, relative: 1e-9, "coef")
    CoxCheck.close(exact.logLikelihood, breslow.logLikelihood, relative: 1e-12, "loglik")
  }

  @Test("the exact likelihood's score test is the log-rank test")
  func logRank() throws {
    let d = DesignReferenceData.rats
    let fit = try CoxRegression(
      formula: "Surv(time, status) ~ rx", data: d, options: CoxRegressionOptions(ties: .exact))
    let test = try LogRankTest(
      try GroupedSample(
        times: FixtureColumns.numbers(d, "time"),
        events: FixtureColumns.numbers(d, "status").map { $0 == 1 },
        groups: FixtureColumns.labels(d, "rx").map { $0! }))
    CoxCheck.close(
      fit.scoreTest.statistic, test.chiSquare!.statistic, relative: 1e-12, "score = log-rank")
  }

  @Test("weights and the robust variance are refused, as R refuses them")
  func refusals() throws {
    let options = CoxRegressionOptions(ties: .exact)
    #expect(throws: CoxModelError.regression(.weightsWithExactTies)) {
      try CoxRegression(
        formula: "Surv(time, status) ~ rx", data: DesignReferenceData.rats, weights: "litter",
        options: options)
    }
    #expect(throws: CoxModelError.regression(.robustVarianceWithExactTies)) {
      try CoxRegression(
        formula: "Surv(time, status) ~ rx + cluster(litter)", data: DesignReferenceData.rats,
        options: options)
    }
  }
}
