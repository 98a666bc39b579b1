import ClinicalData
import SurvivalStatistics

/// Competing-risks data taken from table columns: per analysed row its time and what ended its
/// follow-up — the event of interest, a competing event or a censoring (R: `ftime` and
/// `fstatus` of `cmprsk::cuminc` after `na.omit`).
///
/// Causes are numbered as `cuminc` numbers its `fstatus` codes when they are given in this
/// order: 1 is the event of interest, 2, 3, … the competing codes in the order listed, 0 a
/// censoring. Every status value present must be one of the codes given (or, with a censoring
/// column, every status of an event row): a value nobody listed is an error at its first row,
/// never a guess. Rows with a missing time, status, group or stratum are left out and counted in
/// ``excludedCount``; with a censoring column the status of a censored row may be missing.
public struct CompetingRisksColumns: Sendable {
  /// The file name used in messages.
  public var file: String
  /// Per sample, the follow-up time, finite and ≥ 0.
  public var times: [Double]
  /// Per sample, 0 for a censoring, 1 for the event of interest, k + 2 for the k-th competing
  /// code.
  public var causes: [Int]
  /// Per sample, its 0-based row in the table.
  public var rows: [Int]
  /// The comparison groups, when a group column was given.
  public var group: FactorColumn?
  /// The strata of Gray's test, when a strata column was given.
  public var strata: FactorColumn?
  /// The code of each cause: `codes[c - 1]` for cause c (the event of interest first).
  public var codes: [String]
  /// The number of table rows left out for a missing value.
  public var excludedCount: Int

  /// The number of samples.
  public var count: Int { times.count }
  /// Samples with the event of interest.
  public var eventCount: Int { causes.reduce(0) { $0 + ($1 == 1 ? 1 : 0) } }
  /// Samples with a competing event.
  public var competingCount: Int { causes.reduce(0) { $0 + ($1 >= 2 ? 1 : 0) } }

  /// Samples from the columns `request` names in `table`.
  ///
  /// - Throws: ``DataError`` for an unknown column or a time that is not a number;
  ///   ``ColumnMappingError`` for a negative or non-finite time, a censoring code the censoring
  ///   column does not accept, or an invalid group order; ``CompetingRisksColumnError`` for a
  ///   status value that was not listed, an event code that does not occur, or no row left.
  /// - Complexity: O(n) in the number of rows, plus O(k log k) for k distinct groups.
  public init(table: DataTable, request: CumulativeIncidenceRequest, preferredGroupOrder: [String]? = nil)
    throws
  {
    let timeColumn = try table.column(named: request.timeColumn)
    let statusColumn = try table.column(named: request.statusColumn)
    let censorColumn = try request.censorColumn.map { name throws(DataError) in try table.column(named: name) }
    let groupColumn = try request.groupColumn.map { name throws(DataError) in try table.column(named: name) }
    let strataColumn = try request.strataColumn.map { name throws(DataError) in try table.column(named: name) }

    let rawTimes = try timeColumn.numericValues()
    try SurvivalColumns.checkTimes(rawTimes, column: timeColumn)
    let codes = request.causeCodes
    let statusValues = statusColumn.distinctValues()
    let causeOfValue = statusValues.values.map { value in
      codes.firstIndex { _codesMatch(value, $0) }.map { $0 + 1 }
    }
    guard causeOfValue.contains(1) else {
      throw CompetingRisksColumnError(
        file: table.file,
        message:
          "the event code '\(codes[0])' does not occur in column '\(statusColumn.name)'; its values are \(_quotedList(_sortedValues(statusValues.values)))"
      )
    }
    let missing = DistinctValues.missingCode

    // Per distinct status value: its cause, 0 for a censoring.
    var statusCause = causeOfValue.map { $0 ?? -1 }
    var isEventOfCensorValue: [Bool]?
    let censorValues = censorColumn?.distinctValues()
    if let censorColumn, let censorValues {
      let coding: EventCoding =
        request.censorValues.isEmpty ? .censorIndicator : .values(event: nil, censored: request.censorValues)
      let resolved = try coding.resolved(for: censorValues, in: censorColumn)
      isEventOfCensorValue = resolved.isEvent
      // The status of an event row must name the event or a competing event.
      var offender: Int?
      var offenderCount = 0
      for row in 0..<table.rowCount {
        let censorCode = censorValues.codes[row]
        let statusCode = statusValues.codes[row]
        guard censorCode != missing, resolved.isEvent[Int(censorCode)], statusCode != missing,
          statusCause[Int(statusCode)] < 0
        else { continue }
        if offender == nil { offender = row }
        offenderCount += 1
      }
      if let row = offender {
        throw CompetingRisksColumnError(
          at: statusColumn.location(ofRow: row),
          message:
            "column '\(statusColumn.name)' has event type '\(statusColumn.rawText(atRow: row))' on a row that '\(censorColumn.name)' marks as an event\(_moreRows(offenderCount - 1)), but it is neither the event of interest '\(codes[0])' nor a competing event\(Self.competingList(codes)); list it with \(Self.competingOption)"
        )
      }
    } else {
      let censoring = request.statusCensoringCodes
      for (index, value) in statusValues.values.enumerated() where statusCause[index] < 0 {
        if censoring.contains(where: { _codesMatch(value, $0) }) { statusCause[index] = 0 }
      }
      let offenders = statusValues.values.indices.filter { statusCause[$0] < 0 }
      if let first = offenders.min(by: { statusValues.firstRows[$0] < statusValues.firstRows[$1] }) {
        let rows = offenders.reduce(0) { $0 + statusValues.counts[$1] }
        throw CompetingRisksColumnError(
          at: statusColumn.location(ofRow: statusValues.firstRows[first]),
          message:
            "column '\(statusColumn.name)' has status '\(statusValues.values[first])'\(_moreRows(rows - 1)), which is neither the event of interest '\(codes[0])', a competing event\(Self.competingList(codes)) nor a censoring (\(_quotedList(censoring))); list it with \(Self.competingOption) if it is a competing event, or with \(Self.censorOption) if it marks censoring"
        )
      }
    }

    let groupValues = groupColumn?.distinctValues()
    let strataValues = strataColumn?.distinctValues()
    var times: [Double] = []
    var causes: [Int] = []
    var rows: [Int] = []
    times.reserveCapacity(table.rowCount)
    causes.reserveCapacity(table.rowCount)
    rows.reserveCapacity(table.rowCount)
    for row in 0..<table.rowCount {
      guard let time = rawTimes[row],
        groupValues.map({ $0.codes[row] != missing }) ?? true,
        strataValues.map({ $0.codes[row] != missing }) ?? true
      else { continue }
      let statusCode = statusValues.codes[row]
      let cause: Int
      if let censorValues, let isEvent = isEventOfCensorValue {
        let censorCode = censorValues.codes[row]
        guard censorCode != missing else { continue }
        if isEvent[Int(censorCode)] {
          guard statusCode != missing else { continue }
          cause = statusCause[Int(statusCode)]
        } else {
          cause = 0
        }
      } else {
        guard statusCode != missing else { continue }
        cause = statusCause[Int(statusCode)]
      }
      times.append(time)
      causes.append(cause)
      rows.append(row)
    }
    guard !rows.isEmpty else {
      let columns =
        [request.timeColumn, request.statusColumn]
        + [request.censorColumn, request.groupColumn, request.strataColumn].compactMap { $0 }
      let all = table.rowCount == 1 ? "the only row has" : "all \(table.rowCount) rows have"
      throw CompetingRisksColumnError(
        file: table.file,
        message: "no rows left for analysis: \(all) a missing value in \(_quotedAlternatives(columns))")
    }

    self.file = table.file
    self.times = times
    self.causes = causes
    self.rows = rows
    self.codes = codes
    self.excludedCount = table.rowCount - rows.count
    if let groupColumn, let groupValues {
      group = try FactorColumn(
        column: groupColumn, distinct: groupValues, rows: rows, role: .group, order: request.groupOrder,
        preferred: preferredGroupOrder)
    }
    if let strataColumn, let strataValues {
      strata = try FactorColumn(column: strataColumn, distinct: strataValues, rows: rows, role: .strata, order: nil)
    }
  }

  /// ` ('2', '3')` after "a competing event", or ` (none listed)`.
  static func competingList(_ codes: [String]) -> String {
    codes.count > 1 ? " (\(_quotedList(Array(codes.dropFirst()))))" : " (none listed)"
  }

  static let competingOption = "'--competing-value' (competing-value: in a template)"
  static let censorOption = "'--censor-value' (censor-value: in a template)"

  /// The statuses of the samples for `cmprsk`-style statistics.
  var statuses: [CompetingRisksStatus] { causes.map { $0 == 0 ? .censored : .cause($0) } }
}
