import Foundation

/// The two-sample t-test of equal means: Welch's (unequal variances, R's default) or Student's
/// (pooled variance).
///
/// With means x̄₁, x̄₂, variances s₁², s₂² and sizes n₁, n₂:
///
///     Welch:    t = (x̄₁ − x̄₂) / √(s₁²/n₁ + s₂²/n₂),
///               df = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1))   (Satterthwaite)
///     Student:  t = (x̄₁ − x̄₂) / (s_p √(1/n₁ + 1/n₂)),  s_p² = ((n₁−1)s₁² + (n₂−1)s₂²)/(n₁+n₂−2),
///               df = n₁ + n₂ − 2
///
/// and the two-sided P = P(|T_df| > |t|). R: `t.test(x, y)` (Welch), `t.test(x, y, var.equal =
/// TRUE)`.
///
/// - Complexity: O(n₁ + n₂).
///
/// Reference: Welch, Biometrika 34 (1947); Satterthwaite, Biometrics Bulletin 2 (1946).
public struct TwoSampleTTest: Hashable, Sendable {
  /// Whether the variances are pooled (Student) rather than kept apart (Welch).
  public let assumesEqualVariances: Bool
  /// The means of the two samples (R: `estimate`).
  public let means: [Double]
  /// t (R: `statistic`).
  public let statistic: Double
  /// The degrees of freedom, non-integer for Welch's test (R: `parameter`).
  public let degreesOfFreedom: Double
  /// The two-sided P value (R: `p.value`).
  public let pValue: Double

  /// Tests `x` against `y`.
  ///
  /// - Throws: ``GroupComparisonError/tooFewObservations(test:needed:)`` when a sample has fewer
  ///   than two values; ``GroupComparisonError/constantData(test:)`` when the standard error is 0
  ///   (as R: below 10 ε times the larger mean); ``GroupComparisonError/nonFiniteValue(_:)``.
  public init(_ x: [Double], _ y: [Double], equalVariances: Bool = false)
    throws(GroupComparisonError)
  {
    let name = "the t-test"
    guard x.count >= 2, y.count >= 2 else {
      throw .tooFewObservations(test: name, needed: "at least two values in each group")
    }
    if let bad = (x + y).first(where: { !$0.isFinite }) { throw .nonFiniteValue(bad) }
    let a = SampleMoments(x)
    let b = SampleMoments(y)
    let (n1, n2) = (Double(x.count), Double(y.count))
    let standardError: Double
    let df: Double
    if equalVariances {
      df = n1 + n2 - 2
      let pooled = ((n1 - 1) * a.variance + (n2 - 1) * b.variance) / df
      standardError = (pooled * (1 / n1 + 1 / n2)).squareRoot()
    } else {
      let (u, v) = (a.variance / n1, b.variance / n2)
      standardError = (u + v).squareRoot()
      df = (u + v) * (u + v) / (u * u / (n1 - 1) + v * v / (n2 - 1))
    }
    guard standardError >= 10 * Double.ulpOfOne * max(abs(a.mean), abs(b.mean)), standardError > 0
    else {
      throw .constantData(test: name)
    }
    assumesEqualVariances = equalVariances
    means = [a.mean, b.mean]
    statistic = (a.mean - b.mean) / standardError
    degreesOfFreedom = df
    pValue = Distributions.studentTTwoSided(statistic, degreesOfFreedom: df)
  }
}

/// Mean and variance (denominator n − 1) of a sample, by two passes.
///
/// R: `mean(x)`, `var(x)`; R's `mean` adds a correction pass, Σ(x − x̄)/n, which this does too.
public struct SampleMoments: Hashable, Sendable {
  public let count: Int
  public let mean: Double
  /// The variance with denominator n − 1; NaN for fewer than two values.
  public let variance: Double

  public init(_ values: [Double]) {
    count = values.count
    guard !values.isEmpty else {
      mean = .nan
      variance = .nan
      return
    }
    let n = Double(values.count)
    var mean = values.reduce(0, +) / n
    mean += values.reduce(0) { $0 + ($1 - mean) } / n
    self.mean = mean
    let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    variance = values.count > 1 ? squares / (n - 1) : .nan
  }

  /// The standard deviation (R: `sd(x)`).
  public var standardDeviation: Double { variance.squareRoot() }
}
