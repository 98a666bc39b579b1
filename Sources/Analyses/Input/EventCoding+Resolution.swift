import ClinicalData
import SurvivalStatistics

extension EventCoding {
  /// The coding applied to a column's distinct values, and for each value whether it means
  /// an event.
  ///
  /// ``automatic`` becomes ``zeroOne``, ``oneTwo`` or ``logical`` (R's `Surv` rules); an event
  /// code given alone gets its default censoring code (``defaultCensoringCode(forEvent:)``);
  /// other codings are returned as given.
  /// - Throws: ``ColumnMappingError`` for a value the coding does not accept (at its first
  ///   row), an explicit event code that does not occur, or one that is also a censoring code.
  func resolved(for distinct: DistinctValues, in column: DataColumn)
    throws(ColumnMappingError) -> (coding: EventCoding, isEvent: [Bool])
  {
    let values = distinct.values
    let numbers = values.map { CSVNumber.parse($0) }
    switch self {
    case .automatic:
      if !numbers.contains(nil), let coding = SurvStatus.coding(of: numbers.compactMap { $0 }) {
        let flags = numbers.map { coding.isEvent($0!) == true }
        return (coding == .oneTwo ? .oneTwo : .zeroOne, flags)
      } else if numbers.contains(nil), values.allSatisfy({ _logicalValue($0) != nil }) {
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
        CSVNumber.parse($0).flatMap(SurvStatus.Coding.zeroOne.isEvent)
      }
    case .oneTwo:
      return try Self.classify(distinct, column, coding: self) {
        CSVNumber.parse($0).flatMap(SurvStatus.Coding.oneTwo.isEvent)
      }
    case .logical:
      return try Self.classify(distinct, column, coding: self, _logicalValue)
    case .censorIndicator:
      return try Self.classify(distinct, column, coding: self) { value in
        guard let number = CSVNumber.parse(value), number == number.rounded(), number >= 0 else { return nil }
        return number == 0
      }

    case .values(let event, let censored):
      if let event, censored.contains(where: { _codesMatch($0, event) }) {
        throw ColumnMappingError(file: column.table.file, reason: .eventCodeAlsoCensoring(event))
      }
      if let event, !values.contains(where: { _codesMatch($0, event) }) {
        throw ColumnMappingError(
          file: column.table.file,
          reason: .eventCodeAbsent(column: column.name, code: event, values: _sortedValues(values)))
      }
      if let event, censored.isEmpty {
        return try Self.classifyWithDefaultCensoring(distinct, column, event: event)
      }
      return try Self.classify(distinct, column, coding: self) { value in
        if let event, _codesMatch(value, event) { return true }
        if censored.contains(where: { _codesMatch(value, $0) }) { return false }
        return event == nil ? true : nil  // only censoring codes given: the rest are events
      }
    }
  }

  /// The censoring code that R's `Surv` conventions pair with an event code: `0` for `1`
  /// (0/1 coding), `1` for `2` (1/2 coding), `1` for `0` (0/1 with 0 = event, as ADaM's
  /// `CNSR`), `FALSE` for `TRUE` and `TRUE` for `FALSE`; nil for any other code.
  static func defaultCensoringCode(forEvent event: String) -> String? {
    if let logical = _logicalValue(event) { return logical ? "FALSE" : "TRUE" }
    switch CSVNumber.parse(event) {
    case 1: return "0"
    case 2, 0: return "1"
    default: return nil
    }
  }

  /// Only an event code given: the event code is an event, its default censoring code
  /// (``defaultCensoringCode(forEvent:)``) is censored, and any other code is an error at its
  /// first row that proposes the full `--censor-value` list.
  private static func classifyWithDefaultCensoring(
    _ distinct: DistinctValues, _ column: DataColumn, event: String
  ) throws(ColumnMappingError) -> (coding: EventCoding, isEvent: [Bool]) {
    let censoring = defaultCensoringCode(forEvent: event)
    func isCensoring(_ value: String) -> Bool {
      guard let censoring else { return false }
      if let logical = _logicalValue(censoring) { return _logicalValue(value) == logical }
      return _codesMatch(value, censoring)
    }
    var isEvent: [Bool] = []
    var offenders: [Int] = []
    for (index, value) in distinct.values.enumerated() {
      isEvent.append(
        _codesMatch(value, event) || (_logicalValue(event) != nil && _logicalValue(value) == _logicalValue(event)))
      if !isEvent[index] && !isCensoring(value) { offenders.append(index) }
    }
    let coding = EventCoding.values(event: event, censored: censoring.map { [$0] } ?? [])
    guard let first = offenders.min(by: { distinct.firstRows[$0] < distinct.firstRows[$1] }) else {
      return (coding, isEvent)
    }
    let rows = offenders.reduce(0) { $0 + distinct.counts[$1] }
    let present = censoring.flatMap { code in distinct.values.contains(where: isCensoring) ? [code] : nil } ?? []
    throw ColumnMappingError(
      at: column.location(ofRow: distinct.firstRows[first]),
      .unlistedEventCode(
        column: column.name, value: distinct.values[first], event: event, defaultCensoring: censoring,
        suggestedCensoring: _sortedValues(present + offenders.map { distinct.values[$0] }), moreCount: rows - 1))
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

/// R's logical spellings (``SurvStatus/logical(_:)``).
func _logicalValue(_ text: String) -> Bool? { SurvStatus.logical(text) }

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
