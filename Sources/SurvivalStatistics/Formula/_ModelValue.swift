import Foundation

/// The value of a formula expression evaluated on data.
enum _ModelValue {
  /// A constant.
  case scalar(Double)
  /// One number per row; NaN is missing.
  case numeric([Double])
  /// Level codes (0-based; −1 missing) and the level labels in order (first = reference).
  case factor(codes: [Int32], levels: [String])
  /// A comparison result per row: 0 false, 1 true, 2 missing.
  case logical([UInt8])
}

extension _ModelValue {
  /// A logical value as numbers (TRUE 1, FALSE 0, missing NaN), as R's arithmetic reads it;
  /// other values unchanged.
  var numericIfLogical: _ModelValue {
    if case .logical(let flags) = self {
      return .numeric(flags.map { $0 == 2 ? .nan : Double($0) })
    }
    return self
  }
}

/// Evaluates formula expressions on a ``ModelData``.
struct _ModelEvaluator {
  let data: ModelData

  func fail(_ expression: FormulaExpression, _ message: String) -> ModelFrameError {
    .wrongKind(expression: expression, message: message)
  }

  func evaluate(_ expression: FormulaExpression) throws(ModelFrameError) -> _ModelValue {
    switch expression.kind {
    case .name(let name):
      guard let column = data[name] else {
        throw .unknownVariable(
          name: name, suggestion: suggestion(for: name), column: expression.column)
      }
      switch column {
      case .numeric(let values):
        return .numeric(values)
      case .categorical(let values, let levels):
        return Self.factor(values, levels: levels)
      case .coded(let codes, let labels):
        return Self.factor(codes: codes, labels: labels)
      }
    case .number(let value):
      return .scalar(value)
    case .string:
      throw fail(expression, "a string can only name a level, as in relevel(x, ref = \"B\")")
    case .parenthesized(let inner):
      return try evaluate(inner)
    case .unary(let op, let operand):
      let value = try evaluate(operand)
      switch op {
      case "-": return try arithmetic(expression, .scalar(0), value) { $0 - $1 }
      case "+": return try arithmetic(expression, .scalar(0), value) { $0 + $1 }
      default: throw fail(expression, "'!' is not supported")
      }
    case .binary(let op, let left, let right):
      if Self.comparisons.contains(op) { return try compare(expression, op: op, left, right) }
      let a = try evaluate(left)
      let b = try evaluate(right)
      switch op {
      case "+": return try arithmetic(expression, a, b) { $0 + $1 }
      case "-": return try arithmetic(expression, a, b) { $0 - $1 }
      case "*": return try arithmetic(expression, a, b) { $0 * $1 }
      case "/": return try arithmetic(expression, a, b) { $0 / $1 }
      case "^": return try arithmetic(expression, a, b) { pow($0, $1) }
      default:
        throw fail(expression, "operator '\(op)' cannot be evaluated; wrap the term in I()")
      }
    case .call(let function, let arguments):
      return try call(expression, function: function, arguments: arguments)
    }
  }

  /// Evaluates to one number per row.
  func numeric(_ expression: FormulaExpression, rows: Int) throws(ModelFrameError) -> [Double] {
    switch try evaluate(expression) {
    case .numeric(let values): return values
    case .scalar(let value): return Array(repeating: value, count: rows)
    case .logical(let flags): return flags.map { $0 == 2 ? .nan : Double($0) }
    case .factor:
      throw fail(expression, "expects a numeric variable, found a categorical one")
    }
  }

  private func call(
    _ expression: FormulaExpression, function: String, arguments: [FormulaArgument]
  ) throws(ModelFrameError) -> _ModelValue {
    func single() throws(ModelFrameError) -> FormulaExpression {
      guard arguments.count == 1 else {
        throw fail(expression, "\(function)() takes one argument, found \(arguments.count)")
      }
      return arguments[0].value
    }
    switch function {
    case "factor":
      switch try evaluate(try single()) {
      case .numeric(let values):
        return Self.factor(numbers: values)
      case .scalar:
        throw fail(expression, "factor() needs a variable")
      case .logical(let flags):
        // factor(c(TRUE, FALSE)) has the levels "FALSE", "TRUE" that occur.
        return Self.factor(logical: flags, keepingUnusedLevels: false)
      case .factor(let codes, let levels):
        // factor() of a factor drops unused levels, as in R.
        var used = [Bool](repeating: false, count: levels.count)
        for code in codes where code >= 0 { used[Int(code)] = true }
        var remap = [Int32](repeating: -1, count: levels.count)
        var kept: [String] = []
        for (index, level) in levels.enumerated() where used[index] {
          remap[index] = Int32(kept.count)
          kept.append(level)
        }
        return .factor(codes: codes.map { $0 < 0 ? -1 : remap[Int($0)] }, levels: kept)
      }
    case "relevel":
      guard !arguments.isEmpty, arguments.count <= 2 else {
        throw fail(expression, "relevel() takes a factor and a reference level")
      }
      let referenceArgument =
        arguments.first { $0.name == "ref" } ?? (arguments.count == 2 ? arguments[1] : nil)
      guard let referenceArgument else {
        throw fail(expression, "relevel() needs a reference level, e.g. relevel(x, ref = \"B\")")
      }
      guard case .factor(let codes, let levels) = try evaluate(arguments[0].value) else {
        throw fail(
          expression,
          "relevel() needs a factor; use relevel(factor(\(arguments[0].value)), ref = …)")
      }
      var referenceIndex: Int?
      switch referenceArgument.value.kind {
      case .string(let label):
        referenceIndex = levels.firstIndex(of: label)
        if referenceIndex == nil {
          throw .unknownLevel(expression: expression, level: label, levels: levels)
        }
      case .number(let position):
        // Checked before it becomes an Int: 1e300 or Inf would not fit.
        guard position == position.rounded(), position >= 1, position <= Double(levels.count) else {
          throw .unknownLevel(
            expression: expression, level: referenceArgument.value.description,
            levels: levels)
        }
        referenceIndex = Int(position) - 1
      default:
        throw fail(expression, "the reference level must be a string such as \"B\"")
      }
      let reference = Int32(referenceIndex ?? 0)
      let newLevels =
        [levels[Int(reference)]]
        + levels.enumerated().filter { $0.offset != Int(reference) }.map(\.element)
      let newCodes = codes.map { code -> Int32 in
        if code < 0 { return -1 }
        if code == reference { return 0 }
        return code < reference ? code + 1 : code
      }
      return .factor(codes: newCodes, levels: newLevels)
    case "I":
      return try evaluate(try single())
    case "log", "log2", "log10", "log1p", "sqrt", "exp", "abs":
      let argument = try single()
      let transform: (Double) -> Double
      switch function {
      case "log": transform = { log($0) }
      case "log2": transform = { log2($0) }
      case "log10": transform = { log10($0) }
      case "log1p": transform = { log1p($0) }
      case "sqrt": transform = { $0.squareRoot() }
      case "exp": transform = { exp($0) }
      default: transform = { abs($0) }
      }
      switch try evaluate(argument).numericIfLogical {
      case .numeric(let values): return .numeric(values.map(transform))
      case .scalar(let value): return .scalar(transform(value))
      default: throw fail(expression, "\(function)() needs a numeric variable")
      }
    default:
      throw fail(expression, "\(function)() cannot be used here")
    }
  }

  private func arithmetic(
    _ expression: FormulaExpression, _ a: _ModelValue, _ b: _ModelValue,
    _ operation: (Double, Double) -> Double
  ) throws(ModelFrameError) -> _ModelValue {
    // R's arithmetic reads TRUE as 1 and FALSE as 0: I((age > 60) * 1).
    switch (a.numericIfLogical, b.numericIfLogical) {
    case (.scalar(let x), .scalar(let y)):
      return .scalar(operation(x, y))
    case (.numeric(let xs), .scalar(let y)):
      return .numeric(xs.map { operation($0, y) })
    case (.scalar(let x), .numeric(let ys)):
      return .numeric(ys.map { operation(x, $0) })
    case (.numeric(let xs), .numeric(let ys)):
      return .numeric(zip(xs, ys).map { operation($0, $1) })
    default:
      throw fail(expression, "arithmetic needs numeric variables, found a categorical one")
    }
  }

  static let comparisons: Set<String> = ["==", "!=", "<", ">", "<=", ">="]

  /// A comparison per row. A string constant on either side names a level of a categorical
  /// variable (`status == "Dead"`, `"Dead" != status`) or, for a numeric variable, a number
  /// (`status == "2"`, as R compares after converting to text); a number compared with a
  /// categorical variable names the level it prints as (`grade == 2`).
  private func compare(
    _ expression: FormulaExpression, op: String, _ left: FormulaExpression,
    _ right: FormulaExpression
  ) throws(ModelFrameError) -> _ModelValue {
    func isString(_ e: FormulaExpression) -> Bool {
      if case .string = e.kind { return true }
      return false
    }
    // Put the constant on the right: `2 < x` is `x > 2`.
    let mirrored = ["<": ">", ">": "<", "<=": ">=", ">=": "<="]
    let flips = isString(left) && !isString(right)
    let (variable, constant) = flips ? (right, left) : (left, right)
    let relation = flips ? mirrored[op] ?? op : op
    let test: (Double, Double) -> Bool
    switch relation {
    case "==": test = { $0 == $1 }
    case "!=": test = { $0 != $1 }
    case "<": test = { $0 < $1 }
    case ">": test = { $0 > $1 }
    case "<=": test = { $0 <= $1 }
    default: test = { $0 >= $1 }
    }
    let a = try evaluate(variable)
    if case .factor(let codes, let levels) = a {
      guard relation == "==" || relation == "!=" else {
        throw fail(expression, "a categorical variable can only be compared with == or !=")
      }
      let label: String
      switch constant.kind {
      case .string(let text): label = text
      case .number(let value): label = FormulaExpression.formatNumber(value)
      default:
        throw fail(expression, "compare a categorical variable with a level such as \"dead\"")
      }
      var found = levels.firstIndex(of: label)
      if found == nil, case .number(let value) = constant.kind {
        found = levels.firstIndex { Double($0) == value }
      }
      guard let target = found.map({ Int32($0) }) else {
        throw .unknownLevel(expression: expression, level: label, levels: levels)
      }
      return .logical(codes.map { $0 < 0 ? 2 : (($0 == target) == (relation == "==") ? 1 : 0) })
    }
    let b: _ModelValue
    if case .string(let text) = constant.kind {
      guard case .numeric = a, let number = Double(text.trimmingCharacters(in: .whitespaces)) else {
        throw fail(
          expression,
          "compares \(variable) with the text \"\(text)\"; compare a numeric variable with a number, e.g. \(variable) \(relation) 1"
        )
      }
      b = .scalar(number)
    } else {
      b = try evaluate(constant)
    }
    switch (a, b) {
    case (.numeric(let xs), .scalar(let y)):
      return .logical(xs.map { $0.isNaN ? 2 : (test($0, y) ? 1 : 0) })
    case (.scalar(let x), .numeric(let ys)):
      return .logical(ys.map { $0.isNaN ? 2 : (test(x, $0) ? 1 : 0) })
    case (.numeric(let xs), .numeric(let ys)):
      return .logical(zip(xs, ys).map { $0.isNaN || $1.isNaN ? 2 : (test($0, $1) ? 1 : 0) })
    default:
      throw fail(expression, "cannot compare these values")
    }
  }

  // MARK: Factors

  /// A factor from labels, with explicit levels or R's default order.
  static func factor(_ values: [String?], levels explicit: [String]?) -> _ModelValue {
    let levels = explicit ?? factorLevels(Set(values.compactMap { $0 }))
    var index: [String: Int32] = [:]
    for (position, level) in levels.enumerated() where index[level] == nil {
      index[level] = Int32(position)
    }
    return .factor(codes: values.map { $0.flatMap { index[$0] } ?? -1 }, levels: levels)
  }

  /// The factor of coded labels (``ModelData/Column/coded(_:labels:)``): the labels that occur
  /// in R's order, and each code moved to its label's level.
  static func factor(codes: [Int32], labels: [String]) -> _ModelValue {
    var used = [Bool](repeating: false, count: labels.count)
    for code in codes where code >= 0 { used[Int(code)] = true }
    let levels = factorLevels(Set(labels.indices.filter { used[$0] }.map { labels[$0] }))
    var position: [String: Int32] = [:]
    for (index, level) in levels.enumerated() { position[level] = Int32(index) }
    let remap = labels.map { position[$0] ?? -1 }
    return .factor(codes: codes.map { $0 < 0 ? -1 : remap[Int($0)] }, levels: levels)
  }

  /// R's factor order of distinct labels: numerically when every label reads as a number,
  /// otherwise lexicographically by Unicode code point.
  static func factorLevels(_ labels: Set<String>) -> [String] {
    let distinct = Array(labels)
    let numbers = distinct.map { Double($0.trimmingCharacters(in: .whitespaces)) }
    if !distinct.isEmpty, numbers.allSatisfy({ $0 != nil }) {
      return zip(distinct, numbers).sorted { ($0.1 ?? 0, $0.0) < ($1.1 ?? 0, $1.0) }.map(\.0)
    }
    return distinct.sorted(by: Factor.precedes)
  }

  /// A factor from a comparison: R's logical vector as a factor, levels `FALSE`, `TRUE`.
  ///
  /// In a model matrix R codes a logical variable as the factor `factor(x, levels = c(FALSE,
  /// TRUE))` (both levels always, `contrasts<-`), so `I(age > 60)` gives the column
  /// `I(age > 60)TRUE`; `factor(age > 60)` keeps only the levels that occur.
  static func factor(logical flags: [UInt8], keepingUnusedLevels: Bool) -> _ModelValue {
    var present = [false, false]
    if !keepingUnusedLevels { for flag in flags where flag < 2 { present[Int(flag)] = true } }
    let kept = keepingUnusedLevels ? [0, 1] : (0..<2).filter { present[$0] }
    var remap: [Int32] = [-1, -1]
    for (position, level) in kept.enumerated() { remap[level] = Int32(position) }
    return .factor(
      codes: flags.map { $0 < 2 ? remap[Int($0)] : -1 },
      levels: kept.map { $0 == 1 ? "TRUE" : "FALSE" })
  }

  /// A factor from numbers: levels are the distinct values in numeric order, labelled as R's
  /// `as.character` prints them.
  static func factor(numbers values: [Double]) -> _ModelValue {
    let distinct = Array(Set(values.filter { !$0.isNaN })).sorted()
    var index: [Double: Int32] = [:]
    for (position, value) in distinct.enumerated() { index[value] = Int32(position) }
    return .factor(
      codes: values.map { $0.isNaN ? -1 : (index[$0] ?? -1) },
      levels: Factor.labels(distinct))
  }

  private func suggestion(for name: String) -> String? {
    var best: (String, Int)?
    for candidate in data.columnNames {
      let distance = Self.editDistance(name.lowercased(), candidate.lowercased())
      // A suggestion must keep part of the name: "y" is not a misspelt "e".
      if distance <= max(2, name.count / 3), distance < name.count, distance < (best?.1 ?? .max) {
        best = (candidate, distance)
      }
    }
    return best?.0
  }

  static func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a)
    let y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = previous
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[y.count]
  }
}
