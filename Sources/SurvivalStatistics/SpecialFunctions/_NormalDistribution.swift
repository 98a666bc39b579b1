import Foundation

// Standard normal tail and quantile.
//
// Implementation goals, in order of priority:
//
// 1. Relative precision in the upper tail down to the underflow threshold. Q(z) = erfc(z/√2)/2, but
//    the rounding of z/√2 alone (relative 2⁻⁵³) changes erfc by a relative 2x²·2⁻⁵³ ≈ 1.5e-13 at
//    Q ≈ 1e-300. The product is therefore split, x = fl(z · h) with h + l = 1/√2 to 106 bits, and
//    the residual δ = (z·h − x) + z·l (exact by fma) is applied to first order:
//    erfc(x + δ) = erfc(x) − δ · 2/√π · e^(−x²) + O(δ²).
// 2. The quantile is Wichura's AS 241 (PPND16), accurate to about 1e-16 relative, which is also
//    what R 4.2 uses for `qnorm`.

/// Standard normal kernel; see the file header for the method.
enum _NormalDistribution {
  private static let inverseSquareRootOfTwoHigh = 0.7071067811865476
  private static let inverseSquareRootOfTwoLow = -4.833646656726457e-17
  private static let twoOverSquareRootOfPi = 1.1283791670955126

  /// P(Z > z).
  static func upperTail(_ z: Double) -> Double {
    if z.isNaN { return .nan }
    if z < 2 { return 0.5 * erfc(z * inverseSquareRootOfTwoHigh) }
    let x = z * inverseSquareRootOfTwoHigh
    let delta = fma(z, inverseSquareRootOfTwoHigh, -x) + z * inverseSquareRootOfTwoLow
    let complement = erfc(x)
    if complement == 0 { return 0 }
    return 0.5 * (complement - delta * twoOverSquareRootOfPi * exp(-x * x))
  }

  /// AS 241 (PPND16): z with P(Z ≤ z) = p.
  static func quantile(_ p: Double) -> Double {
    if p.isNaN || p < 0 || p > 1 { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    let q = p - 0.5
    if abs(q) <= 0.425 {
      let r = 0.180625 - q * q
      let numerator =
        ((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
          + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
          + 133.14166789178437745) * r + 3.387132872796366608
      let denominator =
        ((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
          + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
          + 42.313330701600911252) * r + 1
      return q * numerator / denominator
    }
    var r = q < 0 ? p : 1 - p
    r = (-log(r)).squareRoot()
    var value: Double
    if r <= 5 {
      r -= 1.6
      let numerator =
        ((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r
          + 0.24178072517745061177) * r + 1.27045825245236838258) * r + 3.64784832476320460504)
          * r + 5.7694972214606914055) * r + 4.6303378461565452959) * r + 1.42343711074968357734
      let denominator =
        ((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r
          + 0.0151986665636164571966) * r + 0.14810397642748007459) * r + 0.68976733498510000455)
          * r + 1.6763848301838038494) * r + 2.05319162663775882187) * r + 1
      value = numerator / denominator
    } else {
      r -= 5
      let numerator =
        ((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
          + 0.0012426609473880784386) * r + 0.026532189526576123093) * r + 0.29656057182850489123)
          * r + 1.7848265399172913358) * r + 5.4637849111641143699) * r + 6.6579046435011037772
      let denominator =
        ((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r
          + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r + 0.0148753612908506148525)
          * r + 0.13692988092273580531) * r + 0.59983220655588793769) * r + 1
      value = numerator / denominator
    }
    return q < 0 ? -value : value
  }
}
