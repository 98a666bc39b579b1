extension DataColumn {
  /// Every cell as a number, nil where missing.
  ///
  /// Numbers are decimal: an optional sign, digits with an optional `.`, an optional exponent
  /// (`1e-3`), or `Inf`, `Infinity`, `NaN` in any letter case (as R writes them). Conversion
  /// is correctly rounded, the same as `Double(String)`.
  /// - Throws: ``DataError/Reason/notANumber(column:value:moreCount:)`` at the first cell
  ///   that is neither missing nor a number, e.g. `lung.csv:14:3: column 'time' expects a
  ///   number, found 'abc'`, counting the other such rows.
  /// - Complexity: O(n) with no allocation besides the result.
  public func numericValues() throws(DataError) -> [Double?] {
    var firstBadRow = -1
    var badCount = 0
    let values = table.bytes.withUnsafeBufferPointer { buffer in
      [Double?](unsafeUninitializedCapacity: count) { result, initialized in
        let base = buffer.baseAddress.unsafelyUnwrapped
        for row in 0..<count {
          let cell = _cell(row)
          if _isMissing(buffer, cell.start, cell.end, hasEscapedQuotes: cell.hasEscapedQuotes) {
            (result.baseAddress.unsafelyUnwrapped + row).initialize(to: nil)
          } else if let value = _parseDecimal(base + cell.start, count: cell.end - cell.start) {
            (result.baseAddress.unsafelyUnwrapped + row).initialize(to: value)
          } else {
            (result.baseAddress.unsafelyUnwrapped + row).initialize(to: nil)
            if firstBadRow < 0 { firstBadRow = row }
            badCount += 1
          }
        }
        initialized = count
      }
    }
    if firstBadRow >= 0 {
      throw notANumberError(atRow: firstBadRow, moreCount: badCount - 1)
    }
    return values
  }

  /// The number in `row`, or nil when the cell is missing.
  /// - Throws: ``DataError/Reason/notANumber(column:value:moreCount:)`` when the cell is
  ///   not a number (`moreCount` is 0: other rows are not examined).
  public func number(atRow row: Int) throws(DataError) -> Double? {
    let cell = _cell(row)
    let value = table.bytes.withUnsafeBufferPointer { buffer -> Double?? in
      if _isMissing(buffer, cell.start, cell.end, hasEscapedQuotes: cell.hasEscapedQuotes) {
        return .some(nil)
      }
      return _parseDecimal(
        buffer.baseAddress.unsafelyUnwrapped + cell.start, count: cell.end - cell.start
      )
      .map { .some($0) }
    }
    guard let value else { throw notANumberError(atRow: row, moreCount: 0) }
    return value
  }

  /// Whether the column holds numbers.
  ///
  /// True when at least one cell is present and every present cell is a number (see
  /// ``numericValues()``); R's `read.csv` would make such a column numeric.
  /// - Complexity: O(n).
  public var isNumeric: Bool {
    table.bytes.withUnsafeBufferPointer { buffer in
      let base = buffer.baseAddress.unsafelyUnwrapped
      var present = 0
      for row in 0..<count {
        let cell = _cell(row)
        if _isMissing(buffer, cell.start, cell.end, hasEscapedQuotes: cell.hasEscapedQuotes) {
          continue
        }
        guard _parseDecimal(base + cell.start, count: cell.end - cell.start) != nil else {
          return false
        }
        present += 1
      }
      return present > 0
    }
  }

  func notANumberError(atRow row: Int, moreCount: Int) -> DataError {
    DataError(
      at: location(ofRow: row),
      .notANumber(column: name, value: _abbreviated(rawText(atRow: row)), moreCount: moreCount))
  }
}
