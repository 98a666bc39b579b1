import ArgumentParser
import Foundation
import ReportEngine

/// `survfig build`: every figure of a report template, the report PDF and sidecars.
struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Build every figure of a report template, its sidecar JSON and the report PDF.",
    discussion: """
      Writes <out>/<id>.<format> and <out>/<id>.json for each figure and <out>/<template>.pdf \
      with all figures and captions. Files are written only when every figure succeeded.

      Example:
        survfig build Templates/lung.yaml --out Output --depfile Output/lung.d
      """)

  @Argument(help: ArgumentHelp("The report template (YAML).", valueName: "template"))
  var template: String

  @Option(help: ArgumentHelp("Folder for the outputs.", valueName: "folder"))
  var out = "Output"

  @Option(parsing: .upToNextOption, help: ArgumentHelp("Build only these figure ids.", valueName: "id"))
  var only: [String] = []

  @Option(help: "Figures built at the same time (default: the number of cores).")
  var jobs: Int?

  @Option(help: ArgumentHelp("Write a make dependency file.", valueName: "file"))
  var depfile: String?

  @Flag(help: "Fail when figure lint finds small, overlapping or clipped text.")
  var strict = false

  @Flag(help: "Print nothing but warnings and errors.")
  var quiet = false

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("'--jobs' must be 1 or more.") }
  }

  func run() throws {
    let parsed = try ReportTemplate(contentsOfFile: template)
    let options = ReportBuildOptions(
      outputFolder: out, only: only.isEmpty ? nil : only,
      jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, depfile: depfile,
      isStrict: strict, executable: Self.executablePath)
    let total = only.isEmpty ? parsed.figures.count : only.count
    let counter = ProgressCounter(total: total)
    let start = DispatchTime.now().uptimeNanoseconds
    let quiet = self.quiet
    let isTerminal = isatty(STDERR_FILENO) == 1
    let result = try ReportBuilder(template: parsed, options: options).run { line in
      let step = counter.next()
      guard !quiet else { return }
      // On a terminal each line carries a bar of the figures done so far.
      let filled = total == 0 ? 0 : step * 20 / total
      let bar = isTerminal ? String(repeating: "█", count: filled) + String(repeating: "·", count: 20 - filled) + " " : ""
      printError("\(bar)[\(step)/\(total)] \(line)")
    }
    for warning in result.warnings { printError("warning: \(warning)") }
    if !quiet {
      let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
      printError("wrote \(result.files.count) files to \(out)/ in \(Int(ms.rounded())) ms")
    }
  }

  /// The running executable, as make should see it (resolved through PATH when needed).
  static var executablePath: String {
    let argument = CommandLine.arguments[0]
    if argument.contains("/") { return argument }
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
      let candidate = "\(folder)/\(argument)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return argument
  }
}

/// Counts finished steps from several threads.
final class ProgressCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var done = 0
  let total: Int
  init(total: Int) { self.total = total }
  func next() -> Int {
    lock.lock()
    defer { lock.unlock() }
    done += 1
    return done
  }
}
