import Foundation

/// A node of a parsed R model formula: a name, a constant, a call, or an operator application.
///
/// `description` deparses the expression the way R does (`deparse()`), which is how R labels
/// terms and coefficients: `I(x/10)`, `I((x - 50)/10)`, `I(x^2)`, `` `weird name` ``,
/// `relevel(factor(x), ref = "B")`.
public struct FormulaExpression: Equatable, Sendable, CustomStringConvertible {
  /// The kind of node.
  public indirect enum Kind: Equatable, Sendable {
    /// A variable name (backquotes removed).
    case name(String)
    /// A numeric constant.
    case number(Double)
    /// A string constant (quotes removed).
    case string(String)
    /// A function call such as `log(x)` or `relevel(x, ref = "B")`.
    case call(function: String, arguments: [FormulaArgument])
    /// A prefix operator (`-`, `+`, `!`).
    case unary(operator: String, operand: FormulaExpression)
    /// An infix operator (`+ - * / ^ : == != < > <= >=`).
    case binary(operator: String, left: FormulaExpression, right: FormulaExpression)
    /// An expression in parentheses.
    case parenthesized(FormulaExpression)
  }

  /// The node.
  public let kind: Kind
  /// 1-based column of the node's first character in the formula text.
  public let column: Int

  /// Creates a node.
  public init(_ kind: Kind, column: Int) {
    self.kind = kind
    self.column = column
  }

  /// The expression as R deparses it.
  public var description: String {
    switch kind {
    case .name(let name):
      return Self.isSyntacticName(name) ? name : "`\(name)`"
    case .number(let value):
      return Self.formatNumber(value)
    case .string(let text):
      var escaped = ""
      for character in text {
        switch character {
        case "\"": escaped += "\\\""
        case "\\": escaped += "\\\\"
        case "\n": escaped += "\\n"
        case "\t": escaped += "\\t"
        default: escaped.append(character)
        }
      }
      return "\"\(escaped)\""
    case .call(let function, let arguments):
      let name = Self.isSyntacticName(function) ? function : "`\(function)`"
      return "\(name)(\(arguments.map(\.description).joined(separator: ", ")))"
    case .unary(let op, let operand):
      return "\(op)\(operand)"
    case .binary(let op, let left, let right):
      switch op {
      case "/", "^", ":": return "\(left)\(op)\(right)"
      default: return "\(left) \(op) \(right)"
      }
    case .parenthesized(let inner):
      return "(\(inner))"
    }
  }

  /// The function name when the node is a call.
  public var functionName: String? {
    if case .call(let function, _) = kind { return function }
    return nil
  }

  private static let reservedWords: Set<String> = [
    "if", "else", "repeat", "while", "function", "for", "next", "break", "TRUE", "FALSE", "NULL",
    "Inf", "NaN", "NA", "NA_integer_", "NA_real_", "NA_character_", "in",
  ]

  /// True when R accepts `name` without backquotes.
  public static func isSyntacticName(_ name: String) -> Bool {
    let scalars = Array(name.unicodeScalars)
    guard let first = scalars.first, !reservedWords.contains(name) else { return false }
    if first == "." {
      if scalars.count > 1 && CharacterSet.decimalDigits.contains(scalars[1]) { return false }
    } else if !CharacterSet.letters.contains(first) {
      return false
    }
    return scalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "." || $0 == "_" }
  }

  /// Formats a number as R prints it (``Factor/label(_:)``): `50`, `0.5`, `1e+05`.
  public static func formatNumber(_ value: Double) -> String { Factor.label(value) }
}

/// One argument of a call, optionally named (`ref = "B"`).
public struct FormulaArgument: Equatable, Sendable, CustomStringConvertible {
  /// The argument name, if given.
  public let name: String?
  /// The value.
  public let value: FormulaExpression

  /// Creates an argument.
  public init(name: String?, value: FormulaExpression) {
    self.name = name
    self.value = value
  }

  /// `name = value` or `value`, as R deparses it.
  public var description: String {
    guard let name else { return value.description }
    let shown = FormulaExpression.isSyntacticName(name) ? name : "`\(name)`"
    return "\(shown) = \(value)"
  }
}
