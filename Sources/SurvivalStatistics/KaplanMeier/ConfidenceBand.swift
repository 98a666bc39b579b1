import Foundation

/// How pointwise confidence intervals of a survival curve are formed: a transform and a level.
///
/// With S the Kaplan–Meier estimate, σ the standard error of −log S (R's `std.err`) and
/// z = Φ⁻¹(1 − (1 − level)/2), R's `survfit_confint` gives:
///
/// | Transform | Interval | Undefined (nil) where |
/// |---|---|---|
/// | `log` (R default) | S·e^(∓zσ), upper clipped at 1 | S = 0 |
/// | `log-log` | exp(−exp(log(−log S) ∓ zσ/log S)) | S = 0 or S = 1 |
/// | `plain` | S ∓ zσS, clipped to [0, 1] | S = 0 (σ = ∞) |
///
/// The one default of the module is ``rDefault`` (log, 95 %), R's default; SAS PROC LIFETEST and
/// lifelines use log-log, so figures should echo the band they show.
///
/// Reference: Klein & Moeschberger, *Survival Analysis* (2003), §4.3.
public struct ConfidenceBand: Hashable, Sendable, CustomStringConvertible {
  /// The scale on which the normal approximation is taken (R: `conf.type`).
  public enum Transform: String, CaseIterable, Hashable, Sendable {
    /// Intervals for log S (R: `"log"`, the default of `survfit`).
    case log = "log"
    /// Intervals for log(−log S) (R: `"log-log"`; SAS and lifelines default).
    case logLog = "log-log"
    /// Intervals for S itself (R: `"plain"`, Greenwood's original form).
    case plain = "plain"
  }

  /// The transform.
  public let transform: Transform
  /// The two-sided confidence level, in (0, 1) (R: `conf.int`).
  public let level: Double
  /// z = Φ⁻¹(1 − (1 − level)/2), computed as R does (`qnorm(1 - (1 - conf.int)/2)`).
  public let criticalValue: Double

  /// R's default: log transform at the 95 % level.
  public static let rDefault = ConfidenceBand(validated: .log, level: 0.95)

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
    self.criticalValue = Distributions.normalQuantile(1 - (1 - level) / 2)
  }

  /// "log-log 95%"-style summary for captions.
  public var description: String {
    let percent = level * 100
    let text =
      percent == percent.rounded() ? String(Int(percent)) : String(format: "%g", percent)
    return "\(transform.rawValue) \(text)%"
  }

  /// The pointwise interval for a survival probability `survival` whose −log has standard error
  /// `standardErrorOfLogSurvival`; nil bounds exactly where R gives NA or NaN.
  ///
  /// - Complexity: O(1).
  public func interval(survival: Double, standardErrorOfLogSurvival: Double)
    -> (lower: Double?, upper: Double?)
  {
    let s = survival
    let se = standardErrorOfLogSurvival
    let z = criticalValue
    switch transform {
    case .plain:
      let halfWidth = se * s * z
      if halfWidth.isNaN { return (nil, nil) }
      return (Swift.max(s - halfWidth, 0), Swift.min(s + halfWidth, 1))
    case .log:
      if s == 0 || s.isNaN { return (nil, nil) }
      let halfWidth = z * se
      let logS = Foundation.log(s)
      return (exp(logS - halfWidth), Swift.min(exp(logS + halfWidth), 1))
    case .logLog:
      if s == 0 || s == 1 || s.isNaN { return (nil, nil) }
      let logS = Foundation.log(s)
      let halfWidth = z * se / logS
      let center = Foundation.log(-logS)
      return (exp(-exp(center - halfWidth)), exp(-exp(center + halfWidth)))
    }
  }
}
