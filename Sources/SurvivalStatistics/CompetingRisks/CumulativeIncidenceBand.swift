import Foundation

/// How pointwise confidence intervals of a cumulative incidence function are formed: a transform
/// and a level.
///
/// With F the Aalen–Johansen estimate, V its variance as `cmprsk::cuminc` reports it (`$var`)
/// and z = Φ⁻¹(1 − (1 − level)/2):
///
/// | Transform | Interval | Undefined (nil) where |
/// |---|---|---|
/// | `logLog` (default) | F^exp(∓z·√V / (F·log F)) | F = 0 |
/// | `plain` | F ∓ z·√V, clamped to [0, 1] | V is NaN |
///
/// The log-log interval is the delta-method interval for log(−log F) mapped back,
/// lower = F^exp(−z√V/(F log F)) and upper = F^exp(z√V/(F log F)); since F log F < 0 for
/// 0 < F < 1, the lower limit has the larger exponent. It stays inside (0, 1). At F = 1 both
/// limits are 1 (R: `1^x` is 1 for any x); at F = 0 they are undefined (R: NaN, reported as NA).
/// This is the interval of `tidycmprsk::tidy(cuminc(...), conf.int = TRUE)` and of
/// `ggsurvfit::ggcuminc() + add_confidence_interval()` (Pintilie 2006, §4.2.1), hence the default.
///
/// Reference: Pintilie, *Competing Risks: A Practical Perspective* (2006), §4.2; Choudhury, Stat.
/// Med. 21 (2002) 1129–1144.
public struct CumulativeIncidenceBand: Hashable, Sendable, CustomStringConvertible {
  /// The scale on which the normal approximation is taken.
  public enum Transform: String, CaseIterable, Hashable, Sendable {
    /// Intervals for log(−log F) (tidycmprsk, ggsurvfit).
    case logLog = "log-log"
    /// Intervals for F itself, clamped to [0, 1].
    case plain = "plain"
  }

  /// The transform.
  public let transform: Transform
  /// The two-sided confidence level, in (0, 1).
  public let level: Double
  /// z = Φ⁻¹(1 − (1 − level)/2) (R: `-qnorm((1 - conf.level)/2)`).
  public let criticalValue: Double

  /// The default: log-log at the 95 % level, as tidycmprsk and ggsurvfit.
  public static let `default` = CumulativeIncidenceBand(validated: .logLog, level: 0.95)

  /// A band with the given transform and level.
  ///
  /// - Throws: ``SurvivalOptionError/confidenceLevelOutOfRange(_:)`` unless 0 < level < 1.
  public init(_ transform: Transform, level: Double = 0.95) throws(SurvivalOptionError) {
    guard level > 0, level < 1 else { throw .confidenceLevelOutOfRange(level) }
    self.init(validated: transform, level: level)
  }

  private init(validated transform: Transform, level: Double) {
    self.transform = transform
    self.level = level
    // tidycmprsk multiplies by qnorm((1 − level)/2); its negation is this value exactly.
    self.criticalValue = -Distributions.normalQuantile((1 - level) / 2)
  }

  /// "log-log 95%"-style summary for captions.
  public var description: String {
    let percent = level * 100
    let text =
      percent == percent.rounded() ? String(Int(percent)) : String(format: "%g", percent)
    return "\(transform.rawValue) \(text)%"
  }

  /// The pointwise interval for an estimate F with variance V; nil bounds where R gives NA.
  ///
  /// - Complexity: O(1).
  public func interval(estimate: Double, variance: Double) -> (lower: Double?, upper: Double?) {
    let f = estimate
    let se = variance.squareRoot()
    let z = criticalValue
    switch transform {
    case .plain:
      let halfWidth = z * se
      if halfWidth.isNaN || f.isNaN { return (nil, nil) }
      return (Swift.max(f - halfWidth, 0), Swift.min(f + halfWidth, 1))
    case .logLog:
      if f == 1 { return (1, 1) }
      if !(f > 0 && f < 1) || se.isNaN { return (nil, nil) }
      let scaled = z * se / (f * Foundation.log(f))
      return (pow(f, exp(-scaled)), pow(f, exp(scaled)))
    }
  }
}
