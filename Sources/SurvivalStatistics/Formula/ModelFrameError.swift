/// An error turning a formula and data into a model frame: the formula refers to something the
/// data cannot provide.
///
/// Errors about one expression point at it in the formula, as syntax errors do:
/// ```
/// unknown variable 'agee' at column 30. Did you mean 'age'?
///   Surv(time, status) ~ karno + agee
///                                ^
/// ```
public struct ModelFrameError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What went wrong.
  public enum Reason: Equatable, Sendable {
    /// A variable is not a column of the data.
    case unknownVariable(name: String, suggestion: String?)
    /// An operation needs a different kind of variable.
    case wrongKind(expression: String, message: String)
    /// `relevel` or a comparison names a level the factor does not have.
    case unknownLevel(expression: String, level: String, levels: [String])
    /// The event variable has a value other than 0/1, 1/2 or true/false.
    case invalidEvent(expression: String, value: String, row: Int)
    /// Every row has a missing value.
    case noCompleteRows(dropped: Int)
  }

  /// What went wrong.
  public let reason: Reason
  /// 1-based column of the offending expression in `formula`; nil for errors about the data
  /// as a whole.
  public let column: Int?
  /// The formula text, once known.
  public let formula: String?

  /// Creates an error.
  public init(_ reason: Reason, column: Int? = nil, formula: String? = nil) {
    self.reason = reason
    self.column = column
    self.formula = formula
  }

  static func unknownVariable(name: String, suggestion: String?, column: Int) -> Self {
    Self(.unknownVariable(name: name, suggestion: suggestion), column: column)
  }

  static func wrongKind(expression: FormulaExpression, message: String) -> Self {
    Self(.wrongKind(expression: expression.description, message: message), column: expression.column)
  }

  static func unknownLevel(expression: FormulaExpression, level: String, levels: [String]) -> Self {
    Self(.unknownLevel(expression: expression.description, level: level, levels: levels), column: expression.column)
  }

  /// The same error, located in `formula` (the text whose columns `column` counts).
  func located(in formula: String) -> Self {
    Self(reason, column: column, formula: self.formula ?? formula)
  }

  /// A one-line message naming the offender and the remedy, without the location.
  public var message: String { hint.map { problem + $0 } ?? problem }

  /// A suggestion that follows the location.
  private var hint: String? {
    guard case .unknownVariable(_, let suggestion?) = reason else { return nil }
    return ". Did you mean '\(suggestion)'?"
  }

  private var problem: String {
    switch reason {
    case .unknownVariable(let name, _):
      return "unknown variable '\(name)'"
    case .wrongKind(let expression, let message):
      return "'\(expression)': \(message)"
    case .unknownLevel(let expression, let level, let levels):
      let list = levels.map { "'\($0)'" }.joined(separator: ", ")
      return "'\(expression)': '\(level)' is not a level; the levels are \(list)"
    case .invalidEvent(let expression, let value, let row):
      return
        "event '\(expression)' must be coded 0/1 or 1/2 (1 or 2 = event), found '\(value)' at row \(row + 1). Use a comparison such as \(expression) == 1 to choose the event value"
    case .noCompleteRows(let dropped):
      return "all \(dropped) rows have a missing value in a model variable"
    }
  }

  /// The message, and when it concerns one expression, its column and a caret line under the
  /// formula.
  public var description: String {
    guard let column, let formula else { return message }
    let caret = String(repeating: " ", count: max(0, column - 1)) + "^"
    return "\(problem) at column \(column)\(hint ?? "")\n  \(formula)\n  \(caret)"
  }
}
