import ClinicalData
import Foundation
import OptionSchema
import SurvivalFigures
import SurvivalStatistics

extension CumulativeIncidenceRequest {
  /// Every option of a cumulative incidence analysis and figure, for `survfig cif` and a
  /// template's `type: cif` figures and `type: fine-gray` tables, with the rules that involve
  /// several.
  public static let options = OptionTable<CumulativeIncidenceRequest>(
    dataDeclarations + statisticsDeclarations + figureDeclarations
      + FigureOutput.declarations(
        \CumulativeIncidenceRequest.figure.output,
        height: "120 (a template: its style's height); the figure grows when its risk table needs room",
        table: "the Fine–Gray table (with --fine-gray)"),
    rules: { request, context throws(OptionError) in try request.checkCombinations(context) })

  /// What a Fine–Gray table takes from a template: the data and statistics keys.
  public static let tableOptions = options.sections([.data, .statistics])

  static let dataDeclarations: [OptionDeclaration<CumulativeIncidenceRequest>] =
    [
      .dataFile(example: "data: pbc") { $0.dataPath = $1 },
      .column(
        "time", "Column with the follow-up time (default for an ADaM time-to-event data set: AVAL).",
        example: "time: time"
      ) { $0.timeColumn = $1 },
      .column(
        "status",
        "Column with the status of each row: the event of interest, a competing event or a censoring (with censor, the type of the event).",
        example: "status: status", isRequired: true
      ) { $0.statusColumn = $1 },
      .column(
        "censor",
        "A censoring column instead of censoring codes in the status column: 0 for an event, 1 or more for a censoring (ADaM's CNSR, the default for an ADaM time-to-event data set); the status column then gives the type of each event.",
        example: "censor: CNSR"
      ) { $0.censorColumn = $1 },
      .text(
        "event-value", section: .data, "Code of the event of interest in the status column (R cmprsk: failcode).",
        valueName: "code", example: "event-value: 2", isRequired: true
      ) { $0.eventValue = $1 },
      .texts(
        "competing-value", section: .data,
        "Code(s) of the competing events in the status column; each is a cause of its own. A code that is neither the event, a competing event nor a censoring is an error.",
        example: "competing-value: 1"
      ) { $0.competingValues = $1 },
      .texts(
        "censor-value", section: .data,
        "Code(s) of censoring in the status column (R cmprsk: cencode; default 0); with censor, the censoring codes of that column.",
        example: "censor-value: [0]"
      ) { $0.censorValues = $1 },
      .column("group", "Column defining the groups to compare.", example: "group: trt") { $0.groupColumn = $1 },
      .texts(
        "group-order", section: .data, "Group codes in the order to show them.", example: "group-order: [2, 1]"
      ) { $0.groupOrder = $1 },
      .labels(
        "group-labels", section: .data, "Display labels for group codes.",
        example: "group-labels: {1: D-penicillamine, 2: Placebo}"
      ) { request, pairs in for (code, label) in pairs { request.groupLabels[code] = label } },
      .column("strata", "Column of strata for a stratified Gray's test.", example: "strata: sex") {
        $0.strataColumn = $1
      },
      .labels(
        "cause-labels", section: .data, "Display labels for the event and competing codes.",
        example: "cause-labels: {1: Transplant, 2: Death}"
      ) { request, pairs in for (code, label) in pairs { request.causeLabels[code] = label } },
    ] + RowSelection.declarations(\CumulativeIncidenceRequest.rowSelection) + [
      .choice(
        "time-unit", TimeUnit.self, section: .data, "Unit of the time column.", example: "time-unit: days"
      ) { $0.figure.dataTimeUnit = $1 },
      .choice(
        "display-unit", TimeUnit.self, section: .data, "Unit to show on the time axis; converts from the time unit.",
        example: "display-unit: years"
      ) { $0.figure.displayTimeUnit = $1 },
    ]

  static let statisticsDeclarations: [OptionDeclaration<CumulativeIncidenceRequest>] = [
    .choice(
      "conf-type", CumulativeIncidenceBand.Transform.self, section: .statistics,
      "Confidence interval transform of the cumulative incidence (log-log as tidycmprsk and ggsurvfit, or plain).",
      defaultValue: .logLog, example: "conf-type: plain"
    ) { $0.confidenceType = $1 },
    .number(
      "conf-level", section: .statistics, "Confidence level of intervals.", in: .openUnit,
      what: "a confidence level", defaultText: "0.95", example: "conf-level: 0.9"
    ) { $0.confidenceLevel = $1 },
    .numbers(
      "times", section: .statistics, "Times for cumulative incidences, in the data's time unit.",
      valueName: "t1,t2,…", example: "times: [1000, 2000]"
    ) { $0.times = $1 },
    .number(
      "rho", section: .statistics, "Weight exponent ρ of Gray's test (0: unit weights, cmprsk's default).",
      in: .any, valueName: "rho", defaultText: "0", example: "rho: 1"
    ) { $0.rho = $1 },
    .text(
      "fine-gray", section: .statistics,
      "Terms of a Fine–Gray model of the event of interest (subdistribution hazard ratios, R cmprsk::crr), as formula terms.",
      valueName: "terms", example: "fine-gray: age + factor(edema)"
    ) { $0.fineGrayTerms = $1 },
  ]

  static let figureDeclarations: [OptionDeclaration<CumulativeIncidenceRequest>] = [
    .text("x-title", section: .figure, "x-axis title.", example: "x-title: Time (days)") { $0.figure.xTitle = $1 },
    .text("y-title", section: .figure, "y-axis title.", example: "y-title: Cumulative incidence of death") {
      $0.figure.yTitle = $1
    },
    .choice(
      "curves", CumulativeIncidenceCurves.self, section: .figure,
      "What to draw: the event of interest per group, every cause per group (line type by cause), or every cause of one group stacked.",
      defaultValue: .event, example: "curves: stacked"
    ) { $0.figure.curves = $1 },
    .flag("percent", section: .figure, "Show the y axis in percent.", example: "percent: true") {
      $0.figure.percent = $1
    },
    .numbers(
      "x-breaks", section: .figure, "x-axis breaks, in the display unit.", example: "x-breaks: [0, 12, 24, 36]"
    ) { $0.figure.xBreaks = $1 },
    .number(
      "x-by", section: .figure, "Distance between x-axis breaks, in the display unit.", in: .greaterThan(0),
      valueName: "step", example: "x-by: 6"
    ) { $0.figure.xBreakEvery = $1 },
    .number(
      "x-max", section: .figure, "Right end of the time axis, in the display unit.", in: .greaterThan(0),
      valueName: "t", example: "x-max: 60"
    ) { $0.figure.xMax = $1 },
    .flag("confidence-bands", section: .figure, "Draw pointwise confidence bands.", example: "confidence-bands: true") {
      $0.figure.showsConfidenceBands = $1
    },
    .flag(
      "censor-marks", commandLine: .negatedFlag("no-censor-marks", help: "Omit the censoring marks."), section: .figure,
      "Mark censored times on the curves.", defaultValue: true, example: "censor-marks: false"
    ) { $0.figure.showsCensorMarks = $1 },
    .flag(
      "p-value", commandLine: .negatedFlag("no-p-value", help: "Omit Gray's test from the figure."),
      section: .figure, "Print Gray's test of the group difference on the figure.", defaultValue: true,
      example: "p-value: false"
    ) { $0.figure.showsPValue = $1 },
    .flag(
      "rates", commandLine: .negatedFlag("no-rates", help: "Omit the incidences at the times from the figure."),
      section: .figure, "Print the cumulative incidences at the times on the figure.", defaultValue: true,
      example: "rates: false"
    ) { $0.figure.showsRates = $1 },
    .choice(
      "risk-table", CumulativeIncidenceRiskTable.self, section: .figure,
      "Table under the plot: the number at risk (free of any event) per group.", defaultValue: .numberAtRisk,
      example: "risk-table: none"
    ) { $0.figure.riskTable = $1 },
    .numbers(
      "risk-times", section: .figure, "Times of the risk-table columns, in the display unit.",
      example: "risk-times: [0, 12, 24]"
    ) { $0.figure.riskTableTimes = $1 },
    .choice(
      "legend", LegendPlacement.self, section: .figure, "Legend position.", defaultValue: .auto,
      example: "legend: top-left"
    ) { $0.figure.legend = $1 },
    .text("legend-title", section: .figure, "Legend title.", example: "legend-title: Stage") {
      $0.figure.legendTitle = $1
    },
    FigureOutput.suppressBelowDeclaration { $0.figure.output.suppressBelow = $1 },
  ]

  /// Options that make no sense together.
  func checkCombinations(_ context: OptionContext) throws(OptionError) {
    if timeColumn.isEmpty && censorColumn != nil {
      throw context.error(
        "censor", "\(context.name("censor")) needs \(context.name("time")), the column of the follow-up time")
    }
    let event = eventValue.map(_trimmed) ?? ""
    if event.isEmpty {
      throw context.error("event-value", "\(context.name("event-value")) needs a code, the event of interest's")
    }
    let competing = competingValues.map(_trimmed)
    if competing.contains(where: { _codesMatch($0, event) }) {
      throw context.error(
        "competing-value",
        "\(context.name("competing-value")) lists '\(event)', the code of the event of interest; a code cannot mean both"
      )
    }
    if censorColumn == nil {
      let censoring = censorValues.map(_trimmed)
      for code in censoring where _codesMatch(code, event) || competing.contains(where: { _codesMatch($0, code) }) {
        let what = _codesMatch(code, event) ? "the event of interest" : "a competing event"
        throw context.error(
          "censor-value",
          "\(context.name("censor-value")) lists '\(code)', which is also \(what); a code cannot mean both")
      }
    }
    if strataColumn != nil && groupColumn == nil {
      throw context.error(
        "strata",
        "\(context.name("strata")) needs \(context.name("group")): the stratified Gray's test compares the groups within each stratum, and without groups there is no test"
      )
    }
    if figure.curves == .stacked {
      if groupColumn != nil {
        throw context.error(
          "curves",
          "\(context.name("curves", value: "stacked")) stacks every cause of one group; leave out \(context.name("group")) and keep the group's rows with \(context.name("where"))"
        )
      }
      if figure.showsConfidenceBands {
        throw context.error(
          "confidence-bands",
          "\(context.name("confidence-bands")) draws intervals around curves; \(context.name("curves", value: "stacked")) draws areas, which have none"
        )
      }
    }
    if let terms = fineGrayTerms {
      do {
        _ = try ModelFormula(parsing: "Surv(time, status) ~ " + terms)
      } catch {
        throw context.error(
          "fine-gray", "\(context.name("fine-gray")) '\(terms)' is not a list of model terms: \(error)")
      }
    }
    try TimeUnit.checkDisplayUnit(figure.displayTimeUnit, of: figure.dataTimeUnit, context)
    let limit = KaplanMeierRequest.maximumAxisBreaks
    for (key, count) in [("x-breaks", figure.xBreaks?.count ?? 0), ("risk-times", figure.riskTableTimes?.count ?? 0)]
    where count > limit {
      throw context.error(key, "\(context.name(key)) gives \(count) times; an axis takes at most \(limit)")
    }
    if let step = figure.xBreakEvery, let end = figure.xMax, end / step > Double(limit) {
      throw context.error(
        "x-by",
        "\(context.name("x-by")) \(NumberRange.text(step)) up to \(NumberRange.text(end)) makes \(KaplanMeierRequest.count(end / step)) axis breaks; an axis takes at most \(limit): use a step of at least \(NumberRange.text(end / Double(limit)))"
      )
    }
  }
}
