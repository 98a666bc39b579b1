import OptionSchema
import SurvivalFigures
import SurvivalStatistics

extension ForestRequest {
  /// Every option of a forest plot, for `survfig forest` and a template's `type: forest`
  /// figures and `type: cox` tables, with the rules that involve several.
  public static let options = OptionTable<ForestRequest>(
    formDeclarations + modelDeclarations + figureDeclarations
      + FigureOutput.declarations(
        \ForestRequest.output, height: "as tall as its rows", table: "the table of hazard ratios"),
    rules: { request, context throws(OptionError) in try request.checkCombinations(context) })

  /// The keys a template's Cox table takes: those of the data and the models.
  public static let tableOptions = options.sections([.data, .statistics])

  static let formDeclarations: [OptionDeclaration<ForestRequest>] =
    [
      .dataFile(example: "data: lung") { $0.dataPath = $1 }
    ] + RowSelection.declarations(\ForestRequest.rowSelection) + [
      .text(
        "model", section: .data, "Cox model formula (the first form): univariable and multivariable fits side by side.",
        valueName: "formula", example: "model: Surv(time, status) ~ age + sex + ph.ecog"
      ) { $0.form.formula = $1 },
      .flag(
        "univariable", commandLine: .negatedFlag("multivariable-only", help: "Only the multivariable fit."),
        section: .data,
        "Models form: show the univariable fits.", defaultValue: true, example: "univariable: false"
      ) { $0.form.fitsUnivariable = $1 },
      .flag(
        "multivariable",
        commandLine: .negatedFlag(
          "univariable-only", help: "Only the univariable fits (default: both when the model has more than one term)."),
        section: .data,
        "Models form: show the multivariable fit.", defaultValue: true, example: "multivariable: false"
      ) { $0.form.fitsMultivariable = $1 },
      .column("time", "Subgroup form: the follow-up time column.", example: "time: os_months") { $0.form.time = $1 },
      .column("event", "Subgroup form: the event column.", example: "event: os_event") { $0.form.event = $1 },
      .column("treatment", "Subgroup form: the two-level treatment column.", example: "treatment: arm") {
        $0.form.treatment = $1
      },
      .columns("subgroups", "Subgroup form: the subgroup columns.", example: "subgroups: [sex, stage]") {
        $0.form.subgroups = $1
      },
      .column("label", "Estimates form: the label column.", example: "label: name") { $0.form.label = $1 },
      .column("estimate", "Estimates form: the estimate column.", example: "estimate: hr") { $0.form.estimate = $1 },
      .column("lower", "Estimates form: the lower limit column.", example: "lower: lo") { $0.form.lower = $1 },
      .column("upper", "Estimates form: the upper limit column.", example: "upper: hi") { $0.form.upper = $1 },
      .column("p", "Estimates form: the P value column.", example: "p: p") { $0.form.p = $1 },
      .column("n", "Estimates form: the patients column.", example: "n: patients") { $0.form.n = $1 },
      .column("group", "Estimates form: the group header column.", example: "group: category") { $0.form.group = $1 },
      .text(
        "event-value", section: .data, "Code of the event in the event column.", valueName: "code",
        example: "event-value: 2"
      ) { $0.eventValue = $1 },
      .texts(
        "censor-value", section: .data, "Code(s) of censoring in the event column.", example: "censor-value: 0"
      ) { $0.censorValues = $1 },
      .labels(
        "labels", section: .data, "Display labels of variables and levels.",
        example: "labels: {ph.ecog: ECOG PS, '1': Male}"
      ) { request, pairs in for (key, label) in pairs { request.labels[key] = label } },
    ]

  static let modelDeclarations: [OptionDeclaration<ForestRequest>] =
    CoxModelSelection.Options.declarations(selects: \ForestRequest.selectsBackward, options: \.selectionOptions)
    + [
      .flag(
        "ph-test", section: .statistics,
        "Models form: test proportional hazards of the multivariable model (R cox.zph); violations are warnings.",
        example: "ph-test: true"
      ) { $0.testsProportionalHazards = $1 },
      .flag(
        "counts", section: .statistics, "Models form: columns with the patients and events of each level.",
        example: "counts: true"
      ) { $0.showsCounts = $1 },
      .column(
        "weights",
        "Column of case weights of the Cox fits, finite and > 0 (R: coxph(..., weights = w)); with weights that are not whole numbers the variance is robust, as R makes it.",
        example: "weights: iptw"
      ) { $0.weightsColumn = $1 },
      .choice(
        "ties", CoxRegressionOptions.Ties.self, section: .statistics, "Tie handling of the Cox fits.",
        defaultValue: .efron, example: "ties: breslow"
      ) { $0.ties = $1 },
      .number(
        "conf-level", section: .statistics, "Confidence level of the hazard-ratio intervals.", in: .openUnit,
        what: "a confidence level", defaultText: "0.95", example: "conf-level: 0.9"
      ) { $0.confidenceLevel = $1 },
      .integer(
        "decimals", section: .statistics, "Decimals of the hazard ratios and their limits.", in: .between(0, 6),
        what: "a number of decimals", defaultText: "2", example: "decimals: 3"
      ) { $0.decimals = $1 },
    ]

  static let figureDeclarations: [OptionDeclaration<ForestRequest>] = [
    OptionDeclaration(
      "favours", section: .figure, summary: "Labels under the axis, left and right.",
      valueDescription: "two labels, a list or comma-separated", valueName: "left,right",
      example: "favours: [Treatment better, Control better]"
    ) { value, name, request throws(OptionError) in
      let sides = try value.texts(name)
      guard sides.count == 2 else { throw OptionError("\(name) expects two labels, left and right", at: value.origin) }
      request.favours = (sides[0], sides[1])
    },
    .text("x-title", section: .figure, "x-axis title.", example: "x-title: Hazard ratio (95% CI)") { $0.xTitle = $1 },
    .numbers(
      "x-breaks", section: .figure, "Axis ticks: hazard ratios on a log axis.", in: .greaterThan(0),
      example: "x-breaks: [0.25, 0.5, 1, 2, 4]"
    ) { $0.xBreaks = $1 },
  ]

  /// The forms and the options that belong to one form.
  func checkCombinations(_ context: OptionContext) throws(OptionError) {
    let forms = ["model", "treatment", "estimate"].filter(context.isGiven)
    guard forms.count == 1 else {
      let message =
        "give exactly one of \(context.name("model")) (Cox models), \(context.name("treatment")) (subgroups) or \(context.name("estimate")) (a table of estimates)"
      throw forms.count > 1 ? context.error(forms[1], message) : context.error(message)
    }
    if weightsColumn != nil {
      if context.isGiven("estimate") {
        throw context.error(
          "weights", "\(context.name("weights")) weights Cox fits; a table of estimates has none to weight")
      }
      if selectsBackward {
        throw context.error(
          "weights",
          "\(context.name("weights")) cannot be combined with model selection; fit the chosen model with weights")
      }
      if ties == .exact {
        throw context.error(
          "weights",
          "\(context.name("weights")) is not available with \(context.name("ties", value: "exact")) (R: \"Case weights are not supported for the exact method\"); use efron or breslow"
        )
      }
    }
    func needs(_ form: String, _ keys: [String], _ name: String) throws(OptionError) {
      let missing = keys.filter { !context.isGiven($0) }
      guard missing.isEmpty else {
        throw context.error(
          form, "the \(name) form (\(context.name(form))) needs \(Self.listed(keys.map(context.name)))")
      }
    }
    switch forms[0] {
    case "treatment": try needs("treatment", ["time", "event", "subgroups"], "subgroup")
    case "estimate": try needs("estimate", ["label", "lower", "upper"], "estimates")
    default:
      if let formula = form.formula, let parsed = try? ModelFormula(parsing: formula),
        let message = ForestAnalysis.noTermsMessage(parsed, formula: formula)
      {
        throw context.error("model", message)
      }
    }
    if form.formula == nil {
      for key in ["select", "entry-p", "stay-p", "select-by", "ph-test", "counts", "univariable", "multivariable"]
      where context.isGiven(key) {
        throw context.error(key, "\(context.name(key)) applies to the Cox-model form; give \(context.name("model"))")
      }
    }
    try ADaM.checkFormulaEvent(form.formula, eventValue: eventValue, censorValues: censorValues, context)
    try ADaM.checkEventColumn(
      form.event, eventValue: eventValue, censorValues: censorValues, context, takesCensorColumn: false)
    try CoxModelSelection.Options.checkCombinations(
      selects: selectsBackward, fitsMultivariable: form.fitsMultivariable, context)
  }

  /// `'a', 'b' and 'c'`.
  static func listed(_ names: [String]) -> String {
    names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
  }
}

extension CoxModelSelection.Options {
  /// The variable-selection options of Cox models (`survfig cox`, forest plots and Cox tables).
  static func declarations<Request>(
    selects: WritableKeyPath<Request, Bool> & Sendable,
    options: WritableKeyPath<Request, CoxModelSelection.Options> & Sendable
  ) -> [OptionDeclaration<Request>] {
    [
      OptionDeclaration(
        "select", section: .statistics,
        summary:
          "Variable selection for the multivariable model: backward (univariable screen, then backward elimination).",
        valueDescription: "backward", valueName: "backward", example: "select: backward"
      ) { value, name, request throws(OptionError) in
        _ = try value.choice(name, ["backward"])
        request[keyPath: selects] = true
      }.with(choices: ["backward"]),
      .number(
        "entry-p", section: .statistics, "Screening threshold: a term enters when its univariable P is below this.",
        in: .unitAboveZero, what: "a P value threshold", defaultText: "0.15", example: "entry-p: 0.2"
      ) { $0[keyPath: options].entryThreshold = $1 },
      .number(
        "stay-p", section: .statistics, "Elimination threshold: a term stays when its P is at most this.",
        in: .unitAboveZero, what: "a P value threshold", defaultText: "0.05", example: "stay-p: 0.1"
      ) { $0[keyPath: options].stayThreshold = $1 },
      OptionDeclaration(
        "select-by", section: .statistics, summary: "Test deciding entry and removal: wald or lr (likelihood ratio).",
        valueDescription: "one of wald, lr", valueName: "wald|lr", defaultText: "wald", example: "select-by: lr"
      ) { value, name, request throws(OptionError) in
        request[keyPath: options].criterion =
          try value.choice(name, ["wald", "lr"]) == "wald" ? .wald : .likelihoodRatio
      }.with(choices: ["wald", "lr"]),
    ]
  }

  /// Thresholds without a selection, and a selection without the multivariable model.
  static func checkCombinations(selects: Bool, fitsMultivariable: Bool, _ context: OptionContext) throws(OptionError) {
    if !selects, let key = ["entry-p", "stay-p", "select-by"].first(where: context.isGiven) {
      throw context.error(
        key, "\(context.name(key)) sets up variable selection; add \(context.name("select", value: "backward"))")
    }
    if selects && !fitsMultivariable {
      throw context.error(
        "select",
        "\(context.name("select")) chooses the multivariable model; it cannot be combined with \(context.spelling == .template ? context.name("multivariable", value: "false") : context.name("multivariable"))"
      )
    }
  }
}
