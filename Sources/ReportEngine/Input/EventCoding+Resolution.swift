import ClinicalCSV

extension EventCoding {
  /// The coding applied to a column's distinct values, and for each value whether it means
  /// an event.
  ///
  /// ``automatic`` becomes ``zeroOne``, ``oneTwo`` or ``logical`` (R's `Surv` rules); other
  /// codings are returned as given.
  /// - Throws: ``ColumnMappingError`` for a value the coding does not accept (at its first
  ///   row), an explicit event code that does not occur, or one that is also a censoring code.
  func resolved(for distinct: DistinctValues, in column: DataColumn)
    throws(ColumnMappingError) -> (coding: EventCoding, isEvent: [Bool])
  {
    let values = distinct.values
    let numbers = values.map { CSVNumber.parse($0) }
    switch self {
    case .automatic:
      if !numbers.contains(nil) {
        let present = Set(numbers.compactMap { $0 })
        if present.isSubset(of: [0, 1]) { return (.zeroOne, numbers.map { $0 == 1 }) }
        if present.isSubset(of: [1, 2]) { return (.oneTwo, numbers.map { $0 == 2 }) }
      } else if values.allSatisfy({ _logicalValue($0) != nil }) {
        return (.logical, values.map { _logicalValue($0) == true })
      }
      // Blame the values that fit neither the likeliest coding nor any other: with numbers,
      // 1/2 when no value is below 1, else 0/1; with text, everything not logical.
      let isNumeric = numbers.contains { $0 != nil }
      let lowest = numbers.compactMap { $0 }.min() ?? 0
      let accepted: Set<Double> = lowest >= 1 ? [1, 2] : [0, 1]
      let offenders = values.indices.filter { index in
        if let number = numbers[index] { return !accepted.contains(number) }
        return isNumeric || _logicalValue(values[index]) == nil
      }
      let first = offenders.min { distinct.firstRows[$0] < distinct.firstRows[$1] } ?? 0
      throw ColumnMappingError(
        at: column.location(ofRow: distinct.firstRows[first]),
        .undetectableEventCoding(
          column: column.name, value: values[first], values: _sortedValues(values)))

    case .zeroOne:
      return try Self.classify(distinct, column, coding: self) {
        CSVNumber.parse($0).flatMap { [0: false, 1: true][$0] }
      }
    case .oneTwo:
      return try Self.classify(distinct, column, coding: self) {
        CSVNumber.parse($0).flatMap { [1: false, 2: true][$0] }
      }
    case .logical:
      return try Self.classify(distinct, column, coding: self, _logicalValue)

    case .values(let event, let censored):
      if let event, censored.contains(where: { _codesMatch($0, event) }) {
        throw ColumnMappingError(file: column.table.file, reason: .eventCodeAlsoCensoring(event))
      }
      if let event, !values.contains(where: { _codesMatch($0, event) }) {
        throw ColumnMappingError(
          file: column.table.file,
          reason: .eventCodeAbsent(column: column.name, code: event, values: _sortedValues(values)))
      }
      return try Self.classify(distinct, column, coding: self) { value in
        if let event, _codesMatch(value, event) { return true }
        if censored.contains(where: { _codesMatch(value, $0) }) { return false }
        if event == nil { return true }  // only censoring codes given: the rest are events
        return censored.isEmpty ? false : nil  // only the event code given: the rest is censored
      }
    }
  }

  /// Classifies each distinct value with `isEvent` (nil: not accepted).
  private static func classify(
    _ distinct: DistinctValues, _ column: DataColumn, coding: EventCoding,
    _ isEvent: (String) -> Bool?
  ) throws(ColumnMappingError) -> (coding: EventCoding, isEvent: [Bool]) {
    var result: [Bool] = []
    var firstOffender: Int?
    var offendingRows = 0
    for (index, value) in distinct.values.enumerated() {
      if let event = isEvent(value) {
        result.append(event)
      } else {
        result.append(false)
        offendingRows += distinct.counts[index]
        if firstOffender.map({ distinct.firstRows[index] < distinct.firstRows[$0] }) ?? true {
          firstOffender = index
        }
      }
    }
    if let first = firstOffender {
      throw ColumnMappingError(
        at: column.location(ofRow: distinct.firstRows[first]),
        .unexpectedEventCode(
          column: column.name, value: distinct.values[first], coding: coding,
          moreCount: offendingRows - 1))
    }
    return (coding, result)
  }
}

/// R's logical spellings: TRUE/True/true/T and FALSE/False/false/F.
func _logicalValue(_ text: String) -> Bool? {
  switch text {
  case "TRUE", "True", "true", "T": true
  case "FALSE", "False", "false", "F": false
  default: nil
  }
}

/// Whether a value matches a code: numerically when both are numbers, else as text.
func _codesMatch(_ value: String, _ code: String) -> Bool {
  if let x = CSVNumber.parse(value), let y = CSVNumber.parse(code) { return x == y }
  return value == code
}

/// Values for a message: numbers in numeric order first, then text by code point.
func _sortedValues(_ values: [String]) -> [String] {
  let numbers = values.compactMap { value in CSVNumber.parse(value).map { (value, $0) } }
    .sorted { $0.1 < $1.1 }.map(\.0)
  let texts = values.filter { CSVNumber.parse($0) == nil }.sorted {
    $0.utf8.lexicographicallyPrecedes($1.utf8)
  }
  return numbers + texts
}
