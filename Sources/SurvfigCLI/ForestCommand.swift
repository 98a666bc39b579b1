import ArgumentParser
import SurvivalFigures
import ReportEngine
import SurvivalStatistics
import Analyses
import ReportTemplates
import SurvivalSimulation

/// `survfig forest`: forest plots of hazard ratios.
struct ForestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "forest",
    abstract: "Forest plots: Cox models, subgroup analyses, or a table of estimates.",
    discussion: """
      Three forms:
        from a Cox model, univariable and multivariable side by side (interaction terms in the
        multivariable model only; --select backward shows the model backward elimination kept):
          survfig forest --data lung.csv --model "Surv(time, status) ~ age + sex + ph.ecog" --out f.pdf
        a subgroup analysis of a treatment effect with interaction P values:
          survfig forest --data trial.csv --time os --event death --treatment arm \\
            --subgroups sex,stage --out f.pdf
        from published estimates (label, estimate, lower, upper, optional p, n, group):
          survfig forest --data hr.csv --label name --estimate hr --lower lo --upper hi --out f.pdf
      """)

  @Option(help: ArgumentHelp("CSV file.", valueName: "file")) var data: String
  @Option(help: ArgumentHelp("Cox model formula (first form).", valueName: "formula")) var model: String?
  @Flag(help: "Only the univariable fits (default: both when the model has more than one term).") var univariableOnly = false
  @Flag(help: "Only the multivariable fit.") var multivariableOnly = false
  @Option(help: ArgumentHelp("Time column (subgroup form).", valueName: "column")) var time: String?
  @Option(help: ArgumentHelp("Event column (subgroup form).", valueName: "column")) var event: String?
  @Option(help: ArgumentHelp("Two-level treatment column (subgroup form).", valueName: "column")) var treatment: String?
  @Option(help: ArgumentHelp("Subgroup columns, comma-separated.", valueName: "columns")) var subgroups: String?
  @Option(help: ArgumentHelp("Label column (estimates form).", valueName: "column")) var label: String?
  @Option(help: ArgumentHelp("Estimate column.", valueName: "column")) var estimate: String?
  @Option(help: ArgumentHelp("Lower limit column.", valueName: "column")) var lower: String?
  @Option(help: ArgumentHelp("Upper limit column.", valueName: "column")) var upper: String?
  @Option(help: ArgumentHelp("P value column.", valueName: "column")) var p: String?
  @Option(help: ArgumentHelp("Patients column.", valueName: "column")) var n: String?
  @Option(help: ArgumentHelp("Group header column.", valueName: "column")) var group: String?
  @Option(help: ArgumentHelp("Code of the event.", valueName: "code")) var eventValue: String?
  @Option(help: ArgumentHelp("Code(s) of censoring in the event column, comma-separated.", valueName: "codes"))
  var censorValue: String?
  @Flag(help: "Columns with the patients and events of each level (Cox-model form).") var counts = false
  @Option(help: "Variable selection for the multivariable model: backward (univariable screen, then backward elimination).")
  var select: CoxCommand.Selection?
  @Option(help: "Screening threshold: a term enters when its univariable p is below this.") var entryP: Double = 0.15
  @Option(help: "Elimination threshold: a term stays when its p is at most this.") var stayP: Double = 0.05
  @Option(help: "Test deciding entry and removal: wald or lr (likelihood ratio).") var selectBy: CoxCommand.SelectionTest = .wald
  @Flag(help: "Test proportional hazards of the multivariable model (R cox.zph); violations are warnings.") var phTest = false
  @Option(help: "Tie handling: efron or breslow.") var ties: CoxRegressionOptions.Ties = .efron
  @Option(help: "Confidence level.") var confLevel: Double = 0.95
  @Option(help: ArgumentHelp("Display labels: \"ph.ecog=ECOG PS,1=Male\".", valueName: "map")) var labels: String?
  @Option(help: ArgumentHelp("Labels under the axis: \"Treatment better,Control better\".", valueName: "left,right"))
  var favours: String?
  @Option(help: ArgumentHelp("x-axis title.", valueName: "text")) var xTitle = "Hazard ratio"
  @Option(help: ArgumentHelp("Axis ticks, comma-separated.", valueName: "list")) var xBreaks: String?
  @OptionGroup(title: "Figure") var output: ForestOutputOptions
  @Flag(help: "Print the estimates as JSON.") var json = false

  func validate() throws {
    let forms = [model != nil, treatment != nil, estimate != nil].filter { $0 }.count
    guard forms == 1 else {
      throw ValidationError("Give exactly one of '--model' (Cox model), '--treatment' (subgroups) or '--estimate' (a table of estimates).")
    }
    if treatment != nil, time == nil || event == nil || subgroups == nil {
      throw ValidationError("The subgroup form needs '--time', '--event' and '--subgroups'.")
    }
    if estimate != nil, label == nil || lower == nil || upper == nil {
      throw ValidationError("The estimates form needs '--label', '--lower' and '--upper'.")
    }
    if output.outputs.isEmpty && !json { throw ValidationError("Nothing to do: give '--out <file>', '--json', or both.") }
    if model == nil, select != nil || counts || phTest {
      throw ValidationError("'--select', '--counts' and '--ph-test' apply to the Cox-model form ('--model').")
    }
    if select != nil, univariableOnly {
      throw ValidationError("'--select' chooses the multivariable model; it cannot be combined with '--univariable-only'.")
    }
    guard entryP > 0, entryP <= 1, stayP > 0, stayP <= 1 else { throw ValidationError("'--entry-p' and '--stay-p' must be between 0 and 1.") }
  }

  func run() throws {
    let source: ForestRequest.Source
    if let model {
      source = .models(formula: model, univariable: !multivariableOnly, multivariable: !univariableOnly)
    } else if let treatment, let time, let event {
      source = .subgroups(time: time, event: event, treatment: treatment, subgroups: splitList(subgroups ?? ""))
    } else {
      source = .estimates(label: label ?? "", estimate: estimate ?? "", lower: lower ?? "", upper: upper ?? "", p: p, n: n, group: group)
    }
    var request = ForestRequest(dataPath: data, source: source)
    request.eventValue = eventValue
    request.censorValues = censorValue.map(splitList) ?? []
    request.showsCounts = counts
    request.testsProportionalHazards = phTest
    request.selection = select.map { _ in
      CoxModelSelection.Options(entryThreshold: entryP, stayThreshold: stayP, criterion: selectBy == .wald ? .wald : .likelihoodRatio)
    }
    request.ties = ties
    request.confidenceLevel = confLevel
    request.labels = try parseLabels(labels)
    request.outputs = output.outputs
    request.widthMillimetres = output.width
    request.heightMillimetres = output.height
    request.dpi = output.dpi
    request.title = output.title
    request.xTitle = xTitle
    request.xBreaks = try xBreaks.map { text in
      let breaks = try parseNumbers(text, option: "--x-breaks")
      if let bad = breaks.first(where: { !($0 > 0) }) {
        throw ValidationError("'--x-breaks' are hazard ratios on a log axis and must be greater than 0, found '\(JournalFormat.tick(bad))'.")
      }
      return breaks
    }
    request.palette = try output.palette.map(parsePalette)
    if let favours {
      let parts = splitList(favours)
      guard parts.count == 2 else { throw ValidationError("'--favours' expects two labels separated by a comma.") }
      request.favours = (parts[0], parts[1])
    }
    let analysis = try runForest(request)
    for warning in analysis.warnings { printError("warning: \(warning)") }
    if json { printJSON(analysis.json) }
  }
}

/// Figure options of `survfig forest`: the height follows from the rows unless given.
struct ForestOutputOptions: ParsableArguments {
  @Option(name: .customLong("out"), help: ArgumentHelp("Figure file (pdf, svg, png, eps); repeatable.", valueName: "file"))
  var outputs: [String] = []
  @Option(help: ArgumentHelp("Width in millimetres.", valueName: "mm")) var width: Double = 170
  @Option(help: ArgumentHelp("Height in millimetres (default: from the rows).", valueName: "mm")) var height: Double?
  @Option(help: "PNG resolution in dots per inch.") var dpi: Double = 300
  @Option(help: ArgumentHelp("Title.", valueName: "text")) var title: String?
  @Option(help: ArgumentHelp("Colours of the series.", valueName: "palette")) var palette: String?
}
