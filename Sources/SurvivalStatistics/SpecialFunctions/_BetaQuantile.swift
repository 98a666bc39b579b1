import Foundation

// Inverse of the regularized incomplete beta function: the x with I_x(a, b) = p.
//
// Implementation goals, in order of priority:
//
// 1. Never fail to bracket: the root is kept inside [lo, hi] ⊂ [0, 1] and every Newton step that
//    leaves the bracket is replaced by a bisection, geometric when the bracket spans orders of
//    magnitude (quantiles near 1e-300 occur for small a and p).
// 2. Full precision in both tails: Newton's method runs on the tail T that is small at the target
//    (the lower tail when p ≤ ½, else the upper tail with target t = 1 − p, exact for p ≥ ½), so
//    the relative accuracy of tiny tail probabilities carries over. Far from the root the iteration
//    uses g(x) = log T(x) − log t, which is nearly linear in log x over many orders of magnitude;
//    close to it, g(x) = T(x) − t, whose residual carries no |log t| · 2⁻⁵³ rounding noise.
// 3. Few iterations: the starting value is the approximation of AS 109 (Cran, Martin and Thomas,
//    1977), from which Newton converges quadratically.
//
// Newton: d log T/dx = ± f(x)/T(x) and dT/dx = ± f(x), with f the beta density (+ for the lower
// tail).

/// Beta quantile kernel; see the file header for the method.
enum _BetaQuantile {
  static func quantile(_ p: Double, a: Double, b: Double) -> Double {
    guard !p.isNaN, !a.isNaN, !b.isNaN, a > 0, b > 0, p >= 0, p <= 1 else { return .nan }
    if p == 0 { return 0 }
    if p == 1 { return 1 }
    let usesLowerTail = p <= 0.5
    let target = usesLowerTail ? p : 1 - p
    let logTarget = log(target)
    var lo = 0.0
    var hi = 1.0
    var x = startingValue(p, a: a, b: b)
    if !(x > 0 && x < 1) { x = 0.5 }
    for _ in 0..<400 {
      let y = 1 - x
      let tails = _IncompleteBeta.tails(x: x, y: y, a: a, b: b)
      let tail = usesLowerTail ? tails.lower : tails.upper
      if tail == target { return x }
      let isTooLarge = usesLowerTail ? tail > target : tail < target
      if isTooLarge { hi = x } else { lo = x }
      let density = _IncompleteBeta.density(x: x, y: y, a: a, b: b)
      let signedDensity = usesLowerTail ? density : -density
      let logRatio = log(tail) - logTarget
      // Far from the root, Newton on log T; near it, on T itself, whose residual T − t is exact
      // to the precision of T (the logarithm would add |log t| · 2⁻⁵³ of noise).
      var next =
        abs(logRatio) > 0.5
        ? x - logRatio * tail / signedDensity
        : x - (tail - target) / signedDensity
      if !(next > lo && next < hi) { next = split(lo, hi) }
      if abs(next - x) <= 2 * x.ulp || next == lo || next == hi { return next }
      x = next
    }
    return x
  }

  /// A point strictly inside (lo, hi): geometric where the bracket spans a wide range near 0 or 1.
  private static func split(_ lo: Double, _ hi: Double) -> Double {
    if lo == 0 { return hi / 16 }
    if hi == 1 { return 1 - (1 - lo) / 16 }
    if hi > 16 * lo { return exp(0.5 * (log(lo) + log(hi))) }
    if 1 - lo > 16 * (1 - hi) { return 1 - exp(0.5 * (log1p(-lo) + log1p(-hi))) }
    return lo + 0.5 * (hi - lo)
  }

  /// AS 109's starting value: a normal approximation (Cornish–Fisher type) when a, b > 1, else
  /// the leading term of the series near 0 or 1.
  private static func startingValue(_ p: Double, a: Double, b: Double) -> Double {
    let isLowerTail = p <= 0.5
    let tail = isLowerTail ? p : 1 - p
    let (pa, pb) = isLowerTail ? (a, b) : (b, a)
    let logBeta = lgamma(pa) + lgamma(pb) - lgamma(pa + pb)
    var r = (-2 * log(tail)).squareRoot()
    let y = r - (2.30753 + 0.27061 * r) / (1 + (0.99229 + 0.04481 * r) * r)
    var x: Double
    if pa > 1 && pb > 1 {
      r = (y * y - 3) / 6
      let s = 1 / (2 * pa - 1)
      let t = 1 / (2 * pb - 1)
      let h = 2 / (s + t)
      let w = y * (h + r).squareRoot() / h - (t - s) * (r + 5.0 / 6 - 2 / (3 * h))
      x = pa / (pa + pb * exp(2 * w))
    } else {
      r = 2 * pb
      var t = 1 / (9 * pb)
      t = r * pow(1 - t + y * t.squareRoot(), 3)
      if t <= 0 {
        x = 1 - exp((log1p(-tail) + log(pb) + logBeta) / pb)
      } else {
        t = (4 * pa + r - 2) / t
        x = t <= 1 ? exp((log(tail * pa) + logBeta) / pa) : 1 - 2 / (t + 1)
      }
    }
    return isLowerTail ? x : 1 - x
  }
}
