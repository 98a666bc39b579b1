import Analyses
import ArgumentParser
import FigureCore
import ReportEngine

/// `survfig km`: Kaplan–Meier estimates, log-rank test and figure.
struct KaplanMeierCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "km",
    abstract: "Kaplan–Meier curves with number-at-risk table, log-rank test and summary statistics.",
    discussion: """
      Reads a CSV file with one row per patient. Event coding follows R's Surv(): 0/1 \
      (1 = event), 1/2 (2 = event) or TRUE/FALSE, unless --event-value or --censor-value says \
      otherwise; --event-value alone takes its complement in those codings as the censoring code \
      (0 for 1, 1 for 2, FALSE for TRUE), and any other code is an error. Rows with a missing \
      time or event are left out and counted. Every option is also a key of a template's \
      `type: km` figure (Documentation/reference/km.md).

      Examples:
        survfig km --data lung.csv --time time --event status --group sex --out km.pdf
        survfig km --data lung.csv --time time --event status --group sex --json
      """)

  @OptionGroup(title: "Data") var data: KaplanMeierDataOptions
  @OptionGroup(title: "Rows") var rows: RowSelectionOptions
  @OptionGroup(title: "Statistics") var statistics: KaplanMeierStatisticsOptions
  @OptionGroup(title: "Kaplan–Meier figure") var figure: KaplanMeierFigureOptions
  @OptionGroup(title: "Figure") var output: FigureOutputOptions<KaplanMeierKind>

  @Flag(help: "Print the statistics as one JSON object on standard output.")
  var json = false

  func validate() throws {
    if !json && output.out.isEmpty {
      throw ValidationError("Nothing to do: give '--out <file>' for a figure, '--json' for statistics, or both.")
    }
    _ = try request()
  }

  func request() throws -> KaplanMeierRequest {
    try CommandLineOptions.request(
      self, options: KaplanMeierRequest.options, from: KaplanMeierKind.request(defaults: FigureOutput(), height: 120))
  }

  func run() throws {
    let result = try runKaplanMeier(try request(), scope: json ? .all : .figure)
    for warning in result.warnings + result.figureWarnings { printError("warning: \(warning)") }
    if json { printJSON(result.json) }
  }
}

struct KaplanMeierDataOptions: ParsableArguments {
  @Option(help: KaplanMeierRequest.options.help("data")) var data: String?
  @Option(help: KaplanMeierRequest.options.help("time")) var time: String?
  @Option(help: KaplanMeierRequest.options.help("event")) var event: String?
  @Option(help: KaplanMeierRequest.options.help("censor")) var censor: String?
  @Option(help: KaplanMeierRequest.options.help("event-value")) var eventValue: String?
  @Option(help: KaplanMeierRequest.options.help("censor-value")) var censorValue: [String] = []
  @Option(help: KaplanMeierRequest.options.help("group")) var group: String?
  @Option(help: KaplanMeierRequest.options.help("group-order")) var groupOrder: String?
  @Option(help: KaplanMeierRequest.options.help("group-labels")) var groupLabels: String?
  @Option(help: KaplanMeierRequest.options.help("strata")) var strata: String?
  @Option(help: KaplanMeierRequest.options.help("entry")) var entry: String?
  @Option(help: KaplanMeierRequest.options.help("weights")) var weights: String?
  @Option(help: KaplanMeierRequest.options.help("time-unit")) var timeUnit: String?
  @Option(help: KaplanMeierRequest.options.help("display-unit")) var displayUnit: String?
}

struct KaplanMeierStatisticsOptions: ParsableArguments {
  @Option(help: KaplanMeierRequest.options.help("conf-type")) var confType: String?
  @Option(help: KaplanMeierRequest.options.help("conf-level")) var confLevel: String?
  @Option(help: KaplanMeierRequest.options.help("times")) var times: String?
  @Option(help: KaplanMeierRequest.options.help("rmst-tau")) var rmstTau: String?
  @Option(help: KaplanMeierRequest.options.help("landmark")) var landmark: String?
  @Option(help: KaplanMeierRequest.options.help("rho")) var rho: String?
  @Option(help: KaplanMeierRequest.options.help("pairwise")) var pairwise: String?
  @Flag(help: KaplanMeierRequest.options.help("trend")) var trend = false
  @Flag(help: KaplanMeierRequest.options.help("hazard-ratio")) var hazardRatio = false
  @Option(help: KaplanMeierRequest.options.help("adjust-curves")) var adjustCurves: String?
  @Option(help: KaplanMeierRequest.options.help("hr-adjust")) var hrAdjust: String?
}

struct KaplanMeierFigureOptions: ParsableArguments {
  @Option(help: KaplanMeierRequest.options.help("x-title")) var xTitle: String?
  @Option(help: KaplanMeierRequest.options.help("y-title")) var yTitle: String?
  @Option(help: KaplanMeierRequest.options.help("fun")) var fun: String?
  @Flag(help: KaplanMeierRequest.options.help("percent")) var percent = false
  @Option(help: KaplanMeierRequest.options.help("x-breaks")) var xBreaks: String?
  @Option(help: KaplanMeierRequest.options.help("x-by")) var xBy: String?
  @Option(help: KaplanMeierRequest.options.help("x-max")) var xMax: String?
  @Flag(help: KaplanMeierRequest.options.help("confidence-bands")) var confidenceBands = false
  @Flag(help: KaplanMeierRequest.options.help("no-censor-marks")) var noCensorMarks = false
  @Flag(help: KaplanMeierRequest.options.help("median-lines")) var medianLines = false
  @Flag(help: KaplanMeierRequest.options.help("no-p-value")) var noPValue = false
  @Flag(help: KaplanMeierRequest.options.help("no-medians")) var noMedians = false
  @Option(help: KaplanMeierRequest.options.help("risk-table")) var riskTable: String?
  @Option(help: KaplanMeierRequest.options.help("risk-times")) var riskTimes: String?
  @Option(help: KaplanMeierRequest.options.help("legend")) var legend: String?
  @Option(help: KaplanMeierRequest.options.help("legend-title")) var legendTitle: String?
  @Option(help: KaplanMeierRequest.options.help("suppress-below")) var suppressBelow: String?
}

extension KaplanMeierCommand: DocumentedCommand {
  static var referencePage: String {
    ReferenceDocumentation.commandPage(
      self, KaplanMeierRequest.options, templateNote: ReferenceDocumentation.kaplanMeierNote,
      own: ReferenceDocumentation.jsonFlag)
  }
}
