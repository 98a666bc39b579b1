import ClinicalData

/// Right-censored survival data taken from table columns: one sample per analysed row, as
/// plain arrays (R: the `Surv` object and factors of a model frame after `na.omit`).
///
/// Rows with a missing time, event, group, stratum or required value are left out and
/// counted in ``excludedCount`` (R: "n observations deleted due to missingness"). Every
/// sample keeps its table row and physical line, so later messages can cite `file:line`.
///
/// ```swift
/// let table = try DataTable(contentsOfFile: "lung.csv")
/// let data = try SurvivalColumns(
///   table: table,
///   mapping: SurvivalColumnMapping(
///     time: "time", event: "status", eventCoding: .values(event: "2", censored: []),
///     group: "sex"))
/// // data.times, data.events, data.group?.codes, data.group?.levels == ["1", "2"]
/// ```
public struct SurvivalColumns: Sendable {
  /// The file name used in messages.
  public var file: String
  /// Per sample, the follow-up time (R: `time`), finite and ≥ 0.
  public var times: [Double]
  /// Per sample, the entry time (R: `Surv(entry, time, status)`), finite and before its time;
  /// nil without an entry column.
  public var entryTimes: [Double]?
  /// Per sample, its case weight, finite and ≥ 0; nil without a weights column.
  public var weights: [Double]?
  /// Per sample, whether the time is an event (true) or a censoring time (R: `status`).
  public var events: [Bool]
  /// Per sample, its 0-based row in the table.
  public var rows: [Int]
  /// Per sample, the physical line of its row in the file.
  public var lines: [Int]
  /// The comparison groups, when a group column was given.
  public var group: FactorColumn?
  /// The strata, when a strata column was given.
  public var strata: FactorColumn?
  /// The event coding applied (never ``EventCoding/automatic``).
  public var eventCoding: EventCoding
  /// The number of table rows left out for a missing value.
  public var excludedCount: Int

  /// The number of samples.
  public var count: Int { summaryCounts?.samples ?? times.count }

  /// The number of events.
  public var eventCount: Int { summaryCounts?.events ?? events.reduce(0) { $0 + ($1 ? 1 : 0) } }

  /// The counts of columns whose per-sample values were left out.
  private var summaryCounts: (samples: Int, events: Int)?

  /// The columns without their per-sample values (times, events, rows, lines, entry times,
  /// weights and factor codes are empty): the file, coding, factor names and levels, and the
  /// counts (``count``, ``eventCount``, ``excludedCount``) stay. For a result that keeps the
  /// samples elsewhere, so that a million patients are not held twice.
  public func withoutSampleValues() -> SurvivalColumns {
    var summary = self
    summary.summaryCounts = (count, eventCount)
    summary.times = []
    summary.events = []
    summary.rows = []
    summary.lines = []
    summary.entryTimes = entryTimes.map { _ in [] }
    summary.weights = weights.map { _ in [] }
    summary.group?.codes = []
    summary.strata?.codes = []
    return summary
  }

  /// Samples from the columns that `mapping` names.
  ///
  /// Every present time and event value is checked, including those of rows left out for
  /// another column's missing value.
  /// - Throws: ``DataError`` for an unknown column (with a suggestion) or a time that is
  ///   not a number; ``ColumnMappingError`` for a negative or non-finite time, an event value
  ///   the coding does not accept, an invalid group or strata order, or when no row is left.
  /// - Complexity: O(n) in the number of rows, plus O(k log k) for k distinct groups.
  public init(table: DataTable, mapping: SurvivalColumnMapping) throws {
    let timeColumn = try table.column(named: mapping.time)
    let eventColumn = try table.column(named: mapping.event)
    let groupColumn = try mapping.group.map { name throws(DataError) in
      try table.column(named: name)
    }
    let strataColumn = try mapping.strata.map { name throws(DataError) in
      try table.column(named: name)
    }
    let requiredColumns = try mapping.requiredColumns.map { name throws(DataError) in
      try table.column(named: name)
    }

    // The time, event and group columns are read at once, one core each where there are cores.
    let (timeResult, eventValues, groupValues) = _concurrently(
      { () -> Result<[Double?], DataError> in
        do throws(DataError) { return .success(try timeColumn.numericValues()) } catch { return .failure(error) }
      },
      { eventColumn.distinctValues() },
      { groupColumn?.distinctValues() })
    let rawTimes = try timeResult.get()
    try Self.checkTimes(rawTimes, column: timeColumn)
    let entryColumn = try mapping.entry.map { name throws(DataError) in try table.column(named: name) }
    let rawEntries = try entryColumn?.numericValues()
    if let entryColumn, let rawEntries {
      try Self.checkEntries(rawEntries, times: rawTimes, column: entryColumn, timeColumn: timeColumn.name)
    }
    let weightsColumn = try mapping.weights.map { name throws(DataError) in try table.column(named: name) }
    let rawWeights = try weightsColumn?.numericValues()
    if let weightsColumn, let rawWeights { try Self.checkWeights(rawWeights, column: weightsColumn) }
    let (coding, isEventValue) = try mapping.eventCoding.resolved(for: eventValues, in: eventColumn)
    let strataValues = strataColumn?.distinctValues()

    var times: [Double] = []
    var events: [Bool] = []
    var rows: [Int] = []
    var entries: [Double] = []
    var weights: [Double] = []
    times.reserveCapacity(table.rowCount)
    events.reserveCapacity(table.rowCount)
    rows.reserveCapacity(table.rowCount)
    let missing = DistinctValues.missingCode
    for row in 0..<table.rowCount {
      guard let time = rawTimes[row] else { continue }
      let eventCode = eventValues.codes[row]
      guard eventCode != missing,
        groupValues.map({ $0.codes[row] != missing }) ?? true,
        strataValues.map({ $0.codes[row] != missing }) ?? true,
        !requiredColumns.contains(where: { $0.isMissing(atRow: row) })
      else { continue }
      if let rawEntries {
        guard let entry = rawEntries[row] else { continue }
        entries.append(entry)
      }
      if let rawWeights {
        guard let weight = rawWeights[row] else { continue }
        weights.append(weight)
      }
      times.append(time)
      events.append(isEventValue[Int(eventCode)])
      rows.append(row)
    }
    guard !rows.isEmpty else {
      let columns =
        [mapping.time, mapping.event]
        + [mapping.group, mapping.strata, mapping.entry, mapping.weights].compactMap { $0 }
        + mapping.requiredColumns
      throw ColumnMappingError(
        file: table.file, reason: .noRowsLeft(rowCount: table.rowCount, columns: columns))
    }

    self.file = table.file
    self.times = times
    self.events = events
    self.rows = rows
    self.entryTimes = rawEntries == nil ? nil : entries
    self.weights = rawWeights == nil ? nil : weights
    self.lines = rows.map { table.line(ofRow: $0) }
    self.eventCoding = coding
    self.excludedCount = table.rowCount - rows.count
    if let groupColumn, let groupValues {
      group = try FactorColumn(
        column: groupColumn, distinct: groupValues, rows: rows, role: .group,
        order: mapping.groupOrder, preferred: mapping.preferredGroupOrder)
    }
    if let strataColumn, let strataValues {
      strata = try FactorColumn(
        column: strataColumn, distinct: strataValues, rows: rows, role: .strata,
        order: mapping.strataOrder)
    }
  }

  /// Checks that every present entry time is finite and before the time of its row (R:
  /// "Stop time must be > start time"), naming the first offender.
  static func checkEntries(_ entries: [Double?], times: [Double?], column: DataColumn, timeColumn: String)
    throws(ColumnMappingError)
  {
    var first = -1
    var count = 0
    for (row, entry) in entries.enumerated() {
      guard let entry else { continue }
      if !entry.isFinite || times[row].map({ !(entry < $0) }) == true {
        if first < 0 { first = row }
        count += 1
      }
    }
    guard first >= 0 else { return }
    throw ColumnMappingError(
      at: column.location(ofRow: first),
      .entryNotBeforeTime(
        column: column.name, value: column.rawText(atRow: first), timeColumn: timeColumn,
        time: times[first].map(CSVNumber.text) ?? "", moreCount: count - 1))
  }

  /// Checks that every present weight is finite and ≥ 0 (R: "Invalid weights, must be >0"
  /// for negative ones), naming the first offender.
  static func checkWeights(_ weights: [Double?], column: DataColumn) throws(ColumnMappingError) {
    let bad = weights.indices.filter { weights[$0].map { !($0.isFinite && $0 >= 0) } ?? false }
    guard let first = bad.first else { return }
    throw ColumnMappingError(
      at: column.location(ofRow: first),
      .invalidWeight(column: column.name, value: column.rawText(atRow: first), moreCount: bad.count - 1))
  }

  /// Checks that every present time is finite and, unless `allowsNegative` (the ends of a
  /// counting-process interval may precede time 0), ≥ 0, naming the first offender.
  static func checkTimes(_ times: [Double?], column: DataColumn, allowsNegative: Bool = false)
    throws(ColumnMappingError)
  {
    var firstNonFinite = -1
    var nonFiniteCount = 0
    var firstNegative = -1
    var negativeCount = 0
    for (row, time) in times.enumerated() {
      guard let time else { continue }
      if !time.isFinite {
        if firstNonFinite < 0 { firstNonFinite = row }
        nonFiniteCount += 1
      } else if time < 0 && !allowsNegative {
        if firstNegative < 0 { firstNegative = row }
        negativeCount += 1
      }
    }
    if firstNonFinite >= 0 {
      throw ColumnMappingError(
        at: column.location(ofRow: firstNonFinite),
        .nonFiniteTime(
          column: column.name, value: column.rawText(atRow: firstNonFinite),
          moreCount: nonFiniteCount - 1))
    }
    if firstNegative >= 0 {
      throw ColumnMappingError(
        at: column.location(ofRow: firstNegative),
        .negativeTime(
          column: column.name, value: column.rawText(atRow: firstNegative),
          moreCount: negativeCount - 1))
    }
  }
}
