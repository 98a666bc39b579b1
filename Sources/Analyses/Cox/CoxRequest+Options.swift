import OptionSchema
import SurvivalStatistics

extension CoxRequest {
  /// Every option of `survfig cox`.
  public static let options = OptionTable<CoxRequest>(
    [
      .dataFile(example: "data: lung") { $0.dataPath = $1 },
      .text(
        "model", section: .data, "The model, e.g. \"Surv(time, status) ~ age + factor(stage)\".",
        valueName: "formula", example: "model: Surv(time, status) ~ age + sex", isRequired: true
      ) { $0.formula = $1 },
      .text(
        "event-value", section: .data, "Code of the event in the formula's event column.", valueName: "code",
        example: "event-value: 2"
      ) { $0.eventValue = $1 },
      .texts(
        "censor-value", section: .data, "Code(s) of censoring in the event column.", example: "censor-value: 0"
      ) { $0.censorValues = $1 },
      .column(
        "weights",
        "Column of case weights, finite and > 0 (R: coxph(..., weights = w)); with weights that are not whole numbers the variance is robust, as R makes it.",
        example: "weights: iptw"
      ) { $0.weightsColumn = $1 },
      .choice(
        "ties", CoxRegressionOptions.Ties.self, section: .statistics,
        "Tie handling: efron (R's default), breslow, or exact (R's exact partial likelihood, SAS TIES=DISCRETE).",
        defaultValue: .efron, example: "ties: breslow"
      ) { $0.ties = $1 },
      .number(
        "conf-level", section: .statistics, "Confidence level of the hazard-ratio intervals.", in: .openUnit,
        what: "a confidence level", defaultText: "0.95", example: "conf-level: 0.9"
      ) { $0.confidenceLevel = $1 },
      .flag(
        "ph-test", section: .statistics, "Test proportional hazards (scaled Schoenfeld residuals, R cox.zph).",
        example: "ph-test: true"
      ) { $0.testsProportionalHazards = $1 },
    ] + RowSelection.declarations(\CoxRequest.rowSelection)
      + CoxModelSelection.Options.declarations(selects: \CoxRequest.selectsBackward, options: \.selectionOptions)
      + TableOutput.declarations(
        \CoxRequest.tableOutput,
        table:
          "the model's table (hazard ratio with its interval and P per term, as a template's cox table with univariable: false)",
        defaultTitle: CoxRequest.defaultTableTitle),
    rules: { request, context throws(OptionError) in
      try ADaM.checkFormulaEvent(
        request.formula, eventValue: request.eventValue, censorValues: request.censorValues, context)
      try CoxModelSelection.Options.checkCombinations(
        selects: request.selectsBackward, fitsMultivariable: true, context)
      if request.weightsColumn != nil && request.selectsBackward {
        throw context.error(
          "weights",
          "\(context.name("weights")) cannot be combined with model selection; fit the chosen model with weights")
      }
      if request.weightsColumn != nil && request.ties == .exact {
        throw context.error(
          "weights",
          "\(context.name("weights")) is not available with \(context.name("ties", value: "exact")) (R: \"Case weights are not supported for the exact method\"); use efron or breslow"
        )
      }
    })
}
