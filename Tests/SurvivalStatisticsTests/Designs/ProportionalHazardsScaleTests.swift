import SurvivalStatistics
import Testing

/// `cox.zph` is invariant to the scale of a covariate; the test must not drop a term whose
/// covariate is 10⁵ times smaller or larger than another's (fixture `ScaledZPHReference.swift`).
@Suite("Proportional-hazards test at covariate scales 1e-6 … 1e6 vs cox.zph")
struct ProportionalHazardsScaleTests {
  private static let atUnitScale = scaledPlateletReferences.first { $0.scale == 1 }!

  @Test("per-term and GLOBAL chi-squares as R at every scale", arguments: scaledPlateletReferences)
  func scaled(_ reference: ScaledZPHReference) throws {
    let fit = try CoxRegression(formula: reference.formula, data: DesignReferenceData.pbc)
    CoxCheck.close(fit.coefficients.map(\.estimate), reference.coef, relative: 1e-9, "coef")
    CoxCheck.close(fit.coefficients.map(\.standardError), reference.se, relative: 1e-9, "se")
    // R's Wald test is not scale invariant (coxph.wtest's Cholesky tolerance is relative to the
    // largest variance); the fit reproduces it, including R's drop of the small column from 1e4.
    CoxCheck.close(fit.waldTest.statistic, reference.wald, relative: 1e-9, "wald")
    let test = ProportionalHazardsTest(fit)
    let expected = reference.zph ?? Self.atUnitScale.zph!
    let observed = test.terms.map(\.statistic) + [test.global.statistic]
    CoxCheck.close(observed, expected, relative: 1e-9, "zph chisq")
    #expect(test.terms.map(\.degreesOfFreedom) == [1, 1])
    #expect(test.global.degreesOfFreedom == 2)
    CoxCheck.close(test.terms[0].p, 0.38787, relative: 1e-4, "trt p")
  }

  @Test(
    "seeded: rescaling any covariate by 10^k leaves the test unchanged",
    arguments: [11, 12, 13] as [UInt64])
  func property(seed: UInt64) throws {
    var rng = SeededGenerator(seed: seed)
    let data = SyntheticCohort.make(rows: 250, seed: seed)
    let base = try CoxRegression(formula: "Surv(time, status) ~ age + x1 + x2", data: data)
    let reference = ProportionalHazardsTest(base, transform: .km)
    for _ in 0..<3 {
      let exponent = Int.random(in: -8...8, using: &rng)
      let factor = "1e\(exponent < 0 ? "-" : "+")\(String(format: "%02d", abs(exponent)))"
      let fit = try CoxRegression(
        formula: "Surv(time, status) ~ age + I(x1 * \(factor)) + x2", data: data)
      let test = ProportionalHazardsTest(fit, transform: .km)
      CoxCheck.close(
        test.terms.map(\.statistic) + [test.global.statistic],
        reference.terms.map(\.statistic) + [reference.global.statistic], relative: 1e-7,
        "zph at \(factor)")
    }
  }
}
