/// Errors turning a formula and data into a model frame: the formula refers to something the
/// data cannot provide.
public enum ModelFrameError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A variable is not a column of the data.
  case unknownVariable(name: String, suggestion: String?)
  /// An operation needs a different kind of variable.
  case wrongKind(expression: String, message: String)
  /// `relevel` names a level the factor does not have.
  case unknownLevel(expression: String, level: String, levels: [String])
  /// The event variable has a value other than 0/1, 1/2 or true/false.
  case invalidEvent(expression: String, value: String, row: Int)
  /// Every row has a missing value.
  case noCompleteRows(dropped: Int)

  /// A one-line message naming the offender and the remedy.
  public var description: String {
    switch self {
    case .unknownVariable(let name, let suggestion):
      let hint = suggestion.map { ". Did you mean '\($0)'?" } ?? ""
      return "unknown variable '\(name)'\(hint)"
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
}
