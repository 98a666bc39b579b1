import Analyses
import ArgumentParser
import ReportEngine

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

  @OptionGroup(title: "Data and forms") var data: ForestDataOptions
  @OptionGroup(title: "Rows") var rows: RowSelectionOptions
  @OptionGroup(title: "Models") var models: ForestModelOptions
  @OptionGroup(title: "Forest plot") var figure: ForestFigureOptions
  @OptionGroup(title: "Figure") var output: FigureOutputOptions<ForestKind>
  @Flag(help: "Print the estimates as JSON.") var json = false

  func validate() throws {
    if output.out.isEmpty && !json { throw ValidationError("Nothing to do: give '--out <file>', '--json', or both.") }
    _ = try request()
  }

  func request() throws -> ForestRequest {
    try CommandLineOptions.request(
      self, options: ForestRequest.options, from: ForestKind.request(defaults: FigureOutput(), height: 0))
  }

  func run() throws {
    let run = try runForest(try request())
    for warning in run.analysis.warnings + run.figureWarnings { printError("warning: \(warning)") }
    if json { printJSON(run.analysis.json) }
  }
}

struct ForestDataOptions: ParsableArguments {
  @Option(help: ForestRequest.options.help("data")) var data: String?
  @Option(help: ForestRequest.options.help("model")) var model: String?
  @Flag(help: ForestRequest.options.help("univariable-only")) var univariableOnly = false
  @Flag(help: ForestRequest.options.help("multivariable-only")) var multivariableOnly = false
  @Option(help: ForestRequest.options.help("time")) var time: String?
  @Option(help: ForestRequest.options.help("event")) var event: String?
  @Option(help: ForestRequest.options.help("treatment")) var treatment: String?
  @Option(help: ForestRequest.options.help("subgroups")) var subgroups: String?
  @Option(help: ForestRequest.options.help("label")) var label: String?
  @Option(help: ForestRequest.options.help("estimate")) var estimate: String?
  @Option(help: ForestRequest.options.help("lower")) var lower: String?
  @Option(help: ForestRequest.options.help("upper")) var upper: String?
  @Option(help: ForestRequest.options.help("p")) var p: String?
  @Option(help: ForestRequest.options.help("n")) var n: String?
  @Option(help: ForestRequest.options.help("group")) var group: String?
  @Option(help: ForestRequest.options.help("event-value")) var eventValue: String?
  @Option(help: ForestRequest.options.help("censor-value")) var censorValue: [String] = []
  @Option(help: ForestRequest.options.help("labels")) var labels: String?
}

struct ForestModelOptions: ParsableArguments {
  @Option(help: ForestRequest.options.help("select")) var select: String?
  @Option(help: ForestRequest.options.help("entry-p")) var entryP: String?
  @Option(help: ForestRequest.options.help("stay-p")) var stayP: String?
  @Option(help: ForestRequest.options.help("select-by")) var selectBy: String?
  @Flag(help: ForestRequest.options.help("ph-test")) var phTest = false
  @Flag(help: ForestRequest.options.help("counts")) var counts = false
  @Option(help: ForestRequest.options.help("weights")) var weights: String?
  @Option(help: ForestRequest.options.help("ties")) var ties: String?
  @Option(help: ForestRequest.options.help("conf-level")) var confLevel: String?
  @Option(help: ForestRequest.options.help("decimals")) var decimals: String?
}

struct ForestFigureOptions: ParsableArguments {
  @Option(help: ForestRequest.options.help("favours")) var favours: String?
  @Option(help: ForestRequest.options.help("x-title")) var xTitle: String?
  @Option(help: ForestRequest.options.help("x-breaks")) var xBreaks: String?
}

extension ForestCommand: DocumentedCommand {
  static var referencePage: String {
    ReferenceDocumentation.commandPage(
      self, ForestRequest.options, templateNote: ReferenceDocumentation.forestNote, own: ReferenceDocumentation.jsonFlag
    )
  }
}
