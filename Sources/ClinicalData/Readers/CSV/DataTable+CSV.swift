extension DataTable {
  /// Reads CSV text held in memory; `file` names it in messages. Every column keeps its cells
  /// as written, read as numbers or text when asked for, and each cell its `file:line:col`.
  /// - Throws: ``DataError`` for malformed CSV, an empty file, a header without data rows,
  ///   and empty or duplicate column names.
  public init(bytes: [UInt8], file: String, options: CSVReadOptions = CSVReadOptions()) throws(DataError) {
    guard bytes.count < 1 << 31 else {
      throw DataError(file: file, reason: .fileTooLarge(byteCount: bytes.count))
    }
    let layout = try bytes.withUnsafeBufferPointer { buffer throws(DataError) in
      try _parse(buffer, file: file, options: options)
    }
    let cells = _CSVCells(file: file, bytes: bytes, layout: layout, missingTokens: options.missingTokens)
    self.init(
      file: file,
      columns: layout.columnNames.enumerated().map { index, name in
        _Column(name: name, label: nil, cells: .csv(cells, column: index), rows: nil)
      },
      rowCount: cells.rowCount, rowSource: .csv(cells), sourceRows: nil)
  }

  /// Reads CSV text; `file` names it in messages.
  public init(text: String, file: String, options: CSVReadOptions = CSVReadOptions()) throws(DataError) {
    try self.init(bytes: Array(text.utf8), file: file, options: options)
  }

  /// The field delimiter of a table read from CSV, nil for other sources.
  public var delimiter: CSVDelimiter? {
    if case .csv(let cells) = rowSource { return cells.delimiter }
    return nil
  }
}
