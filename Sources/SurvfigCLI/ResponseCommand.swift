import ArgumentParser
import ReportEngine
import SurvivalFigures
import SurvivalStatistics
import Analyses
import ReportTemplates
import SurvivalSimulation
import ClinicalCSV

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
      """)

  @Option(help: ArgumentHelp("CSV file with a header row.", valueName: "file"))
  var data: String
  @Option(help: ArgumentHelp("Column identifying the patient.", valueName: "column"))
  var id: String
  @Option(help: ArgumentHelp("Column with the RECIST response (CR, PR, SD, PD, NE).", valueName: "column"))
  var response: String
  @Option(help: ArgumentHelp("Column with the assessment time: one row per assessment.", valueName: "column"))
  var time: String?
  @Option(help: "Unit of the time column (days, weeks, months, years).")
  var timeUnit: TimeUnit = .days
  @Option(help: ArgumentHelp("Column defining the groups to compare.", valueName: "column"))
  var group: String?
  @Option(
    help: ArgumentHelp(
      "Column with the patient's time of death (unit of --time; empty if alive): the duration of response ends at progression or death.",
      valueName: "column"))
  var deathTime: String?
  @Option(help: ArgumentHelp("Confirm CR/PR by a later assessment at least N weeks after.", valueName: "N"))
  var confirmWeeks: Double?
  @Option(help: ArgumentHelp("Minimum time from treatment start for SD, in weeks.", valueName: "N"))
  var sdMinWeeks: Double?
  @Option(help: "Confidence interval: clopper-pearson (exact, default) or wilson.")
  var method: ProportionInterval.Method = .clopperPearson
  @Option(help: "Confidence level of intervals.")
  var confLevel: Double = 0.95
  @Flag(help: "Print the statistics as one JSON object on standard output.")
  var json = false

  func validate() throws {
    guard confLevel > 0, confLevel < 1 else {
      throw ValidationError("Please give a '--conf-level' between 0 and 1 (e.g. 0.95).")
    }
    if deathTime != nil && time == nil {
      throw ValidationError("'--death-time' needs '--time': the duration of response runs from a dated response.")
    }
    for (name, value) in [("--confirm-weeks", confirmWeeks), ("--sd-min-weeks", sdMinWeeks)] {
      if let value, !(value >= 0 && value.isFinite) {
        throw ValidationError("'\(name)' must be 0 or greater.")
      }
      if value != nil && time == nil {
        throw ValidationError("'\(name)' needs '--time': the rules apply to dated assessments.")
      }
    }
  }

  func run() throws {
    let request = ResponseRequest(
      dataPath: data, idColumn: id, responseColumn: response, timeColumn: time,
      timeUnit: timeUnit, groupColumn: group, confirmWeeks: confirmWeeks,
      stableDiseaseMinimumWeeks: sdMinWeeks, method: method, confidenceLevel: confLevel,
      deathTimeColumn: deathTime)
    let analysis = try runResponse(request)
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
