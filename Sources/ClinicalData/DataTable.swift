/// A CSV file read into memory: named columns of cells that remember where they came from.
///
/// The table keeps the file's bytes and, for every cell, the byte range of its value; cells
/// become `String` or `Double` only when asked for, through ``DataColumn``. Every cell knows its
/// physical line and field index, so errors can point at `file:line:col`.
///
/// ```swift
/// let table = try DataTable(contentsOfFile: "lung.csv")
/// let time = try table.column(named: "time").numericValues()   // [Double?]
/// ```
///
/// - Complexity: Reading is O(n) in the file size with no per-cell allocation; memory is the
///   file size plus 8 bytes per cell plus 4 bytes per row.
public struct DataTable: Sendable {
  /// The file name used in messages.
  public let file: String
  /// The column names from the header row, in file order.
  public let columnNames: [String]
  /// The number of data rows (blank lines are not rows).
  public let rowCount: Int
  /// The field delimiter, given or detected.
  public let delimiter: CSVDelimiter
  /// The values that mean "missing" (R: `na.strings`).
  public let missingTokens: [String]
  /// The physical line of the header row.
  public let headerLine: Int

  /// The file's bytes.
  let bytes: [UInt8]
  /// Per cell, row-major: value start, value end (high bit: contains doubled quotes).
  let fields: [UInt32]
  /// The physical line where each data row starts.
  let rowLines: [UInt32]
  let missingTokenBytes: [[UInt8]]
  /// Bit k is set when a missing token has k bytes (k < 64); tokens of 64 bytes or more set bit 63.
  let missingTokenLengths: UInt64
  let columnIndices: [String: Int]

  /// Reads CSV text held in memory; `file` names it in messages.
  /// - Throws: ``DataError`` for malformed CSV, an empty file, a header without data rows,
  ///   and empty or duplicate column names.
  public init(bytes: [UInt8], file: String, options: CSVReadOptions = CSVReadOptions())
    throws(DataError)
  {
    guard bytes.count < 1 << 31 else {
      throw DataError(file: file, reason: .fileTooLarge(byteCount: bytes.count))
    }
    let layout = try bytes.withUnsafeBufferPointer { buffer throws(DataError) in
      try _parse(buffer, file: file, options: options)
    }
    self.file = file
    self.bytes = bytes
    self.columnNames = layout.columnNames
    self.columnIndices = layout.columnIndices
    self.rowCount = layout.rowLines.count
    self.fields = layout.fields
    self.rowLines = layout.rowLines
    self.delimiter = layout.delimiter
    self.headerLine = layout.headerLine
    self.missingTokens = options.missingTokens
    self.missingTokenBytes = options.missingTokens.map { Array($0.utf8) }
    self.missingTokenLengths = missingTokenBytes.reduce(0) { $0 | 1 << UInt64(min($1.count, 63)) }
  }

  /// Reads CSV text; `file` names it in messages.
  public init(text: String, file: String, options: CSVReadOptions = CSVReadOptions())
    throws(DataError)
  {
    try self.init(bytes: Array(text.utf8), file: file, options: options)
  }

  /// The 0-based index of the column called `name`, or nil.
  public func index(ofColumn name: String) -> Int? {
    columnIndices[name]
  }

  /// The column called `name`.
  /// - Throws: ``DataError/Reason/unknownColumn(_:suggestion:available:)`` at the header
  ///   line, with the closest column name as a suggestion, e.g. `lung.csv:1: unknown column
  ///   'tmie'. Did you mean 'time'? Available columns: inst, time, status`.
  public func column(named name: String) throws(DataError) -> DataColumn {
    guard let index = columnIndices[name] else {
      throw DataError(
        file: file, line: headerLine,
        reason: .unknownColumn(
          name, suggestion: SpellingSuggestion.closest(to: name, among: columnNames),
          available: columnNames))
    }
    return DataColumn(table: self, index: index)
  }

  /// The column at a 0-based index; the index must be less than `columnNames.count`.
  public func column(at index: Int) -> DataColumn {
    precondition(columnNames.indices.contains(index), "Column index \(index) is out of range")
    return DataColumn(table: self, index: index)
  }

  /// All columns, in file order.
  public var columns: [DataColumn] {
    columnNames.indices.map { DataColumn(table: self, index: $0) }
  }

  /// The physical line where the 0-based data row `row` starts.
  public func line(ofRow row: Int) -> Int {
    Int(rowLines[row])
  }

  /// Where the cell at a 0-based row and 0-based column starts: its physical line (later than
  /// the row's line when an earlier quoted value spans lines) and 1-based field index.
  public func location(row: Int, column: Int) -> SourceLocation {
    let first = Int(fields[_slot(row, 0)])
    let target = Int(fields[_slot(row, column)])
    let breaks = bytes.withUnsafeBufferPointer { _countLineBreaks($0, from: first, to: target) }
    return SourceLocation(file: file, line: Int(rowLines[row]) + breaks, column: column + 1)
  }

  @inline(__always)
  func _slot(_ row: Int, _ column: Int) -> Int {
    (row &* columnNames.count &+ column) &* 2
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
