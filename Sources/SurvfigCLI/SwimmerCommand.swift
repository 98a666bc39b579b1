import ArgumentParser
import ReportEngine
import SurvivalFigures
import Analyses
import ReportTemplates
import SurvivalSimulation
import ClinicalCSV

/// `survfig swimmer`: one bar per patient with response and event markers.
struct SwimmerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "swimmer",
    abstract: "Swimmer plot: one bar per patient, patterned by group, with event markers.",
    discussion: """
      Reads a patients file with one row per patient (start and end of treatment or follow-up) \
      and, optionally, an events file with one row per event (patient, time, type). Bars are \
      sorted by length within each group and filled with a colour and a pattern per group, so \
      the figure also reads in grayscale. Event types CR, PR, SD, PD and Death get their \
      conventional markers; other types get further shapes. Markers are black over a white \
      halo, legible on every bar fill; markers at the same time are set side by side.

      Example:
        survfig swimmer --data swimmer-patients.csv --id patient --end end --group group \\
          --ongoing ongoing --events swimmer-events.csv --event-id patient \\
          --event-time month --event-type event --time-unit months --out swimmer.pdf
      """)

  @Option(help: ArgumentHelp("Patients CSV file, one row per patient.", valueName: "file"))
  var data: String
  @Option(help: ArgumentHelp("Column identifying the patient.", valueName: "column")) var id: String
  @Option(help: ArgumentHelp("Column with the end of the bar.", valueName: "column")) var end: String
  @Option(help: ArgumentHelp("Column with the start of the bar (default 0).", valueName: "column"))
  var start: String?
  @Option(help: ArgumentHelp("Column with the treatment group.", valueName: "column")) var group: String?
  @Option(help: ArgumentHelp("Group values in the order to show them, comma-separated.", valueName: "values"))
  var groupOrder: String?
  @Option(help: ArgumentHelp("Yes/no column: still on treatment or in response (an arrow).", valueName: "column"))
  var ongoing: String?
  @Option(help: ArgumentHelp("Column with the start of the response (a line above the bar).", valueName: "column"))
  var responseStart: String?
  @Option(help: ArgumentHelp("Column with the end of the response (default: the bar's end).", valueName: "column"))
  var responseEnd: String?
  @Option(help: ArgumentHelp("Events CSV file, one row per event.", valueName: "file")) var events: String?
  @Option(help: ArgumentHelp("Patient column of the events file.", valueName: "column")) var eventId: String?
  @Option(help: ArgumentHelp("Time column of the events file.", valueName: "column")) var eventTime: String?
  @Option(help: ArgumentHelp("Event type column of the events file.", valueName: "column")) var eventType: String?
  @Option(help: "Lane order: length (longest first within each group) or given (file order).")
  var order: SwimmerOrder = .length
  @Option(help: "Unit of the time columns (days, weeks, months, years).") var timeUnit: TimeUnit?
  @Option(help: "Unit to show on the time axis; converts from --time-unit.") var displayUnit: TimeUnit?
  @Option(help: ArgumentHelp("Right end of the time axis (display unit).", valueName: "t")) var xMax: Double?
  @Option(help: ArgumentHelp("x-axis title.", valueName: "text")) var xTitle: String?
  @Option(help: ArgumentHelp("y-axis title.", valueName: "text")) var yTitle: String?
  @Option(help: ArgumentHelp("Legend title for the groups.", valueName: "text")) var legendTitle: String?
  @Flag(help: "Do not print patient identifiers.") var noIds = false

  @Option(
    name: .customLong("out"),
    help: ArgumentHelp("Figure file to write (pdf, svg, png, eps). Repeat for several formats.", valueName: "file"))
  var outputs: [String] = []
  @Option(help: ArgumentHelp("Figure width in millimetres.", valueName: "mm")) var width: Double = 170
  @Option(help: ArgumentHelp("Figure height in millimetres (default: grows with the patients).", valueName: "mm"))
  var height: Double?
  @Option(help: "Resolution of PNG output in dots per inch.") var dpi: Double = 300
  @Option(help: ArgumentHelp("Figure title.", valueName: "text")) var title: String?
  @Option(help: ArgumentHelp("Colours: 'okabe-ito' (default), 'grayscale', or #RRGGBB,…", valueName: "palette"))
  var palette: String?

  func validate() throws {
    if outputs.isEmpty { throw ValidationError("Nothing to do: give '--out <file>' for the figure.") }
    guard width >= 30, width <= 1000, (height ?? 100) >= 30, (height ?? 100) <= 1000 else {
      throw ValidationError("Figure sizes must be between 30 and 1000 mm.")
    }
    guard dpi >= 36, dpi <= 2400 else { throw ValidationError("Please give a '--dpi' between 36 and 2400.") }
    if let m = xMax, !(m > 0) { throw ValidationError("'--x-max' must be greater than 0.") }
    if events != nil && (eventId == nil || eventTime == nil || eventType == nil) {
      throw ValidationError("'--events' needs '--event-id', '--event-time' and '--event-type'.")
    }
    if displayUnit != nil && timeUnit == nil {
      throw ValidationError("'--display-unit' needs '--time-unit' to know what to convert from.")
    }
    if responseEnd != nil && responseStart == nil {
      throw ValidationError("'--response-end' needs '--response-start'.")
    }
  }

  func run() throws {
    var request = SwimmerRequest(
      dataPath: data, idColumn: id, endColumn: end, startColumn: start, groupColumn: group,
      groupOrder: groupOrder.map(splitList), ongoingColumn: ongoing,
      responseStartColumn: responseStart, responseEndColumn: responseEnd, eventsPath: events,
      eventIdColumn: eventId ?? "", eventTimeColumn: eventTime ?? "", eventTypeColumn: eventType ?? "",
      order: order, dataTimeUnit: timeUnit, displayTimeUnit: displayUnit)
    request.outputs = outputs
    request.widthMillimetres = width
    request.heightMillimetres = height
    request.dpi = dpi
    request.title = title
    request.xTitle = xTitle
    request.yTitle = yTitle
    request.xMax = xMax
    request.showsIdentifiers = !noIds
    request.palette = try palette.map(parsePalette)
    request.legendTitle = legendTitle
    try runSwimmer(request)
  }
}

extension SwimmerOrder: ExpressibleByArgument {}
