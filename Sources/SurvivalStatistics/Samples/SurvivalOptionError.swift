/// An invalid option of an estimator or test (confidence level, probability, time, weights).
///
/// These values usually come from a report template; the message names the value and the
/// allowed range.
public enum SurvivalOptionError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A confidence level outside the open interval (0, 1).
  case confidenceLevelOutOfRange(Double)
  /// A quantile probability outside [0, 1].
  case probabilityOutOfRange(Double)
  /// A requested time that is NaN, infinite or negative.
  case invalidTime(Double)
  /// A restriction time (τ) for a restricted mean that is NaN, infinite or negative.
  case invalidRestrictionTime(Double)
  /// A Fleming–Harrington exponent that is NaN or infinite.
  case invalidRho(Double)
  /// Trend-test scores whose count differs from the number of groups.
  case scoreCountMismatch(count: Int, groupCount: Int)
  /// A trend-test score that is NaN or infinite.
  case nonFiniteScore(index: Int, value: Double)
  /// A Fleming–Harrington ρ ≠ 0 with entry times (only the log-rank test, ρ = 0, is defined
  /// for left-truncated data here).
  case rhoWithEntryTimes(Double)
  /// Case weights in a log-rank test (R's `survdiff` takes none).
  case caseWeightsInLogRankTest

  /// The message, naming the offending value and what is allowed.
  public var description: String {
    switch self {
    case .confidenceLevelOutOfRange(let level):
      return "confidence level '\(level)' must be strictly between 0 and 1 (for example 0.95)"
    case .probabilityOutOfRange(let p):
      return "quantile probability '\(p)' must be between 0 and 1 (0.5 is the median)"
    case .invalidTime(let time):
      return "requested time '\(time)' must be finite and non-negative"
    case .invalidRestrictionTime(let tau):
      return "restriction time '\(tau)' for the restricted mean must be finite and non-negative"
    case .invalidRho(let rho):
      return "rho '\(rho)' must be finite (0 for the log-rank test, 1 for Peto–Peto)"
    case .scoreCountMismatch(let count, let groupCount):
      return "\(count) trend scores were given for \(groupCount) groups; give one score per group"
    case .nonFiniteScore(let index, let value):
      return "trend score at index \(index) is '\(value)'; scores must be finite"
    case .rhoWithEntryTimes(let rho):
      return
        "rho '\(rho)' is not available with entry times; only the log-rank test (rho 0) is defined for left-truncated data"
    case .caseWeightsInLogRankTest:
      return
        "the log-rank test takes no case weights (as R's survdiff); use a Cox model with weights for a weighted comparison"
    }
  }
}
