import Foundation

// Regularized incomplete beta function I_x(a, b) and its complement.
//
// Implementation goals, in order of priority:
//
// 1. Keep both tails: on each side of the switch point x = (a + 1)/(a + b + 2) the continued
//    fraction converges quickly for the tail that is small there, which is computed directly; the
//    other tail is its complement. Beta quantiles in the far tails (Clopper–Pearson with x = 1 or
//    n − 1) therefore keep relative precision.
// 2. Full double precision of the prefactor F = x^a (1 − x)^b / B(a, b) where it can be a product
//    of correctly rounded factors (`pow`, `tgamma`, a + b < 170); Loader's saddle-point binomial
//    density for large a + b, where F = dbinom(a; a + b, x) · a b / (a + b) follows from
//    1/B(a, b) = Γ(a + b + 1)/(Γ(a + 1) Γ(b + 1)) · a b /(a + b).
// 3. 1 − x is never formed where it would round: callers pass x and y = 1 − x.
//
// Continued fraction (Numerical Recipes `betacf`, modified Lentz):
//   I_x(a, b) = F / a · 1/(1 + d₁/(1 + d₂/(1 + …))),
//   d_{2m+1} = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)),
//   d_{2m}   =  m (b − m) x / ((a + 2m − 1)(a + 2m)).

/// Regularized incomplete beta kernel; see the file header for the method.
enum _IncompleteBeta {
  /// Both tails `(I_x(a, b), 1 − I_x(a, b))` for `x` and its complement `y = 1 − x`.
  ///
  /// Returns NaN for NaN input or non-positive a, b.
  static func tails(x: Double, y: Double, a: Double, b: Double) -> (lower: Double, upper: Double) {
    guard !x.isNaN, !y.isNaN, !a.isNaN, !b.isNaN, a > 0, b > 0 else { return (.nan, .nan) }
    if x <= 0 { return (0, 1) }
    if y <= 0 { return (1, 0) }
    if x < (a + 1) / (a + b + 2) {
      let lower = prefactor(x: x, y: y, a: a, b: b) / a * continuedFraction(x: x, a: a, b: b)
      return (lower, 1 - lower)
    }
    let upper = prefactor(x: y, y: x, a: b, b: a) / b * continuedFraction(x: y, a: b, b: a)
    return (1 - upper, upper)
  }

  /// The density x^(a−1) (1 − x)^(b−1) / B(a, b).
  static func density(x: Double, y: Double, a: Double, b: Double) -> Double {
    if x <= 0 || y <= 0 {
      if x <= 0 { return a < 1 ? .infinity : (a == 1 ? b : 0) }
      return b < 1 ? .infinity : (b == 1 ? a : 0)
    }
    return prefactor(x: x, y: y, a: a, b: b) / (x * y)
  }

  /// F = x^a y^b / B(a, b) with y = 1 − x.
  static func prefactor(x: Double, y: Double, a: Double, b: Double) -> Double {
    if a + b < 170 {
      let powerX = pow(x, a)
      let powerY = pow(y, b)
      if powerX >= Double.leastNormalMagnitude, powerY >= Double.leastNormalMagnitude,
        powerX.isFinite, powerY.isFinite
      {
        let beta = tgamma(a) / tgamma(a + b) * tgamma(b)
        let value = powerX * powerY / beta
        if value >= Double.leastNormalMagnitude, value.isFinite { return value }
      }
    }
    if a + b >= 10 {
      return _SaddlePointTerms.binomialDensity(successes: a, failures: b, p: x, q: y) * a * b
        / (a + b)
    }
    let logBeta = lgamma(a) + lgamma(b) - lgamma(a + b)
    return exp(a * log(x) + b * log(y) - logBeta)
  }

  private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    let sum = a + b
    let aPlusOne = a + 1
    let aMinusOne = a - 1
    var c = 1.0
    var d = 1 - sum * x / aPlusOne
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    var m = 1.0
    let limit = 10_000 + 20 * (a + b).squareRoot()
    while m < limit {
      let twiceM = 2 * m
      var coefficient = m * (b - m) * x / ((aMinusOne + twiceM) * (a + twiceM))
      d = 1 + coefficient * d
      if abs(d) < tiny { d = tiny }
      c = 1 + coefficient / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      coefficient = -(a + m) * (sum + m) * x / ((a + twiceM) * (aPlusOne + twiceM))
      d = 1 + coefficient * d
      if abs(d) < tiny { d = tiny }
      c = 1 + coefficient / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) <= 0x1p-54 { break }
      m += 1
    }
    return h
  }
}
