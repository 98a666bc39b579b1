/// Input errors of a Fine–Gray regression: the data cannot be fitted as given.
public enum FineGrayRegressionError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Arrays of different lengths were supplied.
  case lengthMismatch(what: String, expected: Int, found: Int)
  /// A time is missing, infinite or negative (`count` such rows in all).
  case invalidTime(row: Int, value: Double, count: Int)
  /// A covariate value is missing or infinite.
  case invalidCovariate(name: String, row: Int, value: Double, count: Int)
  /// A covariate whose spread (mean absolute deviation) is beyond what double precision can
  /// fit (see ``CovariateScale``).
  case extremeCovariateScale(name: String, spread: Double)
  /// No rows remain.
  case noObservations
  /// No failure from the cause of interest.
  case noEventsOfCause(cause: Int, causes: [Int])
  /// An invalid option value.
  case invalidOption(String)

  /// A one-line message naming the offender (rows are 1-based).
  public var description: String {
    switch self {
    case .lengthMismatch(let what, let expected, let found):
      return "\(what) has \(found) values but there are \(expected) observations"
    case .invalidTime(let row, let value, let count):
      let more = count > 1 ? " (and \(count - 1) more rows)" : ""
      return "time must be a finite, non-negative number, found '\(value)' at row \(row + 1)\(more)"
    case .invalidCovariate(let name, let row, let value, let count):
      let more = count > 1 ? " (and \(count - 1) more rows)" : ""
      return "covariate '\(name)' must be finite, found '\(value)' at row \(row + 1)\(more)"
    case .extremeCovariateScale(let name, let spread):
      return CovariateScale.message(name: name, spread: spread)
    case .noObservations:
      return "no (non-missing) observations"
    case .noEventsOfCause(let cause, let causes):
      if causes.isEmpty {
        return
          "no failures from cause \(cause): every observation is censored; check the status coding"
      }
      let list = causes.map(String.init).joined(separator: ", ")
      return "no failures from cause \(cause); the causes with failures are \(list)"
    case .invalidOption(let message):
      return message
    }
  }
}
