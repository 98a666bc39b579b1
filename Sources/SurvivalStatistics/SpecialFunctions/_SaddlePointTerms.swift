import Foundation

/// Saddle-point building blocks of Loader (2000) for densities with large parameters.
///
/// With `stirlingError(n) = log Γ(n + 1) − [(n + ½) log n − n + log √(2π)]` and the deviance
/// `deviance(x, m) = x log(x / m) + m − x`, the Poisson-type density
/// `m^x e^(−m) / Γ(x + 1) = exp(−stirlingError(x) − deviance(x, m)) / √(2πx)` is evaluated
/// without the cancellation of `x log m − m − log Γ(x + 1)`, whose terms are large and nearly equal
/// when `x ≈ m`. The same decomposition gives the binomial-type density used by the incomplete beta.
///
/// Reference: C. Loader, "Fast and accurate computation of binomial probabilities" (2000).
enum _SaddlePointTerms {
  /// log √(2π).
  static let logSquareRootOfTwoPi = 0.9189385332046728

  /// `stirlingError(k / 2)` for k = 0 … 30, computed to 40 digits (mpmath) and rounded.
  /// The value at 0 is defined as 0, as in R's `stirlerr`.
  private static let halfIntegerValues: [Double] = [
    0.0, 0.15342640972002736, 0.08106146679532726, 0.05481412105191765,
    0.0413406959554093, 0.03316287351993629, 0.02767792568499834, 0.023746163656297496,
    0.020790672103765093, 0.018488450532673187, 0.016644691189821193, 0.015134973221917378,
    0.013876128823070748, 0.012810465242920227, 0.01189670994589177, 0.011104559758206917,
    0.010411265261972096, 0.009799416126158804, 0.009255462182712733, 0.008768700134139386,
    0.00833056343336287, 0.00793411456431402, 0.007573675487951841, 0.007244554301320383,
    0.00694284010720953, 0.006665247032707682, 0.006408994188004207, 0.006171712263039458,
    0.0059513701127588475, 0.0057462165130101155, 0.005554733551962801,
  ]

  /// The error of Stirling's formula for log Γ(n + 1), for n ≥ 0.
  ///
  /// Half-integers up to 15 come from a table; larger n from the asymptotic series
  /// `1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) + 1/(1188n⁹)`; other small n from `lgamma`
  /// (absolute error about 1e-14, which only perturbs an exponent).
  static func stirlingError(_ n: Double) -> Double {
    if n <= 15 {
      let twice = n + n
      if twice == twice.rounded(), twice >= 0 { return halfIntegerValues[Int(twice)] }
      return lgamma(n + 1) - (n + 0.5) * log(n) + n - logSquareRootOfTwoPi
    }
    let inverseSquare = 1 / (n * n)
    let s0 = 1.0 / 12
    let s1 = 1.0 / 360
    let s2 = 1.0 / 1260
    let s3 = 1.0 / 1680
    let s4 = 1.0 / 1188
    if n > 500 { return (s0 - s1 * inverseSquare) / n }
    if n > 80 { return (s0 - (s1 - s2 * inverseSquare) * inverseSquare) / n }
    if n > 35 { return (s0 - (s1 - (s2 - s3 * inverseSquare) * inverseSquare) * inverseSquare) / n }
    return
      (s0 - (s1 - (s2 - (s3 - s4 * inverseSquare) * inverseSquare) * inverseSquare)
        * inverseSquare)
      / n
  }

  /// The deviance term `x log(x / m) + m − x ≥ 0`, accurate also when `x ≈ m`.
  ///
  /// For |x − m| < 0.1 (x + m) it sums the series in v = (x − m)/(x + m):
  /// `(x − m) v + 2x Σ_{j ≥ 1} v^(2j+1) / (2j + 1)`.
  static func deviance(_ x: Double, _ m: Double) -> Double {
    if abs(x - m) < 0.1 * (x + m) {
      var v = (x - m) / (x + m)
      var sum = (x - m) * v
      var term = 2 * x * v
      v *= v
      var j = 1.0
      while j < 1000 {
        term *= v
        let next = sum + term / (2 * j + 1)
        if next == sum { return next }
        sum = next
        j += 1
      }
      return sum
    }
    return x * log(x / m) + m - x
  }

  /// `m^x e^(−m) / Γ(x + 1)` for x > 0, m ≥ 0 (R's `dpois_raw`).
  static func poissonDensity(_ x: Double, mean m: Double) -> Double {
    if m == 0 { return 0 }
    return exp(-stirlingError(x) - deviance(x, m)) / (2 * Double.pi * x).squareRoot()
  }

  /// `Γ(n + 1) / (Γ(k + 1) Γ(n − k + 1)) p^k q^(n−k)` with n = k + l, for k, l > 0 (R's
  /// `dbinom_raw` with real arguments), given p and q = 1 − p separately.
  static func binomialDensity(successes k: Double, failures l: Double, p: Double, q: Double)
    -> Double
  {
    let n = k + l
    let logCore =
      stirlingError(n) - stirlingError(k) - stirlingError(l)
      - deviance(k, n * p) - deviance(l, n * q)
    let logScale = log(2 * Double.pi) + log(k) + log1p(-k / n)
    return exp(logCore - 0.5 * logScale)
  }
}
