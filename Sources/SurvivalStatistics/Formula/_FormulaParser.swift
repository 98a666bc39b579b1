/// Tokenizer and recursive-descent parser for R formulas.
///
/// Precedence, loosest first, as in R (`?Syntax`): `~`; comparisons `== != < > <= >=`; binary
/// `+ -`; `* /`; `:`; unary `+ - !`; `^` (right associative); calls. Columns count characters
/// from 1.
///
/// A formula nests at most ``ModelFormula/maximumDepth`` levels and holds at most
/// ``ModelFormula/maximumOperands`` names and numbers, so that this parser and the recursive
/// walks of ``FormulaExpression`` (term expansion, deparsing, evaluation) stay far from the end
/// of the stack whatever the formula says.
struct _FormulaParser {
  private enum TokenKind: Equatable {
    case name(String)
    case number(Double)
    case string(String)
    case symbol(String)
    case end
  }

  private struct Token {
    let kind: TokenKind
    let column: Int
    let text: String
  }

  private let source: String
  private var tokens: [Token] = []
  private var position = 0
  private var depth = 0
  private var operands = 0

  init(_ source: String) throws(FormulaParseError) {
    self.source = source
    tokens = try Self.tokenize(source)
  }

  private func error(_ message: String, at column: Int) -> FormulaParseError {
    FormulaParseError(message: message, column: column, formula: source)
  }

  // MARK: Tokens

  private static func tokenize(_ source: String) throws(FormulaParseError) -> [Token] {
    let characters = Array(source)
    var tokens: [Token] = []
    var i = 0
    func fail(_ message: String, _ column: Int) -> FormulaParseError {
      FormulaParseError(message: message, column: column, formula: source)
    }
    while i < characters.count {
      let c = characters[i]
      let column = i + 1
      if c == " " || c == "\t" || c == "\n" || c == "\r" {
        i += 1
      } else if c.isLetter
        || (c == "." && !(i + 1 < characters.count && characters[i + 1].isNumber))
      {
        var j = i
        while j < characters.count
          && (characters[j].isLetter || characters[j].isNumber || characters[j] == "."
            || characters[j] == "_")
        {
          j += 1
        }
        let text = String(characters[i..<j])
        tokens.append(Token(kind: .name(text), column: column, text: text))
        i = j
      } else if c.isNumber || c == "." {
        var j = i
        while j < characters.count && (characters[j].isNumber || characters[j] == ".") { j += 1 }
        if j < characters.count && (characters[j] == "e" || characters[j] == "E") {
          var k = j + 1
          if k < characters.count && (characters[k] == "+" || characters[k] == "-") { k += 1 }
          if k < characters.count && characters[k].isNumber {
            while k < characters.count && characters[k].isNumber { k += 1 }
            j = k
          }
        }
        var text = String(characters[i..<j])
        if j < characters.count && characters[j] == "L" {
          j += 1
        }
        guard let value = Double(text) else { throw fail("invalid number '\(text)'", column) }
        text = String(characters[i..<j])
        tokens.append(Token(kind: .number(value), column: column, text: text))
        i = j
      } else if c == "\"" || c == "'" || c == "`" {
        var j = i + 1
        var text = ""
        var closed = false
        while j < characters.count {
          let d = characters[j]
          if d == "\\" && j + 1 < characters.count {
            let e = characters[j + 1]
            switch e {
            case "n": text.append("\n")
            case "t": text.append("\t")
            default: text.append(e)
            }
            j += 2
            continue
          }
          if d == c {
            closed = true
            break
          }
          text.append(d)
          j += 1
        }
        if !closed {
          throw fail(c == "`" ? "unterminated backquoted name" : "unterminated string", column)
        }
        if c == "`" && text.isEmpty { throw fail("empty backquoted name", column) }
        let raw = String(characters[i...j])
        tokens.append(
          Token(kind: c == "`" ? .name(text) : .string(text), column: column, text: raw))
        i = j + 1
      } else {
        let two = i + 1 < characters.count ? String(characters[i...(i + 1)]) : ""
        if ["==", "!=", "<=", ">="].contains(two) {
          tokens.append(Token(kind: .symbol(two), column: column, text: two))
          i += 2
        } else if "~+-*/^:(),=<>!".contains(c) {
          tokens.append(Token(kind: .symbol(String(c)), column: column, text: String(c)))
          i += 1
        } else {
          throw fail("unexpected character '\(c)'", column)
        }
      }
    }
    tokens.append(Token(kind: .end, column: characters.count + 1, text: ""))
    return tokens
  }

  // MARK: Grammar

  private var current: Token { tokens[position] }

  private func isSymbol(_ symbol: String) -> Bool {
    if case .symbol(let s) = current.kind { return s == symbol }
    return false
  }

  private func unexpected() -> FormulaParseError {
    if case .end = current.kind { return error("unexpected end of formula", at: current.column) }
    return error("unexpected '\(current.text)'", at: current.column)
  }

  /// `lhs ~ rhs`, consuming all input.
  mutating func parseFormula() throws(FormulaParseError) -> (
    left: FormulaExpression, right: FormulaExpression
  ) {
    if isSymbol("~") {
      throw error("expected a response such as Surv(time, status) before '~'", at: current.column)
    }
    let left = try parseExpression()
    guard isSymbol("~") else {
      if case .end = current.kind { throw error("expected '~'", at: current.column) }
      throw unexpected()
    }
    position += 1
    let right = try parseExpression()
    guard case .end = current.kind else { throw unexpected() }
    return (left, right)
  }

  /// One expression consuming all input (no `~`).
  mutating func parseStandaloneExpression() throws(FormulaParseError) -> FormulaExpression {
    let expression = try parseExpression()
    guard case .end = current.kind else { throw unexpected() }
    return expression
  }

  /// Enters one level of nesting, refusing to go deeper than ``ModelFormula/maximumDepth``;
  /// every `enter()` is paired with `depth -= 1` on the way out.
  private mutating func enter() throws(FormulaParseError) {
    depth += 1
    guard depth <= ModelFormula.maximumDepth else {
      throw error(
        "the formula nests more than \(ModelFormula.maximumDepth) levels deep here (parentheses, function calls, signs and powers inside each other); write it with fewer parentheses",
        at: current.column)
    }
  }

  /// A full expression (comparison level).
  mutating func parseExpression() throws(FormulaParseError) -> FormulaExpression {
    try enter()
    defer { depth -= 1 }
    var left = try parseAdditive()
    while case .symbol(let s) = current.kind, ["==", "!=", "<", ">", "<=", ">="].contains(s) {
      position += 1
      let right = try parseAdditive()
      left = FormulaExpression(.binary(operator: s, left: left, right: right), column: left.column)
    }
    return left
  }

  private mutating func parseAdditive() throws(FormulaParseError) -> FormulaExpression {
    var left = try parseMultiplicative()
    while case .symbol(let s) = current.kind, s == "+" || s == "-" {
      position += 1
      let right = try parseMultiplicative()
      left = FormulaExpression(.binary(operator: s, left: left, right: right), column: left.column)
    }
    return left
  }

  private mutating func parseMultiplicative() throws(FormulaParseError) -> FormulaExpression {
    var left = try parseInteraction()
    while case .symbol(let s) = current.kind, s == "*" || s == "/" {
      position += 1
      let right = try parseInteraction()
      left = FormulaExpression(.binary(operator: s, left: left, right: right), column: left.column)
    }
    return left
  }

  private mutating func parseInteraction() throws(FormulaParseError) -> FormulaExpression {
    var left = try parseUnary()
    while isSymbol(":") {
      position += 1
      let right = try parseUnary()
      left = FormulaExpression(
        .binary(operator: ":", left: left, right: right), column: left.column)
    }
    return left
  }

  private mutating func parseUnary() throws(FormulaParseError) -> FormulaExpression {
    if case .symbol(let s) = current.kind, s == "-" || s == "+" || s == "!" {
      let column = current.column
      try enter()
      defer { depth -= 1 }
      position += 1
      let operand = try parseUnary()
      return FormulaExpression(.unary(operator: s, operand: operand), column: column)
    }
    return try parsePower()
  }

  private mutating func parsePower() throws(FormulaParseError) -> FormulaExpression {
    let base = try parsePrimary()
    if isSymbol("^") {
      try enter()
      defer { depth -= 1 }
      position += 1
      let exponent = try parseUnary()
      return FormulaExpression(
        .binary(operator: "^", left: base, right: exponent), column: base.column)
    }
    return base
  }

  private mutating func parsePrimary() throws(FormulaParseError) -> FormulaExpression {
    let token = current
    operands += 1
    guard operands <= ModelFormula.maximumOperands else {
      throw error(
        "the formula holds more than \(ModelFormula.grouped(ModelFormula.maximumOperands)) names and numbers; a model needs far fewer",
        at: token.column)
    }
    switch token.kind {
    case .name(let name):
      position += 1
      if isSymbol("(") {
        position += 1
        let arguments = try parseArguments()
        return FormulaExpression(.call(function: name, arguments: arguments), column: token.column)
      }
      return FormulaExpression(.name(name), column: token.column)
    case .number(let value):
      position += 1
      return FormulaExpression(.number(value), column: token.column)
    case .string(let text):
      position += 1
      return FormulaExpression(.string(text), column: token.column)
    case .symbol("("):
      position += 1
      let inner = try parseExpression()
      guard isSymbol(")") else { throw error("expected ')'", at: current.column) }
      position += 1
      return FormulaExpression(.parenthesized(inner), column: token.column)
    default:
      throw unexpected()
    }
  }

  private mutating func parseArguments() throws(FormulaParseError) -> [FormulaArgument] {
    var arguments: [FormulaArgument] = []
    if isSymbol(")") {
      position += 1
      return arguments
    }
    while true {
      var name: String?
      if case .name(let candidate) = current.kind, case .symbol("=") = tokens[position + 1].kind {
        name = candidate
        position += 2
      }
      let value = try parseExpression()
      arguments.append(FormulaArgument(name: name, value: value))
      if isSymbol(",") {
        position += 1
        continue
      }
      guard isSymbol(")") else { throw error("expected ')'", at: current.column) }
      position += 1
      return arguments
    }
  }
}
