/// A syntax or structure error in a model formula, pointing at the offending character.
///
/// `description` reads like a compiler diagnostic:
/// ```
/// expected ')' at column 18
///   Surv(time, status ~ age
///                     ^
/// ```
public struct FormulaParseError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What is wrong, without the location.
  public let message: String
  /// 1-based column of the offending character (one past the end for a truncated formula).
  public let column: Int
  /// The formula text.
  public let formula: String

  /// Creates an error.
  public init(message: String, column: Int, formula: String) {
    self.message = message
    self.column = column
    self.formula = formula
  }

  /// The message, the location and a caret line under the formula.
  public var description: String {
    let caret = String(repeating: " ", count: max(0, column - 1)) + "^"
    return "\(message) at column \(column)\n  \(formula)\n  \(caret)"
  }
}
