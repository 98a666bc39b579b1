/// One column of a ``DataTable``: its values as text, numbers or distinct values, its label,
/// and where each value is.
///
/// A CSV cell is *missing* when its value is one of the file's missing tokens (default: empty
/// or `NA`); a value of a data set file is missing when the file says so (SAS `.`, `._`, `.A`–`.Z`,
/// Stata `.`–`.z`, SPSS system- and user-missing values, empty text). Rows are 0-based rows of
/// the table; ``location(ofRow:)`` names the value's place in its file.
public struct DataColumn: Sendable {
  /// The table the column belongs to.
  public let table: DataTable
  /// The 0-based position of the column in the table.
  public let index: Int

  var storage: _Column { table.storage[index] }

  /// The column's name.
  public var name: String { table.columnNames[index] }

  /// The variable label of a SAS, Stata or SPSS variable; nil when there is none.
  public var label: String? { storage.label }

  /// The number of values (the table's row count).
  public var count: Int { table.rowCount }

  /// What the column holds.
  public var kind: Kind {
    switch storage.cells {
    case .csv: .text
    case .transport(let file, let variable): Self.kind(of: file.variables[variable])
    case .numbers: .numbers
    case .texts: .text
    case .dates: .dates
    case .logicals: .logical
    }
  }

  /// What a column holds: numbers, text (every CSV column, read as numbers when asked for),
  /// dates or true/false values.
  public enum Kind: Hashable, Sendable {
    case numbers, text, dates, logical
  }

  /// Where the value in `row` is: `file:line:field` for a CSV cell, `file:line` for a value
  /// derived from a CSV row, `file: row r, variable v` for a data set file.
  public func location(ofRow row: Int) -> SourceLocation {
    let column = storage
    if case .csv(let cells, let field) = column.cells {
      return cells.location(row: column.cellIndex(row), column: field)
    }
    switch table.rowSource {
    case .csv(let cells): return SourceLocation(file: table.file, line: Int(cells.rowLines[table.sourceRow(row)]))
    case .records: return SourceLocation(file: table.file, row: table.sourceRow(row) + 1, variable: name)
    }
  }

  /// Whether the value in `row` is missing.
  public func isMissing(atRow row: Int) -> Bool {
    let column = storage
    let cell = column.cellIndex(row)
    switch column.cells {
    case .csv(let cells, let field): return cells.isMissing(cell, field)
    case .transport(let file, let variable): return file.isMissing(atRow: cell, variable: variable)
    case .numbers(let values): return values[cell] == nil
    case .texts(let values): return values[cell] == nil
    case .dates(let values): return values[cell] == nil
    case .logicals(let values): return values[cell] == nil
    }
  }

  /// The value in `row` as written: for CSV the cell's text (quotes removed, doubled quotes made
  /// single), for other columns the text of the value (`12`, `0.5`, `2019-03-14`, `TRUE`); an
  /// empty string for a missing value that has no text.
  public func rawText(atRow row: Int) -> String {
    let column = storage
    let cell = column.cellIndex(row)
    switch column.cells {
    case .csv(let cells, let field): return cells.rawText(cell, field)
    case .transport(let file, let variable): return Self.rawText(file, variable, row: cell)
    case .numbers(let values): return values[cell].map(CSVNumber.text) ?? ""
    case .texts(let values): return values[cell] ?? ""
    case .dates(let values): return values[cell].map { CalendarDay.iso($0) } ?? ""
    case .logicals(let values): return values[cell].map { $0 ? "TRUE" : "FALSE" } ?? ""
    }
  }

  /// The value in `row` as text, or nil when it is missing.
  public func text(atRow row: Int) -> String? {
    isMissing(atRow: row) ? nil : rawText(atRow: row)
  }

  /// Every value as text, nil where missing.
  /// - Complexity: O(n), one `String` per present value.
  public func textValues() -> [String?] {
    let column = storage
    if case .transport(let file, let variable) = column.cells, kind == .text {
      return file.texts(ofVariable: variable, rows: column.rows)
    }
    return (0..<count).map { text(atRow: $0) }
  }

  /// The dates of a date column (days since 1970-01-01, nil where missing); nil for a column
  /// of another kind.
  public func dateValues() -> [Int?]? {
    let column = storage
    if case .transport(let file, let variable) = column.cells, kind == .dates {
      return file.dates(ofVariable: variable, rows: column.rows)
    }
    guard case .dates(let values) = column.cells else { return nil }
    return (0..<count).map { values[column.cellIndex($0)] }
  }

  /// The number of missing values.
  public var missingCount: Int {
    let column = storage
    if case .csv(let cells, let field) = column.cells, column.rows == nil {
      let located = cells.column(field)
      return cells.bytes.withUnsafeBufferPointer { buffer in
        var missing = 0
        for row in 0..<cells.rowCount {
          let cell = located.cell(row)
          if cells.isMissing(buffer, cell.start, cell.end, hasEscapedQuotes: cell.hasEscapedQuotes) { missing += 1 }
        }
        return missing
      }
    }
    return (0..<count).filter { isMissing(atRow: $0) }.count
  }
}

/// Calendar days as ISO 8601 text.
enum CalendarDay {
  /// `YYYY-MM-DD` of a day number (days since 1970-01-01, proleptic Gregorian calendar).
  static func iso(_ days: Int) -> String {
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shifted = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shifted + 2) / 5 + 1
    let month = shifted < 10 ? shifted + 3 : shifted - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(abs(value))
      return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }
}
