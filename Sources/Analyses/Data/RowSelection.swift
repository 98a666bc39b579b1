import ClinicalData
import Expressions
import OptionSchema

/// Which rows of a data file an analysis reads: one parameter of a CDISC ADaM data set
/// (`PARAMCD`), the subjects of a population flag (`SAFFL == "Y"`), and the rows an expression
/// keeps — the `--param`, `--population` and `--where` of every command and the keys of the
/// same names of every figure, table and endpoint of a template.
///
/// Applied to a table, the selection never pools parameters without a word: a table with a
/// `PARAMCD` column of several values and no `param` is an error that lists them; and a
/// selection that keeps no row is an error that shows the values present in every column it
/// names.
public struct RowSelection: Hashable, Sendable {
  /// The `PARAMCD` to keep.
  public var parameter: String?
  /// The flag column whose `Y` rows to keep (SAFFL, ITTFL, FASFL, EFFFL, …).
  public var population: String?
  /// An expression rows must meet, as written.
  public var condition: String?

  public init(parameter: String? = nil, population: String? = nil, condition: String? = nil) {
    self.parameter = parameter
    self.population = population
    self.condition = condition
  }

  /// Whether the selection keeps every row.
  public var isEmpty: Bool { parameter == nil && population == nil && condition == nil }

  /// The column of ADaM's parameter codes.
  public static let parameterColumn = "PARAMCD"

  /// The options of a selection, for a request that keeps it at `path`.
  public static func declarations<Request>(_ path: WritableKeyPath<Request, RowSelection> & Sendable)
    -> [OptionDeclaration<Request>]
  {
    [
      .text(
        "param", section: .data, "Keep the rows of one parameter of an ADaM data set (its PARAMCD).", valueName: "code",
        example: "param: OS"
      ) { $0[keyPath: path].parameter = $1 },
      .column(
        "population", "Keep the rows where this flag is \"Y\" (SAFFL, ITTFL, FASFL, EFFFL, …).",
        example: "population: SAFFL"
      ) { $0[keyPath: path].population = $1 },
      OptionDeclaration(
        "where", section: .data, summary: "Keep the rows where this expression is true.",
        valueDescription: "an expression: AGE >= 65 and SEX == \"F\"", valueName: "expression",
        example: "where: 'AGE >= 65 and SEX == \"F\"'", namesColumns: true
      ) { value, name, request throws(OptionError) in
        let source = try value.text(name)
        do {
          _ = try ExpressionParser.parse(source)
        } catch let error as ExpressionError {
          throw OptionError(
            "\(name) is not a valid expression: \(error.message)\n    \(error.pointer.replacingOccurrences(of: "\n", with: "\n    "))",
            at: value.origin)
        } catch {
          throw OptionError("\(name) is not a valid expression", at: value.origin)
        }
        request[keyPath: path].condition = source
      },
    ]
  }

  /// The rows of `table` the selection keeps.
  /// - Throws: ``RowSelectionError`` for a missing column, several parameters without
  ///   `param`, or no row left; ``DataError`` and ``ExpressionError`` from the data and the
  ///   expression.
  public func apply(to table: DataTable) throws -> DataTable {
    // Without a selection every row is kept: the table itself, with no row maps to compose.
    if isEmpty && table.rowCount > 0 {
      try Self.checkSingleParameter(table)
      return table
    }
    var rows = Array(0..<table.rowCount)
    var named: [String] = []
    if let population {
      rows = Self.rows(rows, of: try table.column(named: population), equalTo: "Y")
      named.append(population)
    }
    if let parameter {
      guard let column = try? table.column(named: Self.parameterColumn) else {
        throw RowSelectionError.noParameterColumn(file: table.file, parameter: parameter)
      }
      rows = Self.rows(rows, of: column, equalTo: parameter)
      named.append(Self.parameterColumn)
    }
    if let condition {
      var evaluator = ExpressionEvaluator(table: table.rows(rows))
      let expression = try ExpressionParser.parse(condition)
      let kept = try evaluator.rows(where: expression, source: condition)
      rows = kept.map { rows[$0] }
      named += expression.columns.map(\.name)
    }
    let selected = table.rows(rows)
    guard selected.rowCount > 0 else {
      throw RowSelectionError.noRows(
        file: table.file, selection: self,
        present: Self.unique(named).compactMap { name in
          (try? table.column(named: name)).map { (name, Self.counts($0)) }
        })
    }
    if parameter == nil { try Self.checkSingleParameter(selected) }
    return selected
  }

  /// Throws ``RowSelectionError/severalParameters(file:counts:)`` when the table has a
  /// `PARAMCD` column of more than one value.
  static func checkSingleParameter(_ table: DataTable) throws {
    guard let column = try? table.column(named: parameterColumn) else { return }
    let counts = Self.counts(column)
    if counts.count > 1 {
      throw RowSelectionError.severalParameters(file: table.file, counts: counts)
    }
  }

  /// The rows among `rows` whose value in `column` is `value` (surrounding spaces aside).
  /// - Complexity: O(n), comparing each distinct value once rather than each row's text.
  static func rows(_ rows: [Int], of column: DataColumn, equalTo value: String) -> [Int] {
    let distinct = column.distinctValues()
    let matches = distinct.values.map { $0.trimmingCharacters(in: .whitespaces) == value }
    return rows.filter { row in
      let code = distinct.codes[row]
      return code != DistinctValues.missingCode && matches[Int(code)]
    }
  }

  /// The values of a column with their counts, most frequent first (then in order of first
  /// appearance).
  static func counts(_ column: DataColumn) -> [(value: String, count: Int)] {
    let distinct = column.distinctValues()
    let order = distinct.values.indices.sorted { (distinct.counts[$0], -$0) > (distinct.counts[$1], -$1) }
    var result = order.map { (value: distinct.values[$0], count: distinct.counts[$0]) }
    if distinct.missingCount > 0 { result.append((value: "missing", count: distinct.missingCount)) }
    return result
  }

  static func unique(_ names: [String]) -> [String] {
    var seen: [String] = []
    for name in names where !seen.contains(name) { seen.append(name) }
    return seen
  }
}

/// Rows that a selection cannot take from a table.
public enum RowSelectionError: Error, CustomStringConvertible, Sendable {
  /// `param` on a table without a `PARAMCD` column.
  case noParameterColumn(file: String, parameter: String)
  /// A table of several parameters and no `param`.
  case severalParameters(file: String, counts: [(value: String, count: Int)])
  /// No row meets the selection; the values present in each column it names.
  case noRows(file: String, selection: RowSelection, present: [(column: String, counts: [(value: String, count: Int)])])

  public var description: String {
    switch self {
    case .noParameterColumn(let file, let parameter):
      return
        "\(file): param '\(parameter)' keeps the rows of one ADaM parameter, but the data has no PARAMCD column; leave param out, or select rows with where"
    case .severalParameters(let file, let counts):
      let example = counts.first?.value ?? "OS"
      return
        "\(file) holds \(counts.count) parameters (PARAMCD \(Self.listing(counts))); analysing them together would pool different endpoints. Keep one with param (--param \(example) on the command line, param: \(example) in a template)"
    case .noRows(let file, let selection, let present):
      var conditions: [String] = []
      if let population = selection.population { conditions.append("\(population) == \"Y\"") }
      if let parameter = selection.parameter { conditions.append("PARAMCD == \"\(parameter)\"") }
      if let condition = selection.condition { conditions.append(condition) }
      let values = present.map { "\($0.column) has \(Self.listing($0.counts))" }.joined(separator: "; ")
      return
        "\(file): no row meets \(conditions.joined(separator: " and "))\(values.isEmpty ? "" : "; \(values)")"
    }
  }

  /// `OS (254), PFS (254), RSD (4)`, the first 12.
  static func listing(_ counts: [(value: String, count: Int)]) -> String {
    let shown = counts.prefix(12).map { "\($0.value) (\($0.count))" }.joined(separator: ", ")
    return counts.count > 12 ? shown + ", … (\(counts.count - 12) more)" : shown
  }
}
