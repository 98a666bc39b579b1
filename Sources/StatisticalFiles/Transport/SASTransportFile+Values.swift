/// Values one at a time. Rows and variables are 0-based; a row must be less than ``rowCount``
/// and a variable less than `variables.count`, and each accessor is for the kinds it names.
extension SASTransportFile {
  /// The number a numeric variable (number, date or datetime) stores in `row`: for a date the
  /// days since 1960-01-01, for a datetime the seconds since 1960-01-01T00:00, as SAS stores
  /// them; nil for every missing value (`.`, `._`, `.A`–`.Z`).
  public func number(atRow row: Int, variable: Int) -> Double? {
    let length = variables[variable].length
    precondition(variables[variable].isNumeric, "Variable \(variables[variable].name) is not numeric")
    return _IBMFloat.value(bytes.base + offset(ofRow: row, variable: variable), length: length)
  }

  /// The text of a character variable in `row` (see ``textRange(atRow:variable:)``); nil when
  /// empty.
  public func text(atRow row: Int, variable: Int) -> String? {
    let range = textRange(atRow: row, variable: variable)
    guard !range.isEmpty else { return nil }
    return String(decoding: UnsafeRawBufferPointer(rebasing: bytes.bytes[range]), as: UTF8.self)
  }

  /// The bytes in the file of the text of a character variable in `row`: the value up to its
  /// first NUL byte, or without trailing blanks when it has none (see ``textLength(_:length:)``);
  /// empty when the value is missing. They are valid UTF-8.
  public func textRange(atRow row: Int, variable: Int) -> Range<Int> {
    precondition(variables[variable].kind == .text, "Variable \(variables[variable].name) is not text")
    let start = offset(ofRow: row, variable: variable)
    return start..<start + _textLength(bytes.base + start, length: variables[variable].length)
  }

  /// The date of a date variable in `row` as days since 1970-01-01 (R: `as.numeric(date)`); for
  /// a datetime variable the day it falls on. Nil when missing.
  public func date(atRow row: Int, variable: Int) -> Int? {
    let temporal = temporalFormat(of: variable)
    return number(atRow: row, variable: variable).flatMap { temporal.days($0) }
  }

  /// The datetime of a datetime variable in `row` as seconds since 1970-01-01T00:00 (R:
  /// `as.numeric(POSIXct)`); nil when missing.
  public func dateTime(atRow row: Int, variable: Int) -> Double? {
    precondition(variables[variable].kind == .dateTime, "Variable \(variables[variable].name) is not a datetime")
    return number(atRow: row, variable: variable).map { _TemporalFormat.seconds1960.seconds($0) }
  }

  /// Whether the value of `variable` in `row` is missing: a missing number, or text that is
  /// empty once trailing blanks are removed.
  public func isMissing(atRow row: Int, variable: Int) -> Bool {
    let start = offset(ofRow: row, variable: variable)
    let length = variables[variable].length
    if variables[variable].kind == .text { return _textLength(bytes.base + start, length: length) == 0 }
    return _IBMFloat.isMissing(bytes.base + start, length: length)
  }

  /// How a date or datetime variable's numbers count time.
  func temporalFormat(of variable: Int) -> _TemporalFormat {
    switch variables[variable].kind {
    case .date: return .days1960
    case .dateTime: return .seconds1960
    case .number, .text: preconditionFailure("Variable \(variables[variable].name) is not a date")
    }
  }
}

/// The length of a blank-padded text value at `bytes` as ReadStat takes it: up to its first NUL
/// byte, or without trailing blanks when it has none.
@inline(__always)
func _textLength(_ bytes: UnsafeRawPointer, length: Int) -> Int {
  SASTransportFile.textLength(bytes, length: length)
}

extension SASTransportFile {
  /// The number of bytes that are text in a character value of `length` bytes at `bytes`: the
  /// value up to its first NUL byte, or without trailing blanks when it has none, as ReadStat
  /// 1.1.8 takes it (it removes trailing blanks, then reads a C string); 0 when the value is
  /// missing. For reading many values from ``withUnsafeBytes(_:)`` at the offsets a row and a
  /// variable give (`dataOffset + row × rowWidth + offset`).
  @inlinable @inline(__always)
  public static func textLength(_ bytes: UnsafeRawPointer, length: Int) -> Int {
    // A NUL byte ends the text: look eight bytes at a time (a word has a zero byte when
    // (w − 0x01…01) & ~w & 0x80…80 is not zero).
    var index = 0
    while index + 8 <= length {
      let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { break }
      index += 8
    }
    while index < length {
      if bytes.load(fromByteOffset: index, as: UInt8.self) == 0 { return index }
      index += 1
    }
    var end = length
    while end > 0 && bytes.load(fromByteOffset: end - 1, as: UInt8.self) == UInt8(ascii: " ") { end -= 1 }
    return end
  }
}
