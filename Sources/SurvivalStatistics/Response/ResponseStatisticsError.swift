/// An invalid input to a response statistic: counts, confidence levels, assessment records.
///
/// The messages name the offending value and what is allowed; the report layer adds the file
/// and line the value came from.
public enum ResponseStatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A number of trials below 0 or successes outside 0…trials.
  case invalidCounts(successes: Int, trials: Int)
  /// A confidence level outside the open interval (0, 1).
  case confidenceLevelOutOfRange(Double)
  /// An assessment time that is NaN, infinite or negative.
  case invalidAssessmentTime(patient: String, time: Double)
  /// A rule parameter (confirmation interval, minimum SD duration) that is NaN or negative.
  case invalidRule(name: String, value: Double)

  /// The message, naming the offending value and what is allowed.
  public var description: String {
    switch self {
    case .invalidCounts(let successes, let trials):
      return
        "\(successes) successes out of \(trials) trials: the trials must be at least 0 and the successes between 0 and the trials"
    case .confidenceLevelOutOfRange(let level):
      return "confidence level '\(level)' must be strictly between 0 and 1 (for example 0.95)"
    case .invalidAssessmentTime(let patient, let time):
      return "patient '\(patient)' has assessment time '\(time)'; times must be finite and ≥ 0"
    case .invalidRule(let name, let value):
      return "\(name) '\(value)' must be finite and ≥ 0"
    }
  }
}
