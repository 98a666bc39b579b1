import ClinicalData
import OptionSchema
import SurvivalStatistics

extension ResponseRequest {
  /// Every option of a response analysis, for `survfig response` and a template's
  /// `type: response` tables.
  public static let options = OptionTable<ResponseRequest>(
    [
      .dataFile(example: "data: scans") { $0.dataPath = $1 }
    ] + RowSelection.declarations(\ResponseRequest.rowSelection) + [
      .column(
        "id-column", commandLine: .named("id"), "Column identifying the patient (default for ADaM data: USUBJID).",
        example: "id-column: patient"
      ) { $0.idColumn = $1 },
      .column(
        "response",
        "Column with the RECIST response: CR, PR, SD, NON-CR/NON-PD, PD, NE or MISSING (default for ADaM data: AVALC).",
        example: "response: bor"
      ) { $0.responseColumn = $1 },
      .column("time", "Column with the assessment time: one row per assessment.", example: "time: day") {
        $0.timeColumn = $1
      },
      .choice(
        "time-unit", TimeUnit.self, section: .data, "Unit of the time column.", defaultValue: .days,
        example: "time-unit: weeks"
      ) { $0.timeUnit = $1 },
      .column("group", "Column defining the groups to compare.", example: "group: arm") { $0.groupColumn = $1 },
      .column(
        "death-time",
        "Column with the patient's time of death (unit of the time column; empty if alive): the duration of response ends at progression or death.",
        example: "death-time: death_day"
      ) { $0.deathTimeColumn = $1 },
      .number(
        "confirm-weeks", section: .statistics, "Confirm CR/PR by a later assessment at least N weeks after.",
        in: .atLeast(0), valueName: "N", example: "confirm-weeks: 4"
      ) { $0.confirmWeeks = $1 },
      .number(
        "sd-min-weeks", section: .statistics, "Minimum time from treatment start for SD, in weeks.",
        in: .atLeast(0), valueName: "N", example: "sd-min-weeks: 6"
      ) { $0.stableDiseaseMinimumWeeks = $1 },
      .choice(
        "denominator", ResponseSummary.Denominator.self, section: .statistics,
        "Who ORR and DCR are over: all patients, or the evaluable ones (best response other than NE and MISSING).",
        defaultValue: nil, example: "denominator: evaluable"
      ) { $0.denominator = $1 },
      .choice(
        "method", ProportionInterval.Method.self, section: .statistics,
        "Confidence interval: clopper-pearson (exact) or wilson.", defaultValue: .clopperPearson,
        example: "method: wilson"
      ) { $0.method = $1 },
      .number(
        "conf-level", section: .statistics, "Confidence level of intervals.", in: .openUnit,
        what: "a confidence level", defaultText: "0.95", example: "conf-level: 0.9"
      ) { $0.confidenceLevel = $1 },
    ]
      + TableOutput.declarations(
        \ResponseRequest.tableOutput,
        table: "the response table (best overall response, ORR and DCR per group)",
        defaultTitle: ResponseRequest.defaultTableTitle),
    rules: { request, context throws(OptionError) in
      if request.deathTimeColumn != nil && request.timeColumn == nil {
        throw context.error(
          "death-time",
          "\(context.name("death-time")) needs \(context.name("time")): the duration of response runs from a dated response"
        )
      }
      for key in ["confirm-weeks", "sd-min-weeks"] where context.isGiven(key) && request.timeColumn == nil {
        throw context.error(
          key, "\(context.name(key)) needs \(context.name("time")): the rules apply to dated assessments")
      }
    })
}
