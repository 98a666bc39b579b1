/// Input errors of a Cox regression: the data cannot be fitted as given.
public enum CoxRegressionError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Arrays of different lengths were supplied.
  case lengthMismatch(what: String, expected: Int, found: Int)
  /// A time is missing or infinite.
  case invalidTime(row: Int, value: Double, count: Int)
  /// A covariate value is missing or infinite.
  case invalidCovariate(name: String, row: Int, value: Double, count: Int)
  /// A covariate whose spread (mean absolute deviation) is beyond what double precision can
  /// fit (see ``CovariateScale``).
  case extremeCovariateScale(name: String, spread: Double)
  /// No rows remain.
  case noObservations
  /// No events in the data.
  case noEvents(observations: Int)
  /// An invalid option value.
  case invalidOption(String)
  /// A case weight that is not a finite number > 0 (R: "Invalid weights, must be >0").
  case invalidWeight(row: Int, value: Double, count: Int)
  /// `robust = TRUE` for counting-process data without clusters (R: "one of cluster or id is
  /// needed": the rows of one subject must be grouped).
  case robustVarianceNeedsClusters
  /// Case weights with the exact partial likelihood (R: "Case weights are not supported for
  /// the exact method").
  case weightsWithExactTies
  /// The robust variance with the exact partial likelihood (R: "score residuals are not
  /// available for the exact method").
  case robustVarianceWithExactTies
  /// A counting-process interval (start, stop] that does not end after it starts.
  case emptyInterval(row: Int, start: Double, stop: Double, count: Int)
  /// An interval whose start and stop became equal when near-tied times were merged (R:
  /// "aeqSurv exception, an interval has effective length 0").
  case intervalMergedToZeroLength(row: Int, start: Double, stop: Double)

  /// A one-line message naming the offender.
  public var description: String {
    switch self {
    case .lengthMismatch(let what, let expected, let found):
      return "\(what) has \(found) values but there are \(expected) observations"
    case .invalidTime(let row, let value, let count):
      let more = count > 1 ? " (and \(count - 1) more rows)" : ""
      return "time must be a finite number, found '\(value)' at row \(row + 1)\(more)"
    case .invalidCovariate(let name, let row, let value, let count):
      let more = count > 1 ? " (and \(count - 1) more rows)" : ""
      return "covariate '\(name)' must be finite, found '\(value)' at row \(row + 1)\(more)"
    case .extremeCovariateScale(let name, let spread):
      return CovariateScale.message(name: name, spread: spread)
    case .noObservations:
      return "no (non-missing) observations"
    case .noEvents(let observations):
      return "no events among the \(observations) observations; check the event coding"
    case .invalidOption(let message):
      return message
    case .invalidWeight(let row, let value, let count):
      let more = count > 1 ? " (and \(count - 1) more rows)" : ""
      return "case weights must be finite and > 0, found '\(value)' at row \(row + 1)\(more)"
    case .weightsWithExactTies:
      return
        "case weights are not available with the exact partial likelihood; use ties efron or breslow"
    case .robustVarianceWithExactTies:
      return
        "the robust variance (cluster() or robust) is not available with the exact partial likelihood; use ties efron or breslow"
    case .robustVarianceNeedsClusters:
      return
        "the robust variance of counting-process data needs clusters (the subject of each row), e.g. cluster(id)"
    case .emptyInterval(let row, let start, let stop, let count):
      let more = count > 1 ? " (and \(count - 1) more rows)" : ""
      return
        "the interval (start, stop] must end after it starts, found start '\(start)' and stop '\(stop)' at row \(row + 1)\(more)"
    case .intervalMergedToZeroLength(let row, let start, let stop):
      return
        "the interval ('\(start)', '\(stop)'] at row \(row + 1) has effective length 0: its ends differ by less than rounding error; remove the row or turn off near-tie merging"
    }
  }
}
