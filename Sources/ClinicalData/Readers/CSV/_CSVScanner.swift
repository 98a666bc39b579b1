// Implementation goals, in order of priority:
//
// 1. Accept RFC 4180 exactly (quoted fields with embedded delimiters, doubled quotes and line
//    breaks; CRLF or LF; a last row with or without a line break) and report every malformed
//    input with the physical line and field where it starts.
// 2. Touch each byte once and allocate nothing per field: a field is stored as the byte range
//    of its value, so Strings are only made later, and only for the cells that need one.
//
// A field's value is the bytes between the quotes of a quoted field, or the bytes of an
// unquoted field without surrounding spaces and tabs (R's `strip.white = TRUE`). Blank lines
// are skipped (R's `blank.lines.skip = TRUE`). Line breaks are LF, CRLF and a lone CR.

let _quote = UInt8(ascii: "\"")
let _lineFeed: UInt8 = 0x0A
let _carriageReturn: UInt8 = 0x0D

/// The high bit of a stored field end: the value contains doubled quotes to be unescaped.
let _escapedFlag: UInt32 = 0x8000_0000

/// Receives the fields of one record as they are scanned.
protocol _FieldSink {
  /// Stores a field's value range; `line` is the physical line where the field starts.
  mutating func append(start: Int, end: Int, hasEscapedQuotes: Bool, line: Int)
}

/// A malformed record.
enum _ScanFailure: Error {
  case unterminatedQuote(line: Int, field: Int)
  case characterAfterQuote(String, line: Int, field: Int)
}

/// Byte classes for the scanner's table: ends an unquoted field, or is a space to trim.
let _endsField: UInt8 = 1
let _isBlank: UInt8 = 2

/// A forward-only scanner over the bytes of a CSV file.
///
/// The scanner borrows `base` and `classes` (a 256-entry table from ``withByteClasses(delimiter:_:)``);
/// both must outlive it.
struct _CSVScanner {
  let base: UnsafePointer<UInt8>
  let end: Int
  let delimiter: UInt8
  let classes: UnsafePointer<UInt8>
  /// The offset of the next unread byte.
  var position: Int
  /// The physical line of `position`, 1-based.
  var line = 1

  init(
    base: UnsafePointer<UInt8>, count: Int, delimiter: UInt8, classes: UnsafePointer<UInt8>,
    start: Int
  ) {
    self.base = base
    self.end = count
    self.delimiter = delimiter
    self.classes = classes
    self.position = start
  }

  /// Calls `body` with the byte-class table for `delimiter`.
  static func withByteClasses<Result, Failure: Error>(
    delimiter: UInt8, _ body: (UnsafePointer<UInt8>) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    var table = [UInt8](repeating: 0, count: 256)
    table[Int(0x20)] = _isBlank
    if delimiter != 0x09 { table[0x09] = _isBlank }
    table[Int(delimiter)] = _endsField
    table[Int(_lineFeed)] = _endsField
    table[Int(_carriageReturn)] = _endsField
    return try table.withUnsafeBufferPointer { (buffer) throws(Failure) -> Result in
      try body(buffer.baseAddress.unsafelyUnwrapped)
    }
  }

  @inline(__always)
  func isBlank(_ byte: UInt8) -> Bool {
    classes[Int(byte)] == _isBlank
  }

  /// Skips lines that hold nothing but spaces and tabs; returns false at the end of the input.
  mutating func skipBlankLines() -> Bool {
    while true {
      var i = position
      while i < end && isBlank(base[i]) { i += 1 }
      if i == end {
        position = end
        return false
      }
      let byte = base[i]
      guard byte == _lineFeed || byte == _carriageReturn else { return true }
      position = i
      consumeLineBreak()
    }
  }

  /// Consumes the LF, CRLF or CR at `position`.
  @inline(__always)
  mutating func consumeLineBreak() {
    if base[position] == _carriageReturn && position + 1 < end && base[position + 1] == _lineFeed {
      position += 2
    } else {
      position += 1
    }
    line += 1
  }

  /// Scans one record (the input must not be at its end) and consumes its line break.
  /// - Returns: the number of fields.
  mutating func scanRecord<Sink: _FieldSink>(into sink: inout Sink) throws(_ScanFailure) -> Int {
    var fieldCount = 0
    while true {
      let field = try scanField(number: fieldCount + 1)
      fieldCount += 1
      sink.append(start: field.start, end: field.stop, hasEscapedQuotes: field.hasEscapedQuotes, line: field.line)
      if !field.continues { return fieldCount }
    }
  }

  /// Skips `count` fields of the record at `position`, which has more than `count` fields.
  @inline(__always)
  mutating func skipFields(_ count: Int) throws(_ScanFailure) {
    for number in 0..<count { _ = try scanField(number: number + 1) }
  }

  /// Scans one field (the blanks before it included) and the delimiter or line break after it.
  /// - Parameter number: The field's 1-based position in its record, for messages.
  /// - Returns: the value's range, whether it holds doubled quotes, the physical line where it
  ///   starts, and whether a delimiter followed (another field of the record comes next).
  @inline(__always)
  mutating func scanField(number: Int) throws(_ScanFailure) -> (
    start: Int, stop: Int, hasEscapedQuotes: Bool, line: Int, continues: Bool
  ) {
    // Locals rather than stored properties keep the hot loops in registers.
    let base = self.base
    let end = self.end
    let classes = self.classes
    var position = self.position
    var line = self.line
    defer {
      self.position = position
      self.line = line
    }
    while position < end && classes[Int(base[position])] == _isBlank { position += 1 }
    let fieldLine = line
    var start = position
    var stop: Int
    var hasEscapedQuotes = false
    if position < end && base[position] == _quote {
      position += 1
      start = position
      while true {
        while position < end {
          let byte = base[position]
          if byte == _quote { break }
          if byte == _lineFeed {
            line += 1
          } else if byte == _carriageReturn
            && (position + 1 == end || base[position + 1] != _lineFeed)
          {
            line += 1
          }
          position += 1
        }
        if position == end {
          throw .unterminatedQuote(line: fieldLine, field: number)
        }
        if position + 1 < end && base[position + 1] == _quote {
          hasEscapedQuotes = true
          position += 2
          continue
        }
        stop = position
        position += 1
        break
      }
      while position < end && classes[Int(base[position])] == _isBlank { position += 1 }
      if position < end && classes[Int(base[position])] != _endsField {
        throw .characterAfterQuote(character(at: position), line: line, field: number)
      }
    } else {
      while position < end && classes[Int(base[position])] != _endsField { position += 1 }
      stop = position
      while stop > start && classes[Int(base[stop - 1])] == _isBlank { stop -= 1 }
    }
    var continues = false
    if position < end {
      let byte = base[position]
      position += 1
      if byte == delimiter {
        continues = true
      } else {
        if byte == _carriageReturn && position < end && base[position] == _lineFeed {
          position += 1
        }
        line += 1
      }
    }
    return (start, stop, hasEscapedQuotes, fieldLine, continues)
  }

  /// The character that starts at `offset` (a whole UTF-8 sequence).
  func character(at offset: Int) -> String {
    var stop = offset + 1
    while stop < end && stop < offset + 4 && base[stop] & 0xC0 == 0x80 { stop += 1 }
    let text = String(
      decoding: UnsafeBufferPointer(start: base + offset, count: stop - offset), as: UTF8.self)
    return text.first.map(String.init) ?? text
  }

  /// The delimiter that occurs most often outside quotes in the line that starts at `start`
  /// (`,`, `;` or a tab; a comma on ties or when none occurs).
  static func detectDelimiter(base: UnsafePointer<UInt8>, count: Int, start: Int) -> CSVDelimiter {
    var commas = 0
    var semicolons = 0
    var tabs = 0
    var isQuoted = false
    var i = start
    scan: while i < count {
      let byte = base[i]
      if byte == _quote {
        isQuoted.toggle()
      } else if !isQuoted {
        switch byte {
        case _lineFeed, _carriageReturn: break scan
        case UInt8(ascii: ","): commas += 1
        case UInt8(ascii: ";"): semicolons += 1
        case 0x09: tabs += 1
        default: break
        }
      }
      i += 1
    }
    if semicolons > commas && semicolons >= tabs { return .semicolon }
    if tabs > commas && tabs > semicolons { return .tab }
    return .comma
  }
}

/// Collects the header's fields (any number of them).
struct _HeaderSink: _FieldSink {
  var fields: [(start: Int, end: Int, hasEscapedQuotes: Bool, line: Int)] = []

  mutating func append(start: Int, end: Int, hasEscapedQuotes: Bool, line: Int) {
    fields.append((start, end, hasEscapedQuotes, line))
  }
}

/// Counts the fields of a data row and notes the lines needed for a field-count message; the
/// fields themselves are read again, column by column, when a column is asked for.
struct _RowSink: _FieldSink {
  let columnCount: Int
  var fieldIndex = 0
  /// The line where the first surplus field starts, when the row has too many.
  var surplusLine = 0
  /// The line where the last field starts.
  var lastLine = 0

  @inline(__always)
  mutating func startRow() {
    fieldIndex = 0
  }

  @inline(__always)
  mutating func append(start: Int, end: Int, hasEscapedQuotes: Bool, line: Int) {
    if fieldIndex == columnCount { surplusLine = line }
    lastLine = line
    fieldIndex += 1
  }
}
