/// A variable's values for many rows at once: every row in order, or the rows `rows` (0-based,
/// each less than ``rowCount``) in the order given.
///
/// - Complexity: O(number of rows), one pass over the values' bytes; text allocates one `String`
///   per value longer than 15 bytes that does not repeat one of the variable's recent values.
extension SASTransportFile {
  /// The numbers a numeric variable stores (see ``number(atRow:variable:)``), nil where missing.
  public func numbers(ofVariable variable: Int, rows: [Int]? = nil) -> [Double?] {
    let length = variables[variable].length
    precondition(variables[variable].isNumeric, "Variable \(variables[variable].name) is not numeric")
    return values(of: variable, rows: rows) { _IBMFloat.value($0, length: length) }
  }

  /// The dates of a date variable as days since 1970-01-01 (for a datetime variable, the days
  /// they fall on), nil where missing.
  public func dates(ofVariable variable: Int, rows: [Int]? = nil) -> [Int?] {
    let length = variables[variable].length
    let temporal = temporalFormat(of: variable)
    return values(of: variable, rows: rows) { _IBMFloat.value($0, length: length).flatMap { temporal.days($0) } }
  }

  /// The datetimes of a datetime variable as seconds since 1970-01-01T00:00, nil where missing.
  public func dateTimes(ofVariable variable: Int, rows: [Int]? = nil) -> [Double?] {
    let length = variables[variable].length
    precondition(variables[variable].kind == .dateTime, "Variable \(variables[variable].name) is not a datetime")
    return values(of: variable, rows: rows) {
      _IBMFloat.value($0, length: length).map { _TemporalFormat.seconds1960.seconds($0) }
    }
  }

  /// The text of a character variable, nil where empty. A value of more than 15 bytes that
  /// repeats one of the variable's recent values shares its string.
  public func texts(ofVariable variable: Int, rows: [Int]? = nil) -> [String?] {
    let length = variables[variable].length
    precondition(variables[variable].kind == .text, "Variable \(variables[variable].name) is not text")
    var recent = _RecentTexts()
    return values(of: variable, rows: rows) { value -> String? in
      let count = _textLength(value, length: length)
      guard count > 0 else { return nil }
      let isShared = count > 15
      let characters = value.assumingMemoryBound(to: CChar.self)
      if isShared, let text = recent.find(characters, length: count) { return text }
      let text = String(decoding: UnsafeRawBufferPointer(start: value, count: count), as: UTF8.self)
      if isShared { recent.remember(text) }
      return text
    }
  }

  /// `transform` of the bytes of `variable` in each of `rows` (every row when nil).
  private func values<Value>(of variable: Int, rows: [Int]?, _ transform: (UnsafeRawPointer) -> Value) -> [Value] {
    let count = rows?.count ?? rowCount
    guard count > 0 else { return [] }
    let start = bytes.base + dataOffset + variables[variable].offset
    let rowWidth = rowWidth
    let rowCount = rowCount
    return withExtendedLifetime(bytes) {
      [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
        let result = buffer.baseAddress.unsafelyUnwrapped
        if let rows {
          for (index, row) in rows.enumerated() {
            precondition(row >= 0 && row < rowCount, "Row \(row) is out of range 0..<\(rowCount)")
            (result + index).initialize(to: transform(start + row * rowWidth))
          }
        } else {
          for row in 0..<count { (result + row).initialize(to: transform(start + row * rowWidth)) }
        }
        initialized = count
      }
    }
  }
}
