import ArgumentParser

/// The `survfig` command: statistics and figures for survival analyses.
public struct SurvfigCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "survfig",
    abstract: "Survival statistics and publication-ready figures from patient-level data.",
    version: "0.1.0")
  public init() {}
}
