import Analyses
import ArgumentParser
import ReportEngine
import ReportTemplates
import SurvivalSimulation

/// `survfig simulate`: a synthetic cohort from a YAML specification.
struct SimulateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Draws a synthetic patient-level cohort from a YAML cohort specification.",
    discussion: """
      Groups, categorical and continuous covariates, piecewise-exponential event times with \
      hazard ratios, uniform administrative censoring and loss to follow-up, several endpoints \
      and optional calendar dates. The same specification and seed give byte-identical CSV \
      files on every machine (xoshiro256** seeded by SplitMix64, portable arithmetic).

      Example:
        survfig simulate --spec Templates/cohorts/ima.yaml --out ima.csv --seed 7
      """)

  @Option(help: ArgumentHelp("Cohort specification (YAML).", valueName: "file"))
  var spec: String

  @Option(help: ArgumentHelp("CSV file to write.", valueName: "file"))
  var out: String

  @Option(
    help: ArgumentHelp(
      "Seed of the random generator (default: the specification's 'seed', else 1).", valueName: "n")
  )
  var seed: UInt64?

  @Flag(help: "Print nothing on success.")
  var quiet = false

  func run() throws {
    try OutputStage.check([out])
    let (csv, summary) = try simulateCohort(specificationPath: spec, seed: seed)
    var stage = OutputStage()
    stage.add(Array(csv.utf8), to: out)
    try stage.commit()
    if !quiet {
      printError(
        "\(out): \(summary.patients) rows, \(summary.columns.count) columns (seed \(summary.seed))")
    }
  }
}
