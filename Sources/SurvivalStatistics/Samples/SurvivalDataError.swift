/// Invalid survival data, reported with the first offending observation.
///
/// Thrown by the initialisers of ``RightCensoredSample`` and ``GroupedSample``. Indices are
/// zero-based positions in the arrays passed to the initialiser; a data-input layer that knows
/// file lines translates them.
public enum SurvivalDataError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The labelled variable a label error refers to.
  public enum Variable: String, Equatable, Sendable {
    /// The grouping variable (arms, treatment, …).
    case group
    /// The stratification variable.
    case stratum
  }

  /// The sample has no observations.
  case noObservations
  /// A column has a different length from `times`.
  case lengthMismatch(column: String, count: Int, timeCount: Int)
  /// A time is NaN, infinite or negative; `invalidCount` counts all such times.
  case invalidTime(index: Int, value: Double, invalidCount: Int)
  /// An observation's label is not among the declared labels.
  case unknownLabel(Variable, index: Int, label: String, allowed: [String])
  /// An observation's integer code is not a valid index into the declared labels.
  case labelIndexOutOfRange(Variable, index: Int, value: Int, labelCount: Int)
  /// A declared label occurs twice.
  case duplicateLabel(Variable, label: String)
  /// A declared label has no observations.
  case labelWithoutObservations(Variable, label: String)
  /// An entry time is NaN or infinite; `invalidCount` counts all such entry times.
  case invalidEntryTime(index: Int, value: Double, invalidCount: Int)
  /// An observation whose time is not after its entry time (R's `Surv()` makes it NA).
  case emptyInterval(index: Int, entry: Double, time: Double, invalidCount: Int)
  /// An interval whose entry and exit became equal when near-tied times were merged (R:
  /// "aeqSurv exception, an interval has effective length 0").
  case intervalMergedToZeroLength(index: Int, entry: Double, time: Double)
  /// A case weight that is NaN, infinite or negative (R: "weights must be non-negative").
  case invalidWeight(index: Int, value: Double, invalidCount: Int)

  /// The message, naming the offending value and what is allowed.
  public var description: String {
    switch self {
    case .noObservations:
      return "the sample has no observations"
    case .lengthMismatch(let column, let count, let timeCount):
      return "'\(column)' has \(count) values but 'times' has \(timeCount)"
    case .invalidTime(let index, let value, let invalidCount):
      let more = invalidCount > 1 ? " (and \(invalidCount - 1) more)" : ""
      return
        "time at index \(index) is '\(value)'; survival times must be finite and non-negative\(more)"
    case .unknownLabel(let variable, let index, let label, let allowed):
      let list = allowed.map { "'\($0)'" }.joined(separator: ", ")
      return "\(variable.rawValue) at index \(index) is '\(label)', which is not one of \(list)"
    case .labelIndexOutOfRange(let variable, let index, let value, let labelCount):
      return
        "\(variable.rawValue) code at index \(index) is \(value); codes must be in 0..<\(labelCount)"
    case .duplicateLabel(let variable, let label):
      return "\(variable.rawValue) label '\(label)' is declared twice"
    case .invalidEntryTime(let index, let value, let invalidCount):
      let more = invalidCount > 1 ? " (and \(invalidCount - 1) more)" : ""
      return "entry time at index \(index) is '\(value)'; entry times must be finite\(more)"
    case .emptyInterval(let index, let entry, let time, let invalidCount):
      let more = invalidCount > 1 ? " (and \(invalidCount - 1) more)" : ""
      return
        "time at index \(index) is '\(time)', not after its entry time '\(entry)'; a subject must be followed after it enters\(more)"
    case .intervalMergedToZeroLength(let index, let entry, let time):
      return
        "entry time '\(entry)' and time '\(time)' at index \(index) differ by less than rounding error; remove the observation or turn off near-tie merging"
    case .invalidWeight(let index, let value, let invalidCount):
      let more = invalidCount > 1 ? " (and \(invalidCount - 1) more)" : ""
      return
        "weight at index \(index) is '\(value)'; case weights must be finite and non-negative\(more)"
    case .labelWithoutObservations(let variable, let label):
      return
        "\(variable.rawValue) '\(label)' has no observations. Remove it from the declared labels or check the data"
    }
  }
}
