import Analyses
import ArgumentParser
import ReportEngine

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

  @OptionGroup(title: "Data") var data: SwimmerDataOptions
  @OptionGroup(title: "Rows") var rows: RowSelectionOptions
  @OptionGroup(title: "Swimmer plot") var figure: SwimmerFigureOptions
  @OptionGroup(title: "Figure") var output: FigureOutputOptions<SwimmerKind>

  func validate() throws {
    if output.out.isEmpty { throw ValidationError("Nothing to do: give '--out <file>' for the figure.") }
    _ = try request()
  }

  func request() throws -> SwimmerRequest {
    try CommandLineOptions.request(
      self, options: SwimmerRequest.options, from: SwimmerKind.request(defaults: FigureOutput(), height: 0))
  }

  func run() throws {
    let run = try runSwimmer(try request())
    for warning in run.figureWarnings { printError("warning: \(warning)") }
  }
}

struct SwimmerDataOptions: ParsableArguments {
  @Option(help: SwimmerRequest.options.help("data")) var data: String?
  @Option(help: SwimmerRequest.options.help("id")) var id: String?
  @Option(help: SwimmerRequest.options.help("end")) var end: String?
  @Option(help: SwimmerRequest.options.help("start")) var start: String?
  @Option(help: SwimmerRequest.options.help("group")) var group: String?
  @Option(help: SwimmerRequest.options.help("group-order")) var groupOrder: String?
  @Option(help: SwimmerRequest.options.help("ongoing")) var ongoing: String?
  @Option(help: SwimmerRequest.options.help("response-start")) var responseStart: String?
  @Option(help: SwimmerRequest.options.help("response-end")) var responseEnd: String?
  @Option(help: SwimmerRequest.options.help("events")) var events: String?
  @Option(help: SwimmerRequest.options.help("event-id")) var eventId: String?
  @Option(help: SwimmerRequest.options.help("event-time")) var eventTime: String?
  @Option(help: SwimmerRequest.options.help("event-type")) var eventType: String?
}

struct SwimmerFigureOptions: ParsableArguments {
  @Option(help: SwimmerRequest.options.help("order")) var order: String?
  @Option(help: SwimmerRequest.options.help("time-unit")) var timeUnit: String?
  @Option(help: SwimmerRequest.options.help("display-unit")) var displayUnit: String?
  @Option(help: SwimmerRequest.options.help("x-max")) var xMax: String?
  @Option(help: SwimmerRequest.options.help("x-title")) var xTitle: String?
  @Option(help: SwimmerRequest.options.help("y-title")) var yTitle: String?
  @Option(help: SwimmerRequest.options.help("legend-title")) var legendTitle: String?
  @Flag(help: SwimmerRequest.options.help("show-ids")) var showIds = false
}

extension SwimmerCommand: DocumentedCommand {
  static var referencePage: String {
    ReferenceDocumentation.commandPage(
      self, SwimmerRequest.options, templateNote: ReferenceDocumentation.swimmerNote, own: [])
  }
}
