import Analyses
import ArgumentParser
import ClinicalData
import ReportEngine
import ReportTemplates
import SurvivalFigures
import SurvivalSimulation
import SurvivalStatistics

/// `survfig response`: best overall response, ORR and DCR with exact intervals, Fisher's test.
struct ResponseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "response",
    abstract: "Tumour response by RECIST 1.1: best overall response, ORR and DCR with exact intervals.",
    discussion: """
      Reads a CSV file with one row per patient (a precomputed best overall response) or, with \
      --time, one row per assessment. Response codes are CR, PR, SD, PD and NE (any letter \
      case); an empty cell is NE. Rates are over the evaluable patients (best response other \
      than NE); groups are compared by Fisher's exact test of responders vs non-responders. \
      With --time, the duration of response (Kaplan–Meier from the first CR/PR to progression, \
      or to death with --death-time) is given per group.

      Examples:
        survfig response --data bor.csv --id patient --response bor --group arm
        survfig response --data scans.csv --id patient --response recist --time day \\
          --confirm-weeks 4 --sd-min-weeks 6 --json
        survfig response --data bor.csv --id patient --response bor --group arm --out response.docx
      """)

  @Option(help: ResponseRequest.options.help("data")) var data: String?
  @Option(help: ResponseRequest.options.help("id")) var id: String?
  @Option(help: ResponseRequest.options.help("response")) var response: String?
  @Option(help: ResponseRequest.options.help("time")) var time: String?
  @Option(help: ResponseRequest.options.help("time-unit")) var timeUnit: String?
  @Option(help: ResponseRequest.options.help("group")) var group: String?
  @OptionGroup(title: "Rows") var rows: RowSelectionOptions
  @Option(help: ResponseRequest.options.help("death-time")) var deathTime: String?
  @Option(help: ResponseRequest.options.help("confirm-weeks")) var confirmWeeks: String?
  @Option(help: ResponseRequest.options.help("sd-min-weeks")) var sdMinWeeks: String?
  @Option(help: ResponseRequest.options.help("denominator")) var denominator: String?
  @Option(help: ResponseRequest.options.help("method")) var method: String?
  @Option(help: ResponseRequest.options.help("conf-level")) var confLevel: String?
  @Option(help: ResponseRequest.options.help("out")) var out: [String] = []
  @Option(help: ResponseRequest.options.help("title")) var title: String?
  @Flag(help: "Print the statistics as one JSON object on standard output.")
  var json = false

  func validate() throws { _ = try request() }

  func request() throws -> ResponseRequest {
    try CommandLineOptions.request(
      self, options: ResponseRequest.options, from: ResponseRequest(dataPath: "", idColumn: "", responseColumn: ""))
  }

  func run() throws {
    let request = try request()
    try TableFiles.check(request.tableOutput.paths)
    let analysis = try runResponse(request)
    let title = request.tableOutput.title ?? ResponseRequest.defaultTableTitle
    try TableFiles.write(analysis.table(title: title), title: title, to: request.tableOutput.paths, fontFamily: .sans)
    print(json ? analysis.json.serialized(pretty: true) : analysis.textTable)
  }
}

/// `survfig ci`: a binomial proportion with its confidence interval.
struct ConfidenceIntervalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ci",
    abstract: "A proportion x/n with its Clopper–Pearson (exact) or Wilson confidence interval.",
    discussion: """
      Examples:
        survfig ci --successes 10 --trials 21
        survfig ci --successes 10 --trials 21 --method wilson --conf-level 0.9 --json
      """)

  @Option(help: ArgumentHelp("Number of successes (e.g. responders).", valueName: "x"))
  var successes: Int
  @Option(help: ArgumentHelp("Number of trials (e.g. evaluable patients).", valueName: "n"))
  var trials: Int
  @Option(help: "Confidence interval: clopper-pearson (exact, default) or wilson.")
  var method: ProportionInterval.Method = .clopperPearson
  @Option(help: "Confidence level of the interval.")
  var confLevel: Double = 0.95
  @Flag(help: "Print the result as one JSON object on standard output.")
  var json = false

  func validate() throws {
    guard trials > 0 else { throw ValidationError("'--trials' must be at least 1.") }
    guard successes >= 0, successes <= trials else {
      throw ValidationError("'--successes' must be between 0 and '--trials' (\(trials)).")
    }
    guard confLevel > 0, confLevel < 1 else {
      throw ValidationError("Please give a '--conf-level' between 0 and 1 (e.g. 0.95).")
    }
  }

  func run() throws {
    let interval = try ProportionInterval(
      successes: successes, trials: trials, level: confLevel, method: method)
    if json {
      print(interval.json.serialized(pretty: true))
    } else {
      let level = String(format: "%g", confLevel * 100)
      let name = method == .wilson ? "Wilson" : "Clopper–Pearson"
      func percent(_ v: Double) -> String { JournalFormat.percent(100 * v) }
      print(
        "\(successes)/\(trials) = \(percent(interval.estimate))% (\(level)% CI \(percent(interval.lower))–\(percent(interval.upper))%; \(name))"
      )
    }
  }
}

extension ProportionInterval.Method: ExpressibleByArgument {}

#if canImport(Foundation)
  import Foundation
#endif

extension ResponseCommand: DocumentedCommand {
  static var referencePage: String {
    ReferenceDocumentation.commandPage(
      self, ResponseRequest.options, templateNote: ReferenceDocumentation.responseNote,
      own: ReferenceDocumentation.jsonFlag)
  }
}
