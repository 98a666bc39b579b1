import Foundation

/// The cells of a CSV file as read: its bytes, where each row starts and its physical line, and,
/// for each column asked for, the byte range of every value. Cells become `String` or `Double`
/// only when asked for, and a column's values are located only when it is: an analysis that
/// reads three columns of seven locates three.
///
/// - Complexity: memory is the file size plus 8 bytes per row plus 8 bytes per cell of the
///   columns read.
final class _CSVCells: Sendable {
  let file: String
  let columnCount: Int
  let rowCount: Int
  let headerLine: Int
  let delimiter: CSVDelimiter
  let missingTokens: [String]
  /// The file's bytes.
  let bytes: [UInt8]
  /// The byte offset where each data row starts.
  let rowStarts: [UInt32]
  /// The physical line where each data row starts.
  let rowLines: [UInt32]
  let missingTokenBytes: [[UInt8]]
  /// Bit k is set when a missing token has k bytes (k < 64); tokens of 64 bytes or more set bit 63.
  let missingTokenLengths: UInt64
  /// The value ranges of the columns located so far.
  let located: _LocatedColumns

  init(file: String, bytes: [UInt8], layout: _TableLayout, missingTokens: [String]) {
    self.file = file
    self.bytes = bytes
    self.columnCount = layout.columnNames.count
    self.rowCount = layout.rowLines.count
    self.headerLine = layout.headerLine
    self.delimiter = layout.delimiter
    self.rowStarts = layout.rowStarts
    self.rowLines = layout.rowLines
    self.missingTokens = missingTokens
    self.missingTokenBytes = missingTokens.map { Array($0.utf8) }
    self.missingTokenLengths = missingTokenBytes.reduce(0) { $0 | 1 << UInt64(min($1.count, 63)) }
    self.located = _LocatedColumns(count: layout.columnNames.count)
  }

  /// The value ranges of a column, located on first use (one pass over the rows, each read up
  /// to the column's field).
  func column(_ column: Int) -> _CSVColumnCells {
    located.fields(column) { locate(column) }
  }

  /// The value range of a cell.
  @inline(__always)
  func cell(_ row: Int, _ column: Int) -> (start: Int, end: Int, hasEscapedQuotes: Bool) {
    self.column(column).cell(row)
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
    let first = Int(rowStarts[row])
    let target = rowCells(row)[column].start
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
