import Foundation

// Regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x).
//
// Implementation goals, in order of priority:
//
// 1. Keep both tails. Whichever of P and Q is the small one is computed directly (series for P
//    when x < a + 1, or x < ½ for a < 1; continued fraction for Q otherwise) and the other as its complement, so
//    chi-square p-values keep their relative precision down to the underflow threshold instead of
//    collapsing to 0 through 1 − P.
// 2. Full double precision for the common parameters (a < 170, x < 1400): the prefactor
//    D(a, x) = x^a e^(−x) / Γ(a + 1) is a product of three correctly rounded factors,
//    `pow(x, a)`, `exp(−x)` (as two halves, so it does not underflow before the product does)
//    and `tgamma(a + 1)`. Forming it as exp(a log x − x − lgamma(a + 1)) would lose
//    about |x| · 2⁻⁵³ in relative precision, i.e. 1.5e-13 at p ≈ 1e-300.
// 3. For large a, D is Loader's saddle-point form exp(−stirlerr(a) − bd0(a, x)) / √(2πa), as in R,
//    which avoids the cancellation of the three large logarithmic terms near x ≈ a.
//
// 4. Closed forms for the two most common shapes: a = 1 (two degrees of freedom), Q = e^(−x), and
//    a = ½ (one degree of freedom), Q = erfc(√x), with the rounding of √x corrected to first order.
//
// Derivations:
//   P(a, x) = x^a e^(−x) Σ_{n ≥ 0} x^n / Γ(a + n + 1) = D · (1 + x/(a+1) + x²/((a+1)(a+2)) + …)
//   Q(a, x) = x^a e^(−x) / Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − 2·(2 − a)/(x + 5 − a − …)))
//           = D · a · (continued fraction), evaluated with the modified Lentz method.

/// Regularized incomplete gamma kernel; see the file header for the method.
enum _IncompleteGamma {
  /// Both tails `(P(a, x), Q(a, x))`; the smaller one is computed directly.
  ///
  /// Returns NaN for NaN input, a ≤ 0 or x < 0.
  static func tails(_ a: Double, _ x: Double) -> (lower: Double, upper: Double) {
    guard !a.isNaN, !x.isNaN, a > 0, x >= 0 else { return (.nan, .nan) }
    if x == 0 { return (0, 1) }
    if x == .infinity { return (1, 0) }
    if a == .infinity { return (0, 1) }
    if a == 1 { return (-expm1(-x), exp(-x)) }
    if a == 0.5 { return halfShapeTails(x) }
    // For a < 1 the series is used only for x < ½: beyond it Q can be the small tail (Q ≈ a E₁(x)
    // as a → 0), and the continued fraction still converges there.
    if a < 1 ? x < 0.5 : x < a + 1 {
      let lower = prefactor(a, x) * lowerSeries(a, x)
      return (lower, 1 - lower)
    }
    let upper = prefactor(a, x) * a * upperContinuedFraction(a, x)
    return (1 - upper, upper)
  }

  /// P(½, x) = erf(√x) and Q(½, x) = erfc(√x) (the chi-square with one degree of freedom).
  ///
  /// y = fl(√x) is corrected to first order by δ = (x − y²)/(2y), with x − y² exact by fma:
  /// erfc(y + δ) = erfc(y) − δ · 2/√π · e^(−x).
  private static func halfShapeTails(_ x: Double) -> (lower: Double, upper: Double) {
    let y = x.squareRoot()
    let delta = fma(-y, y, x) / (2 * y)
    let correction = delta * 1.1283791670955126 * exp(-x)
    return (erf(y) + correction, erfc(y) - correction)
  }

  /// D(a, x) = x^a e^(−x) / Γ(a + 1).
  static func prefactor(_ a: Double, _ x: Double) -> Double {
    let logPower = a * log(x)
    if a < 170, x < 1400, abs(logPower) < 700 {
      let halfExponential = exp(-0.5 * x)
      return (pow(x, a) / tgamma(a + 1) * halfExponential) * halfExponential
    }
    if a >= 1 { return _SaddlePointTerms.poissonDensity(a, mean: x) }
    return exp(logPower - x - lgamma(a + 1))
  }

  /// Σ_{n ≥ 0} x^n / ((a + 1) ⋯ (a + n)); all terms positive.
  private static func lowerSeries(_ a: Double, _ x: Double) -> Double {
    var sum = 1.0
    var term = 1.0
    var n = 1.0
    let limit = 10_000 + 20 * a.squareRoot()
    while n < limit {
      term *= x / (a + n)
      sum += term
      if term <= sum * 0x1p-56 { break }
      n += 1
    }
    return sum
  }

  /// The Legendre continued fraction for Q(a, x) / (a D(a, x)), for x ≥ min(a + 1, ½).
  private static func upperContinuedFraction(_ a: Double, _ x: Double) -> Double {
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    var i = 1.0
    let limit = 10_000 + 20 * a.squareRoot()
    while i < limit {
      let an = -i * (i - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) <= 0x1p-54 { break }
      i += 1
    }
    return h
  }
}
