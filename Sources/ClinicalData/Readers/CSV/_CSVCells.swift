/// The cells of a CSV file as read: its bytes and, for every cell, the byte range of its value
/// and the physical line of its row. Cells become `String` or `Double` only when asked for.
///
/// - Complexity: memory is the file size plus 8 bytes per cell plus 4 bytes per row.
final class _CSVCells: Sendable {
  let file: String
  let columnCount: Int
  let rowCount: Int
  let headerLine: Int
  let delimiter: CSVDelimiter
  let missingTokens: [String]
  /// The file's bytes.
  let bytes: [UInt8]
  /// Per cell, row-major: value start, value end (high bit: contains doubled quotes).
  let fields: [UInt32]
  /// The physical line where each data row starts.
  let rowLines: [UInt32]
  let missingTokenBytes: [[UInt8]]
  /// Bit k is set when a missing token has k bytes (k < 64); tokens of 64 bytes or more set bit 63.
  let missingTokenLengths: UInt64

  init(file: String, bytes: [UInt8], layout: _TableLayout, missingTokens: [String]) {
    self.file = file
    self.bytes = bytes
    self.columnCount = layout.columnNames.count
    self.rowCount = layout.rowLines.count
    self.headerLine = layout.headerLine
    self.delimiter = layout.delimiter
    self.fields = layout.fields
    self.rowLines = layout.rowLines
    self.missingTokens = missingTokens
    self.missingTokenBytes = missingTokens.map { Array($0.utf8) }
    self.missingTokenLengths = missingTokenBytes.reduce(0) { $0 | 1 << UInt64(min($1.count, 63)) }
  }

  @inline(__always)
  func slot(_ row: Int, _ column: Int) -> Int {
    (row &* columnCount &+ column) &* 2
  }

  /// The value range of a cell.
  @inline(__always)
  func cell(_ row: Int, _ column: Int) -> (start: Int, end: Int, hasEscapedQuotes: Bool) {
    precondition(row >= 0 && row < rowCount, "Row \(row) is out of range 0..<\(rowCount)")
    let slot = slot(row, column)
    let end = fields[slot + 1]
    return (Int(fields[slot]), Int(end & ~_escapedFlag), end & _escapedFlag != 0)
  }

  /// Whether a value range is one of the missing tokens.
  @inline(__always)
  func isMissing(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, hasEscapedQuotes: Bool) -> Bool {
    let length = end - start
    // Most values have a length no token has: one shift and test rejects them.
    if length < 64 && missingTokenLengths & (1 << UInt64(length)) == 0 && !hasEscapedQuotes {
      return false
    }
    for token in missingTokenBytes where token.count <= length {
      if hasEscapedQuotes {
        if _unescaped(UnsafeBufferPointer(rebasing: buffer[start..<end])) == token { return true }
      } else if token.count == length {
        if token.withUnsafeBufferPointer({ $0.elementsEqual(buffer[start..<end]) }) { return true }
      }
    }
    return false
  }

  func isMissing(_ row: Int, _ column: Int) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      let cell = cell(row, column)
      return isMissing(buffer, cell.start, cell.end, hasEscapedQuotes: cell.hasEscapedQuotes)
    }
  }

  /// The value as written (quotes removed, doubled quotes made single).
  func rawText(_ row: Int, _ column: Int) -> String {
    let cell = cell(row, column)
    return bytes.withUnsafeBufferPointer { _decode($0, cell.start, cell.end, hasEscapedQuotes: cell.hasEscapedQuotes) }
  }

  /// Where a cell starts: its physical line (later than the row's line when an earlier quoted
  /// value spans lines) and 1-based field index.
  func location(row: Int, column: Int) -> SourceLocation {
    let first = Int(fields[slot(row, 0)])
    let target = Int(fields[slot(row, column)])
    let breaks = bytes.withUnsafeBufferPointer { _countLineBreaks($0, from: first, to: target) }
    return SourceLocation(file: file, line: Int(rowLines[row]) + breaks, column: column + 1)
  }
}

/// The number of line breaks (LF, CRLF, lone CR) in `buffer[from..<to]`.
func _countLineBreaks(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
  var breaks = 0
  var i = from
  while i < to {
    let byte = buffer[i]
    if byte == _lineFeed {
      breaks += 1
    } else if byte == _carriageReturn && (i + 1 == buffer.count || buffer[i + 1] != _lineFeed) {
      breaks += 1
    }
    i += 1
  }
  return breaks
}
