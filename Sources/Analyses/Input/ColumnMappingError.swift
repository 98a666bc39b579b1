import ClinicalData
import Foundation

/// A table whose columns cannot be turned into survival data as asked.
///
/// The description is compiler-style, location first: `lung.csv:5:2: column 'time' has a
/// negative time '-3'; times must be ≥ 0`. The column of a location is the 1-based field index.
public struct ColumnMappingError: Error, Hashable, Sendable, CustomStringConvertible,
  LocalizedError
{
  /// What went wrong.
  public enum Reason: Hashable, Sendable {
    /// A time below zero; `moreCount` other rows have one too.
    case negativeTime(column: String, value: String, moreCount: Int)
    /// An infinite or NaN time; `moreCount` other rows have one too.
    case nonFiniteTime(column: String, value: String, moreCount: Int)
    /// An entry time that is not finite or not before the time of its row.
    case entryNotBeforeTime(column: String, value: String, timeColumn: String, time: String, moreCount: Int)
    /// A case weight that is negative or not finite, or 0 in a model (R's coxph needs > 0).
    case invalidWeight(column: String, value: String, moreCount: Int, model: Bool = false)
    /// A text in a column of numbers: `numberCount` cells are numbers, `moreCount` other
    /// cells are texts too; `remedy` says how to ask for categories.
    case mostlyNumeric(column: String, value: String, moreCount: Int, numberCount: Int, remedy: String)
    /// Automatic detection found a value outside 0/1, 1/2 and TRUE/FALSE; `values` are the
    /// column's distinct present values.
    case undetectableEventCoding(column: String, value: String, values: [String])
    /// A value that the given coding neither counts as an event nor as censored.
    case unexpectedEventCode(column: String, value: String, coding: EventCoding, moreCount: Int)
    /// A value that is neither the event code given alone nor its default censoring code
    /// (nil when the event code has none); `suggestedCensoring` is the `--censor-value` list
    /// that would accept every value present.
    case unlistedEventCode(
      column: String, value: String, event: String, defaultCensoring: String?,
      suggestedCensoring: [String], moreCount: Int)
    /// The given event code does not occur; `values` are the column's distinct present values.
    case eventCodeAbsent(column: String, code: String, values: [String])
    /// The event code is also listed as a censoring code.
    case eventCodeAlsoCensoring(String)
    /// Every row has a missing value in one of `columns`.
    case noRowsLeft(rowCount: Int, columns: [String])
    /// A user ordering with no entries; `values` are the column's values.
    case emptyOrder(GroupingRole, column: String, values: [String])
    /// A user ordering that lists a value twice.
    case duplicateOrderEntry(GroupingRole, column: String, entry: String)
    /// A user ordering entry that is not a value of the column.
    case unknownOrderEntry(
      GroupingRole, column: String, entry: String, suggestion: String?, values: [String])
    /// A user ordering entry whose rows are all excluded for missing values.
    case orderEntryWithoutRows(GroupingRole, column: String, entry: String)
    /// Values of the column that the user ordering does not list.
    case valuesMissingFromOrder(GroupingRole, column: String, values: [String], order: [String])
  }

  /// The file name as given by the caller.
  public var file: String
  /// The 1-based line, when the problem has one.
  public var line: Int?
  /// The 1-based field index, when the problem has one.
  public var column: Int?
  /// The 1-based observation of a data set file, when the problem has one.
  public var row: Int?
  /// The variable of a data set file, when the problem has one.
  public var variable: String?
  /// What went wrong.
  public var reason: Reason

  /// An error at an optional line and field of `file`.
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
    case .negativeTime(let name, let value, let moreCount):
      return
        "\(prefix): column '\(name)' has a negative time '\(value)'\(_moreRows(moreCount)); times must be ≥ 0"
    case .nonFiniteTime(let name, let value, let moreCount):
      return
        "\(prefix): column '\(name)' has a non-finite time '\(value)'\(_moreRows(moreCount)); times must be finite numbers"
    case .entryNotBeforeTime(let name, let value, let timeColumn, let time, let moreCount):
      return
        "\(prefix): column '\(name)' has the entry time '\(value)'\(_moreRows(moreCount)), which is not before the time '\(time)' in '\(timeColumn)'; a patient enters follow-up before the event or censoring (R: Surv(entry, time, status) needs entry < time)"
    case .invalidWeight(let name, let value, let moreCount, let model):
      return
        "\(prefix): column '\(name)' has the case weight '\(value)'\(_moreRows(moreCount)); weights must be finite numbers \(model ? "> 0 in a Cox model (R: \"Invalid weights, must be >0\"); leave the row out with a filter" : "≥ 0")"
    case .mostlyNumeric(let name, let value, let moreCount, let numberCount, let remedy):
      return
        "\(prefix): column '\(name)' has numbers in \(numberCount) cells but '\(value)' is not a number\(_moreRows(moreCount)); correct the value, leave the cell empty (or NA) if it is missing, or, \(remedy)"
    case .undetectableEventCoding(let name, let value, let values):
      return
        "\(prefix): column '\(name)' has event code '\(value)', but automatic detection accepts only 0/1 (1 = event), 1/2 (2 = event) or TRUE/FALSE; the column has \(_quotedList(values)). Give the event code with '--event-value' and any censoring codes with '--censor-value'"
    case .unexpectedEventCode(let name, let value, let coding, let moreCount):
      let accepted = Self.acceptedCodes(coding)
      let hint: String
      if case .values = coding {
        hint = "List it with '--censor-value' if it marks censoring"
      } else {
        hint =
          "Give the event code with '--event-value' and any censoring codes with '--censor-value'"
      }
      return
        "\(prefix): column '\(name)' has event code '\(value)'\(_moreRows(moreCount)); the accepted codes are \(accepted). \(hint)"
    case .unlistedEventCode(let name, let value, let event, let censoring, let suggested, let moreCount):
      let known =
        censoring.map { "neither the event code '\(event)' nor the default censoring code '\($0)'" }
        ?? "not the event code '\(event)'"
      return
        "\(prefix): column '\(name)' has event code '\(value)'\(_moreRows(moreCount)), which is \(known); if it marks censoring, list every censoring code with '--censor-value \(suggested.joined(separator: ","))'"
    case .eventCodeAbsent(let name, let code, let values):
      return
        "\(prefix): the event code '\(code)' does not occur in column '\(name)'; its values are \(_quotedList(values))"
    case .eventCodeAlsoCensoring(let code):
      return "the event code '\(code)' is also listed as a censoring code; a code cannot mean both"
    case .noRowsLeft(let rowCount, let columns):
      let all = rowCount == 1 ? "the only row has" : "all \(rowCount) rows have"
      return
        "\(prefix): no rows left for analysis: \(all) a missing value in \(_quotedAlternatives(columns))"
    case .emptyOrder(let role, let name, let values):
      return
        "the \(role.orderName) for column '\(name)' is empty; list the \(role.pluralNoun) in the order wanted, from \(_quotedList(values))"
    case .duplicateOrderEntry(let role, let name, let entry):
      return "the \(role.orderName) for column '\(name)' lists '\(entry)' twice"
    case .unknownOrderEntry(let role, let name, let entry, let suggestion, let values):
      let guess = suggestion.map { " Did you mean '\($0)'?" } ?? ""
      return
        "unknown \(role.noun) '\(entry)' in the \(role.orderName) for column '\(name)' of \(file).\(guess) \(role.pluralNoun.capitalized) in the data: \(_quotedList(values))"
    case .orderEntryWithoutRows(let role, let name, let entry):
      return
        "\(prefix): \(role.noun) '\(entry)' of the \(role.orderName) for column '\(name)' occurs only in rows excluded for missing values"
    case .valuesMissingFromOrder(let role, let name, let values, let order):
      let these =
        values.count == 1
        ? "\(role.noun) '\(values[0])', which is"
        : "\(role.pluralNoun) \(_quotedList(values)), which are"
      return
        "\(prefix): column '\(name)' has \(these) not in the \(role.orderName) \(_quotedList(order)). Add \(values.count == 1 ? "it" : "them") to the order"
    }
  }

  /// The same text as ``description``, for `LocalizedError` consumers.
  public var errorDescription: String? { description }

  /// The codes a coding accepts, for messages: `'0' (event) and '1', '2' (censored)`.
  static func acceptedCodes(_ coding: EventCoding) -> String {
    switch coding {
    case .zeroOne: "'0' (censored) and '1' (event)"
    case .oneTwo: "'1' (censored) and '2' (event)"
    case .logical: "TRUE (event) and FALSE (censored)"
    case .values(let event, let censored):
      [
        event.map { "'\($0)' (event)" },
        censored.isEmpty ? nil : "\(_quotedList(censored)) (censored)",
      ]
      .compactMap { $0 }.joined(separator: " and ")
    case .automatic: "0/1, 1/2 or TRUE/FALSE"
    case .censorIndicator: "'0' (event) and whole numbers of 1 or more (censored)"
    }
  }
}
