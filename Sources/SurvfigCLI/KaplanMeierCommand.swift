import ArgumentParser
import FigureCore
import ReportEngine
import SurvivalFigures
import SurvivalStatistics
import Analyses
import ReportTemplates
import SurvivalSimulation
import ClinicalCSV

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
      time or event are left out and counted.

      Examples:
        survfig km --data lung.csv --time time --event status --group sex --out km.pdf
        survfig km --data lung.csv --time time --event status --group sex --json
      """)

  @OptionGroup(title: "Data") var data: DataOptions
  @OptionGroup(title: "Statistics") var statistics: StatisticsOptions
  @OptionGroup(title: "Figure") var output: FigureOutputOptions
  @OptionGroup(title: "Kaplan–Meier figure") var figure: KaplanMeierFigureOptionsGroup

  @Flag(help: "Print the statistics as one JSON object on standard output.")
  var json = false

  func validate() throws {
    if !json && output.outputs.isEmpty {
      throw ValidationError("Nothing to do: give '--out <file>' for a figure, '--json' for statistics, or both.")
    }
    if data.strata != nil && data.group == nil {
      throw ValidationError(KaplanMeierRequest.strataWithoutGroupMessage(strata: "'--strata'", group: "'--group'"))
    }
    if figure.medianLines && figure.fun == .cumhaz {
      throw ValidationError(KaplanMeierFigureRequest.medianLinesOnCumulativeHazardMessage(option: "'--median-lines'", function: "'--fun cumhaz'"))
    }
  }

  func run() throws {
    var request = KaplanMeierRequest(
      dataPath: data.data, timeColumn: data.time, eventColumn: data.event,
      eventValue: data.eventValue, censorValues: data.censorValues.flatMap(splitList),
      groupColumn: data.group, groupOrder: data.groupOrder.map(splitList),
      groupLabels: try parseLabels(data.groupLabels), strataColumn: data.strata,
      confidenceType: statistics.confType, confidenceLevel: statistics.confLevel,
      times: try parseNumbers(statistics.times, option: "--times"),
      rmstTau: statistics.rmstTau, rho: statistics.rho,
      pairwiseAdjustment: statistics.pairwise, testsTrend: statistics.trend)
    request.estimatesHazardRatios = statistics.hazardRatio || statistics.hrAdjust != nil
    request.hazardRatioAdjustment = statistics.hrAdjust
    request.figure = try figure.request(output: output)
    let result = try runKaplanMeier(request)
    for warning in result.warnings + result.figureWarnings { printError("warning: \(warning)") }
    if json { printJSON(result.json) }
  }
}

struct DataOptions: ParsableArguments {
  @Option(help: ArgumentHelp("CSV file with a header row.", valueName: "file"))
  var data: String
  @Option(help: ArgumentHelp("Column with the follow-up time.", valueName: "column"))
  var time: String
  @Option(help: ArgumentHelp("Column with the event status.", valueName: "column"))
  var event: String
  @Option(help: ArgumentHelp("Code of the event in the event column (e.g. 2, 'Dead').", valueName: "code"))
  var eventValue: String?
  @Option(
    help: ArgumentHelp(
      "Code(s) of censoring in the event column, comma-separated (e.g. CNSR: 1).", valueName: "codes"))
  var censorValue: [String] = []
  var censorValues: [String] { censorValue }
  @Option(help: ArgumentHelp("Column defining the groups to compare.", valueName: "column"))
  var group: String?
  @Option(help: ArgumentHelp("Group codes in the order to show them, comma-separated.", valueName: "codes"))
  var groupOrder: String?
  @Option(help: ArgumentHelp("Display labels for group codes: \"1=Male,2=Female\".", valueName: "map"))
  var groupLabels: String?
  @Option(help: ArgumentHelp("Column of strata for a stratified log-rank test.", valueName: "column"))
  var strata: String?
}

struct StatisticsOptions: ParsableArguments {
  @Option(help: "Confidence interval transform: log (R's default), log-log or plain.")
  var confType: ConfidenceBand.Transform = .log
  @Option(help: "Confidence level of intervals.")
  var confLevel: Double = 0.95
  @Option(help: ArgumentHelp("Times for survival rates, comma-separated (data time unit).", valueName: "t1,t2,…"))
  var times: String?
  @Option(help: ArgumentHelp("Horizon τ for the restricted mean survival time.", valueName: "T"))
  var rmstTau: Double?
  @Option(help: "Fleming–Harrington ρ for the group comparison (0 log-rank, 1 Peto–Peto).")
  var rho: Double = 0
  @Option(
    help: ArgumentHelp(
      "Compare every pair of groups (3 or more), adjusting P values by holm, BH, bonferroni or none.",
      valueName: "method"))
  var pairwise: PValueAdjustment?
  @Flag(help: "Test for a trend over the ordered groups (scores 1, 2, …).")
  var trend = false
  @Flag(help: "Hazard ratios of each group against the first (Cox model), on the figure and in the JSON.")
  var hazardRatio = false
  @Option(help: ArgumentHelp("Covariates to adjust the hazard ratios for, as formula terms.", valueName: "terms"))
  var hrAdjust: String?

  func validate() throws {
    guard confLevel > 0, confLevel < 1 else {
      throw ValidationError("Please give a '--conf-level' between 0 and 1 (e.g. 0.95).")
    }
    guard rho >= 0, rho.isFinite else { throw ValidationError("'--rho' must be 0 or greater.") }
    if let t = rmstTau, !(t > 0) { throw ValidationError("'--rmst-tau' must be greater than 0.") }
  }
}

struct KaplanMeierFigureOptionsGroup: ParsableArguments {
  @Option(help: ArgumentHelp("x-axis title.", valueName: "text")) var xTitle: String?
  @Option(help: ArgumentHelp("y-axis title.", valueName: "text")) var yTitle: String?
  @Option(help: "What to plot: survival, event (1 − S) or cumhaz.") var fun: CurveFunction = .survival
  @Flag(help: "Show the y axis in percent.") var percent = false
  @Option(help: "Unit of the time column (days, weeks, months, years).") var timeUnit: TimeUnit?
  @Option(help: "Unit to show on the time axis; converts from --time-unit.") var displayUnit: TimeUnit?
  @Option(help: ArgumentHelp("x-axis breaks, comma-separated (display unit).", valueName: "list"))
  var xBreaks: String?
  @Option(help: ArgumentHelp("Distance between x-axis breaks (display unit).", valueName: "step"))
  var xBy: Double?
  @Option(help: ArgumentHelp("Right end of the time axis (display unit).", valueName: "t"))
  var xMax: Double?
  @Flag(help: "Draw pointwise confidence bands.") var confidenceBands = false
  @Flag(help: "Omit the censoring marks.") var noCensorMarks = false
  @Flag(help: "Draw dashed lines at the median survival times.") var medianLines = false
  @Flag(help: "Omit the log-rank P value from the figure.") var noPValue = false
  @Flag(help: "Omit the medians from the figure.") var noMedians = false
  @Option(help: "Table under the plot: none, number-at-risk or kmunicate.")
  var riskTable: RiskTableStyle = .numberAtRisk
  @Option(help: ArgumentHelp("Times of the risk-table columns, comma-separated (display unit).", valueName: "list"))
  var riskTimes: String?
  @Option(help: "Legend position: auto, top-right, top-left, bottom-right, bottom-left, top, risk-table, none.")
  var legend: LegendPlacement = .auto
  @Option(help: ArgumentHelp("Legend title.", valueName: "text")) var legendTitle: String?

  func validate() throws {
    if displayUnit != nil && timeUnit == nil {
      throw ValidationError("'--display-unit' needs '--time-unit' to know what to convert from.")
    }
    if let b = xBy, !(b > 0) { throw ValidationError("'--x-by' must be greater than 0.") }
    if let m = xMax, !(m > 0) { throw ValidationError("'--x-max' must be greater than 0.") }
  }

  func request(output: FigureOutputOptions) throws -> KaplanMeierFigureRequest {
    var f = KaplanMeierFigureRequest()
    f.outputs = output.outputs
    f.widthMillimetres = output.width
    f.heightMillimetres = output.height ?? 120
    f.isHeightFixed = output.height != nil
    f.dpi = output.dpi
    f.title = output.title
    f.palette = try output.palette.map(parsePalette)
    f.xTitle = xTitle
    f.yTitle = yTitle
    f.function = fun
    f.percent = percent
    f.dataTimeUnit = timeUnit
    f.displayTimeUnit = displayUnit
    f.xBreaks = try xBreaks.map { try parseNumbers($0, option: "--x-breaks") }
    f.xBreakEvery = xBy
    f.xMax = xMax
    f.showsConfidenceBands = confidenceBands
    f.showsCensorMarks = !noCensorMarks
    f.showsMedianLines = medianLines
    f.showsPValue = !noPValue
    f.showsMedians = !noMedians
    f.riskTable = riskTable
    f.riskTableTimes = try riskTimes.map { try parseNumbers($0, option: "--risk-times") }
    f.legend = legend
    f.legendTitle = legendTitle
    return f
  }
}

extension ConfidenceBand.Transform: ExpressibleByArgument {}
extension PValueAdjustment: ExpressibleByArgument {}
extension CurveFunction: ExpressibleByArgument {}
extension TimeUnit: ExpressibleByArgument {}
extension RiskTableStyle: ExpressibleByArgument {}
extension LegendPlacement: ExpressibleByArgument {}
