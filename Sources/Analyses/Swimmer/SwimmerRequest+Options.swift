import ClinicalData
import OptionSchema
import SurvivalFigures

extension SwimmerRequest {
  /// Every option of a swimmer plot, for `survfig swimmer` and a template's `type: swimmer`.
  public static let options = OptionTable<SwimmerRequest>(
    [
      .dataFile(
        summary:
          "The patients, one row per patient: a CSV file on the command line, a name under 'data' in a template.",
        example: "data: patients"
      ) { $0.dataPath = $1 }
    ] + RowSelection.declarations(\SwimmerRequest.rowSelection) + [
      .column(
        "id-column", commandLine: .named("id"), "Column identifying the patient.", example: "id-column: patient",
        isRequired: true
      ) { $0.idColumn = $1 },
      .column("end", "Column with the end of the bar.", example: "end: end", isRequired: true) { $0.endColumn = $1 },
      .column("start", "Column with the start of the bar (default 0).", example: "start: start") {
        $0.startColumn = $1
      },
      .column("group", "Column with the treatment group.", example: "group: arm") { $0.groupColumn = $1 },
      .texts(
        "group-order", section: .data, "Group values in the order to show them.", valueName: "values",
        example: "group-order: [B, A]"
      ) { $0.groupOrder = $1 },
      .column("ongoing", "Yes/no column: still on treatment or in response (an arrow).", example: "ongoing: ongoing") {
        $0.ongoingColumn = $1
      },
      .column(
        "response-start", "Column with the start of the response (a line above the bar).",
        example: "response-start: response_start"
      ) { $0.responseStartColumn = $1 },
      .column(
        "response-end", "Column with the end of the response (default: the bar's end).",
        example: "response-end: response_end"
      ) { $0.responseEndColumn = $1 },
      .dataFile(
        "events",
        summary: "The events, one row per event: a CSV file on the command line, a name under 'data' in a template.",
        example: "events: events", isRequired: false
      ) { $0.eventsPath = $1 },
      .column("event-id", "Patient column of the events.", example: "event-id: patient") { $0.eventIdColumn = $1 }
        .columns(of: "events"),
      .column("event-time", "Time column of the events.", example: "event-time: month") { $0.eventTimeColumn = $1 }
        .columns(of: "events"),
      .column("event-type", "Event type column of the events.", example: "event-type: event") {
        $0.eventTypeColumn = $1
      }.columns(of: "events"),
      .choice(
        "order", SwimmerOrder.self, section: .figure,
        "Lane order: length (longest first within each group) or given (file order).", defaultValue: .length,
        example: "order: given"
      ) { $0.order = $1 },
      .choice("time-unit", TimeUnit.self, section: .figure, "Unit of the time columns.", example: "time-unit: months") {
        $0.dataTimeUnit = $1
      },
      .choice(
        "display-unit", TimeUnit.self, section: .figure, "Unit to show on the time axis; converts from the time unit.",
        example: "display-unit: years"
      ) { $0.displayTimeUnit = $1 },
      .number(
        "x-max", section: .figure, "Right end of the time axis, in the display unit.", in: .greaterThan(0),
        valueName: "t", example: "x-max: 24"
      ) { $0.xMax = $1 },
      .text("x-title", section: .figure, "x-axis title.", example: "x-title: Months since start") { $0.xTitle = $1 },
      .text("y-title", section: .figure, "y-axis title.", example: "y-title: Patients") { $0.yTitle = $1 },
      .text("legend-title", section: .figure, "Legend title for the groups.", example: "legend-title: Treatment") {
        $0.legendTitle = $1
      },
      .flag(
        "ids", commandLine: .named("show-ids"), section: .figure,
        "Label the lanes with the patients' identifiers (by default with their numbers, so that the figure carries no identifiers).",
        example: "ids: true"
      ) { $0.showsIdentifiers = $1 },
    ] + FigureOutput.declarations(\SwimmerRequest.output, height: "grows with the number of patients"),
    rules: { request, context throws(OptionError) in
      if request.eventsPath != nil {
        let missing = ["event-id", "event-time", "event-type"].filter { !context.isGiven($0) }
        if !missing.isEmpty {
          throw context.error(
            "events", "\(context.name("events")) needs \(ForestRequest.listed(missing.map(context.name)))")
        }
      } else if let key = ["event-id", "event-time", "event-type"].first(where: context.isGiven) {
        throw context.error(key, "\(context.name(key)) names a column of the events; give \(context.name("events"))")
      }
      if request.responseEndColumn != nil && request.responseStartColumn == nil {
        throw context.error("response-end", "\(context.name("response-end")) needs \(context.name("response-start"))")
      }
      try TimeUnit.checkDisplayUnit(request.displayTimeUnit, of: request.dataTimeUnit, context)
    })
}
