/// The header and cell layout of a parsed file.
struct _TableLayout {
  var columnNames: [String]
  var columnIndices: [String: Int]
  var headerLine: Int
  var delimiter: CSVDelimiter
  /// The byte offset where each data row starts.
  var rowStarts: [UInt32]
  var rowLines: [UInt32]
}

/// Parses a whole file: optional UTF-8 byte-order mark, header row, data rows.
func _parse(_ buffer: UnsafeBufferPointer<UInt8>, file: String, options: CSVReadOptions)
  throws(DataError) -> _TableLayout
{
  let count = buffer.count
  var start = 0
  if count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { start = 3 }
  guard let base = buffer.baseAddress, start < count else {
    throw DataError(file: file, line: 1, reason: .emptyFile)
  }
  var first = start
  var firstLine = 1
  try _CSVScanner.withByteClasses(delimiter: 0x2C) { (classes) throws(DataError) in
    var probe = _CSVScanner(
      base: base, count: count, delimiter: 0x2C, classes: classes, start: start)
    guard probe.skipBlankLines() else { throw DataError(file: file, line: 1, reason: .emptyFile) }
    first = probe.position
    firstLine = probe.line
  }
  let delimiter =
    options.delimiter ?? _CSVScanner.detectDelimiter(base: base, count: count, start: first)
  return try _CSVScanner.withByteClasses(delimiter: delimiter.byte) {
    (classes) throws(DataError) in
    var scanner = _CSVScanner(
      base: base, count: count, delimiter: delimiter.byte, classes: classes, start: first)
    scanner.line = firstLine
    return try _parseRecords(&scanner, buffer: buffer, file: file, delimiter: delimiter)
  }
}

/// Parses the header row and the data rows that follow.
func _parseRecords(
  _ scanner: inout _CSVScanner, buffer: UnsafeBufferPointer<UInt8>, file: String,
  delimiter: CSVDelimiter
) throws(DataError) -> _TableLayout {
  // Header.
  var header = _HeaderSink()
  do throws(_ScanFailure) {
    _ = try scanner.scanRecord(into: &header)
  } catch {
    throw _error(error, file: file)
  }
  var names: [String] = []
  var indices: [String: Int] = [:]
  for (index, field) in header.fields.enumerated() {
    let location = SourceLocation(file: file, line: field.line, column: index + 1)
    let fieldBytes = UnsafeBufferPointer(rebasing: buffer[field.start..<field.end])
    if _firstInvalidUTF8(fieldBytes) != nil {
      throw DataError(at: location, .notUTF8(column: "", value: _abbreviated(_escapingInvalidUTF8(fieldBytes))))
    }
    let name = _decode(buffer, field.start, field.end, hasEscapedQuotes: field.hasEscapedQuotes)
    guard !name.isEmpty else { throw DataError(at: location, .emptyColumnName) }
    if let first = indices[name] {
      throw DataError(at: location, .duplicateColumnName(name, firstColumn: first + 1))
    }
    indices[name] = index
    names.append(name)
  }
  let columnCount = names.count

  // Data rows: each is checked and its start kept; values are located when their column is
  // asked for.
  let rows = _scanRowsInParallel(&scanner, columnCount: columnCount, file: file, delimiter: delimiter)
  if let failure = rows.failure { throw failure }
  let rowLines = rows.lines
  let rowStarts = rows.starts
  guard !rowLines.isEmpty else {
    throw DataError(file: file, line: header.fields[0].line, reason: .noDataRows)
  }
  return _TableLayout(
    columnNames: names, columnIndices: indices, headerLine: header.fields[0].line,
    delimiter: delimiter, rowStarts: rowStarts, rowLines: rowLines)
}

/// An upper bound on the line breaks in `buffer[from..<to]`: the number of LF and CR bytes.
///
/// Counts eight bytes at a time: for x = word XOR (the byte repeated), the high bit of
/// ~(((x & 0x7F…) + 0x7F…) | x | 0x7F…) is set exactly in the bytes of x that are zero. Those
/// bits, shifted to the low bit of each byte, are summed in eight byte-wide lanes, which are
/// added up every 127 words (each lane then holds at most 254).
func _lineBreakBound(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
  let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
  let lineFeeds: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
  let carriageReturns: UInt64 = 0x0D0D_0D0D_0D0D_0D0D
  @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 {
    (~(((x & low7) &+ low7) | x | low7)) >> 7
  }
  @inline(__always) func laneSum(_ lanes: UInt64) -> Int {
    let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
    return Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
  }
  guard let base = buffer.baseAddress, from < to else { return 0 }
  let raw = UnsafeRawPointer(base)
  var breaks = 0
  var i = from
  while i + 8 <= to {
    var lanes: UInt64 = 0
    var words = 0
    while words < 127 && i + 8 <= to {
      let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      lanes &+= zeroBytes(word ^ lineFeeds) &+ zeroBytes(word ^ carriageReturns)
      i &+= 8
      words &+= 1
    }
    breaks += laneSum(lanes)
  }
  while i < to {
    if base[i] == _lineFeed || base[i] == _carriageReturn { breaks += 1 }
    i += 1
  }
  return breaks
}

func _error(_ failure: _ScanFailure, file: String) -> DataError {
  switch failure {
  case .unterminatedQuote(let line, let field):
    DataError(file: file, line: line, column: field, reason: .unterminatedQuote)
  case .characterAfterQuote(let character, let line, let field):
    DataError(
      file: file, line: line, column: field, reason: .unexpectedCharacterAfterQuote(character))
  }
}

/// The text of a value range, with doubled quotes made single when `hasEscapedQuotes`.
func _decode(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, hasEscapedQuotes: Bool)
  -> String
{
  let bytes = UnsafeBufferPointer(rebasing: buffer[start..<end])
  guard hasEscapedQuotes else { return String(decoding: bytes, as: UTF8.self) }
  return String(decoding: _unescaped(bytes), as: UTF8.self)
}

/// The bytes with each doubled quote made single.
func _unescaped(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
  var result: [UInt8] = []
  result.reserveCapacity(bytes.count)
  var i = 0
  while i < bytes.count {
    result.append(bytes[i])
    i += bytes[i] == _quote && i + 1 < bytes.count && bytes[i + 1] == _quote ? 2 : 1
  }
  return result
}
