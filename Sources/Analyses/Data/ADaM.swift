import ClinicalData
import OptionSchema
import SurvivalStatistics

/// The conventions of CDISC ADaM data sets, in one place, so that none of them can invert a
/// result: a time-to-event data set (BDS) has the time in `AVAL` and `CNSR` = 0 for an event,
/// 1 or more for a censoring — the reverse of R's `Surv()` status; `PARAMCD` names the
/// parameter of each row; `PARAM` describes it and `AVALU` gives the unit of `AVAL`; a
/// treatment variable (`TRTP`, `TRT01P`, `TRTA`) has a numeric twin (`TRTPN`, `TRT01PN`,
/// `TRTAN`) that orders its levels; population flags are `"Y"`/`"N"`.
public enum ADaM {
  /// The analysis value of a BDS data set: the time of a time-to-event parameter.
  public static let time = "AVAL"
  /// The censoring indicator: 0 for an event, 1 or more for a censoring (each a reason).
  public static let censor = "CNSR"
  /// The parameter's description.
  public static let parameterName = "PARAM"
  /// The unit of `AVAL`.
  public static let unit = "AVALU"
  /// The character analysis value (`AVALC`): the response code of a BOR record.
  public static let textValue = "AVALC"
  /// The unique subject identifier.
  public static let subject = "USUBJID"

  /// Whether `table` is a time-to-event data set: it has `AVAL` and `CNSR`.
  public static func isTimeToEvent(_ table: DataTable) -> Bool {
    table.index(ofColumn: time) != nil && table.index(ofColumn: censor) != nil
  }

  /// Whether `table` is a BDS data set with character values (`PARAMCD` and `AVALC`).
  public static func hasTextValues(_ table: DataTable) -> Bool {
    table.index(ofColumn: RowSelection.parameterColumn) != nil && table.index(ofColumn: textValue) != nil
  }

  /// The one value of column `name` in `table`, nil when the column is absent, empty or holds
  /// several values.
  static func single(_ name: String, in table: DataTable) -> String? {
    guard let column = try? table.column(named: name) else { return nil }
    let values = column.distinctValues().values.map { $0.trimmingCharacters(in: .whitespaces) }
    return Set(values).count == 1 ? values.first : nil
  }

  /// The time unit of `AVALU` (`DAYS`, `WEEKS`, `MONTHS`, `YEARS`, singular or plural, any
  /// letter case) when it is one for every row.
  public static func timeUnit(in table: DataTable) -> TimeUnit? {
    guard var text = single(unit, in: table)?.lowercased(), !text.isEmpty else { return nil }
    if !text.hasSuffix("s") { text += "s" }
    return TimeUnit(rawValue: text)
  }

  /// The parameter's description (`PARAM`) when it is one for every row.
  public static func parameterDescription(in table: DataTable) -> String? {
    single(parameterName, in: table).flatMap { $0.isEmpty ? nil : $0 }
  }

  /// The levels of `column` in the order of its numeric twin (`TRTP` by `TRTPN`): nil when the
  /// table has no such numeric column, or when a level has more than one number or two levels
  /// share one.
  public static func twinOrder(of column: String, in table: DataTable) -> [String]? {
    guard let values = try? table.column(named: column), let twin = try? table.column(named: column + "N"),
      let numbers = try? twin.numericValues()
    else { return nil }
    var numberOf: [String: Double] = [:]
    for row in 0..<table.rowCount {
      guard let value = values.text(atRow: row)?.trimmingCharacters(in: .whitespaces), let number = numbers[row]
      else { continue }
      if let known = numberOf[value], known != number { return nil }
      numberOf[value] = number
    }
    guard Set(numberOf.values).count == numberOf.count, !numberOf.isEmpty else { return nil }
    return numberOf.keys.sorted { numberOf[$0]! < numberOf[$1]! }
  }

  /// Refuses an event column that is ADaM's censoring indicator read as an event: `--event CNSR`
  /// without codes would count every censoring as an event and every event as a censoring.
  static func checkEventColumn(
    _ event: String?, eventValue: String?, censorValues: [String], _ context: OptionContext,
    takesCensorColumn: Bool = true
  ) throws(OptionError) {
    guard let event, event.uppercased() == censor, eventValue == nil, censorValues.isEmpty else { return }
    let remedy =
      takesCensorColumn
      ? "Write \(context.name("censor", value: event)) instead, or give the codes: \(context.name("event-value", value: "0"))"
      : "Give the codes: \(context.name("event-value", value: "0"))"
    throw context.error(
      "event",
      "\(context.name("event", value: event)) would count ADaM's censorings as events: \(event) is 0 for an event and 1 or more for a censoring. \(remedy)"
    )
  }

  /// The time, event and censoring options together: a time and either an event or a censoring
  /// column, or none of them for an ADaM time-to-event data set (`AVAL`, `CNSR`); never an
  /// ADaM censoring indicator read as an event.
  static func checkSurvivalColumns(
    time: String, event: String, censor: String?, eventValue: String?, censorValues: [String],
    _ context: OptionContext
  ) throws(OptionError) {
    if !event.isEmpty && censor != nil {
      throw context.error(
        "censor",
        "give either \(context.name("event")) (the events' column) or \(context.name("censor")) (the censorings' column), not both"
      )
    }
    if time.isEmpty && (!event.isEmpty || censor != nil) {
      let key = event.isEmpty ? "censor" : "event"
      throw context.error(
        key, "\(context.name(key)) needs \(context.name("time")), the column of the follow-up time")
    }
    if !time.isEmpty && event.isEmpty && censor == nil {
      throw context.error(
        "time",
        "\(context.name("time")) needs \(context.name("event")) or \(context.name("censor")): the column that says which times are events"
      )
    }
    if censor != nil, let eventValue, context.isGiven("event-value") {
      throw context.error(
        "event-value",
        "\(context.name("event-value")) '\(eventValue)' codes the events of \(context.name("event")); with \(context.name("censor")), give the censoring codes with \(context.name("censor-value"))"
      )
    }
    try checkEventColumn(event.isEmpty ? nil : event, eventValue: eventValue, censorValues: censorValues, context)
  }

  /// Refuses a model formula whose `Surv()` event is ADaM's censoring indicator read as an event
  /// (`Surv(AVAL, CNSR)`).
  static func checkFormulaEvent(
    _ formula: String?, eventValue: String?, censorValues: [String], _ context: OptionContext
  ) throws(OptionError) {
    guard let formula, eventValue == nil, censorValues.isEmpty, let parsed = try? ModelFormula(parsing: formula),
      case .name(let event) = parsed.event.kind, event.uppercased() == censor
    else { return }
    throw context.error(
      "model",
      "the model's event \(event) would count ADaM's censorings as events: \(event) is 0 for an event and 1 or more for a censoring. Write Surv(\(time), \(event) == 0), or give the codes: \(context.name("event-value", value: "0"))"
    )
  }
}
