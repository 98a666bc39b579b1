import Analyses
import ArgumentParser
import FigureCore
import ReportEngine

/// `survfig cif`: cumulative incidence of competing risks, Gray's test, Fine–Gray model and
/// figure.
struct CumulativeIncidenceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cif",
    abstract:
      "Cumulative incidence of competing risks with number-at-risk table, Gray's test and Fine–Gray model.",
    discussion: """
      Reads a CSV file with one row per patient: a time and a status column whose codes say \
      what ended follow-up — the event of interest (--event-value), a competing event \
      (--competing-value, each code a cause of its own) or a censoring (--censor-value, \
      default 0). A status that is none of them is an error. With --censor (ADaM's CNSR), \
      censoring comes from that column and the status column gives the type of each event. \
      Estimates, variances, Gray's test and the Fine–Gray model are those of R's \
      cmprsk::cuminc, timepoints and crr. Every option is also a key of a template's \
      `type: cif` figure (Documentation/reference/cif.md).

      Examples:
        survfig cif --data pbc.csv --time time --status status --event-value 2 \\
          --competing-value 1 --group trt --times 1826,3652 --out cif.pdf
        survfig cif --data pbc.csv --time time --status status --event-value 2 \\
          --competing-value 1 --fine-gray "age + factor(edema)" --json
      """)

  @OptionGroup(title: "Data") var data: CumulativeIncidenceDataOptions
  @OptionGroup(title: "Rows") var rows: RowSelectionOptions
  @OptionGroup(title: "Statistics") var statistics: CumulativeIncidenceStatisticsOptions
  @OptionGroup(title: "Cumulative incidence figure") var figure: CumulativeIncidenceFigureOptions
  @OptionGroup(title: "Figure") var output: FigureOutputOptions<CumulativeIncidenceKind>

  @Flag(help: "Print the statistics as one JSON object on standard output.")
  var json = false

  func validate() throws {
    if !json && output.out.isEmpty {
      throw ValidationError("Nothing to do: give '--out <file>' for a figure, '--json' for statistics, or both.")
    }
    let request = try request()
    if let path = request.figure.output.tableOutputs.first, request.fineGrayTerms == nil {
      throw ValidationError(
        "'--out \(path)' writes the Fine–Gray table: give the model's terms with '--fine-gray', e.g. --fine-gray \"age + factor(edema)\"."
      )
    }
  }

  func request() throws -> CumulativeIncidenceRequest {
    try CommandLineOptions.request(
      self, options: CumulativeIncidenceRequest.options,
      from: CumulativeIncidenceKind.request(defaults: FigureOutput(), height: 120))
  }

  func run() throws {
    let result = try runCumulativeIncidence(try request())
    for warning in result.warnings + result.figureWarnings { printError("warning: \(warning)") }
    if json { printJSON(result.json) }
  }
}

struct CumulativeIncidenceDataOptions: ParsableArguments {
  @Option(help: CumulativeIncidenceRequest.options.help("data")) var data: String?
  @Option(help: CumulativeIncidenceRequest.options.help("time")) var time: String?
  @Option(help: CumulativeIncidenceRequest.options.help("status")) var status: String?
  @Option(help: CumulativeIncidenceRequest.options.help("censor")) var censor: String?
  @Option(help: CumulativeIncidenceRequest.options.help("event-value")) var eventValue: String?
  @Option(help: CumulativeIncidenceRequest.options.help("competing-value")) var competingValue: [String] = []
  @Option(help: CumulativeIncidenceRequest.options.help("censor-value")) var censorValue: [String] = []
  @Option(help: CumulativeIncidenceRequest.options.help("group")) var group: String?
  @Option(help: CumulativeIncidenceRequest.options.help("group-order")) var groupOrder: String?
  @Option(help: CumulativeIncidenceRequest.options.help("group-labels")) var groupLabels: String?
  @Option(help: CumulativeIncidenceRequest.options.help("strata")) var strata: String?
  @Option(help: CumulativeIncidenceRequest.options.help("cause-labels")) var causeLabels: String?
  @Option(help: CumulativeIncidenceRequest.options.help("time-unit")) var timeUnit: String?
  @Option(help: CumulativeIncidenceRequest.options.help("display-unit")) var displayUnit: String?
}

struct CumulativeIncidenceStatisticsOptions: ParsableArguments {
  @Option(help: CumulativeIncidenceRequest.options.help("conf-type")) var confType: String?
  @Option(help: CumulativeIncidenceRequest.options.help("conf-level")) var confLevel: String?
  @Option(help: CumulativeIncidenceRequest.options.help("times")) var times: String?
  @Option(help: CumulativeIncidenceRequest.options.help("rho")) var rho: String?
  @Option(help: CumulativeIncidenceRequest.options.help("fine-gray")) var fineGray: String?
}

struct CumulativeIncidenceFigureOptions: ParsableArguments {
  @Option(help: CumulativeIncidenceRequest.options.help("x-title")) var xTitle: String?
  @Option(help: CumulativeIncidenceRequest.options.help("y-title")) var yTitle: String?
  @Option(help: CumulativeIncidenceRequest.options.help("curves")) var curves: String?
  @Flag(help: CumulativeIncidenceRequest.options.help("percent")) var percent = false
  @Option(help: CumulativeIncidenceRequest.options.help("x-breaks")) var xBreaks: String?
  @Option(help: CumulativeIncidenceRequest.options.help("x-by")) var xBy: String?
  @Option(help: CumulativeIncidenceRequest.options.help("x-max")) var xMax: String?
  @Flag(help: CumulativeIncidenceRequest.options.help("confidence-bands")) var confidenceBands = false
  @Flag(help: CumulativeIncidenceRequest.options.help("no-censor-marks")) var noCensorMarks = false
  @Flag(help: CumulativeIncidenceRequest.options.help("no-p-value")) var noPValue = false
  @Flag(help: CumulativeIncidenceRequest.options.help("no-rates")) var noRates = false
  @Option(help: CumulativeIncidenceRequest.options.help("risk-table")) var riskTable: String?
  @Option(help: CumulativeIncidenceRequest.options.help("risk-times")) var riskTimes: String?
  @Option(help: CumulativeIncidenceRequest.options.help("legend")) var legend: String?
  @Option(help: CumulativeIncidenceRequest.options.help("legend-title")) var legendTitle: String?
  @Option(help: CumulativeIncidenceRequest.options.help("suppress-below")) var suppressBelow: String?
}

extension CumulativeIncidenceCommand: DocumentedCommand {
  static var referencePage: String {
    ReferenceDocumentation.commandPage(
      self, CumulativeIncidenceRequest.options, templateNote: ReferenceDocumentation.cumulativeIncidenceNote,
      own: ReferenceDocumentation.jsonFlag)
  }
}
