import Analyses
import ClinicalData
import Expressions
import FigureCore
import Foundation
import YAMLPreflight
import Yams

/// A report template: named data files, a style, endpoints and the figures to build, read from
/// YAML written by hand (`survfig build Templates/os.yaml`).
///
/// ```yaml
/// title: Overall survival in the NCCTG lung cancer trial
/// data:
///   lung: data/lung.csv            # relative to the template
/// style: two-column                # or single-column, nature, lancet, or a mapping
/// endpoints:
///   os: {data: lung, time: time, event: status, event-value: 2, time-unit: days}
/// figures:
///   - id: os-by-sex
///     type: km
///     endpoint: os
///     group: sex
///     group-labels: {1: Male, 2: Female}
///     caption: Overall survival by sex (log-rank {{logrank.p_text}}).
/// ```
public struct ReportTemplate: Sendable {
  /// The template's path as given, used in messages.
  public var file: String
  public var title: String?
  public var author: String?
  /// Data files by name, as paths relative to the working folder.
  public var data: [String: String]
  public var style: ReportStyle
  /// Derived variables per data name, in the order they are computed.
  public var derivations: [String: [Derivation]]
  public var figures: [FigureSpec]
  public var tables: [TableSpec]
  /// How RTF outputs are set (`tlf`).
  public var tlf = TLFSettings()
  /// Numbers named for the manuscript (`numbers`), in template order.
  public var numbers: [NamedNumber] = []
  /// The manuscript outputs a full build writes besides the report PDF (`documents`); all by
  /// default.
  public var documents = ManuscriptDocumentKind.allCases

  /// A derived variable: a new column computed from an expression.
  public struct Derivation: Sendable {
    public var name: String
    public var expression: TemplateExpression
  }

  /// The keys at the top of a template, with what each holds.
  public static let rootKeyDescriptions: [(key: String, description: String)] = [
    ("title", "The report's title (the PDF's metadata and outline)."),
    ("author", "The report's author (the PDF's metadata)."),
    ("data", "Data files by name, each a path relative to the template: `lung: data/lung.csv`."),
    (
      "derive",
      "Derived columns per data name, each an expression: `os_months: months_between(diagnosis, last_contact)`."
    ),
    ("style", "A preset (`two-column`, `single-column`, `nature`, `lancet`) or a mapping of style keys."),
    ("endpoints", "Named sets of keys shared by figures and tables (data, time, event, codes, unit, filter)."),
    ("figures", "The figures, in report order."),
    ("tables", "The tables, in report order, after the figures."),
    (
      "numbers",
      "Numbers named for the manuscript, each `name: <figure or table id>.<path>` or a mapping of `value` and `quoted-after`; see the templates guide."
    ),
    ("tlf", "How the RTF tables and figures are set: population, program, data cut, run time, orientation, pitch."),
    (
      "documents",
      "The manuscript outputs a full build writes besides the report PDF: `docx` (`<template>.docx`), `rtf` (`<template>.rtf`), `methods` (`<template>-methods.md`, `.tex`, `.bib`), `numbers` (`<template>-numbers.tex`, `.json`, `.csv`); a list, `all` (the default) or `none`. `survfig build --documents` overrides it."
    ),
  ]
  static let rootKeys = rootKeyDescriptions.map(\.key)
  /// The keys of an endpoint: what a Kaplan–Meier or cumulative incidence figure, or a survival
  /// or Fine–Gray table, takes from it.
  public static let endpointKeyNames = [
    "data", "time", "event", "status", "censor", "event-value", "competing-value", "censor-value", "time-unit", "param",
    "population", "where", "filter",
  ]
  static let endpointKeys = endpointKeyNames

  /// Reads and checks the template at `path`.
  ///
  /// - Throws: ``TemplateError`` naming `file:line:column` and the key for anything that is
  ///   not a valid template: unknown keys (with the closest valid key), wrong types, unknown
  ///   endpoints or data names, duplicate figure ids, missing data files.
  public init(contentsOfFile path: String) throws(TemplateError) {
    let bytes: Data
    do {
      bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw TemplateError(file: path, key: "", message: "cannot read the template: \(Self.reason(error))")
    }
    if let valid = TextEncoding.firstNonUTF8Offset(in: Array(bytes)) {
      // The line and column of the first byte that is not UTF-8.
      let before = bytes.prefix(valid)
      let line = before.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
      let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? before.startIndex
      let column = String(decoding: before[lineStart...], as: UTF8.self).count + 1
      throw TemplateError(
        file: path, line: line, column: column, key: "",
        message:
          "the template is not UTF-8 text (byte 0x\(String(bytes[bytes.startIndex + valid], radix: 16, uppercase: true)) here); save it as UTF-8"
      )
    }
    try self.init(yaml: String(decoding: bytes, as: UTF8.self), file: path)
  }

  /// Reads a template from its text; relative data paths are taken from the folder of `file`.
  public init(yaml: String, file: String) throws(TemplateError) {
    // Yams recurses once per level and hashes keys whole: refuse deep nesting and keys that are
    // not text before it reads them.
    if let problem = YAMLNesting.problem(in: yaml) {
      throw TemplateError(file: file, line: problem.line, column: problem.column, key: "", message: problem.message)
    }
    let node: Node
    do {
      guard let parsed = try Yams.compose(yaml: yaml) else {
        throw TemplateError(
          file: file, key: "", message: "the template is empty; expected keys such as 'data' and 'figures'")
      }
      node = parsed
    } catch let error as TemplateError {
      throw error
    } catch let error as YamlError {
      throw Self.syntaxError(error, file: file)
    } catch {
      throw TemplateError(file: file, key: "", message: "\(error)")
    }
    let root = try TemplateNode(node, file: file, path: "").mapping(allowing: Self.rootKeys)
    self.file = file
    self.title = try root["title"]?.string()
    self.author = try root["author"]?.string()
    let folder = (file as NSString).deletingLastPathComponent

    var data: [String: String] = [:]
    for (name, value) in try root.required("data").entries() {
      let relative = try value.string()
      let resolved = relative.hasPrefix("/") || folder.isEmpty ? relative : folder + "/" + relative
      guard FileManager.default.fileExists(atPath: resolved) else {
        throw value.error("the data file '\(resolved)' does not exist")
      }
      data[name] = resolved
    }
    self.data = data
    var derivations: [String: [Derivation]] = [:]
    for (name, variables) in try root["derive"]?.entries() ?? [] {
      guard data[name] != nil else {
        throw variables.error(FigureSpec.unknown("data", name, among: Array(data.keys)))
      }
      derivations[name] = try variables.entries().map { variable throws(TemplateError) in
        Derivation(name: variable.key, expression: try variable.value.expression())
      }
    }
    self.derivations = derivations
    self.style =
      try root["style"].map { n throws(TemplateError) in
        try ReportStyle.parse(n, base: ReportStyle.presets["two-column"]!)
      } ?? ReportStyle.presets["two-column"]!

    var endpoints: [String: TemplateMapping] = [:]
    for (name, value) in try root["endpoints"]?.entries() ?? [] {
      endpoints[name] = try value.mapping(allowing: Self.endpointKeys)
    }

    let context = ParseContext(data: data, endpoints: endpoints, style: style)
    var figures: [FigureSpec] = []
    var ids: Set<String> = []
    // The report is written to <template name>.pdf, next to the figures' <id>.pdf.
    let reportName = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    func checkNotReportName(_ id: String, _ item: TemplateNode) throws(TemplateError) {
      for suffix in ["-numbers", "-methods"] where id == reportName + suffix {
        throw ((try? item.uncheckedMapping())?["id"] ?? item).error(
          "the id '\(id)' is the name of the build's \(suffix.dropFirst()) files (\(id).tex, …), which this output's files would overwrite; choose another id"
        )
      }
      guard id != reportName else {
        throw ((try? item.uncheckedMapping())?["id"] ?? item).error(
          "the id '\(id)' is the template's name: the report is written to \(reportName).pdf, which this output's files would overwrite; choose another id"
        )
      }
    }
    for item in try root["figures"]?.list() ?? [] {
      var figure = try FigureSpec(item, context: context)
      try checkNotReportName(figure.id, item)
      if figure.label.isEmpty { figure.label = "Figure \(figures.count + 1)" }
      guard ids.insert(figure.id).inserted else {
        throw item.error("the figure id '\(figure.id)' is used twice; ids name the output files and must be unique")
      }
      figures.append(figure)
    }
    self.figures = figures
    var tables: [TableSpec] = []
    for item in try root["tables"]?.list() ?? [] {
      var table = try TableSpec(item, context: context)
      try checkNotReportName(table.id, item)
      if table.label.isEmpty { table.label = "Table \(tables.count + 1)" }
      guard ids.insert(table.id).inserted else {
        throw item.error("the id '\(table.id)' is used twice; ids name the output files and must be unique")
      }
      tables.append(table)
    }
    self.tables = tables
    guard !figures.isEmpty || !tables.isEmpty else {
      throw TemplateError(
        file: file, key: "", message: "the template has no 'figures' and no 'tables'; nothing to build")
    }
    if let node = root["tlf"] { self.tlf = try TLFSettings(node) }
    if let node = root["documents"] {
      switch ManuscriptDocumentKind.parse(try node.strings()) {
      case .success(let kinds): self.documents = kinds
      case .failure(let unknown): throw node.error(unknown.message)
      }
    }
    if let node = root["numbers"] {
      self.numbers = try NamedNumber.parse(node, ids: figures.map(\.id) + tables.map(\.id))
    }
  }

  /// What figure specifications need from the rest of the template.
  struct ParseContext {
    var data: [String: String]
    var endpoints: [String: TemplateMapping]
    var style: ReportStyle
  }

  private static func syntaxError(_ error: YamlError, file: String) -> TemplateError {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
      return TemplateError(file: file, line: mark.line, column: mark.column, key: "", message: "invalid YAML: \(what)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      return TemplateError(
        file: file, line: context.mark.line, column: context.mark.column, key: "",
        message:
          "invalid YAML: the mapping here has \(duplicates.count == 1 ? "the key" : "the keys") \(keys) more than once")
    default:
      return TemplateError(file: file, key: "", message: "invalid YAML: \(error)")
    }
  }

  private static func reason(_ error: Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return nsError.localizedDescription
  }
}
