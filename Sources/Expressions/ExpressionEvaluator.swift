import ClinicalData
import Foundation
import SurvivalStatistics

/// Evaluates expressions row by row over a table (derived variables and filters).
public struct ExpressionEvaluator {
  public let table: DataTable
  private var numeric: [String: [Double?]] = [:]
  private var text: [String: [String?]] = [:]
  private var dates: [String: [Int?]] = [:]

  /// An evaluator over `table`.
  public init(table: DataTable) { self.table = table }

  /// The value of `expression` in every row.
  ///
  /// - Throws: ``ExpressionError`` for an unknown column (with the closest name), a value of
  ///   the wrong type (naming the row's line), an unknown function or wrong arguments.
  public mutating func values(of expression: Expression, source: String) throws(ExpressionError) -> [ExpressionValue] {
    for (name, offset) in expression.columns where numeric[name] == nil && text[name] == nil && dates[name] == nil {
      guard let column = try? table.column(named: name) else {
        let hint = SpellingSuggestion.closest(to: name, among: table.columnNames).map { " Did you mean '\($0)'?" } ?? ""
        throw ExpressionError(
          "unknown column '\(name)' in \(table.file).\(hint) Available columns: \(table.columnNames.joined(separator: ", "))",
          offset: offset, source: source)
      }
      if let values = column.dateValues() {
        dates[name] = values
      } else if let values = try? column.numericValues() {
        numeric[name] = values
      } else {
        text[name] = column.textValues()
      }
    }
    var context = Context(numeric: numeric, text: text, dates: dates, source: source, table: table, row: 0)
    var out: [ExpressionValue] = []
    out.reserveCapacity(table.rowCount)
    for row in 0..<table.rowCount {
      context.row = row
      out.append(try context.value(expression))
    }
    return out
  }

  /// The rows where `expression` is true (false and missing leave a row out).
  public mutating func rows(where expression: Expression, source: String) throws(ExpressionError) -> [Int] {
    let values = try values(of: expression, source: source)
    var rows: [Int] = []
    for (row, value) in values.enumerated() {
      switch value {
      case .boolean(true): rows.append(row)
      case .boolean(false), .missing: continue
      default:
        throw ExpressionError(
          "a filter must be true or false, but it is \(value.typeName) in the row at \(table.file):\(table.line(ofRow: row))",
          offset: 0, source: source)
      }
    }
    return rows
  }

  struct Context {
    let numeric: [String: [Double?]]
    let text: [String: [String?]]
    let dates: [String: [Int?]]
    let source: String
    let table: DataTable
    var row: Int

    func fail(_ message: String, _ offset: Int) -> ExpressionError {
      ExpressionError("\(message) (row at \(table.file):\(table.line(ofRow: row)))", offset: offset, source: source)
    }

    func value(_ e: Expression) throws(ExpressionError) -> ExpressionValue {
      switch e {
      case .number(let v): return .number(v)
      case .text(let t): return .text(t)
      case .boolean(let b): return .boolean(b)
      case .missing: return .missing
      case .column(let name, _):
        if let values = numeric[name] { return values[row].map { .number($0) } ?? .missing }
        if let values = dates[name] { return values[row].map { .date($0) } ?? .missing }
        return text[name]?[row].map { .text($0) } ?? .missing
      case .negate(let inner):
        switch try value(inner) {
        case .missing: return .missing
        case .number(let v): return .number(-v)
        case let other: throw fail("cannot negate \(other.typeName)", 0)
        }
      case .not(let inner):
        switch try value(inner) {
        case .missing: return .missing
        case .boolean(let b): return .boolean(!b)
        case let other: throw fail("'not' needs true or false, found \(other.typeName)", 0)
        }
      case .isMissing(let inner, let negated):
        let isMissing = try value(inner) == .missing
        return .boolean(isMissing != negated)
      case .isIn(let inner, let list, let negated):
        let v = try value(inner)
        guard v != .missing else { return .missing }
        for item in list where try Self.equal(v, try value(item)) == true { return .boolean(!negated) }
        return .boolean(negated)
      case .conditional(let condition, let then, let otherwise):
        switch try value(condition) {
        case .missing: return .missing
        case .boolean(let b): return try value(b ? then : otherwise)
        case let other: throw fail("'if' needs a condition that is true or false, found \(other.typeName)", 0)
        }
      case .binary:
        return try chain(e)
      case .call(let name, let arguments, let labels, let offset):
        return try call(name, arguments, labels, offset)
      }
    }

    static func equal(_ a: ExpressionValue, _ b: ExpressionValue) throws(ExpressionError) -> Bool? {
      switch (a, b) {
      case (.missing, _), (_, .missing): return nil
      case (.number(let x), .number(let y)): return x == y
      case (.text(let x), .text(let y)): return x == y
      case (.number(let x), .text(let y)), (.text(let y), .number(let x)):
        return CSVNumber.parse(y).map { $0 == x } ?? false
      case (.boolean(let x), .boolean(let y)): return x == y
      case (.date(let x), .date(let y)): return x == y
      default: return false
      }
    }

    /// A binary operation and the chain of operations on its left (`a + b + c` is
    /// `(a + b) + c`), evaluated left to right in a loop: a chain is as deep as it is long, up to
    /// ``ExpressionParser/maximumTerms``, far deeper than recursion could go.
    func chain(_ e: Expression) throws(ExpressionError) -> ExpressionValue {
      guard case .binary(let op, let a, let b, let offset) = e else { return try value(e) }
      guard case .binary = a else { return try binary(op, try value(a), try value(b), offset) }
      var operations = [(op, b, offset)]
      var leftmost = a
      while case .binary(let op, let a, let b, let offset) = leftmost {
        operations.append((op, b, offset))
        leftmost = a
      }
      var result = try value(leftmost)
      for (op, right, offset) in operations.reversed() {
        result = try binary(op, result, try value(right), offset)
      }
      return result
    }

    /// `x op y` for the values of both sides (both are always evaluated, as R does for `&`
    /// and `|`).
    func binary(_ op: Expression.BinaryOperator, _ x: ExpressionValue, _ y: ExpressionValue, _ offset: Int)
      throws(ExpressionError) -> ExpressionValue
    {
      if op == .and || op == .or {
        func truth(_ v: ExpressionValue) throws(ExpressionError) -> Bool? {
          switch v {
          case .missing: return nil
          case .boolean(let t): return t
          default: throw fail("'\(op.rawValue)' needs true or false on both sides, found \(v.typeName)", offset)
          }
        }
        let (p, q) = (try truth(x), try truth(y))
        if op == .and {
          if p == false || q == false { return .boolean(false) }
          return p == nil || q == nil ? .missing : .boolean(true)
        }
        if p == true || q == true { return .boolean(true) }
        return p == nil || q == nil ? .missing : .boolean(false)
      }
      if x == .missing || y == .missing { return .missing }
      switch op {
      case .equal: return .boolean(try Self.equal(x, y) ?? false)
      case .notEqual: return .boolean(!(try Self.equal(x, y) ?? false))
      case .less, .lessOrEqual, .greater, .greaterOrEqual:
        let order: Int
        switch (x, y) {
        case (.number(let p), .number(let q)): order = p < q ? -1 : (p > q ? 1 : 0)
        case (.date(let p), .date(let q)): order = p < q ? -1 : (p > q ? 1 : 0)
        case (.text(let p), .text(let q)): order = p < q ? -1 : (p > q ? 1 : 0)
        default: throw fail("cannot compare \(x.typeName) with \(y.typeName)", offset)
        }
        switch op {
        case .less: return .boolean(order < 0)
        case .lessOrEqual: return .boolean(order <= 0)
        case .greater: return .boolean(order > 0)
        default: return .boolean(order >= 0)
        }
      default:
        guard case .number(let p) = x, case .number(let q) = y else {
          throw fail("'\(op.rawValue)' needs numbers, found \(x.typeName) and \(y.typeName)", offset)
        }
        switch op {
        case .add: return .number(p + q)
        case .subtract: return .number(p - q)
        case .multiply: return .number(p * q)
        default: return q == 0 ? .missing : .number(p / q)
        }
      }
    }
  }
}
