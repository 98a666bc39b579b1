import ArgumentParser
import ReportEngine
import SurvivalStatistics
import Analyses
import ReportTemplates
import SurvivalSimulation

/// `survfig cox`: Cox proportional hazards regression.
struct CoxCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cox",
    abstract: "Cox proportional hazards regression from an R model formula.",
    discussion: """
      Fits the model as R's coxph does (Efron ties by default) on the complete cases. \
      Categorical columns and factor(x) become indicator terms against the first level \
      (relevel(x, "B") chooses another); strata(x) stratifies.

      Examples:
        survfig cox --data lung.csv --model "Surv(time, status) ~ age + sex + ph.ecog"
        survfig cox --data veteran.csv --model "Surv(time, status) ~ trt + factor(celltype)" --json
        survfig cox --data ima.csv --model "Surv(os_months, os_event) ~ age + sex + m_stage" \\
          --select backward --entry-p 0.15 --stay-p 0.05
      """)

  @Option(help: ArgumentHelp("CSV file with a header row.", valueName: "file")) var data: String
  @Option(help: ArgumentHelp("The model, e.g. \"Surv(time, status) ~ age + factor(stage)\".", valueName: "formula"))
  var model: String
  @Option(help: ArgumentHelp("Code of the event in the formula's event column.", valueName: "code"))
  var eventValue: String?
  @Option(help: ArgumentHelp("Code(s) of censoring in the event column, comma-separated.", valueName: "codes"))
  var censorValue: String?
  @Option(help: "Tie handling: efron (R's default) or breslow.") var ties: CoxRegressionOptions.Ties = .efron
  @Option(help: "Confidence level of the hazard-ratio intervals.") var confLevel: Double = 0.95
  @Flag(help: "Test proportional hazards (scaled Schoenfeld residuals, R cox.zph).") var phTest = false
  @Option(help: "Variable selection: backward (univariable screen, then backward elimination).")
  var select: Selection?
  @Option(help: "Screening threshold: a term enters when its univariable p is below this.") var entryP: Double = 0.15
  @Option(help: "Elimination threshold: a term stays when its p is at most this.") var stayP: Double = 0.05
  @Option(help: "Test deciding entry and removal: wald or lr (likelihood ratio).") var selectBy: SelectionTest = .wald
  @Flag(help: "Print the results as one JSON object.") var json = false

  enum Selection: String, ExpressibleByArgument { case backward }
  enum SelectionTest: String, ExpressibleByArgument { case wald, lr }

  func validate() throws {
    guard confLevel > 0, confLevel < 1 else { throw ValidationError("Please give a '--conf-level' between 0 and 1 (e.g. 0.95).") }
    guard entryP > 0, entryP <= 1, stayP > 0, stayP <= 1 else { throw ValidationError("'--entry-p' and '--stay-p' must be between 0 and 1.") }
  }

  func run() throws {
    let request = CoxRequest(
      dataPath: data, formula: model, eventValue: eventValue,
      censorValues: censorValue.map(splitList) ?? [], ties: ties, confidenceLevel: confLevel,
      testsProportionalHazards: phTest,
      selection: select.map { _ in
        CoxModelSelection.Options(
          entryThreshold: entryP, stayThreshold: stayP, criterion: selectBy == .wald ? .wald : .likelihoodRatio)
      })
    let analysis = try runCox(request)
    for warning in analysis.warnings { printError("warning: \(warning)") }
    if json { printJSON(analysis.json) } else { print(analysis.textTable) }
  }
}

extension CoxRegressionOptions.Ties: ExpressibleByArgument {}
