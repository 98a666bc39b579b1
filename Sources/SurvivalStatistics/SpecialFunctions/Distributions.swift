import Foundation

/// Tail probabilities and quantiles of the distributions used by the tests in this module.
///
/// Chi-square tails come from the regularized incomplete gamma function, evaluated by its power
/// series below `a + 1` and by a Lentz continued fraction above (Numerical Recipes §6.2). Normal
/// tails use `erfc`; the normal quantile is Wichura's AS 241 (`PPND16`), accurate to about 1e-16.
public enum Distributions {
  /// Upper tail P(X > x) of a chi-square variable with `degreesOfFreedom` degrees of freedom.
  ///
  /// R: `pchisq(x, df, lower.tail = FALSE)`.
  public static func chiSquareUpperTail(_ x: Double, degreesOfFreedom: Double) -> Double {
    if x.isNaN || degreesOfFreedom.isNaN { return .nan }
    if x <= 0 { return 1 }
    if x == .infinity { return 0 }
    return regularizedGamma(a: degreesOfFreedom / 2, x: x / 2).upper
  }

  /// Lower tail P(X ≤ x) of a chi-square variable. R: `pchisq(x, df)`.
  public static func chiSquareLowerTail(_ x: Double, degreesOfFreedom: Double) -> Double {
    if x.isNaN || degreesOfFreedom.isNaN { return .nan }
    if x <= 0 { return 0 }
    if x == .infinity { return 1 }
    return regularizedGamma(a: degreesOfFreedom / 2, x: x / 2).lower
  }

  /// Upper tail P(Z > z) of the standard normal. R: `pnorm(z, lower.tail = FALSE)`.
  public static func normalUpperTail(_ z: Double) -> Double {
    0.5 * erfc(z / 2.0.squareRoot())
  }

  /// Distribution function P(Z ≤ z) of the standard normal. R: `pnorm(z)`.
  public static func normalCDF(_ z: Double) -> Double {
    0.5 * erfc(-z / 2.0.squareRoot())
  }

  /// Quantile of the standard normal (AS 241). R: `qnorm(p)`.
  public static func normalQuantile(_ p: Double) -> Double {
    if p.isNaN || p < 0 || p > 1 { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    let q = p - 0.5
    if abs(q) <= 0.425 {
      let r = 0.180625 - q * q
      let num =
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
          + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
          + 133.14166789178437745) * r + 3.387132872796366608)
      let den =
        (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
          + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
          + 42.313330701600911252) * r + 1.0)
      return q * num / den
    }
    var r = q < 0 ? p : 1 - p
    r = (-log(r)).squareRoot()
    var value: Double
    if r <= 5 {
      r -= 1.6
      let num =
        (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r
          + 0.24178072517745061177) * r + 1.27045825245236838258) * r + 3.64784832476320460504)
          * r + 5.7694972214606914055) * r + 4.6303378461565452959) * r + 1.42343711074968357734)
      let den =
        (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r
          + 0.0151986665636164571966) * r + 0.14810397642748007459) * r + 0.68976733498510000455)
          * r + 1.6763848301838038494) * r + 2.05319162663775882187) * r + 1.0)
      value = num / den
    } else {
      r -= 5
      let num =
        (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
          + 0.0012426609473880784386) * r + 0.026532189526576123093) * r + 0.29656057182850489123)
          * r + 1.7848265399172913358) * r + 5.4637849111641143699) * r + 6.6579046435011037772)
      let den =
        (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r
          + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r + 0.0148753612908506148525)
          * r + 0.13692988092273580531) * r + 0.59983220655588793769) * r + 1.0)
      value = num / den
    }
    return q < 0 ? -value : value
  }

  /// Regularized incomplete gamma P(a, x) and Q(a, x) = 1 − P(a, x), each computed directly so
  /// that the smaller one keeps full relative accuracy.
  private static func regularizedGamma(a: Double, x: Double) -> (lower: Double, upper: Double) {
    let logPrefactor = a * log(x) - x - lgamma(a)
    if x < a + 1 {
      // Series: P(a, x) = e^{-x} x^a / Γ(a+1) · Σ x^n / ((a+1)…(a+n)).
      var term = 1 / a
      var sum = term
      var denominator = a
      for _ in 0..<10_000 {
        denominator += 1
        term *= x / denominator
        sum += term
        if abs(term) < abs(sum) * 1e-17 { break }
      }
      let lower = min(1, sum * exp(logPrefactor))
      return (lower, 1 - lower)
    }
    // Continued fraction for Q(a, x) by the modified Lentz method.
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1...10_000 {
      let an = -Double(i) * (Double(i) - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    let upper = min(1, exp(logPrefactor) * h)
    return (1 - upper, upper)
  }
}
