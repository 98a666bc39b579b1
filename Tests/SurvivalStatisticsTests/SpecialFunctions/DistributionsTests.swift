import Foundation
import SurvivalStatistics
import Testing

/// Distribution functions against R.
///
/// Tolerance: relative `1e-14 + 5e-16 · |ln value|`. Tail probabilities p are exp of a quantity of
/// size |ln p|, so double implementations carry a relative error of a few |ln p| · 2⁻⁵³; R's own
/// values do (its `pchisq` is 8e-14 off at p = 1e-300 and `pbeta(0.9, 1, 262, lower = FALSE)`,
/// exactly 1e-262, is 1.4e-13 off, checked against 50-digit arithmetic), while this module is within
/// a few ulps there. A beta quantile is ill-conditioned by the factor 1/min(a, b) for small shapes
/// (x ∝ p^(1/a) near 0), which scales its tolerance.
@Suite("Distribution functions against R")
struct DistributionsTests {
  static func tolerance(_ value: Double) -> Double {
    value == 0 ? 0 : 1e-14 + 5e-16 * abs(log(abs(value)))
  }

  static func check(
    _ cases: [DistributionCase], conditioning: ([Double]) -> Double = { _ in 1 },
    _ function: ([Double]) -> Double, _ name: String
  ) {
    for reference in cases {
      let value = function(reference.arguments)
      let scale = conditioning(reference.arguments)
      expectClose(
        value, reference.value, relativeTolerance: scale * tolerance(reference.value),
        "\(name)(\(reference.testDescription))")
    }
  }

  @Test("pchisq upper and lower tails, down to 1e-300 and below")
  func chiSquare() {
    Self.check(
      DistributionReference.chiSquareUpper,
      { Distributions.chiSquareUpperTail($0[0], degreesOfFreedom: $0[1]) }, "pchisq upper")
    Self.check(
      DistributionReference.chiSquareLower,
      { Distributions.chiSquareLowerTail($0[0], degreesOfFreedom: $0[1]) }, "pchisq")
  }

  @Test("pgamma lower and upper regularized incomplete gamma")
  func incompleteGamma() {
    Self.check(DistributionReference.gammaP, { Distributions.regularizedGammaP($0[0], $0[1]) }, "P")
    Self.check(DistributionReference.gammaQ, { Distributions.regularizedGammaQ($0[0], $0[1]) }, "Q")
  }

  @Test("pnorm tails and qnorm")
  func normal() {
    Self.check(
      DistributionReference.normalUpper, { Distributions.normalUpperTail($0[0]) }, "pnorm upper")
    Self.check(DistributionReference.normalCDF, { Distributions.normalCDF($0[0]) }, "pnorm")
    Self.check(
      DistributionReference.normalQuantile, { Distributions.normalQuantile($0[0]) }, "qnorm")
  }

  @Test("pbeta lower and upper tails")
  func beta() {
    Self.check(
      DistributionReference.betaCDF, { Distributions.betaCDF($0[0], a: $0[1], b: $0[2]) }, "pbeta")
    Self.check(
      DistributionReference.betaUpper, { Distributions.betaUpperTail($0[0], a: $0[1], b: $0[2]) },
      "pbeta upper")
    Self.check(
      DistributionReference.betaCDF,
      { Distributions.regularizedIncompleteBeta($0[0], a: $0[1], b: $0[2]) }, "I_x")
  }

  @Test("qbeta, including Clopper–Pearson limits of binom.test(7, 20)")
  func betaQuantile() {
    Self.check(
      DistributionReference.betaQuantile, conditioning: { max(1, 1 / min($0[1], $0[2])) },
      { Distributions.betaQuantile($0[0], a: $0[1], b: $0[2]) }, "qbeta")
    // binom.test(7, 20)$conf.int = qbeta(0.025, 7, 14), qbeta(0.975, 8, 13)
    expectClose(
      Distributions.betaQuantile(0.025, a: 7, b: 14), 0.153909204784541, relativeTolerance: 1e-14,
      "lower")
    expectClose(
      Distributions.betaQuantile(0.975, a: 8, b: 13), 0.592188534532828, relativeTolerance: 1e-14,
      "upper")
  }

  @Test("Student t and F tails, far into the tails: R's pt and pf")
  func studentAndF() {
    // R 4.2.2: sprintf("%.17g", c(2 * pt(-40, 3), 2 * pt(-0.01, 7.5), 2 * pt(-60, 200),
    //   pf(1000, 2, 50, lower.tail = FALSE), pf(0.01, 3, 12, lower.tail = FALSE),
    //   pt(2.5, 10, lower.tail = FALSE)))
    let cases: [(Double, Double)] = [
      (Distributions.studentTTwoSided(40, degreesOfFreedom: 3), 3.438068078915854e-05),
      (Distributions.studentTTwoSided(-0.01, degreesOfFreedom: 7.5), 0.99228213107036956),
      (Distributions.studentTTwoSided(60, degreesOfFreedom: 200), 7.7115785840565205e-130),
      (Distributions.fUpperTail(1000, degreesOfFreedom: 2, 50), 4.7907508133818034e-41),
      (Distributions.fUpperTail(0.01, degreesOfFreedom: 3, 12), 0.99855006295203064),
      (Distributions.studentTUpperTail(2.5, degreesOfFreedom: 10), 0.015723422118304388),
    ]
    for (value, expected) in cases {
      expectClose(value, expected, relativeTolerance: 1e-13, "t/F tail \(expected)")
    }
    #expect(Distributions.studentTTwoSided(0, degreesOfFreedom: 4) == 1)
    #expect(Distributions.fUpperTail(0, degreesOfFreedom: 1, 1) == 1)
    #expect(Distributions.studentTTwoSided(1, degreesOfFreedom: 0).isNaN)
  }

  @Test("Closed forms: χ²(2) tail e^(−x/2), χ²(1) tail erfc(√(x/2)), Beta(1, b) and Beta(a, 1)")
  func closedForms() {
    for x in [0.001, 0.5, 3, 40, 600, 1400] {
      expectClose(
        Distributions.chiSquareUpperTail(x, degreesOfFreedom: 2), exp(-x / 2),
        relativeTolerance: 4e-16, "df 2")
    }
    for b in [1.0, 3, 17, 250] {
      for x in [1e-9, 0.1, 0.5, 0.9] {
        // I_x(1, b) = 1 − (1 − x)^b ; I_x(b, 1) = x^b
        expectClose(
          Distributions.betaUpperTail(x, a: 1, b: b), pow(1 - x, b), relativeTolerance: 1e-13,
          "Beta(1, \(b))")
        expectClose(
          Distributions.betaCDF(x, a: b, b: 1), pow(x, b), relativeTolerance: 1e-13, "Beta(\(b), 1)"
        )
      }
    }
  }

  @Test("Edge arguments follow R: 0 and ∞, empty tails, NaN for invalid parameters")
  func edges() {
    #expect(Distributions.chiSquareUpperTail(0, degreesOfFreedom: 3) == 1)
    #expect(Distributions.chiSquareUpperTail(-1, degreesOfFreedom: 3) == 1)
    #expect(Distributions.chiSquareLowerTail(0, degreesOfFreedom: 3) == 0)
    #expect(Distributions.chiSquareUpperTail(.infinity, degreesOfFreedom: 3) == 0)
    #expect(Distributions.chiSquareUpperTail(5, degreesOfFreedom: 0) == 0)
    #expect(Distributions.chiSquareUpperTail(5, degreesOfFreedom: -1).isNaN)
    #expect(Distributions.chiSquareUpperTail(.nan, degreesOfFreedom: 1).isNaN)
    #expect(Distributions.chiSquareUpperTail(2000, degreesOfFreedom: 1) == 0)
    #expect(Distributions.regularizedGammaP(0, 1).isNaN)
    #expect(Distributions.normalQuantile(0) == -.infinity)
    #expect(Distributions.normalQuantile(1) == .infinity)
    #expect(Distributions.normalQuantile(1.5).isNaN)
    #expect(Distributions.normalUpperTail(.infinity) == 0)
    #expect(Distributions.normalCDF(.infinity) == 1)
    #expect(Distributions.betaCDF(-0.5, a: 2, b: 3) == 0)
    #expect(Distributions.betaCDF(1.5, a: 2, b: 3) == 1)
    #expect(Distributions.betaCDF(0.5, a: 0, b: 3).isNaN)
    #expect(Distributions.betaQuantile(0, a: 2, b: 3) == 0)
    #expect(Distributions.betaQuantile(1, a: 2, b: 3) == 1)
    #expect(Distributions.betaQuantile(-0.1, a: 2, b: 3).isNaN)
  }

  @Test("Quantiles invert the distribution functions (seeded)")
  func inversion() {
    var generator = SplitMix64(seed: 7)
    for _ in 0..<300 {
      let a = Double.random(in: 0.2...300, using: &generator)
      let b = Double.random(in: 0.2...300, using: &generator)
      let p = pow(10, Double.random(in: -30...0, using: &generator))
      let x = Distributions.betaQuantile(p, a: a, b: b)
      let back = Distributions.betaCDF(x, a: a, b: b)
      // An error of a few ulps in x changes I_x(a, b) by its condition number x f(x) / p, which
      // is at most of order a + b, times that error.
      expectClose(back, p, relativeTolerance: 1e-14 * (1 + a + b), "qbeta(\(p), \(a), \(b)) = \(x)")
      let z = Distributions.normalQuantile(p)
      expectClose(
        Distributions.normalCDF(z), p, relativeTolerance: 1e-13 * (1 + z * z), "qnorm(\(p))")
    }
  }
}
