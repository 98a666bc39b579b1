import StatisticalFiles

/// A table of clinical data: named, typed columns with labels and missing values, read from
/// CSV, SAS, Stata or SPSS files or derived from other columns, in which every value keeps its
/// origin, so that messages can name it (`lung.csv:14:3`, `adtte.xpt: row 17, variable AVAL`).
///
/// Columns are numbers, text, dates or true/false values; a column read from CSV keeps its
/// cells as written and reads them as numbers or text when asked for (``DataColumn``), and a
/// column read from a SAS transport file keeps the file's bytes and decodes its values when
/// asked for. A table
/// is a value: ``rows(_:)`` keeps some rows and ``appending(_:)`` adds a column, each a new
/// view that shares the columns' storage, never text to parse again.
///
/// ```swift
/// let table = try DataTable(contentsOfFile: "lung.csv")
/// let time = try table.column(named: "time").numericValues()   // [Double?]
/// let older = table.rows(time.indices.filter { (time[$0] ?? 0) > 100 })
/// ```
public struct DataTable: Sendable {
  /// The file name used in messages.
  public let file: String
  /// The column names, in order.
  public let columnNames: [String]
  /// The number of rows.
  public let rowCount: Int

  let storage: [_Column]
  let columnIndices: [String: Int]
  /// Where rows come from, for messages.
  let rowSource: _RowSource
  /// Per row, its row in the source (CSV data row or observation); nil: the same.
  let sourceRows: [Int]?

  init(file: String, columns: [_Column], rowCount: Int, rowSource: _RowSource, sourceRows: [Int]?) {
    self.file = file
    self.storage = columns
    self.columnNames = columns.map(\.name)
    var indices: [String: Int] = [:]
    for (index, column) in columns.enumerated() { indices[column.name] = index }
    self.columnIndices = indices
    self.rowCount = rowCount
    self.rowSource = rowSource
    self.sourceRows = sourceRows
  }

  /// The 0-based index of the column called `name`, or nil.
  public func index(ofColumn name: String) -> Int? {
    columnIndices[name]
  }

  /// The column called `name`.
  /// - Throws: ``DataError/Reason/unknownColumn(_:suggestion:available:)`` at the header line
  ///   (for CSV), with the closest column name as a suggestion, e.g. `lung.csv:1: unknown
  ///   column 'tmie'. Did you mean 'time'? Available columns: inst, time, status`.
  public func column(named name: String) throws(DataError) -> DataColumn {
    guard let index = columnIndices[name] else {
      throw DataError(
        file: file, line: headerLine,
        reason: .unknownColumn(
          name, suggestion: SpellingSuggestion.closest(to: name, among: columnNames), available: columnNames))
    }
    return DataColumn(table: self, index: index)
  }

  /// The column at a 0-based index; the index must be less than `columnNames.count`.
  public func column(at index: Int) -> DataColumn {
    precondition(columnNames.indices.contains(index), "Column index \(index) is out of range")
    return DataColumn(table: self, index: index)
  }

  /// All columns, in order.
  public var columns: [DataColumn] {
    columnNames.indices.map { DataColumn(table: self, index: $0) }
  }

  /// The line of the header row, for a table read from CSV.
  public var headerLine: Int? {
    if case .csv(let cells) = rowSource { return cells.headerLine }
    return nil
  }

  /// The row in the source of a row of this table.
  @inline(__always)
  func sourceRow(_ row: Int) -> Int { sourceRows?[row] ?? row }

  /// The physical line where row `row` starts in a CSV file, or its 1-based observation number
  /// in a data set file.
  public func line(ofRow row: Int) -> Int {
    switch rowSource {
    case .csv(let cells): Int(cells.rowLines[sourceRow(row)])
    case .records: sourceRow(row) + 1
    }
  }

  /// Where row `row` is: `file:line` for CSV, `file: row n` for a data set file.
  public func location(ofRow row: Int) -> SourceLocation {
    switch rowSource {
    case .csv(let cells): SourceLocation(file: file, line: Int(cells.rowLines[sourceRow(row)]))
    case .records: SourceLocation(file: file, row: sourceRow(row) + 1)
    }
  }

  /// Where the cell at a 0-based row and 0-based column is.
  public func location(row: Int, column: Int) -> SourceLocation {
    DataColumn(table: self, index: column).location(ofRow: row)
  }
}

/// Where a table's rows come from.
enum _RowSource: Sendable {
  /// Data rows of a CSV file, with their physical lines.
  case csv(_CSVCells)
  /// Observations of a data set file (SAS, Stata, SPSS), numbered from 1.
  case records
}

/// One column's values and where they are.
struct _Column: Sendable {
  var name: String
  /// The variable label (SAS, Stata, SPSS), nil when there is none.
  var label: String?
  var cells: _Cells
  /// Per row of the table, the index of its cell; nil: the same.
  var rows: [Int]?

  @inline(__always)
  func cellIndex(_ row: Int) -> Int { rows?[row] ?? row }
}

/// The values of a column.
enum _Cells: Sendable {
  /// Cells of a CSV file, read when asked for.
  case csv(_CSVCells, column: Int)
  /// A variable of a SAS transport file, its values decoded when asked for.
  case transport(SASTransportFile, variable: Int)
  case numbers([Double?])
  case texts([String?])
  /// Days since 1970-01-01.
  case dates([Int?])
  case logicals([Bool?])
}
