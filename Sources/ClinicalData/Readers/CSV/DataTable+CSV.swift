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
    if let error = cells.firstInvalidUTF8Cell(columnNames: layout.columnNames) { throw error }
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

extension _CSVCells {
  /// The error for the first cell whose bytes are not UTF-8 (R would show such text as
  /// `\xNN` escapes, a spreadsheet as mojibake), nil when the file is UTF-8.
  ///
  /// - Complexity: O(n) in the file's size.
  func firstInvalidUTF8Cell(columnNames: [String]) -> DataError? {
    bytes.withUnsafeBufferPointer { buffer -> DataError? in
      guard let offset = _firstInvalidUTF8(buffer), rowCount > 0 else { return nil }
      // The last row starting at or before the offset, then its last cell starting there or before.
      var low = 0
      var high = rowCount - 1
      while low < high {
        let middle = (low + high + 1) / 2
        if Int(rowStarts[middle]) <= offset { low = middle } else { high = middle - 1 }
      }
      let row = low
      let cells = rowCells(row)
      let column = cells.lastIndex { $0.start <= offset } ?? 0
      let cell = cells[column]
      let text = _escapingInvalidUTF8(UnsafeBufferPointer(rebasing: buffer[cell.start..<max(cell.start, cell.end)]))
      return DataError(
        at: location(row: row, column: column), .notUTF8(column: columnNames[column], value: _abbreviated(text)))
    }
  }
}
