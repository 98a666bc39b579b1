import Foundation

extension Distributions {
  // MARK: - Student's t

  /// P(|T| > |t|) for T ~ t(df): the two-sided P value of a t statistic.
  ///
  /// `I_{df/(df + t²)}(df/2, 1/2)`, with the complement `t²/(df + t²)` passed separately so
  /// neither tail is formed as `1 − p`; R: `2 * pt(-abs(t), df)`. Non-integer df (Welch's test)
  /// are allowed; df = ∞ is the normal distribution. NaN for NaN input or df ≤ 0.
  /// - Complexity: as ``regularizedIncompleteBeta(_:a:b:)``.
  public static func studentTTwoSided(_ t: Double, degreesOfFreedom df: Double) -> Double {
    if t.isNaN || df.isNaN || df <= 0 { return .nan }
    if t.isInfinite { return 0 }
    if df.isInfinite { return 2 * normalUpperTail(abs(t)) }
    let square = t * t
    // x = df/(df + t²) and y = t²/(df + t²), each computed without cancellation.
    let x = df / (df + square)
    let y = square / (df + square)
    return _IncompleteBeta.tails(x: x, y: y, a: df / 2, b: 0.5).lower
  }

  /// P(T > t) for T ~ t(df).
  ///
  /// Half the two-sided tail on the side of t; R: `pt(t, df, lower.tail = FALSE)`.
  /// - Complexity: as ``regularizedIncompleteBeta(_:a:b:)``.
  public static func studentTUpperTail(_ t: Double, degreesOfFreedom df: Double) -> Double {
    if t.isNaN || df.isNaN || df <= 0 { return .nan }
    let half = studentTTwoSided(t, degreesOfFreedom: df) / 2
    return t >= 0 ? half : 1 - half
  }

  // MARK: - F

  /// P(F > f) for F ~ F(df1, df2).
  ///
  /// `I_{df2/(df2 + df1 f)}(df2/2, df1/2)`; R: `pf(f, df1, df2, lower.tail = FALSE)`. NaN for NaN
  /// input or non-positive degrees of freedom.
  /// - Complexity: as ``regularizedIncompleteBeta(_:a:b:)``.
  public static func fUpperTail(_ f: Double, degreesOfFreedom df1: Double, _ df2: Double) -> Double {
    if f.isNaN || df1.isNaN || df2.isNaN || df1 <= 0 || df2 <= 0 { return .nan }
    if f <= 0 { return 1 }
    if f.isInfinite { return 0 }
    let scaled = df1 * f
    return _IncompleteBeta.tails(
      x: df2 / (df2 + scaled), y: scaled / (df2 + scaled), a: df2 / 2, b: df1 / 2
    ).lower
  }
}
