import Analyses
import ArgumentParser
import Foundation
import ReportEngine
import ReportTemplates
import SurvivalSimulation

/// `survfig build`: every figure of a report template, the report PDF and sidecars.
struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Build every figure of a report template, its sidecar JSON and the report PDF.",
    discussion: """
      Writes <out>/<id>.<format> and <out>/<id>.json for each figure and <out>/<template>.pdf \
      with all figures and captions. Files are written only when every figure succeeded, and \
      all together: a failure, a full disk or Ctrl-C leaves the output folder as it was.

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

  @Flag(
    help:
      "Write every figure even when figure lint finds problems (text too small, overlapping or clipped, content that does not fit); they are printed as warnings. Without it they are an error unless the figure or the style sets 'allow-lint: true'."
  )
  var allowLint = false

  @Flag(help: "Fail on every finding: figure lint's (also where allowed) and unknown names in captions.")
  var strict = false

  @Flag(help: "Print nothing but warnings and errors.")
  var quiet = false

  @Option(
    help: ArgumentHelp(
      "What the sidecar JSON files hold: summary (what is printed: estimates, risk-table counts, texts; the default, for files that circulate) or full (also every step of each curve and every swimmer lane).",
      valueName: "summary|full"))
  var sidecar: String = "summary"

  @Option(
    help: ArgumentHelp(
      "The manuscript outputs to write besides the report PDF, overriding the template's 'documents': docx, rtf, methods, numbers (comma-separated), all or none.",
      valueName: "list"))
  var documents: String?

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("'--jobs' must be 1 or more.") }
    guard SidecarDetail(rawValue: sidecar) != nil else {
      throw ValidationError("'--sidecar' must be one of 'summary', 'full', found '\(sidecar)'.")
    }
    _ = try documentKinds()
  }

  /// The kinds `--documents` names; nil without it.
  func documentKinds() throws -> [ManuscriptDocumentKind]? {
    guard let documents else { return nil }
    let items = documents.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    switch ManuscriptDocumentKind.parse(items) {
    case .success(let kinds): return kinds
    case .failure(let unknown): throw ValidationError("'--documents': \(unknown.message).")
    }
  }

  func run() throws {
    let parsed = try ReportTemplate(contentsOfFile: template)
    var options = ReportBuildOptions(
      outputFolder: out, only: only.isEmpty ? nil : only,
      jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, depfile: depfile,
      isStrict: strict, executable: Self.executablePath)
    options.sidecarDetail = SidecarDetail(rawValue: sidecar) ?? .summary
    options.allowsLint = allowLint
    options.documents = try documentKinds()
    let builder = ReportBuilder(template: parsed, options: options)
    let total = builder.progressStepCount
    let counter = ProgressCounter(total: total)
    let start = DispatchTime.now().uptimeNanoseconds
    let quiet = self.quiet
    let isTerminal = isatty(STDERR_FILENO) == 1
    let result = try builder.run { line in
      let step = counter.next()
      guard !quiet else { return }
      // On a terminal each line carries a bar of the figures and tables done so far.
      let bar = isTerminal ? ProgressCounter.bar(step: step, total: total) + " " : ""
      printError("\(bar)[\(step)/\(total)] \(line)")
    }
    for warning in result.warnings { printError("warning: \(warning)") }
    if !quiet {
      let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
      let written = result.files.count - result.unchanged.count
      let kept = result.unchanged.isEmpty ? "" : " (\(result.unchanged.count) up to date and unchanged)"
      printError("wrote \(written) file\(written == 1 ? "" : "s") to \(out)/\(kept) in \(Int(ms.rounded())) ms")
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

  /// A bar of `width` cells, `█` for the share of steps done and `·` for the rest; a step
  /// count outside 0…total (or a total of 0) shows as empty or full, never as a negative run.
  static func bar(step: Int, total: Int, width: Int = 20) -> String {
    let filled = total <= 0 ? width : min(max(step, 0), total) * width / total
    return String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
  }
}
