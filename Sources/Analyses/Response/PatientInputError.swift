import ClinicalData
import Foundation

/// Patient-level input for response statistics or a swimmer plot that cannot be used as given.
///
/// The description is compiler-style, location first: `responses.csv:14:3: column 'bor' has
/// unknown response 'CRu'; the accepted codes are 'CR', 'PR', 'SD', 'PD', 'NE'`. The column of a
/// location is the 1-based field index.
public struct PatientInputError: Error, Hashable, Sendable, CustomStringConvertible,
  LocalizedError
{
  /// What went wrong.
  public enum Reason: Hashable, Sendable {
    /// A response code other than CR, PR, SD, PD or NE.
    case unknownResponse(column: String, value: String)
    /// A row without a patient identifier.
    case missingIdentifier(column: String)
    /// A required value (time, group) is missing.
    case missingValue(column: String, patient: String)
    /// A patient with a second row where one row per patient is expected.
    case duplicatePatient(patient: String, firstLine: Int, hint: String)
    /// A patient whose rows disagree on a per-patient value such as the group.
    case conflictingValue(column: String, patient: String, value: String, other: String, otherLine: Int)
    /// A time below zero or not finite.
    case invalidTime(column: String, value: String)
    /// A follow-up that ends before it starts.
    case endBeforeStart(patient: String, end: String, start: String)
    /// An event row for a patient who is not in the patients file.
    case unknownPatient(patient: String, patientsFile: String)
    /// A value of a yes/no column that is neither.
    case notABoolean(column: String, value: String)
    /// A responder whose time of death comes before the first CR/PR assessment.
    case deathBeforeResponse(column: String, patient: String, death: String, response: String, responseTime: String)
  }

  public var file: String
  public var line: Int?
  public var column: Int?
  /// The 1-based observation of a data set file, when the problem has one.
  public var row: Int?
  /// The variable of a data set file, when the problem has one.
  public var variable: String?
  public var reason: Reason

  public init(file: String, line: Int? = nil, column: Int? = nil, reason: Reason) {
    self.file = file
    self.line = line
    self.column = column
    self.reason = reason
  }

  init(at location: SourceLocation, _ reason: Reason) {
    self.init(file: location.file, line: location.line, column: location.column, reason: reason)
    self.row = location.row
    self.variable = location.variable
  }

  /// Where the problem is.
  public var location: SourceLocation {
    var location = SourceLocation(file: file, line: line)
    location.column = line == nil ? nil : column
    location.row = row
    location.variable = variable
    return location
  }

  var prefix: String { location.description }

  /// The message, location first: `file:line:col: message`.
  public var description: String {
    switch reason {
    case .unknownResponse(let column, let value):
      let codes = _quotedList(ResponseCategoryCodes.all)
      return "\(prefix): column '\(column)' has unknown response '\(value)'; the accepted codes are \(codes)"
    case .missingIdentifier(let column):
      return "\(prefix): column '\(column)' is empty; every row needs a patient identifier"
    case .missingValue(let column, let patient):
      return "\(prefix): column '\(column)' is empty for patient '\(patient)'"
    case .duplicatePatient(let patient, let firstLine, let hint):
      return "\(prefix): patient '\(patient)' has a second row (the first is on line \(firstLine)); \(hint)"
    case .conflictingValue(let column, let patient, let value, let other, let otherLine):
      return
        "\(prefix): column '\(column)' is '\(value)' for patient '\(patient)' here but '\(other)' on line \(otherLine); it must be the same on every row of a patient"
    case .invalidTime(let column, let value):
      return "\(prefix): column '\(column)' has the time '\(value)'; times must be finite and ≥ 0"
    case .endBeforeStart(let patient, let end, let start):
      return "\(prefix): patient '\(patient)' ends at \(end), before the start at \(start)"
    case .unknownPatient(let patient, let patientsFile):
      return "\(prefix): patient '\(patient)' is not in \(patientsFile)"
    case .deathBeforeResponse(let column, let patient, let death, let response, let responseTime):
      return
        "\(prefix): patient '\(patient)' died at \(death) (column '\(column)'), before the first response (\(response) at \(responseTime)); a response cannot follow death: correct the time of death or the assessments"
    case .notABoolean(let column, let value):
      return
        "\(prefix): column '\(column)' has '\(value)'; expected 1/0, TRUE/FALSE, yes/no or an empty cell"
    }
  }

  public var errorDescription: String? { description }
}

/// The response codes accepted in data files, in order from best to worst.
enum ResponseCategoryCodes {
  static let all = ["CR", "PR", "SD", "PD", "NE"]
}
