/// One column of a ``DataTable``: its cells as text, numbers or distinct values.
///
/// A cell is *missing* when its value is one of the table's missing tokens (default: empty or
/// `NA`). Rows are 0-based data-row indices; ``location(ofRow:)`` turns one into `file:line:col`.
public struct DataColumn: Sendable {
  /// The table the column belongs to.
  public let table: DataTable
  /// The 0-based position of the column in the header.
  public let index: Int

  /// The column's name from the header row.
  public var name: String { table.columnNames[index] }

  /// The number of cells (the table's row count).
  public var count: Int { table.rowCount }

  /// Where the cell in `row` starts.
  public func location(ofRow row: Int) -> SourceLocation {
    table.location(row: row, column: index)
  }

  /// Whether the cell in `row` is missing.
  public func isMissing(atRow row: Int) -> Bool {
    table.bytes.withUnsafeBufferPointer { buffer in
      let cell = _cell(row)
      return _isMissing(buffer, cell.start, cell.end, hasEscapedQuotes: cell.hasEscapedQuotes)
    }
  }

  /// The value in `row` as written (quotes removed, doubled quotes made single, unquoted
  /// values without surrounding spaces); an empty string for an empty field.
  public func rawText(atRow row: Int) -> String {
    let cell = _cell(row)
    return table.bytes.withUnsafeBufferPointer {
      _decode($0, cell.start, cell.end, hasEscapedQuotes: cell.hasEscapedQuotes)
    }
  }

  /// The value in `row`, or nil when it is missing.
  public func text(atRow row: Int) -> String? {
    isMissing(atRow: row) ? nil : rawText(atRow: row)
  }

  /// Every cell as text, nil where missing.
  /// - Complexity: O(n), one `String` per present cell.
  public func textValues() -> [String?] {
    (0..<count).map { text(atRow: $0) }
  }

  /// The number of missing cells.
  public var missingCount: Int {
    table.bytes.withUnsafeBufferPointer { buffer in
      var missing = 0
      for row in 0..<count {
        let cell = _cell(row)
        if _isMissing(buffer, cell.start, cell.end, hasEscapedQuotes: cell.hasEscapedQuotes) {
          missing += 1
        }
      }
      return missing
    }
  }

  /// The value range of the cell in `row`.
  @inline(__always)
  func _cell(_ row: Int) -> (start: Int, end: Int, hasEscapedQuotes: Bool) {
    precondition(row >= 0 && row < count, "Row \(row) is out of range 0..<\(count)")
    let slot = table._slot(row, index)
    let end = table.fields[slot + 1]
    return (Int(table.fields[slot]), Int(end & ~_escapedFlag), end & _escapedFlag != 0)
  }

  /// Whether a value range is one of the missing tokens.
  @inline(__always)
  func _isMissing(
    _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, hasEscapedQuotes: Bool
  ) -> Bool {
    let length = end - start
    // Most values have a length no token has: one shift and test rejects them.
    if length < 64 && table.missingTokenLengths & (1 << UInt64(length)) == 0 && !hasEscapedQuotes {
      return false
    }
    for token in table.missingTokenBytes where token.count <= length {
      if hasEscapedQuotes {
        if _unescaped(UnsafeBufferPointer(rebasing: buffer[start..<end])) == token { return true }
      } else if token.count == length {
        if token.withUnsafeBufferPointer({ $0.elementsEqual(buffer[start..<end]) }) { return true }
      }
    }
    return false
  }
}
