/// The checks of values made once, when the file is read, so that accessing a value never fails:
/// text is valid UTF-8, and dates and datetimes fall on a day within 2^31 days (5.8 million
/// years) of 1970-01-01.
///
/// ReadStat's path meets values row by row, and stops at the first that fails; these checks go
/// variable by variable but report the same value: the first in row order, then variable order.
/// ReadStat's path accepts any datetime (a `Double` of seconds); here a datetime must have a day
/// as a date does, since a table reads datetimes as the days they fall on.
extension SASTransportFile {
  func checkValues() throws(StatisticalFileError) {
    var first: (row: Int, variable: Int, reason: StatisticalFileError.Reason)?
    withExtendedLifetime(bytes) {
      for variable in variables.indices {
        let rows = first?.row ?? rowCount
        if let (row, reason) = firstInvalidValue(of: variable, before: rows) { first = (row, variable, reason) }
      }
    }
    if let first {
      throw StatisticalFileError(
        file: file, row: first.row + 1, variable: variables[first.variable].name, reason: first.reason)
    }
  }

  /// The first of the rows `0..<end` whose value of `variable` fails its check, and why.
  private func firstInvalidValue(of variable: Int, before end: Int) -> (Int, StatisticalFileError.Reason)? {
    let length = variables[variable].length
    var value = bytes.base + dataOffset + variables[variable].offset
    switch variables[variable].kind {
    case .number:
      return nil
    case .text:
      for row in 0..<end {
        defer { value += rowWidth }
        if _isASCII(value, count: length) { continue }
        let text = UnsafeRawBufferPointer(start: value, count: _textLength(value, length: length))
        if String(validating: text, as: UTF8.self) == nil { return (row, .invalidUTF8(Array(text))) }
      }
    case .date, .dateTime:
      guard _IBMFloat.lengths.contains(length) else { return nil }
      let temporal = temporalFormat(of: variable)
      // Magnitudes below 16^7 days (16^11 seconds) are within range without decoding them.
      let safePower = temporal.isDate ? 7 : 11
      for row in 0..<end {
        defer { value += rowWidth }
        if _IBMFloat.isBelow(sixteenToThe: safePower, value) { continue }
        if let number = _IBMFloat.value(value, length: length), temporal.days(number) == nil {
          return (row, .dateOutOfRange(number, format: variables[variable].format ?? ""))
        }
      }
    }
    return nil
  }
}

/// Whether the `count` bytes at `bytes` are all ASCII (below 0x80), eight at a time.
@inline(__always)
func _isASCII(_ bytes: UnsafeRawPointer, count: Int) -> Bool {
  var index = 0
  var bits: UInt64 = 0
  while index + 8 <= count {
    bits |= bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
    index += 8
  }
  while index < count {
    bits |= UInt64(bytes.load(fromByteOffset: index, as: UInt8.self))
    index += 1
  }
  return bits & 0x8080_8080_8080_8080 == 0
}
