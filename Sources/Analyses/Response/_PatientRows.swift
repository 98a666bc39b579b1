import ClinicalData
import Foundation
import SurvivalStatistics

/// The rows of a table grouped by patient identifier, patients in order of first appearance.
struct _PatientRows {
  /// Identifiers in order of first appearance.
  var identifiers: [String] = []
  /// Per patient, the 0-based table rows, in file order.
  var rows: [[Int]] = []
  var index: [String: Int] = [:]

  /// Groups the rows of `column`; throws at the first row without an identifier.
  init(column: DataColumn) throws(PatientInputError) {
    for row in 0..<column.count {
      guard let id = column.text(atRow: row)?.trimmingCharacters(in: .whitespaces), !id.isEmpty
      else {
        throw PatientInputError(
          at: column.location(ofRow: row), .missingIdentifier(column: column.name))
      }
      if let known = index[id] {
        rows[known].append(row)
      } else {
        index[id] = identifiers.count
        identifiers.append(id)
        rows.append([row])
      }
    }
  }

  /// Throws at the second row of the first patient with several, naming `hint` as the fix.
  func requireOneRowEach(column: DataColumn, hint: String) throws(PatientInputError) {
    let repeated = rows.indices.filter { rows[$0].count > 1 }
    guard let first = repeated.min(by: { rows[$0][1] < rows[$1][1] }) else { return }
    throw PatientInputError(
      at: column.location(ofRow: rows[first][1]),
      .duplicatePatient(
        patient: identifiers[first], firstLine: column.table.line(ofRow: rows[first][0]),
        hint: hint))
  }

  /// Per patient, the time in a per-patient time column (`values` are its numbers by row), nil
  /// where every row of the patient is empty; rows that give a time must agree.
  func perPatientTimes(_ column: DataColumn, values: [Double?]) throws(PatientInputError) -> [Double?] {
    var times: [Double?] = []
    for (patient, patientRows) in rows.enumerated() {
      var time: Double?
      var timeRow = 0
      for row in patientRows {
        guard let value = values[row] else { continue }
        guard value >= 0, value.isFinite else {
          throw PatientInputError(
            at: column.location(ofRow: row), .invalidTime(column: column.name, value: column.rawText(atRow: row)))
        }
        if let time, time != value {
          throw PatientInputError(
            at: column.location(ofRow: row),
            .conflictingValue(
              column: column.name, patient: identifiers[patient], value: column.rawText(atRow: row),
              other: column.rawText(atRow: timeRow), otherLine: column.table.line(ofRow: timeRow)))
        }
        time = value
        timeRow = row
      }
      times.append(time)
    }
    return times
  }

  /// Per patient, the value of a per-patient column (the same on every row of the patient).
  func perPatientValues(_ column: DataColumn) throws(PatientInputError) -> [String] {
    var values: [String] = []
    for (patient, patientRows) in rows.enumerated() {
      var value: String?
      var valueRow = 0
      for row in patientRows {
        guard let text = column.text(atRow: row)?.trimmingCharacters(in: .whitespaces), !text.isEmpty
        else {
          throw PatientInputError(
            at: column.location(ofRow: row),
            .missingValue(column: column.name, patient: identifiers[patient]))
        }
        if let value, value != text {
          throw PatientInputError(
            at: column.location(ofRow: row),
            .conflictingValue(
              column: column.name, patient: identifiers[patient], value: text, other: value,
              otherLine: column.table.line(ofRow: valueRow)))
        }
        value = text
        valueRow = row
      }
      values.append(value ?? "")
    }
    return values
  }
}

/// Distinct labels in R's factor order (``Factor/ordered(_:number:)``).
func _factorLevels(_ labels: [String]) -> [String] {
  Factor.ordered(labels, number: CSVNumber.parse)
}
