import ClinicalData
import OptionSchema

extension KaplanMeierRequest {
  /// The request with what the data say filled in where the request is silent: for a CDISC
  /// ADaM time-to-event data set the time `AVAL` and the censoring indicator `CNSR` (0 = event),
  /// the time unit of `AVALU` and the time axis titled by `PARAM`; and the groups of a
  /// treatment variable in the order of its numeric twin (`TRTP` by `TRTPN`).
  /// - Throws: ``KaplanMeierDataError`` when no time column is given and the data are not an
  ///   ADaM time-to-event data set.
  public func resolved(for table: DataTable) throws -> KaplanMeierRequest {
    var request = self
    if request.timeColumn.isEmpty && request.eventColumn.isEmpty && request.censorColumn == nil {
      guard ADaM.isTimeToEvent(table) else {
        throw KaplanMeierDataError.noSurvivalColumns(file: table.file, columns: table.columnNames)
      }
      request.timeColumn = ADaM.time
      request.censorColumn = ADaM.censor
    }
    if request.timeColumn == ADaM.time {
      if request.figure.dataTimeUnit == nil { request.figure.dataTimeUnit = ADaM.timeUnit(in: table) }
      if request.figure.xTitle == nil, let parameter = ADaM.parameterDescription(in: table) {
        let unit = request.figure.displayTimeUnit ?? request.figure.dataTimeUnit
        request.figure.xTitle = parameter + (unit.map { " (\($0.rawValue))" } ?? "")
      }
    }
    return request
  }

  /// How the event column's values read as events and censorings.
  var eventCoding: EventCoding {
    if censorColumn != nil {
      return censorValues.isEmpty ? .censorIndicator : .values(event: nil, censored: censorValues)
    }
    return EventCoding(eventValue: eventValue, censorValues: censorValues)
  }

  /// The column that says which times are events: the event or the censoring column.
  var statusColumn: String { censorColumn ?? eventColumn }
}

/// Data a Kaplan–Meier analysis cannot read.
public enum KaplanMeierDataError: Error, CustomStringConvertible, Sendable {
  /// No time and event columns given, and the data are not an ADaM time-to-event data set.
  case noSurvivalColumns(file: String, columns: [String])
  /// An axis step that makes more breaks than an axis takes, up to the last time observed.
  case tooManyBreaks(step: Double, end: Double, count: Double)
  /// No patient is still under observation at the landmark.
  case nothingAtLandmark(file: String, landmark: Double, lastTime: Double)

  public var description: String {
    switch self {
    case .noSurvivalColumns(let file, let columns):
      let shown = columns.prefix(20).joined(separator: ", ") + (columns.count > 20 ? ", …" : "")
      return
        "\(file): give the time and event columns (--time and --event on the command line, time: and event: in a template); the data have no AVAL and CNSR columns of an ADaM time-to-event data set. Columns: \(shown)"
    case .nothingAtLandmark(let file, let landmark, let lastTime):
      return
        "\(file): no patient is still under observation at the landmark \(NumberRange.text(landmark)); the last time is \(NumberRange.text(lastTime)). Choose an earlier landmark"
    case .tooManyBreaks(let step, let end, let count):
      let limit = KaplanMeierRequest.maximumAxisBreaks
      return
        "an x-axis step of \(NumberRange.text(step)) up to the last time, \(NumberRange.text(end)), makes \(KaplanMeierRequest.count(count)) breaks; an axis takes at most \(limit): use a step of at least \(NumberRange.text(end / Double(limit)))"
    }
  }
}
