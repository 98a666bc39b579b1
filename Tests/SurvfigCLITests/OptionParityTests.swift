import Analyses
import ArgumentParser
import Foundation
import OptionSchema
import ReportTemplates
import Testing

@testable import SurvfigCLI

/// Every option rule through both front ends: the command line and a template refuse the same
/// value with the same sentence, each naming the option as it spells it (`'--rho'`, `'rho'`).
@Suite("The command line and templates: one schema, the same refusals")
struct OptionParityTests {
  /// A figure or table kind with a minimal valid request on each front end.
  struct Kind: Sendable, CustomTestStringConvertible {
    var name: String
    /// Arguments of `survfig <name>` that make a valid request.
    var arguments: [String]
    /// Keys of a template's figure or table that make a valid request.
    var keys: [String]
    /// `figures` or `tables`.
    var section: String
    /// The declarations both front ends take, with the numbers and choices they accept.
    var declarations: [Declared]
    var testDescription: String { name }
  }

  struct Declared: Sendable {
    var key: String
    var commandLine: String
    var range: NumberRange?
    var choices: [String]?
  }

  static func declared<Request>(_ table: OptionTable<Request>) -> [Declared] {
    table.declarations.compactMap { declaration in
      guard declaration.isInTemplates, let name = declaration.commandLineName, !declaration.isFlag else { return nil }
      return Declared(key: declaration.key, commandLine: name, range: declaration.range, choices: declaration.choices)
    }
  }

  static let lung = Survfig.data("lung.csv")
  static let kinds: [Kind] = [
    Kind(
      name: "km", arguments: ["--data", lung, "--time", "time", "--event", "status", "--json"],
      keys: ["type: km", "data: lung", "time: time", "event: status"], section: "figures",
      declarations: declared(KaplanMeierRequest.options)),
    Kind(
      name: "forest", arguments: ["--data", lung, "--model", "Surv(time, status) ~ age", "--json"],
      keys: ["type: forest", "data: lung", "model: Surv(time, status) ~ age"], section: "figures",
      declarations: declared(ForestRequest.options)),
    Kind(
      name: "swimmer", arguments: ["--data", lung, "--id", "inst", "--end", "time", "--out", "s.pdf"],
      keys: ["type: swimmer", "data: lung", "id-column: inst", "end: time"], section: "figures",
      declarations: declared(SwimmerRequest.options)),
    Kind(
      name: "response", arguments: ["--data", lung, "--id", "inst", "--response", "status"],
      keys: ["type: response", "data: lung", "id-column: inst", "response: status"], section: "tables",
      declarations: declared(ResponseRequest.options)),
    Kind(
      name: "cif",
      arguments: ["--data", lung, "--time", "time", "--status", "status", "--event-value", "2", "--json"],
      keys: ["type: cif", "data: lung", "time: time", "status: status", "event-value: 2"], section: "figures",
      declarations: declared(CumulativeIncidenceRequest.options)),
  ]

  /// The command line's message for `arguments`, which must be refused as a usage error.
  static func commandLineMessage(_ arguments: [String]) -> String? {
    do {
      _ = try SurvfigCommand.parseAsRoot(arguments)
      return nil
    } catch {
      #expect(SurvfigCommand.exitCode(for: error) == .validationFailure, "\(arguments)")
      return SurvfigCommand.message(for: error)
    }
  }

  /// A template's message for a figure or table with `keys`, without its `file:line:col: 'key': `
  /// prefix, and the key path it names.
  static func templateMessage(_ kind: Kind, _ keys: [String]) -> (key: String, sentence: String)? {
    let body = keys.map { "    \($0)" }.joined(separator: "\n")
    let yaml = "data:\n  lung: \(lung)\n\(kind.section):\n  - id: x\n\(body)\n"
    do {
      _ = try ReportTemplate(yaml: yaml, file: "t.yaml")
      return nil
    } catch {
      let text = error.description
      guard let open = text.range(of: ": '"), let close = text.range(of: "': ", range: open.upperBound..<text.endIndex)
      else { return ("", text) }
      return (String(text[open.upperBound..<close.lowerBound]), String(text[close.upperBound...]))
    }
  }

  /// A value just outside `range`.
  static func outside(_ range: NumberRange) -> String {
    if let lower = range.lower { return NumberRange.textForTests(range.isLowerIncluded ? lower - 1 : lower) }
    if let upper = range.upper { return NumberRange.textForTests(range.isUpperIncluded ? upper + 1 : upper) }
    return "not-a-number"
  }

  @Test("every number outside its range and every unknown choice is refused alike", arguments: kinds)
  func valuesRefusedAlike(_ kind: Kind) throws {
    var checked = 0
    for declaration in kind.declarations {
      let bad: String
      if let range = declaration.range, range.lower != nil || range.upper != nil {
        bad = Self.outside(range)
      } else if declaration.choices != nil {
        bad = "bogus"
      } else {
        continue
      }
      let cli = Self.commandLineMessage([kind.name] + kind.arguments + ["--\(declaration.commandLine)=\(bad)"])
      let template = Self.templateMessage(kind, kind.keys + ["\(declaration.key): '\(bad)'"])
      let expected = template.map {
        $0.sentence.replacingOccurrences(of: "'\(declaration.key)'", with: "'--\(declaration.commandLine)'")
      }
      #expect(cli != nil && cli == expected, "\(kind.name) \(declaration.key) = \(bad)")
      #expect(
        template?.key.hasSuffix(declaration.key) == true, "\(kind.name) \(declaration.key): \(template?.key ?? "")")
      checked += 1
    }
    #expect(checked >= 3)
  }

  /// Rules that involve several options, with the command line's sentence.
  static let combinations: [(kind: String, arguments: [String], keys: [String], message: String)] = [
    (
      "km", ["--display-unit", "months"], ["display-unit: months"],
      "'--display-unit' needs '--time-unit' to know what to convert from"
    ),
    (
      "km", ["--strata", "inst"], ["strata: inst"],
      "'--strata' needs '--group': the stratified log-rank test compares the groups within each stratum, and without groups there is no test"
    ),
    (
      "km", ["--median-lines", "--fun", "cumhaz"], ["median-lines: true", "fun: cumhaz"],
      "'--median-lines' marks where the survival or event curve crosses 0.5; there is no such line for '--fun cumhaz'"
    ),
    ("km", ["--rho=-1"], ["rho: -1"], "'--rho' must be 0 or greater, found -1"),
    ("km", ["--rmst-tau", "0"], ["rmst-tau: 0"], "'--rmst-tau' must be greater than 0, found 0"),
    ("forest", ["--width", "5"], ["width: 5"], "'--width' must be between 30 and 1000 mm, found 5"),
    ("forest", ["--dpi", "5"], ["dpi: 5"], "'--dpi' must be between 36 and 2400 dpi, found 5"),
    (
      "forest", ["--treatment", "sex"], ["treatment: sex"],
      "give exactly one of '--model' (Cox models), '--treatment' (subgroups) or '--estimate' (a table of estimates)"
    ),
    ("forest", ["--stay-p", "0.1"], ["stay-p: 0.1"], "'--stay-p' sets up variable selection; add '--select backward'"),
    (
      "swimmer", ["--display-unit", "weeks"], ["display-unit: weeks"],
      "'--display-unit' needs '--time-unit' to know what to convert from"
    ),
    ("swimmer", ["--response-end", "time"], ["response-end: time"], "'--response-end' needs '--response-start'"),
    (
      "swimmer", ["--events", lung], ["events: lung"],
      "'--events' needs '--event-id', '--event-time' and '--event-type'"
    ),
    (
      "swimmer", ["--event-id", "inst"], ["event-id: inst"],
      "'--event-id' names a column of the events; give '--events'"
    ),
    (
      "response", ["--death-time", "time"], ["death-time: time"],
      "'--death-time' needs '--time': the duration of response runs from a dated response"
    ),
    (
      "cif", ["--strata", "sex"], ["strata: sex"],
      "'--strata' needs '--group': the stratified Gray's test compares the groups within each stratum, and without groups there is no test"
    ),
    (
      "cif", ["--competing-value", "2"], ["competing-value: 2"],
      "'--competing-value' lists '2', the code of the event of interest; a code cannot mean both"
    ),
    (
      "cif", ["--competing-value", "1", "--censor-value", "1"], ["competing-value: 1", "censor-value: 1"],
      "'--censor-value' lists '1', which is also a competing event; a code cannot mean both"
    ),
    (
      "cif", ["--curves", "stacked", "--group", "sex"], ["curves: stacked", "group: sex"],
      "'--curves stacked' stacks every cause of one group; leave out '--group' and keep the group's rows with '--where'"
    ),
    (
      "cif", ["--curves", "stacked", "--confidence-bands"], ["curves: stacked", "confidence-bands: true"],
      "'--confidence-bands' draws intervals around curves; '--curves stacked' draws areas, which have none"
    ),
  ]

  @Test("rules over several options are refused alike, each at its option", arguments: combinations.indices)
  func combinationsRefusedAlike(_ index: Int) throws {
    let rule = Self.combinations[index]
    let kind = try #require(Self.kinds.first { $0.name == rule.kind })
    // The template spelling of a command-line option: `'--fun cumhaz'` is `'fun: cumhaz'`.
    let cli = Self.commandLineMessage([kind.name] + kind.arguments + rule.arguments)
    #expect(cli == rule.message)
    let keys = kind.keys.filter { line in
      !rule.keys.contains { $0.split(separator: ":")[0] == line.split(separator: ":")[0] }
    }
    let template = Self.templateMessage(kind, keys + rule.keys)
    var expected = rule.message
    for match in rule.message.matches(of: /'--([a-z-]+)( [a-z]+)?'/) {
      let value = match.output.2.map { ":\($0)" } ?? ""
      expected = expected.replacingOccurrences(of: String(match.output.0), with: "'\(match.output.1)\(value)'")
    }
    #expect(template?.sentence == expected)
  }

  @Test("the command line's options are the schema's: each declared option is an option of its command and back")
  func commandLineMatchesSchema() throws {
    func check<Request>(_ command: ParsableCommand.Type, _ arguments: [String], _ table: OptionTable<Request>) throws {
      let parsed = try SurvfigCommand.parseAsRoot(arguments)
      let declared = Set(CommandLineOptions.declared(in: parsed).map(\.name)).subtracting(["json"])
      let schema = Set(table.declarations.compactMap(\.commandLineName))
      #expect(
        declared == schema,
        "\(command): only on the command line \(declared.subtracting(schema).sorted()), only in the schema \(schema.subtracting(declared).sorted())"
      )
      let help = command.helpMessage()
      for name in schema { #expect(help.contains("--\(name)"), "\(command) --help lacks --\(name)") }
    }
    try check(KaplanMeierCommand.self, ["km"] + Self.kinds[0].arguments, KaplanMeierRequest.options)
    try check(ForestCommand.self, ["forest"] + Self.kinds[1].arguments, ForestRequest.options)
    try check(SwimmerCommand.self, ["swimmer"] + Self.kinds[2].arguments, SwimmerRequest.options)
    try check(ResponseCommand.self, ["response"] + Self.kinds[3].arguments, ResponseRequest.options)
    try check(CumulativeIncidenceCommand.self, ["cif"] + Self.kinds[4].arguments, CumulativeIncidenceRequest.options)
    try check(CoxCommand.self, ["cox", "--data", Self.lung, "--model", "Surv(time, status) ~ age"], CoxRequest.options)
  }
}

extension NumberRange {
  static func textForTests(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }
}
