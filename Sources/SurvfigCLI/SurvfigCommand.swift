import Analyses
import ArgumentParser
import ReportEngine
import ReportTemplates
import SurvivalSimulation

/// The `survfig` command: statistics and figures for survival analyses.
public struct SurvfigCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "survfig",
    abstract: "Survival statistics and publication-ready figures from patient-level data.",
    discussion: """
      Computes Kaplan–Meier estimates, log-rank tests and related statistics exactly as R's \
      survival package does, and draws journal-ready figures (PDF, SVG, PNG, EPS) with \
      number-at-risk tables aligned to the time axis.
      """,
    version: SurvfigVersion.string,
    subcommands: [
      KaplanMeierCommand.self, CumulativeIncidenceCommand.self, ResponseCommand.self, ConfidenceIntervalCommand.self,
      SwimmerCommand.self,
      CoxCommand.self, ForestCommand.self, BuildCommand.self, CheckTextCommand.self, InitCommand.self,
      SimulateCommand.self,
      ReferenceCommand.self,
    ])
  public init() {}

  /// Runs the command line, removing the temporary files of a write interrupted by a signal.
  public static func main() {
    OutputStage.installSignalHandlers()
    main(nil)
  }
}
