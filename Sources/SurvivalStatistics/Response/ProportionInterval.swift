import Foundation

/// A binomial proportion x/n with a two-sided confidence interval.
///
/// Clopper–Pearson ("exact", the default; R: `binom.test(x, n)$conf.int`):
///
///     lower = B⁻¹(α/2; x, n − x + 1)       (0 when x = 0)
///     upper = B⁻¹(1 − α/2; x + 1, n − x)   (1 when x = n)
///
/// with B⁻¹ the beta quantile. Wilson score (R: `prop.test(x, n, correct = FALSE)$conf.int`),
/// with p̂ = x/n and z = Φ⁻¹(1 − α/2):
///
///     (p̂ + z²/2n ± z √(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n)
///
/// with the lower limit 0 at x = 0 and the upper limit 1 at x = n, as R sets them. Both are
/// accurate at 0/n and n/n and for n up to 10⁴ and beyond (the beta quantile keeps full relative
/// precision in both tails).
///
/// - Complexity: O(1) for Wilson; a few incomplete-beta evaluations for Clopper–Pearson.
///
/// References: Clopper & Pearson, Biometrika 26 (1934); Wilson, JASA 22 (1927); Newcombe,
/// Statistics in Medicine 17 (1998).
public struct ProportionInterval: Hashable, Sendable {
  /// How the interval is formed.
  public enum Method: String, Hashable, Sendable, CaseIterable {
    /// The exact interval from binomial tail probabilities (R: `binom.test`).
    case clopperPearson = "clopper-pearson"
    /// The score interval without continuity correction (R: `prop.test(correct = FALSE)`).
    case wilson
  }

  /// The number of successes x (responders).
  public let successes: Int
  /// The number of trials n (evaluable patients).
  public let trials: Int
  /// The confidence level 1 − α.
  public let level: Double
  public let method: Method
  /// x/n; NaN when n = 0.
  public let estimate: Double
  /// The lower limit; NaN when n = 0.
  public let lower: Double
  /// The upper limit; NaN when n = 0.
  public let upper: Double

  /// Estimates x/n with its interval.
  ///
  /// - Parameters:
  ///   - successes: x, 0…n.
  ///   - trials: n ≥ 0; with n = 0 estimate and limits are NaN (R's `binom.test` refuses n = 0).
  ///   - level: the confidence level, in (0, 1).
  ///   - method: Clopper–Pearson (default) or Wilson.
  /// - Throws: ``ResponseStatisticsError/invalidCounts(successes:trials:)`` or
  ///   ``ResponseStatisticsError/confidenceLevelOutOfRange(_:)``.
  public init(
    successes: Int, trials: Int, level: Double = 0.95, method: Method = .clopperPearson
  ) throws(ResponseStatisticsError) {
    guard trials >= 0, successes >= 0, successes <= trials else {
      throw .invalidCounts(successes: successes, trials: trials)
    }
    guard level > 0, level < 1 else { throw .confidenceLevelOutOfRange(level) }
    self.successes = successes
    self.trials = trials
    self.level = level
    self.method = method
    guard trials > 0 else {
      (estimate, lower, upper) = (.nan, .nan, .nan)
      return
    }
    let x = Double(successes)
    let n = Double(trials)
    estimate = x / n
    let alpha = 1 - level
    switch method {
    case .clopperPearson:
      lower = successes == 0 ? 0 : Distributions.betaQuantile(alpha / 2, a: x, b: n - x + 1)
      upper =
        successes == trials ? 1 : Distributions.betaQuantile(1 - alpha / 2, a: x + 1, b: n - x)
    case .wilson:
      // R's prop.test arithmetic, so the limits agree with it to the last bits.
      let z = Distributions.normalQuantile((1 + level) / 2)
      let z22n = z * z / (2 * n)
      let p = estimate
      let spread = z * (p * (1 - p) / n + z22n / (2 * n)).squareRoot()
      lower = successes == 0 ? 0 : max(0, (p + z22n - spread) / (1 + 2 * z22n))
      upper = successes == trials ? 1 : min(1, (p + z22n + spread) / (1 + 2 * z22n))
    }
  }
}
