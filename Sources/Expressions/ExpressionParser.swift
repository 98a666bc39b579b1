import ClinicalData

/// Reads expressions of the template language (see ``Expression``).
///
/// Precedence, loosest first: `if … then … else`, `or`, `and`, `not`, comparisons with
/// `is [not] missing` and `[not] in (…)`, `+ -`, `* /`, unary minus.
///
/// An expression nests at most ``maximumDepth`` levels and holds at most ``maximumTerms``
/// values and columns, so that neither this recursive-descent parser nor the recursive walks
/// of ``Expression`` (evaluation, ``Expression/columns``) can run out of stack, whatever the
/// template says. Chains of one operator (`a + b + c + …`) do not nest: they are evaluated with
/// a loop, however long.
public struct ExpressionParser {
  /// The deepest nesting of parentheses, function calls, `if`, `not` and unary minus inside
  /// each other, the whole expression being the first level. Real filters and derived columns
  /// nest a few levels.
  public static let maximumDepth = 200
  /// The most values and columns (numbers, texts, names) an expression may hold.
  public static let maximumTerms = 10_000

  enum Token: Equatable {
    case number(Double)
    case text(String)
    case name(String)
    case symbol(String)
    case end
  }

  private let source: String
  private var tokens: [(token: Token, offset: Int)] = []
  private var position = 0
  private var depth = 0
  private var terms = 0

  /// Parses `source`.
  /// - Throws: ``ExpressionError`` with the offset of the offending character.
  public static func parse(_ source: String) throws(ExpressionError) -> Expression {
    var parser = try ExpressionParser(source)
    let expression = try parser.expression()
    guard case .end = parser.current.token else {
      throw parser.error("unexpected \(parser.describe(parser.current.token)) after the end of the expression")
    }
    return expression
  }

  private init(_ source: String) throws(ExpressionError) {
    self.source = source
    self.tokens = try Self.tokenize(source)
  }

  // MARK: Tokens

  private static func tokenize(_ source: String) throws(ExpressionError) -> [(Token, Int)] {
    let chars = Array(source)
    var tokens: [(Token, Int)] = []
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if c.isWhitespace {
        i += 1
        continue
      }
      let start = i
      if c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
        if let date = unquotedDate(chars, at: i) {
          throw ExpressionError(
            "an unquoted date reads as arithmetic (\(date.arithmetic)); write dates in quotes: \"\(date.text)\"",
            offset: start,
            source: source)
        }
        while i < chars.count && (chars[i].isNumber || chars[i] == ".") { i += 1 }
        if i < chars.count && (chars[i] == "e" || chars[i] == "E") {
          var j = i + 1
          if j < chars.count && (chars[j] == "+" || chars[j] == "-") { j += 1 }
          if j < chars.count && chars[j].isNumber {
            i = j
            while i < chars.count && chars[i].isNumber { i += 1 }
          }
        }
        guard let value = Double(String(chars[start..<i])) else {
          throw ExpressionError("'\(String(chars[start..<i]))' is not a number", offset: start, source: source)
        }
        tokens.append((.number(value), start))
      } else if c == "\"" || c == "'" {
        i += 1
        var text = ""
        while i < chars.count && chars[i] != c {
          if chars[i] == "\\" && i + 1 < chars.count {
            i += 1
          }
          text.append(chars[i])
          i += 1
        }
        guard i < chars.count else {
          throw ExpressionError("the text starting here has no closing \(c)", offset: start, source: source)
        }
        i += 1
        tokens.append((.text(text), start))
      } else if c == "`" {
        i += 1
        let nameStart = i
        while i < chars.count && chars[i] != "`" { i += 1 }
        guard i < chars.count else {
          throw ExpressionError("the column name starting here has no closing `", offset: start, source: source)
        }
        tokens.append((.name("`" + String(chars[nameStart..<i])), start))
        i += 1
      } else if c.isLetter || c == "_" {
        while i < chars.count && (chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == ".") {
          i += 1
        }
        tokens.append((.name(String(chars[start..<i])), start))
      } else {
        let two = i + 1 < chars.count ? String(chars[i...i + 1]) : ""
        if ["==", "!=", "<=", ">="].contains(two) {
          tokens.append((.symbol(two), start))
          i += 2
        } else if "+-*/<>(),:".contains(c) {
          tokens.append((.symbol(String(c)), start))
          i += 1
        } else if c == "=" {
          tokens.append((.symbol("="), start))
          i += 1
        } else {
          throw ExpressionError("unexpected character '\(c)'", offset: start, source: source)
        }
      }
    }
    tokens.append((.end, chars.count))
    return tokens
  }

  /// A date written without quotes at `start` — `2019-12-31` (which would subtract 12 and 31
  /// from 2019) or `31/12/2019` (which would divide) — with its text and the arithmetic it
  /// would be; nil for anything else. Only a valid month and day count, and only when no
  /// digit, letter or point follows.
  static func unquotedDate(_ chars: [Character], at start: Int) -> (text: String, arithmetic: String)? {
    func digits(_ i: Int) -> Int {
      var j = i
      while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
      return j - i
    }
    var fields: [(Int, Int)] = []
    var i = start
    var separator: Character?
    while fields.count < 3 {
      let n = digits(i)
      guard n > 0 else { return nil }
      fields.append((i, n))
      i += n
      guard fields.count < 3 else { break }
      guard i < chars.count, chars[i] == "-" || chars[i] == "/", separator == nil || chars[i] == separator else {
        return nil
      }
      separator = chars[i]
      i += 1
    }
    if i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "." { return nil }
    let counts = fields.map(\.1)
    // A year has four digits, a month and a day at most two: longer runs (which would not fit an
    // Int) are arithmetic, not dates.
    guard let separator, counts.allSatisfy({ $0 <= 4 }) else { return nil }
    let values = fields.compactMap { Int(String(chars[$0.0..<$0.0 + $0.1])) }
    guard values.count == 3 else { return nil }
    let (year, month, day): (Int, Int, Int)
    if separator == "-", counts[0] == 4, counts[1] <= 2, counts[2] <= 2 {
      (year, month, day) = (values[0], values[1], values[2])
    } else if separator == "/", counts[0] <= 2, counts[1] <= 2, counts[2] == 4 {
      (day, month, year) = (values[0], values[1], values[2])
    } else {
      return nil
    }
    guard (1800...2200).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
    let text = String(chars[start..<i])
    let arithmetic = values.map(String.init).joined(separator: " \(separator) ")
    return (text, arithmetic)
  }

  // MARK: Grammar

  private var current: (token: Token, offset: Int) { tokens[position] }

  private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

  private func isKeyword(_ word: String) -> Bool {
    if case .name(let name) = current.token { return name == word }
    return false
  }

  private func isSymbol(_ symbol: String) -> Bool { current.token == .symbol(symbol) }

  private mutating func expect(_ symbol: String, _ what: String) throws(ExpressionError) {
    guard isSymbol(symbol) else { throw error("expected \(what), found \(describe(current.token))") }
    advance()
  }

  /// Enters one level of nesting, refusing to go deeper than ``maximumDepth``; every `enter()`
  /// is paired with `depth -= 1` on the way out.
  private mutating func enter() throws(ExpressionError) {
    depth += 1
    guard depth <= Self.maximumDepth else {
      throw error(
        "the expression nests more than \(Self.maximumDepth) levels deep here (parentheses, function calls, 'if', 'not' and '-' inside each other); split it into derived columns"
      )
    }
  }

  private mutating func expression() throws(ExpressionError) -> Expression {
    try enter()
    defer { depth -= 1 }
    if isKeyword("if") {
      advance()
      let condition = try expression()
      guard isKeyword("then") else { throw error("expected 'then', found \(describe(current.token))") }
      advance()
      let then = try expression()
      guard isKeyword("else") else {
        throw error("expected 'else' (every 'if' needs one), found \(describe(current.token))")
      }
      advance()
      return .conditional(condition, then: then, else: try expression())
    }
    return try or()
  }

  /// Continues an expression whose first operand `left` (an additive expression) was read,
  /// so that call arguments can be `value = label` pairs or full expressions.
  private mutating func rest(of left: Expression) throws(ExpressionError) -> Expression {
    var expression = try comparison(startingWith: left)
    while isKeyword("and") {
      let offset = current.offset
      advance()
      expression = .binary(.and, expression, try not(), offset: offset)
    }
    while isKeyword("or") {
      let offset = current.offset
      advance()
      expression = .binary(.or, expression, try and(), offset: offset)
    }
    return expression
  }

  private mutating func or() throws(ExpressionError) -> Expression {
    var left = try and()
    while isKeyword("or") {
      let offset = current.offset
      advance()
      left = .binary(.or, left, try and(), offset: offset)
    }
    return left
  }

  private mutating func and() throws(ExpressionError) -> Expression {
    var left = try not()
    while isKeyword("and") {
      let offset = current.offset
      advance()
      left = .binary(.and, left, try not(), offset: offset)
    }
    return left
  }

  private mutating func not() throws(ExpressionError) -> Expression {
    if isKeyword("not") {
      try enter()
      defer { depth -= 1 }
      advance()
      return .not(try not())
    }
    return try comparison()
  }

  private mutating func comparison() throws(ExpressionError) -> Expression {
    try comparison(startingWith: try additive())
  }

  private mutating func comparison(startingWith left: Expression) throws(ExpressionError) -> Expression {
    if case .symbol(let s) = current.token, let op = Expression.BinaryOperator(rawValue: s),
      ["==", "!=", "<", "<=", ">", ">="].contains(s)
    {
      let offset = current.offset
      advance()
      return .binary(op, left, try additive(), offset: offset)
    }
    if isSymbol("=") { throw error("'=' is not an operator; compare with '=='") }
    if isKeyword("is") {
      advance()
      var negated = false
      if isKeyword("not") {
        negated = true
        advance()
      }
      guard isKeyword("missing") else { throw error("expected 'missing' after 'is', found \(describe(current.token))") }
      advance()
      return .isMissing(left, negated: negated)
    }
    var negated = false
    if isKeyword("not"), case .name("in") = tokens[min(position + 1, tokens.count - 1)].token {
      negated = true
      advance()
    }
    if isKeyword("in") {
      advance()
      try expect("(", "'(' starting the list of values")
      var list: [Expression] = []
      while !isSymbol(")") {
        list.append(try additive())
        if !isSymbol(")") { try expect(",", "',' or ')'") }
      }
      advance()
      return .isIn(left, list, negated: negated)
    }
    return left
  }

  private mutating func additive() throws(ExpressionError) -> Expression {
    var left = try multiplicative()
    while case .symbol(let s) = current.token, s == "+" || s == "-" {
      let offset = current.offset
      advance()
      left = .binary(s == "+" ? .add : .subtract, left, try multiplicative(), offset: offset)
    }
    return left
  }

  private mutating func multiplicative() throws(ExpressionError) -> Expression {
    var left = try unary()
    while case .symbol(let s) = current.token, s == "*" || s == "/" {
      let offset = current.offset
      advance()
      left = .binary(s == "*" ? .multiply : .divide, left, try unary(), offset: offset)
    }
    return left
  }

  private mutating func unary() throws(ExpressionError) -> Expression {
    if isSymbol("-") {
      try enter()
      defer { depth -= 1 }
      advance()
      return .negate(try unary())
    }
    return try primary()
  }

  private static let keywords: Set<String> = ["if", "then", "else", "and", "or", "not", "is", "in"]

  private mutating func primary() throws(ExpressionError) -> Expression {
    let (token, offset) = current
    terms += 1
    guard terms <= Self.maximumTerms else {
      throw error(
        "the expression holds more than \(Self.grouped(Self.maximumTerms)) values and columns; split it into derived columns"
      )
    }
    switch token {
    case .number(let v):
      advance()
      return .number(v)
    case .text(let t):
      advance()
      return .text(t)
    case .symbol("("):
      advance()
      let inner = try expression()
      try expect(")", "')'")
      return inner
    case .name(let name) where name.hasPrefix("`"):
      advance()
      return .column(String(name.dropFirst()), offset: offset)
    case .name(let name) where !Self.keywords.contains(name):
      advance()
      switch name {
      case "true", "TRUE": return .boolean(true)
      case "false", "FALSE": return .boolean(false)
      case "missing", "NA": return .missing
      default: break
      }
      guard isSymbol("(") else { return .column(name, offset: offset) }
      advance()
      // Arguments are read below `expression()`, so a call is a level of its own.
      try enter()
      defer { depth -= 1 }
      var arguments: [Expression] = []
      var labels: [Expression?] = []
      while !isSymbol(")") {
        // `else:` labels the default of recode().
        let next = tokens[min(position + 1, tokens.count - 1)].token
        if isKeyword("else"), next == .symbol(":") || next == .symbol("=") {
          let elseOffset = current.offset
          advance()
          advance()
          labels.append(.column("else", offset: elseOffset))
          arguments.append(try expression())
          if !isSymbol(")") { try expect(",", "',' or ')'") }
          continue
        }
        let first = try additive()
        if isSymbol(":") || isSymbol("=") {
          advance()
          labels.append(first)
          arguments.append(try expression())
        } else {
          labels.append(nil)
          arguments.append(try rest(of: first))
        }
        if !isSymbol(")") { try expect(",", "',' or ')'") }
      }
      advance()
      return .call(name, arguments, labels: labels, offset: offset)
    default:
      throw error("expected a value, a column or '(', found \(describe(token))")
    }
  }

  /// `10,000`: a count with a comma between groups of three digits.
  static func grouped(_ count: Int) -> String {
    var text = String(count)
    var index = text.endIndex
    while text.distance(from: text.startIndex, to: index) > 3 {
      index = text.index(index, offsetBy: -3)
      text.insert(",", at: index)
    }
    return text
  }

  private func error(_ message: String) -> ExpressionError {
    ExpressionError(message, offset: current.offset, source: source)
  }

  private func describe(_ token: Token) -> String {
    switch token {
    case .number(let v): return "the number \(CSVNumber.text(v))"
    case .text(let t): return "the text \"\(t)\""
    case .name(let n): return "'\(n.hasPrefix("`") ? String(n.dropFirst()) : n)'"
    case .symbol(let s): return "'\(s)'"
    case .end: return "the end of the expression"
    }
  }
}
