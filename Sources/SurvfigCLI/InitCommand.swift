import Analyses
import ArgumentParser
import Foundation
import ReportEngine
import ReportTemplates
import SurvivalSimulation

/// `survfig init`: a commented starter template.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Write a commented starter report template.")

  @Argument(help: ArgumentHelp("The template to create.", valueName: "file"))
  var file = "report.yaml"

  @Flag(help: "Replace the file if it exists.") var force = false

  @Flag(help: "A starter for CDISC ADaM data sets (ADSL, ADTTE, ADRS as SAS transport files).") var adam = false

  /// The file exists and `--force` was not given: a plain error (exit 1), not a usage error.
  struct ExistingFileError: Error, CustomStringConvertible {
    var file: String
    var description: String {
      "'\(file)' already exists and will not be overwritten; give another file name, or --force to replace it"
    }
  }

  /// Writes the starter through an `OutputStage`: the file appears complete or not at all, and
  /// without `--force` an existing file (even one made meanwhile) is never replaced.
  func run() throws {
    var info = stat()
    if !force, lstat(file, &info) == 0 { throw ExistingFileError(file: file) }
    try OutputStage.check([file])
    let text = adam ? ADaMStarterTemplate.text : StarterTemplate.text
    var stage = OutputStage()
    stage.add(Array(text.utf8), to: file, replacingExisting: force)
    do {
      try stage.commit()
    } catch .exists {
      throw ExistingFileError(file: file)
    }
    let data = adam ? ADaMStarterTemplate.files.joined(separator: ", ") : "data/cohort.csv"
    print("wrote \(file); put your data in \(data) (or edit 'data:') and run: survfig build \(file)")
  }
}
