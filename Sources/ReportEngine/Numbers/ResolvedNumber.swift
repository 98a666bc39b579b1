import Analyses
import ClinicalData
import ReportTemplates
import SurvivalFigures

/// A named number of a build: its text as the captions print it, the number behind it and
/// where it came from.
struct ResolvedNumber: Sendable {
  var name: String
  /// As printed: "19.9", "12.0–22.1", "P < 0.001", "0.13 (0.04–0.37)".
  var text: String
  /// The unrounded number when the value is one (a caption number), nil for texts.
  var value: Double?
  var source: String
  var quotedAfter: [String]

  /// `number` found in the values of the build's figures (caption values) and tables (printed
  /// cells), formatted as captions format it.
  /// - Throws: ``TemplateError`` at the number's value naming the step that has no value and
  ///   what the values there are.
  static func resolve(_ number: NamedNumber, figures: [String: CaptionValueTree], tables: [String: CaptionValueTree])
    throws(TemplateError) -> ResolvedNumber
  {
    guard var node = figures[number.id] ?? tables[number.id] else {
      throw number.position.error("'\(number.id)' was not built; build the whole template for its numbers")
    }
    var path = number.id
    for case .key(let key) in number.steps {
      guard let next = node.child(key) else {
        let names = node.childNames
        let hint = SpellingSuggestion.closest(to: key, among: names).map { " Did you mean '\($0)'?" } ?? ""
        let list = names.isEmpty ? "" : " (\(names.prefix(20).map { "'\($0)'" }.joined(separator: ", ")))"
        throw number.position.error(
          "'\(number.source)': \(path) has no value '\(key)'; it is \(node.kindName)\(list).\(hint)")
      }
      node = next
      path += "." + key
    }
    var text: String
    var value: Double?
    switch node {
    case .number(let caption):
      text = caption.text
      value = caption.value
      if let helper = number.helper { text = caption.applying(helper) ?? text }
    case .text, .flag:
      guard let helper = number.helper else {
        text = node.plainText ?? ""
        break
      }
      throw number.position.error(
        "'\(number.source)': the helper '\(helper)' applies to numbers, and it is \(node.kindName)")
    default:
      throw number.position.error(
        "'\(number.source)': it is \(node.kindName), not a number or text; name one of its values")
    }
    return ResolvedNumber(
      name: number.name, text: text, value: value, source: number.source, quotedAfter: number.quotedAfter)
  }
}

/// The files of a build's named numbers: LaTeX macros, JSON for Quarto, Pandoc and R Markdown,
/// CSV for Word's mail merge or a spreadsheet.
enum NumberFiles {
  /// `\newcommand{\osMedianAll}{19.9}` for a name of letters and `_` (camel case: the letters
  /// after each `_` upper-cased), and for every name `\survfignumber{os_median_all}`, which
  /// stops LaTeX with an error naming an unknown name.
  static func latex(_ numbers: [ResolvedNumber], template: String) -> String {
    var lines = [
      "% Named numbers of \(template), written by survfig build; do not edit.",
      "% \\survfignumber{name} gives any of them; names of letters and _ also have a macro.",
      "\\providecommand{\\survfignumber}[1]{\\ifcsname survfignumber@#1\\endcsname\\csname survfignumber@#1\\endcsname\\else\\errmessage{survfig: no number named '#1'}\\fi}",
    ]
    for number in numbers {
      let text = ReportTable.latexEscaped(number.text)
      lines.append("\\expandafter\\def\\csname survfignumber@\(number.name)\\endcsname{\(text)}")
      if let macro = macroName(number.name) { lines.append("\\newcommand{\\\(macro)}{\(text)}") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `os_median_all` → `osMedianAll`; nil for a name with digits (LaTeX macro names are
  /// letters).
  static func macroName(_ name: String) -> String? {
    guard name.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
    let parts = name.split(separator: "_")
    guard let first = parts.first else { return nil }
    return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }

  /// `{"numbers": {name: text}, "values": {name: number or null}, "sources": {name: path},
  /// "quoted_after": {name: [phrase]}}`; `numbers` is what a manuscript quotes (Quarto:
  /// `{{< meta numbers.os_median_all >}}`).
  static func json(_ numbers: [ResolvedNumber]) -> [UInt8] {
    JSONValue.object([
      ("numbers", .object(numbers.map { ($0.name, .string($0.text)) })),
      ("values", .object(numbers.map { ($0.name, $0.value.map { .number($0) } ?? .null) })),
      ("sources", .object(numbers.map { ($0.name, .string($0.source)) })),
      ("quoted_after", .object(numbers.map { ($0.name, .array($0.quotedAfter.map { .string($0) })) })),
    ]).utf8(pretty: true) + [UInt8(ascii: "\n")]
  }

  /// `name,text,value,source`, RFC 4180.
  static func csv(_ numbers: [ResolvedNumber]) -> String {
    let table = ReportTable(
      columns: ["name", "text", "value", "source"].map { ReportTable.Column($0) },
      rows: numbers.map { ReportTable.Row([$0.name, $0.text, $0.value.map { "\($0)" } ?? "", $0.source]) })
    return table.csv
  }
}
