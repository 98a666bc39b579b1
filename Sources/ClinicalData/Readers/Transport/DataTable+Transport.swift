import StatisticalFiles

extension DataTable {
  /// A table of a SAS transport file's variables, in order, with their labels, that keeps the
  /// file's bytes and decodes a column's values only when they are asked for.
  ///
  /// Numbers are number columns, character variables text columns, and variables with a date or
  /// datetime format date columns (a datetime becomes the day it falls on), as for a table of
  /// the same file's ``StatisticalDataFile``. Messages name a value as `file: row r, variable V`
  /// with the file's name in messages (``SASTransportFile/file``).
  /// - Complexity: O(variables); the file is not read again.
  public init(_ transport: SASTransportFile) {
    let columns = transport.variables.indices.map { index in
      _Column(
        name: transport.variables[index].name, label: transport.variables[index].label,
        cells: .transport(transport, variable: index), rows: nil)
    }
    self.init(
      file: transport.file, columns: columns, rowCount: transport.rowCount, rowSource: .records, sourceRows: nil)
  }
}

extension DataColumn {
  /// The kind of column a transport variable makes.
  static func kind(of variable: SASTransportFile.Variable) -> Kind {
    switch variable.kind {
    case .number: .numbers
    case .text: .text
    case .date, .dateTime: .dates
    }
  }

  /// The text of a transport variable's value in a row of the file, as ``rawText(atRow:)`` gives
  /// it: `12`, `0.5`, the text, `2019-03-14`; empty when missing.
  static func rawText(_ file: SASTransportFile, _ variable: Int, row: Int) -> String {
    switch file.variables[variable].kind {
    case .number: file.number(atRow: row, variable: variable).map(CSVNumber.text) ?? ""
    case .text: file.text(atRow: row, variable: variable) ?? ""
    case .date, .dateTime: file.date(atRow: row, variable: variable).map { CalendarDay.iso($0) } ?? ""
    }
  }
}
