import ClinicalData
import FigureCore
import Foundation
import SurvivalFigures

/// The lanes, groups and event kinds of a swimmer plot read from a patients table and an
/// optional events table, in the display time unit.
public struct SwimmerInput: Sendable {
  public var lanes: [SwimmerLane]
  public var groups: [String]
  public var eventKinds: [SwimmerEventKind]

  /// Reads the tables as `request` maps them.
  ///
  /// - Throws: `DataError` for unknown columns and non-numbers; `PatientInputError`, located
  ///   at the offending cell, for a repeated patient, a missing or negative time, an end before
  ///   the start, an ongoing flag that is not yes/no, and events of unknown patients.
  public init(patients table: DataTable, events: DataTable?, request: SwimmerRequest) throws {
    let scale = request.timeScale
    let idColumn = try table.column(named: request.idColumn)
    let endColumn = try table.column(named: request.endColumn)
    let startColumn = try request.startColumn.map { n throws(DataError) in try table.column(named: n) }
    let groupColumn = try request.groupColumn.map { n throws(DataError) in try table.column(named: n) }
    let ongoingColumn = try request.ongoingColumn.map { n throws(DataError) in try table.column(named: n) }
    let spanStart = try request.responseStartColumn.map { n throws(DataError) in try table.column(named: n) }
    let spanEnd = try request.responseEndColumn.map { n throws(DataError) in try table.column(named: n) }
    let patients = try _PatientRows(column: idColumn)
    try patients.requireOneRowEach(column: idColumn, hint: "the patients file needs one row per patient")

    let ends = try endColumn.numericValues()
    let starts = try startColumn?.numericValues()
    let spanStarts = try spanStart?.numericValues()
    let spanEnds = try spanEnd?.numericValues()
    let groupValues = try groupColumn.map { c throws(PatientInputError) in try patients.perPatientValues(c) }
    let groups = groupValues.flatMap { _orderedLevels($0, order: request.groupOrder) }
    if let groupColumn, let groupValues, groups == nil {
      try Self.checkGroupOrder(groupValues, order: request.groupOrder ?? [], column: groupColumn, patients: patients)
    }
    let levels = groups ?? []

    var lanes: [SwimmerLane] = []
    for (p, rows) in patients.rows.enumerated() {
      let row = rows[0]
      let id = patients.identifiers[p]
      let end = try Self.time(ends[row], column: endColumn, row: row, patient: id, required: true) ?? 0
      let start =
        try starts.flatMap { try Self.time($0[row], column: startColumn!, row: row, patient: id, required: true) } ?? 0
      guard end >= start else {
        throw PatientInputError(
          at: endColumn.location(ofRow: row),
          .endBeforeStart(
            patient: id, end: endColumn.rawText(atRow: row), start: startColumn?.rawText(atRow: row) ?? "0"))
      }
      var lane = SwimmerLane(
        id: id, group: groupValues.map { levels.firstIndex(of: $0[p]) ?? 0 } ?? 0, start: start * scale,
        end: end * scale)
      if let ongoingColumn { lane.isOngoing = try Self.flag(ongoingColumn, row: row) }
      if let spanStart, let spanStarts,
        let s = try Self.time(spanStarts[row], column: spanStart, row: row, patient: id, required: false)
      {
        let e =
          try spanEnds.flatMap { try Self.time($0[row], column: spanEnd!, row: row, patient: id, required: false) }
          ?? end
        lane.responses = [SwimmerLane.ResponseSpan(start: s * scale, end: max(s, e) * scale)]
      }
      lanes.append(lane)
    }

    var kinds: [String] = []
    if let events {
      let idCol = try events.column(named: request.eventIdColumn)
      let timeCol = try events.column(named: request.eventTimeColumn)
      let typeCol = try events.column(named: request.eventTypeColumn)
      let times = try timeCol.numericValues()
      var found: [(lane: Int, time: Double, type: String)] = []
      for row in 0..<events.rowCount {
        guard let id = idCol.text(atRow: row)?.trimmingCharacters(in: .whitespaces), !id.isEmpty else {
          throw PatientInputError(at: idCol.location(ofRow: row), .missingIdentifier(column: idCol.name))
        }
        guard let lane = patients.index[id] else {
          throw PatientInputError(
            at: idCol.location(ofRow: row), .unknownPatient(patient: id, patientsFile: table.file))
        }
        let time = try Self.time(times[row], column: timeCol, row: row, patient: id, required: true) ?? 0
        guard let type = typeCol.text(atRow: row)?.trimmingCharacters(in: .whitespaces), !type.isEmpty else {
          throw PatientInputError(at: typeCol.location(ofRow: row), .missingValue(column: typeCol.name, patient: id))
        }
        found.append((lane, time * scale, type))
      }
      kinds = Self.orderedKinds(found.map(\.type))
      for event in found {
        lanes[event.lane].events.append(
          SwimmerLane.Event(time: event.time, kind: kinds.firstIndex(of: event.type) ?? 0))
      }
    }
    var unknown = 0
    self.eventKinds = kinds.map { label in
      let isKnown = Self.knownKinds.contains(label.lowercased())
      defer { if !isKnown { unknown += 1 } }
      return SwimmerEventKind.automatic(label: label, index: unknown)
    }
    self.lanes = lanes
    self.groups = levels
  }

  static let knownKinds = [
    "cr", "complete response", "pr", "partial response", "sd", "stable disease", "pd", "progression",
    "progressive disease", "death", "died", "dead",
  ]

  /// Event labels: RECIST codes and death first in their conventional order, then the others in
  /// order of first appearance.
  static func orderedKinds(_ labels: [String]) -> [String] {
    var seen: [String] = []
    for label in labels where !seen.contains(label) { seen.append(label) }
    func rank(_ label: String) -> Int {
      let i = knownKinds.firstIndex(of: label.lowercased()) ?? knownKinds.count
      return i < knownKinds.count ? [0, 0, 1, 1, 2, 2, 3, 3, 3, 4, 4, 4][i] : 5
    }
    return seen.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
  }

  /// A present time checked to be finite and ≥ 0, or nil for a missing optional one.
  static func time(_ value: Double?, column: DataColumn, row: Int, patient: String, required: Bool)
    throws(PatientInputError) -> Double?
  {
    guard let value else {
      if required {
        throw PatientInputError(at: column.location(ofRow: row), .missingValue(column: column.name, patient: patient))
      }
      return nil
    }
    guard value >= 0, value.isFinite else {
      throw PatientInputError(
        at: column.location(ofRow: row), .invalidTime(column: column.name, value: column.rawText(atRow: row)))
    }
    return value
  }

  /// A yes/no cell: 1/0, TRUE/FALSE, T/F, yes/no, y/n in any case; empty is no.
  static func flag(_ column: DataColumn, row: Int) throws(PatientInputError) -> Bool {
    guard let text = column.text(atRow: row)?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty else {
      return false
    }
    switch text {
    case "1", "true", "t", "yes", "y": return true
    case "0", "false", "f", "no", "n": return false
    default:
      throw PatientInputError(
        at: column.location(ofRow: row), .notABoolean(column: column.name, value: column.rawText(atRow: row)))
    }
  }

  /// Throws for a group order that lists an unknown value or leaves one out.
  static func checkGroupOrder(_ values: [String], order: [String], column: DataColumn, patients: _PatientRows) throws {
    let levels = _factorLevels(values)
    if let unknown = order.first(where: { !levels.contains($0) }) {
      throw ColumnMappingError(
        file: column.table.file,
        reason: .unknownOrderEntry(
          .group, column: column.name, entry: unknown,
          suggestion: SpellingSuggestion.closest(to: unknown, among: levels), values: levels))
    }
    let left = levels.filter { !order.contains($0) }
    let first = values.firstIndex { left.contains($0) } ?? 0
    throw ColumnMappingError(
      at: column.location(ofRow: patients.rows[first][0]),
      .valuesMissingFromOrder(.group, column: column.name, values: left, order: order))
  }
}

/// Levels in the given order, or R's factor order without one; nil when the order does not list
/// every value exactly once.
func _orderedLevels(_ values: [String], order: [String]?) -> [String]? {
  let levels = _factorLevels(values)
  guard let order else { return levels }
  guard Set(order) == Set(levels), order.count == levels.count else { return nil }
  return order
}
