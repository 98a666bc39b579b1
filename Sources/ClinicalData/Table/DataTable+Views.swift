extension DataTable {
  /// The rows `rows` of the table, in that order: a view that shares the columns' values, and
  /// whose rows keep their place in the source (`lung.csv:14`), so that messages about them
  /// still point at the file.
  /// - Complexity: O(rows.count × columns) to compose the row maps.
  public func rows(_ rows: [Int]) -> DataTable {
    DataTable(
      file: file,
      columns: storage.map { column in
        var kept = column
        kept.rows = rows.map { column.cellIndex($0) }
        return kept
      },
      rowCount: rows.count, rowSource: rowSource, sourceRows: rows.map { sourceRow($0) })
  }

  /// The table with `column` added after the others (a column of the same name is replaced and
  /// moves to the end); its values are given per row of this table.
  /// - Precondition: `column.values` has one value per row.
  public func appending(_ column: NewColumn) -> DataTable {
    precondition(column.count == rowCount, "a new column needs \(rowCount) values, not \(column.count)")
    let kept = storage.filter { $0.name != column.name }
    return DataTable(
      file: file, columns: kept + [_Column(name: column.name, label: column.label, cells: column.cells, rows: nil)],
      rowCount: rowCount, rowSource: rowSource, sourceRows: sourceRows)
  }

  /// A column to add to a table: its name, label and typed values.
  public struct NewColumn: Sendable {
    public var name: String
    public var label: String?
    let cells: _Cells

    public init(name: String, label: String? = nil, numbers: [Double?]) {
      (self.name, self.label, self.cells) = (name, label, .numbers(numbers))
    }
    public init(name: String, label: String? = nil, texts: [String?]) {
      (self.name, self.label, self.cells) = (name, label, .texts(texts))
    }
    /// Dates as days since 1970-01-01.
    public init(name: String, label: String? = nil, dates: [Int?]) {
      (self.name, self.label, self.cells) = (name, label, .dates(dates))
    }
    public init(name: String, label: String? = nil, logicals: [Bool?]) {
      (self.name, self.label, self.cells) = (name, label, .logicals(logicals))
    }

    var count: Int {
      switch cells {
      case .csv(let cells, _): cells.rowCount
      case .transport(let file, _): file.rowCount
      case .numbers(let values): values.count
      case .texts(let values): values.count
      case .dates(let values): values.count
      case .logicals(let values): values.count
      }
    }
  }
}
