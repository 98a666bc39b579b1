import ArgumentParser
import Foundation
import ReportEngine

/// `survfig init`: a commented starter template.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Write a commented starter report template.")

  @Argument(help: ArgumentHelp("The template to create.", valueName: "file"))
  var file = "report.yaml"

  func run() throws {
    guard !FileManager.default.fileExists(atPath: file) else {
      throw ValidationError("'\(file)' already exists; choose another name or remove it first.")
    }
    try Array(StarterTemplate.text.utf8).withUnsafeBufferPointer { bytes in
      try Data(buffer: bytes).write(to: URL(fileURLWithPath: file), options: .withoutOverwriting)
    }
    print("wrote \(file); put your data in data/cohort.csv (or edit 'data:') and run: survfig build \(file)")
  }
}
