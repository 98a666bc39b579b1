extension DataColumn {
  /// Every value as a number, nil where missing.
  ///
  /// CSV cells and text are decimal: an optional sign, digits with an optional `.`, an
  /// optional exponent (`1e-3`), or `Inf`, `Infinity`, `NaN` in any letter case (as R writes
  /// them). Conversion is correctly rounded, the same as `Double(String)`. Dates and true/false
  /// values are not numbers.
  /// - Throws: ``DataError/Reason/notANumber(column:value:moreCount:)`` at the first value
  ///   that is neither missing nor a number, e.g. `lung.csv:14:3: column 'time' expects a
  ///   number, found 'abc'`, counting the other such rows.
  /// - Complexity: O(n) with no allocation besides the result.
  public func numericValues() throws(DataError) -> [Double?] {
    let column = storage
    switch column.cells {
    case .csv(let cells, let field):
      return try csvNumbers(cells, field, column.rows)
    case .transport(let file, let variable) where kind == .numbers:
      return file.numbers(ofVariable: variable, rows: column.rows)
    case .transport(let file, let variable) where kind == .text:
      return try parsedNumbers { file.text(atRow: column.cellIndex($0), variable: variable) }
    case .numbers(let values):
      guard let rows = column.rows else { return values }
      return rows.map { values[$0] }
    case .texts(let values):
      return try parsedNumbers { values[column.cellIndex($0)] }
    case .dates, .logicals, .transport:
      guard let first = (0..<count).first(where: { !isMissing(atRow: $0) }) else {
        return [Double?](repeating: nil, count: count)
      }
      let present = (0..<count).filter { !isMissing(atRow: $0) }.count
      throw notANumberError(atRow: first, moreCount: present - 1)
    }
  }

  /// The numbers the texts `text(row)` spell (surrounding blanks aside), nil where missing.
  private func parsedNumbers(_ text: (Int) -> String?) throws(DataError) -> [Double?] {
    var firstBadRow = -1
    var badCount = 0
    let numbers = (0..<count).map { row -> Double? in
      guard let text = text(row) else { return nil }
      if let value = CSVNumber.parse(text.trimmingBlanks) { return value }
      if firstBadRow < 0 { firstBadRow = row }
      badCount += 1
      return nil
    }
    if firstBadRow >= 0 { throw notANumberError(atRow: firstBadRow, moreCount: badCount - 1) }
    return numbers
  }

  private func csvNumbers(_ cells: _CSVCells, _ field: Int, _ rows: [Int]?) throws(DataError) -> [Double?] {
    var firstBadRow = -1
    var badCount = 0
    let count = self.count
    let values = cells.bytes.withUnsafeBufferPointer { buffer in
      [Double?](unsafeUninitializedCapacity: count) { result, initialized in
        let base = buffer.baseAddress.unsafelyUnwrapped
        let output = result.baseAddress.unsafelyUnwrapped
        cells.forEachCell(ofColumn: field, rows: rows) { row, start, end, hasEscapedQuotes in
          if cells.isMissing(buffer, start, end, hasEscapedQuotes: hasEscapedQuotes) {
            (output + row).initialize(to: nil)
          } else if let value = _parseDecimal(base + start, count: end - start) {
            (output + row).initialize(to: value)
          } else {
            (output + row).initialize(to: nil)
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

  /// The number in `row`, or nil when the value is missing.
  /// - Throws: ``DataError/Reason/notANumber(column:value:moreCount:)`` when the value is not a
  ///   number (`moreCount` is 0: other rows are not examined).
  public func number(atRow row: Int) throws(DataError) -> Double? {
    let column = storage
    let index = column.cellIndex(row)
    switch column.cells {
    case .csv(let cells, let field):
      let cell = cells.cell(index, field)
      let value = cells.bytes.withUnsafeBufferPointer { buffer -> Double?? in
        if cells.isMissing(buffer, cell.start, cell.end, hasEscapedQuotes: cell.hasEscapedQuotes) { return .some(nil) }
        return _parseDecimal(buffer.baseAddress.unsafelyUnwrapped + cell.start, count: cell.end - cell.start)
          .map { .some($0) }
      }
      guard let value else { throw notANumberError(atRow: row, moreCount: 0) }
      return value
    case .transport(let file, let variable) where kind == .numbers:
      return file.number(atRow: index, variable: variable)
    case .transport(let file, let variable) where kind == .text:
      guard let text = file.text(atRow: index, variable: variable) else { return nil }
      guard let value = CSVNumber.parse(text.trimmingBlanks) else { throw notANumberError(atRow: row, moreCount: 0) }
      return value
    case .numbers(let values):
      return values[index]
    case .texts(let values):
      guard let text = values[index] else { return nil }
      guard let value = CSVNumber.parse(text.trimmingBlanks) else { throw notANumberError(atRow: row, moreCount: 0) }
      return value
    case .dates, .logicals, .transport:
      if isMissing(atRow: row) { return nil }
      throw notANumberError(atRow: row, moreCount: 0)
    }
  }

  /// Whether the column holds numbers.
  ///
  /// True when at least one value is present and every present value is a number (see
  /// ``numericValues()``); R's `read.csv` would make such a column numeric.
  /// - Complexity: O(n).
  public var isNumeric: Bool {
    let column = storage
    switch column.cells {
    case .numbers(let values):
      return (0..<count).contains { values[column.cellIndex($0)] != nil }
    case .transport where kind == .numbers:
      return (0..<count).contains { !isMissing(atRow: $0) }
    case .dates, .logicals:
      return false
    case .texts, .transport:
      guard kind == .text else { return false }
      guard let values = try? numericValues() else { return false }
      return values.contains { $0 != nil }
    case .csv(let cells, let field):
      let located = cells.column(field)
      return cells.bytes.withUnsafeBufferPointer { buffer in
        let base = buffer.baseAddress.unsafelyUnwrapped
        var present = 0
        for row in 0..<count {
          let cell = located.cell(column.cellIndex(row))
          if cells.isMissing(buffer, cell.start, cell.end, hasEscapedQuotes: cell.hasEscapedQuotes) { continue }
          guard _parseDecimal(base + cell.start, count: cell.end - cell.start) != nil else { return false }
          present += 1
        }
        return present > 0
      }
    }
  }

  func notANumberError(atRow row: Int, moreCount: Int) -> DataError {
    DataError(
      at: location(ofRow: row),
      .notANumber(column: name, value: _abbreviated(rawText(atRow: row)), moreCount: moreCount))
  }
}

extension String {
  /// The text without surrounding spaces and tabs.
  var trimmingBlanks: String {
    let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
    return String(self[first...last])
  }
}
