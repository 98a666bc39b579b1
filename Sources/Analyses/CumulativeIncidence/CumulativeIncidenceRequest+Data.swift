import ClinicalData
import OptionSchema
import SurvivalStatistics

extension CumulativeIncidenceRequest {
  /// The request with what the data say filled in where the request is silent: for a CDISC
  /// ADaM time-to-event data set the time `AVAL` and the censoring indicator `CNSR` (0 = event),
  /// the time unit of `AVALU` and the time axis titled by `PARAM`; and the groups of a
  /// treatment variable in the order of its numeric twin (`TRTP` by `TRTPN`).
  /// - Throws: ``CompetingRisksColumnError`` when no time column is given and the data are not
  ///   an ADaM time-to-event data set.
  public func resolved(for table: DataTable) throws -> CumulativeIncidenceRequest {
    var request = self
    if request.timeColumn.isEmpty && request.censorColumn == nil {
      guard ADaM.isTimeToEvent(table) else {
        throw CompetingRisksColumnError(
          file: table.file,
          message:
            "give the time column (--time on the command line, time: in a template); the data have no AVAL and CNSR columns of an ADaM time-to-event data set. Columns: \(Self.columnList(table.columnNames))"
        )
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

  /// The codes of the event of interest and of the competing events, trimmed; the event first.
  var causeCodes: [String] {
    [_trimmed(eventValue ?? "")] + competingValues.map(_trimmed).filter { !$0.isEmpty }
  }

  /// The censoring codes of the status column: those given, else `0` (cmprsk's `cencode`).
  var statusCensoringCodes: [String] {
    let given = censorValues.map(_trimmed).filter { !$0.isEmpty }
    return given.isEmpty ? ["0"] : given
  }

  /// The label of a cause code: its display label, else the code.
  func causeLabel(_ code: String) -> String {
    Factor.displayLabel(code, in: causeLabels) ?? code
  }

  static func columnList(_ columns: [String]) -> String {
    columns.prefix(20).joined(separator: ", ") + (columns.count > 20 ? ", …" : "")
  }
}
