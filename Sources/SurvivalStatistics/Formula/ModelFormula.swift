/// A parsed survival model formula, `Surv(time, status) ~ terms` or, for counting-process data,
/// `Surv(start, stop, status) ~ terms`, expanded into model terms the way R's `terms()` does.
///
/// Supported right-hand sides: variable names (`ph.ecog`, `` `weird name` ``), `factor(x)`,
/// `relevel(x, "B")`, `relevel(factor(x), ref = "B")`, `log(x)` (also `log2`, `log10`,
/// `log1p`), `sqrt(x)`, `exp(x)`, `abs(x)`, `I(…)` with arithmetic (`+ - * / ^`), interactions
/// `a:b`, crossing `a*b` (= `a + b + a:b`), nesting `a/b` (= `a + a:b`), powers `(a + b)^2`,
/// removal `- a`, intercept markers `1`, `0`, `- 1` (ignored: a Cox model has no intercept), and
/// `strata(x, …)` terms (several allowed; they define strata instead of columns), and one
/// `cluster(id)` term (it groups correlated observations for the robust variance instead of
/// adding a column, as in R's `coxph`).
///
/// Terms are ordered as R orders them: by the number of variables, then by first appearance;
/// the variables of an interaction are ordered by their first appearance in the formula
/// (`b:a + a + b` gives terms `a`, `b`, `b:a`).
///
/// Parsing is pure: no data is consulted.
public struct ModelFormula: Equatable, Sendable, CustomStringConvertible {
  /// One model term: a main effect or an interaction of several variables.
  public struct Term: Equatable, Sendable {
    /// The variables, in formula order.
    public let variables: [FormulaExpression]
    /// R's term label: the variables' deparsed forms joined by `:`.
    public var label: String { variables.map(\.description).joined(separator: ":") }
    /// Number of variables (R `order`).
    public var order: Int { variables.count }
  }

  /// The formula text as given.
  public let text: String
  /// The start of the interval of `Surv(start, stop, event)` (counting-process data: time-
  /// dependent covariates, recurrent events, delayed entry); nil for `Surv(time, event)`.
  public let entry: FormulaExpression?
  /// The survival time expression: the first argument of `Surv(time, event)`, the stop time
  /// of `Surv(start, stop, event)`.
  public let time: FormulaExpression
  /// The event expression (the last argument of `Surv`): a 0/1 or 1/2 coded variable or a
  /// comparison such as `status == 2`.
  public let event: FormulaExpression
  /// The covariate terms, in R's order.
  public let terms: [Term]
  /// The variables of the `strata()` terms (each `strata(a, b)` contributes `a` and `b`).
  public let strata: [FormulaExpression]
  /// The variable of the `cluster()` term, if any (R: `coxph(... + cluster(id))`).
  public let cluster: FormulaExpression?

  /// The deepest nesting of parentheses, calls, signs and powers inside each other, the
  /// whole formula being the first level. Real formulas nest a few levels.
  public static let maximumDepth = 100
  /// The most names and numbers a formula may hold.
  public static let maximumOperands = 1_000
  /// The most model terms a formula may expand to (`a * b * c` is 7 terms: crossing multiplies).
  public static let maximumTerms = 1_000
  /// The most pairs of terms that crossing (`*`, `:`, `/`, `^`) may combine while a formula is
  /// expanded, however few terms result.
  public static let maximumCombinations = 1_000_000

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

  /// Functions that may appear in a formula.
  public static let supportedFunctions: [String] = [
    "Surv", "strata", "cluster", "factor", "relevel", "I", "log", "log2", "log10", "log1p", "sqrt",
    "exp",
    "abs",
  ]

  /// Parses and expands a formula.
  ///
  /// - Throws: ``FormulaParseError`` pointing at the offending character.
  public init(parsing text: String) throws(FormulaParseError) {
    var parser = try _FormulaParser(text)
    let (left, right) = try parser.parseFormula()
    func fail(_ message: String, _ column: Int) -> FormulaParseError {
      FormulaParseError(message: message, column: column, formula: text)
    }
    try Self.checkFunctions(left, text: text)
    try Self.checkFunctions(right, text: text)

    guard case .call("Surv", let arguments) = left.kind else {
      throw fail("the left-hand side must be Surv(time, status)", left.column)
    }
    guard arguments.count == 2 || arguments.count == 3 else {
      throw fail(
        "Surv() takes 2 arguments (time, status) or 3 (start, stop, status), found \(arguments.count)",
        left.column)
    }
    self.text = text
    self.entry = arguments.count == 3 ? arguments[0].value : nil
    self.time = arguments[arguments.count - 2].value
    self.event = arguments[arguments.count - 1].value

    var expansion = _TermExpansion(text: text)
    let expanded = try expansion.expand(right)
    var terms: [Term] = []
    var strata: [FormulaExpression] = []
    var cluster: FormulaExpression?
    let ordered = expanded.enumerated().sorted { a, b in
      a.element.count != b.element.count ? a.element.count < b.element.count : a.offset < b.offset
    }.map(\.element)
    for indices in ordered {
      let variables = indices.sorted().map { expansion.variables[$0] }
      if let clusterVariable = variables.first(where: { $0.functionName == "cluster" }) {
        guard variables.count == 1 else {
          throw fail("cluster() cannot be part of an interaction", clusterVariable.column)
        }
        guard case .call(_, let clusterArguments) = clusterVariable.kind,
          clusterArguments.count == 1
        else {
          throw fail("cluster() takes one variable, e.g. cluster(id)", clusterVariable.column)
        }
        guard cluster == nil else {
          throw fail("only one cluster() term is allowed", clusterVariable.column)
        }
        cluster = clusterArguments[0].value
        continue
      }
      if let strataVariable = variables.first(where: { $0.functionName == "strata" }) {
        guard variables.count == 1 else {
          throw fail("strata() cannot be part of an interaction", strataVariable.column)
        }
        guard case .call(_, let strataArguments) = strataVariable.kind, !strataArguments.isEmpty
        else {
          throw fail("strata() needs at least one variable", strataVariable.column)
        }
        strata.append(contentsOf: strataArguments.map(\.value))
        continue
      }
      terms.append(Term(variables: variables))
    }
    self.terms = terms
    self.strata = strata
    self.cluster = cluster
  }

  /// Parses a single expression on the data, such as the `weights` of a model (`w`,
  /// `1/p`).
  ///
  /// - Throws: ``FormulaParseError`` pointing at the offending character.
  public static func expression(parsing text: String) throws(FormulaParseError) -> FormulaExpression {
    var parser = try _FormulaParser(text)
    let expression = try parser.parseStandaloneExpression()
    try checkFunctions(expression, text: text)
    return expression
  }

  /// `Surv(time, event) ~ term + term + strata(…)`, normalised as R prints it.
  public var description: String {
    var parts = terms.map(\.label)
    if !strata.isEmpty {
      parts.append("strata(\(strata.map(\.description).joined(separator: ", ")))")
    }
    if let cluster { parts.append("cluster(\(cluster))") }
    let response = entry.map { "Surv(\($0), \(time), \(event))" } ?? "Surv(\(time), \(event))"
    return "\(response) ~ \(parts.isEmpty ? "1" : parts.joined(separator: " + "))"
  }

  /// A formula with the same response and strata and only the given terms.
  public func keepingTerms(_ labels: [String]) -> ModelFormula {
    ModelFormula(
      text: text, entry: entry, time: time, event: event,
      terms: terms.filter { labels.contains($0.label) }, strata: strata, cluster: cluster)
  }

  private init(
    text: String, entry: FormulaExpression?, time: FormulaExpression, event: FormulaExpression,
    terms: [Term], strata: [FormulaExpression], cluster: FormulaExpression?
  ) {
    self.cluster = cluster
    self.text = text
    self.entry = entry
    self.time = time
    self.event = event
    self.terms = terms
    self.strata = strata
  }

  private static func checkFunctions(_ expression: FormulaExpression, text: String)
    throws(FormulaParseError)
  {
    switch expression.kind {
    case .call(let function, let arguments):
      guard supportedFunctions.contains(function) else {
        let list = supportedFunctions.map { "'\($0)'" }.joined(separator: ", ")
        throw FormulaParseError(
          message: "unknown function '\(function)'; supported functions are \(list)",
          column: expression.column, formula: text)
      }
      for argument in arguments { try checkFunctions(argument.value, text: text) }
    case .unary(_, let operand):
      try checkFunctions(operand, text: text)
    case .binary(_, let left, let right):
      try checkFunctions(left, text: text)
      try checkFunctions(right, text: text)
    case .parenthesized(let inner):
      try checkFunctions(inner, text: text)
    case .name, .number, .string:
      break
    }
  }
}

/// R's formula algebra on sets of variables (`terms.formula`).
private struct _TermExpansion {
  let text: String
  /// Distinct variables in order of first appearance.
  var variables: [FormulaExpression] = []
  private var keys: [String: Int] = [:]

  init(text: String) { self.text = text }

  private func fail(_ message: String, _ column: Int) -> FormulaParseError {
    FormulaParseError(message: message, column: column, formula: text)
  }

  private mutating func variable(_ expression: FormulaExpression) -> Int {
    let key = expression.description
    if let index = keys[key] { return index }
    variables.append(expression)
    keys[key] = variables.count - 1
    return variables.count - 1
  }

  /// Pairs of terms combined so far by crossing.
  private var combinations = 0

  /// The terms of `a`, then those of `b` not in `a`.
  private func union(_ a: [Set<Int>], _ b: [Set<Int>], at column: Int) throws(FormulaParseError) -> [Set<Int>] {
    var result = a
    var seen = Set(a)
    for term in b where seen.insert(term).inserted { result.append(term) }
    try check(result.count, at: column)
    return result
  }

  /// Every union of a term of `a` with a term of `b`, each once.
  private mutating func interact(_ a: [Set<Int>], _ b: [Set<Int>], at column: Int) throws(FormulaParseError)
    -> [Set<Int>]
  {
    combinations += a.count * b.count
    guard combinations <= ModelFormula.maximumCombinations else {
      throw fail(
        "crossing terms here combines more than \(ModelFormula.grouped(ModelFormula.maximumCombinations)) pairs of terms; write out the interactions the model needs",
        column)
    }
    var result: [Set<Int>] = []
    var seen: Set<Set<Int>> = []
    for right in b {
      for left in a {
        let term = left.union(right)
        if seen.insert(term).inserted { result.append(term) }
      }
    }
    try check(result.count, at: column)
    return result
  }

  private func check(_ count: Int, at column: Int) throws(FormulaParseError) {
    guard count <= ModelFormula.maximumTerms else {
      throw fail(
        "the formula expands to more than \(ModelFormula.grouped(ModelFormula.maximumTerms)) model terms here (crossing with '*', ':', '/' and '^' multiplies terms); write out the interactions the model needs",
        column)
    }
  }

  private static func isIntercept(_ expression: FormulaExpression) -> Bool {
    if case .number(let value) = expression.kind { return value == 0 || value == 1 }
    return false
  }

  mutating func expand(_ expression: FormulaExpression) throws(FormulaParseError) -> [Set<Int>] {
    switch expression.kind {
    case .binary("+", let left, let right):
      return try union(try expand(left), try expand(right), at: right.column)
    case .binary("-", let left, let right):
      let kept = try expand(left)
      if Self.isIntercept(right) { return kept }
      let removed = try expand(right)
      return kept.filter { !removed.contains($0) }
    case .binary("*", let left, let right):
      let a = try expand(left)
      let b = try expand(right)
      return try union(try union(a, b, at: right.column), try interact(a, b, at: right.column), at: right.column)
    case .binary(":", let left, let right):
      return try interact(try expand(left), try expand(right), at: right.column)
    case .binary("/", let left, let right):
      let a = try expand(left)
      let b = try expand(right)
      let all = a.reduce(Set<Int>()) { $0.union($1) }
      return try union(a, try interact([all], b, at: right.column), at: right.column)
    case .binary("^", let left, let right):
      guard case .number(let power) = right.kind, power >= 1, power == power.rounded() else {
        throw fail("the power of a term must be a positive whole number", right.column)
      }
      let base = try expand(left)
      var result = base
      // Each round adds interactions of one more order; once a round adds nothing (at the
      // latest after as many rounds as there are variables), higher powers add nothing either.
      var order = 2.0
      while order <= power {
        let next = try union(result, try interact(result, base, at: right.column), at: right.column)
        if next.count == result.count { break }
        result = next
        order += 1
      }
      return result
    case .binary(let op, _, _):
      throw fail(
        "operator '\(op)' is not a model operator here; wrap arithmetic or comparisons in I(), e.g. I(x \(op) 10)",
        expression.column)
    case .parenthesized(let inner):
      return try expand(inner)
    case .unary("+", let operand):
      return try expand(operand)
    case .unary("-", let operand) where Self.isIntercept(operand):
      return []
    case .unary(let op, _):
      throw fail("unexpected '\(op)'", expression.column)
    case .number:
      if Self.isIntercept(expression) { return [] }
      throw fail("invalid model term '\(expression)'", expression.column)
    case .string:
      throw fail("invalid model term '\(expression)'", expression.column)
    case .name, .call:
      return [[variable(expression)]]
    }
  }
}
