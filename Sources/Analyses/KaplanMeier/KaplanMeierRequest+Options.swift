import ClinicalData
import Foundation
import OptionSchema
import SurvivalFigures
import SurvivalStatistics

extension KaplanMeierRequest {
  /// Every option of a Kaplan–Meier analysis and figure, for `survfig km` and a template's
  /// `type: km` figures and `type: survival` tables, with the rules that involve several.
  public static let options = OptionTable<KaplanMeierRequest>(
    dataDeclarations + statisticsDeclarations + figureDeclarations
      + FigureOutput.declarations(
        \KaplanMeierRequest.figure.output,
        height: "120 (a template: its style's height); the figure grows when its risk table needs room",
        table: "the survival table (patients, events, median and survival at --times per group)"),
    rules: { request, context throws(OptionError) in try request.checkCombinations(context) })

  /// The data a survival table takes from a template: the data and statistics keys.
  public static let tableOptions = options.sections([.data, .statistics])

  static let dataDeclarations: [OptionDeclaration<KaplanMeierRequest>] =
    [
      .dataFile(example: "data: lung") { $0.dataPath = $1 },
      .column(
        "time", "Column with the follow-up time (default for an ADaM time-to-event data set: AVAL).",
        example: "time: time"
      ) { $0.timeColumn = $1 },
      .column(
        "event", "Column with the event status, in R's Surv() codes unless event-value or censor-value say otherwise.",
        example: "event: status"
      ) { $0.eventColumn = $1 },
      .column(
        "censor",
        "Instead of an event column, a censoring column: 0 for an event, 1 or more for a censoring (ADaM's CNSR, the default for an ADaM time-to-event data set); with censor-value, those codes are censorings and every other value an event.",
        example: "censor: CNSR"
      ) { $0.censorColumn = $1 },
      .text(
        "event-value", section: .data, "Code of the event in the event column (e.g. 2, 'Dead').", valueName: "code",
        example: "event-value: 2"
      ) { $0.eventValue = $1 },
      .texts(
        "censor-value", section: .data, "Code(s) of censoring in the event column (e.g. CNSR: 1).",
        example: "censor-value: [1, 2]"
      ) { $0.censorValues = $1 },
      .column("group", "Column defining the groups to compare.", example: "group: sex") { $0.groupColumn = $1 },
      .texts(
        "group-order", section: .data, "Group codes in the order to show them.", example: "group-order: [2, 1]"
      ) { $0.groupOrder = $1 },
      .labels(
        "group-labels", section: .data, "Display labels for group codes.", example: "group-labels: {1: Male, 2: Female}"
      ) { request, pairs in for (code, label) in pairs { request.groupLabels[code] = label } },
      .column("strata", "Column of strata for a stratified log-rank test.", example: "strata: inst") {
        $0.strataColumn = $1
      },
      .column(
        "entry",
        "Column of entry times (delayed entry, left truncation): a patient is at risk only from entry to time, and the number at risk counts only those who have entered (R: Surv(entry, time, status)).",
        example: "entry: entry_months"
      ) { $0.entryColumn = $1 },
      .column(
        "weights",
        "Column of case weights, finite and ≥ 0 (R: survfit(..., weights = w)): weighted curves, groups compared by the weighted Cox score test; the risk table counts patients, unweighted.",
        example: "weights: iptw"
      ) { $0.weightsColumn = $1 },
    ] + RowSelection.declarations(\KaplanMeierRequest.rowSelection) + [
      .choice(
        "time-unit", TimeUnit.self, section: .data, "Unit of the time column.", example: "time-unit: days"
      ) { $0.figure.dataTimeUnit = $1 },
      .choice(
        "display-unit", TimeUnit.self, section: .data, "Unit to show on the time axis; converts from the time unit.",
        example: "display-unit: months"
      ) { $0.figure.displayTimeUnit = $1 },
    ]

  static let statisticsDeclarations: [OptionDeclaration<KaplanMeierRequest>] = [
    .choice(
      "conf-type", ConfidenceBand.Transform.self, section: .statistics,
      "Confidence interval transform (R survfit conf.type).", defaultValue: .log, example: "conf-type: log-log"
    ) { $0.confidenceType = $1 },
    .number(
      "conf-level", section: .statistics, "Confidence level of intervals.", in: .openUnit,
      what: "a confidence level", defaultText: "0.95", example: "conf-level: 0.9"
    ) { $0.confidenceLevel = $1 },
    .numbers(
      "times", section: .statistics, "Times for survival rates, in the data's time unit.", valueName: "t1,t2,…",
      example: "times: [365, 730]"
    ) { $0.times = $1 },
    .number(
      "rmst-tau", section: .statistics, "Horizon τ for the restricted mean survival time.", in: .greaterThan(0),
      valueName: "T", defaultText: "the largest time observed in every group", example: "rmst-tau: 730"
    ) { $0.rmstTau = $1 },
    .number(
      "landmark", section: .statistics,
      "Landmark time: analyse only the patients still under observation then (time ≥ T), with time measured from T (R: Surv(time − T, status) on subset(time >= T)).",
      in: .atLeast(0), valueName: "T", example: "landmark: 180"
    ) { $0.landmark = $1 },
    .number(
      "rho", section: .statistics, "Fleming–Harrington ρ for the group comparison (0 log-rank, 1 Peto–Peto).",
      in: .atLeast(0), valueName: "rho", defaultText: "0", example: "rho: 1"
    ) { $0.rho = $1 },
    .choice(
      "pairwise", PValueAdjustment.self, section: .statistics,
      "Compare every pair of groups (3 or more), adjusting P values this way.", example: "pairwise: holm"
    ) { $0.pairwiseAdjustment = $1 },
    .flag(
      "trend", section: .statistics, "Test for a trend over the ordered groups (scores 1, 2, …).",
      example: "trend: true"
    ) {
      $0.testsTrend = $1
    },
    .flag(
      "hazard-ratio", section: .statistics,
      "Hazard ratios of each group against the first (Cox model), on the figure and in the JSON.",
      example: "hazard-ratio: true"
    ) { $0.estimatesHazardRatios = $1 },
    .text(
      "adjust-curves", section: .statistics,
      "Covariates to adjust the curves for, as formula terms: each group's curve is the mean of a Cox model's predicted curves over every patient with the group set to it (direct adjustment, R: survfit(coxph, newdata) averaged).",
      valueName: "terms", example: "adjust-curves: age + ph.ecog"
    ) { $0.curveAdjustment = $1 },
    .text(
      "hr-adjust", section: .statistics, "Covariates to adjust the hazard ratios for, as formula terms.",
      valueName: "terms", example: "hr-adjust: age + ph.ecog"
    ) {
      $0.hazardRatioAdjustment = $1
      $0.estimatesHazardRatios = true
    },
  ]

  static let figureDeclarations: [OptionDeclaration<KaplanMeierRequest>] = [
    .text("x-title", section: .figure, "x-axis title.", example: "x-title: Time (days)") { $0.figure.xTitle = $1 },
    .text("y-title", section: .figure, "y-axis title.", example: "y-title: Overall survival") { $0.figure.yTitle = $1 },
    .choice(
      "fun", CurveFunction.self, section: .figure,
      "What to plot: survival, event (1 − S, titled '1 − Kaplan–Meier estimate'; with competing events it overstates the cumulative incidence, which survfig cif estimates) or cumhaz.",
      defaultValue: .survival, example: "fun: event"
    ) { $0.figure.function = $1 },
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
      "median-lines", section: .figure, "Draw dashed lines at the median survival times.",
      example: "median-lines: true"
    ) { $0.figure.showsMedianLines = $1 },
    .flag(
      "p-value", commandLine: .negatedFlag("no-p-value", help: "Omit the P value from the figure."), section: .figure,
      "Print the group comparison's P value on the figure.", defaultValue: true, example: "p-value: false"
    ) { $0.figure.showsPValue = $1 },
    .flag(
      "medians", commandLine: .negatedFlag("no-medians", help: "Omit the medians from the figure."), section: .figure,
      "Print the medians on the figure.",
      defaultValue: true, example: "medians: false"
    ) { $0.figure.showsMedians = $1 },
    .choice(
      "risk-table", RiskTableStyle.self, section: .figure, "Table under the plot.", defaultValue: .numberAtRisk,
      example: "risk-table: kmunicate"
    ) { $0.figure.riskTable = $1 },
    .numbers(
      "risk-times", section: .figure, "Times of the risk-table columns, in the display unit.",
      example: "risk-times: [0, 12, 24]"
    ) { $0.figure.riskTableTimes = $1 },
    .choice(
      "legend", LegendPlacement.self, section: .figure, "Legend position.", defaultValue: .auto,
      example: "legend: bottom-left"
    ) { $0.figure.legend = $1 },
    .text("legend-title", section: .figure, "Legend title.", example: "legend-title: Sex") {
      $0.figure.legendTitle = $1
    },
    FigureOutput.suppressBelowDeclaration { $0.figure.output.suppressBelow = $1 },
  ]

  /// Options that make no sense together.
  func checkCombinations(_ context: OptionContext) throws(OptionError) {
    try ADaM.checkSurvivalColumns(
      time: timeColumn, event: eventColumn, censor: censorColumn, eventValue: eventValue,
      censorValues: censorValues, context)
    if strataColumn != nil && groupColumn == nil {
      throw context.error(
        "strata",
        "\(context.name("strata")) needs \(context.name("group")): the stratified log-rank test compares the groups within each stratum, and without groups there is no test"
      )
    }
    if weightsColumn != nil {
      for (key, isSet) in [("rho", rho != 0), ("pairwise", pairwiseAdjustment != nil), ("trend", testsTrend)]
      where isSet {
        throw context.error(
          key,
          "\(context.name(key)) has no weighted form (R's survdiff takes no weights); with \(context.name("weights")) the groups are compared by the score test of the weighted Cox model"
        )
      }
    }
    if let terms = curveAdjustment {
      if groupColumn == nil {
        throw context.error(
          "adjust-curves",
          "\(context.name("adjust-curves")) adjusts the curves of groups; give \(context.name("group"))")
      }
      if terms.trimmingCharacters(in: .whitespaces).isEmpty {
        throw context.error("adjust-curves", "\(context.name("adjust-curves")) needs covariates, e.g. 'age + ph.ecog'")
      }
      if strataColumn != nil {
        throw context.error(
          "adjust-curves",
          "\(context.name("adjust-curves")) needs a model without strata (the mean curve would need a baseline per stratum); give the stratum as a covariate instead"
        )
      }
      if figure.showsConfidenceBands {
        throw context.error(
          "confidence-bands",
          "adjusted curves are drawn without confidence bands: their pointwise variance is not computed; leave out \(context.name("confidence-bands"))"
        )
      }
    }
    if entryColumn != nil && rho != 0 {
      throw context.error(
        "rho",
        "\(context.name("rho")) is defined for right-censored data only; with \(context.name("entry")) the groups are compared by the log-rank test (the Cox score test of Surv(entry, time, status))"
      )
    }
    if figure.showsMedianLines && figure.function == .cumhaz {
      throw context.error(
        "median-lines",
        "\(context.name("median-lines")) marks where the survival or event curve crosses 0.5; there is no such line for \(context.name("fun", value: "cumhaz"))"
      )
    }
    try TimeUnit.checkDisplayUnit(figure.displayTimeUnit, of: figure.dataTimeUnit, context)
    let limit = Self.maximumAxisBreaks
    for (key, count) in [("x-breaks", figure.xBreaks?.count ?? 0), ("risk-times", figure.riskTableTimes?.count ?? 0)]
    where count > limit {
      throw context.error(key, "\(context.name(key)) gives \(count) times; an axis takes at most \(limit)")
    }
    if let step = figure.xBreakEvery, let end = figure.xMax, end / step > Double(limit) {
      throw context.error(
        "x-by",
        "\(context.name("x-by")) \(NumberRange.text(step)) up to \(NumberRange.text(end)) makes \(Self.count(end / step)) axis breaks; an axis takes at most \(limit): use a step of at least \(NumberRange.text(end / Double(limit)))"
      )
    }
  }

  /// The most breaks an axis (or columns a risk table) takes: far more than fit at any width.
  public static let maximumAxisBreaks = 100

  /// A count for a message: whole, or in scientific notation when huge.
  static func count(_ value: Double) -> String {
    value < 1e9 ? String(Int(value.rounded(.up))) : String(format: "%.1e", value)
  }
}

extension TimeUnit {
  /// A display unit converts from the data's unit, so it needs one.
  static func checkDisplayUnit(_ display: TimeUnit?, of data: TimeUnit?, _ context: OptionContext)
    throws(OptionError)
  {
    if display != nil && data == nil {
      throw context.error(
        "display-unit",
        "\(context.name("display-unit")) needs \(context.name("time-unit")) to know what to convert from")
    }
  }
}

extension OptionDeclaration {
  /// The data a request reads: a file on the command line, the name of one of a template's
  /// `data` entries in a template (which the template resolves to its file).
  public static func dataFile(
    _ key: String = "data",
    summary: String = "The data: a CSV file on the command line, a name under 'data' in a template.",
    example: String, isRequired: Bool = true, set: @escaping Setter<String>
  ) -> Self {
    Self(
      key, section: .data, summary: summary, valueDescription: "", valueName: "file", example: example,
      isRequired: isRequired, namesData: true
    ) { value, name, request throws(OptionError) in set(&request, try value.text(name)) }
  }
}
