/// The outcome of one subject in a competing-risks analysis: censored, or failed from one cause.
///
/// R: one value of `cmprsk`'s `fstatus` — the code `cencode` (default 0) means censored, every
/// other value is a cause. Causes are identified by integer codes the caller chooses (usually
/// the data's own codes, such as `MASS::Melanoma`'s 1 = died of melanoma, 3 = died of other
/// causes); results list causes in ascending code order, as `cuminc` sorts `unique(fstatus)`.
public enum CompetingRisksStatus: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Follow-up ended without an event (R: `fstatus == cencode`).
  case censored
  /// Failure from the cause with this code.
  case cause(Int)

  /// The cause code, nil for a censored subject.
  public var cause: Int? {
    if case .cause(let code) = self { return code }
    return nil
  }

  /// Whether the subject failed (from any cause).
  public var isEvent: Bool { cause != nil }

  /// `censored` or `cause 3`.
  public var description: String {
    switch self {
    case .censored: return "censored"
    case .cause(let code): return "cause \(code)"
    }
  }
}

/// How the values of a status variable in the data map to censoring and causes.
///
/// A status column is either numeric or categorical; its values are compared as text: a number
/// as R prints it (`0`, `1`, `2.5`), a category by its label. Two codings exist:
///
/// - ``codes(censoring:)``: cmprsk's convention for a numeric status, `cencode` means censoring
///   and every other whole number k is cause k (R: `cuminc(ftime, fstatus, cencode = 0)`).
/// - ``init(_:)``: an explicit table of every allowed value, for categorical status variables
///   (`"alive" → .censored`, `"melanoma" → .cause(1)`) or to regroup codes.
///
/// A value the coding does not know is an error naming it and the allowed values, never a guess.
public struct CompetingRisksCoding: Equatable, Sendable, CustomStringConvertible {
  private enum Rule: Equatable, Sendable {
    case numericCodes(censoring: Int)
    case table([String: CompetingRisksStatus])
  }

  private let rule: Rule

  /// A coding from an explicit table: each status value (as text) and what it means.
  public init(_ statuses: [String: CompetingRisksStatus]) {
    rule = .table(statuses)
  }

  /// cmprsk's numeric convention: `censoring` (R: `cencode`, default 0) is censoring and every
  /// other whole number k is `.cause(k)`.
  public static func codes(censoring: Int = 0) -> CompetingRisksCoding {
    CompetingRisksCoding(rule: .numericCodes(censoring: censoring))
  }

  private init(rule: Rule) { self.rule = rule }

  /// The status a numeric value stands for; nil when the coding does not allow it (a
  /// non-integer code, or a number missing from an explicit table). NaN is not a status (it is
  /// a missing value, which the caller drops).
  public func status(ofNumber value: Double) -> CompetingRisksStatus? {
    guard !value.isNaN else { return nil }
    switch rule {
    case .numericCodes(let censoring):
      guard value.isFinite, value == value.rounded(), abs(value) < 0x1p62 else { return nil }
      let code = Int(value)
      return code == censoring ? .censored : .cause(code)
    case .table(let statuses):
      return statuses[FormulaExpression.formatNumber(value)]
    }
  }

  /// The status a categorical value stands for; nil when it is not in the table (the numeric
  /// coding reads a label that is a whole number as that number).
  public func status(ofLabel label: String) -> CompetingRisksStatus? {
    switch rule {
    case .numericCodes:
      guard let value = Double(label) else { return nil }
      return status(ofNumber: value)
    case .table(let statuses):
      return statuses[label]
    }
  }

  /// What the coding accepts, for error messages.
  var expectation: String {
    switch rule {
    case .numericCodes(let censoring):
      return
        "status codes must be whole numbers (\(censoring) = censored, any other code k = cause k)"
    case .table(let statuses):
      let list = statuses.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
      return "the allowed values are \(list)"
    }
  }

  /// A summary such as `0 = censored, other whole numbers = causes` or
  /// `alive = censored, melanoma = cause 1, other = cause 3`.
  public var description: String {
    switch rule {
    case .numericCodes(let censoring):
      return "\(censoring) = censored, other whole numbers = causes"
    case .table(let statuses):
      return statuses.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }
        .joined(separator: ", ")
    }
  }
}
