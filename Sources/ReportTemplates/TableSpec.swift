import Analyses
import OptionSchema
import SurvivalStatistics

/// One table of a template: what it summarises and the formats it is written in.
public struct TableSpec: Sendable {
  /// The table's file formats: CSV, Markdown, LaTeX, a Word document (`docx`) and an RTF
  /// TLF page (`rtf`), as the commands' `--out` names them.
  public typealias Format = TableFormat

  public var id: String
  /// How the report names the table ("Table 2"): the template's `label`, else "Table n" by
  /// position.
  public var label = ""
  public var title: String?
  /// What to compute: a request of one of ``TableKinds/all``.
  public var request: AnyTableRequest
  public var formats: [Format]
  public var filters: [TemplateExpression]
  public var location: String
  /// The keys that name columns, for messages about columns missing from the data.
  public var columnKeys = TemplateColumnKeys()

  /// "'csv', 'md', 'tex', 'docx' or 'rtf'", for messages.
  static var formatList: String { TableFormat.list }

  /// The keys every table takes besides its kind's options.
  static let keys = FigureSpec.keyDescriptions.map(\.key).filter { $0 != "caption" }

  init(_ node: TemplateNode, context: ReportTemplate.ParseContext) throws(TemplateError) {
    let typed = try node.uncheckedMapping()
    let kind = TableKinds.named(try typed.required("type").choice(TableKinds.names))!
    let m = try node.mapping(allowing: Self.keys + kind.templateKeys)
    self.id = try FigureSpec.identifier(try m.required("id"))
    self.title = try m["title"]?.string()
    if let labelNode = m["label"] { self.label = try FigureSpec.label(labelNode) }
    self.location = "\(node.file):\(node.line ?? 0)"
    self.formats =
      try m["formats"].map { n throws(TemplateError) in
        try n.strings().map { name throws(TemplateError) in
          guard let format = Format(rawValue: name.lowercased()) else {
            throw n.error("unknown table format '\(name)'; use \(Self.formatList)")
          }
          return format
        }
      } ?? Format.allCases
    self.filters = try m["filter"].map { n throws(TemplateError) in [try n.expression()] } ?? []
    let (request, endpointFilters, columnKeys) = try Self.request(kind, m, node: node, context: context)
    self.request = request
    self.filters.insert(contentsOf: endpointFilters, at: 0)
    self.columnKeys = columnKeys
  }

  /// The request of a table of `kind`, the filters of its endpoint and the keys naming columns.
  static func request<Kind: TableKind>(
    _ kind: Kind.Type, _ m: TemplateMapping, node: TemplateNode, context: ReportTemplate.ParseContext
  ) throws(TemplateError) -> (AnyTableRequest, [TemplateExpression], TemplateColumnKeys) {
    let values = try SpecOptionValues(m, options: kind.options, context: context, noun: "\(kind.name) table")
    let request: AnyTableRequest
    do {
      request = try kind.request(
        values.values, defaults: context.style.figureOutput, spelling: .template, container: TemplateOrigin.of(node))
    } catch {
      throw error.templateError(at: node)
    }
    var columnKeys = TemplateColumnKeys()
    columnKeys.record(values.values, options: kind.options, files: values.files)
    return (request, values.filters, columnKeys)
  }
}
