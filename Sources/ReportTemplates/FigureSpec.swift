import Analyses
import ClinicalData
import FigureCore
import OptionSchema

/// One figure of a template: what to compute and draw, its caption and its output formats.
public struct FigureSpec: Sendable {
  public enum Kind: Sendable {
    /// A figure of one of ``FigureKinds/all``.
    case figure(AnyFigureRequest)
    /// Sub-figures in a grid, labelled A, B, C …, sharing one page size.
    case panels(columns: Int, [FigureSpec])
  }

  /// The name of the output files (`<id>.pdf`, `<id>.json`).
  public var id: String
  public var kind: Kind
  /// How the report names the figure ("Figure 3", "Table 3" for a forest plot of a paper's
  /// table, "Supplementary Figure S1"): the template's `label`, else "Figure n" by position.
  public var label = ""
  /// A Mustache template filled with the figure's statistics.
  public var caption: String?
  /// Where the caption is in the template, for messages about it.
  public var captionPosition: TemplateKeyPosition?
  public var formats: [OutputFormat]
  /// `file:line` of the figure in the template, for messages.
  public var location: String
  public var widthMillimetres: Double
  public var heightMillimetres: Double
  /// Resolution of the PNG file: the figure's `dpi`, else the style's.
  public var dpi: Double
  /// RGB or CMYK for the PDF and TIFF files (PNG, SVG and EPS files stay RGB): the figure's
  /// `color`, else the style's.
  public var colorModel: ColorModel = .rgb
  /// Text of the SVG file: the figure's `svg-text`, else the style's.
  public var svgText: SVGTextMode = .outlines
  /// Whether the template sets the height; otherwise a Kaplan–Meier figure (or a grid of them)
  /// grows taller when a plot area would get less than its minimum height.
  public var isHeightFixed = false
  /// Write the figure even when figure lint finds problems (`allow-lint`, the figure's or the
  /// style's); otherwise they fail the build.
  public var allowsLint = false
  /// Conditions rows must meet (the endpoint's and the figure's), combined with `and`.
  public var filters: [TemplateExpression]
  /// Append the methods statement to the caption.
  public var methodsInCaption: Bool
  /// The keys that name columns, for messages about columns missing from the data.
  public var columnKeys = TemplateColumnKeys()

  /// The keys every figure takes besides its kind's options (tables take them too, but for
  /// `caption`, and with `title`).
  public static let keyDescriptions: [(key: String, description: String)] = [
    (
      "id",
      "The name of the output files (`<id>.pdf`, `<id>.json`): letters, digits, `-`, `_`, `.`; unique in the template."
    ),
    (
      "type",
      "The kind of figure (`km`, the default, `cif`, `forest`, `swimmer`, `panels`) or of table (`survival`, `response`, `cox`, `fine-gray`, `characteristics`)."
    ),
    ("endpoint", "An endpoint whose keys the figure or table takes."),
    (
      "filter",
      "An expression rows must meet (with the endpoint's, combined with `and`): `filter: 'stage in (\"III\", \"IV\")'`."
    ),
    (
      "caption",
      "Figures: a Mustache template over the figure's values: `Median {{#groups}}{{label}} {{median_text}}{{sep}}{{/groups}}`."
    ),
    ("title", "Tables: the table's title (a figure's title is its `title` option)."),
    (
      "formats",
      "Figures: `pdf`, `png` (the default pair; with a style's journal, `pdf` and the formats the journal takes), `svg`, `eps`, `tiff`; tables: `csv`, `md`, `tex`, `docx` (a Word table), `rtf` (a TLF page; all by default)."
    ),
    ("label", "How the report names it (`Figure 3`, `Table 2`, `Supplementary Figure S1`); by default by its place."),
  ]
  static let keys = keyDescriptions.map(\.key).filter { $0 != "title" }
  /// The keys of a grid of panels.
  public static let panelKeyDescriptions: [(key: String, description: String)] = [
    ("columns", "Panels per row, 1 to 6 (default 2)."),
    ("panels", "The panels: figures without `id` or `label`, lettered A, B, … by their place."),
    ("width", "The grid's width in millimetres (default: the style's two-column width)."),
    (
      "height",
      "The grid's height in millimetres (default: from the style's height per row; the grid then grows to fit)."
    ),
    ("dpi", "Resolution of the PNG file."),
    (
      "allow-lint",
      "Write the grid even when figure lint finds problems in it (text too small, overlapping or off its panel, a panel too small for its contents); they are printed as warnings (default: the style's, false)."
    ),
  ]
  static let panelKeys = panelKeyDescriptions.map(\.key)
  /// The figure types: every kind and `panels`.
  static var types: [String] { FigureKinds.names + ["panels"] }

  init(_ node: TemplateNode, context: ReportTemplate.ParseContext, isPanel: Bool = false) throws(TemplateError) {
    let typed = try node.uncheckedMapping()
    let type = try typed["type"]?.choice(Self.types) ?? KaplanMeierKind.name
    if isPanel, type == "panels", let typeNode = typed["type"] {
      throw typeNode.error(
        "a panel cannot itself hold panels; list them all in this figure's 'panels' (its 'columns' set the grid), or make the inner grid a figure of its own"
      )
    }
    let figureKind = FigureKinds.named(type)
    let m = try node.mapping(allowing: Self.keys + (figureKind?.templateKeys ?? Self.panelKeys))
    self.location = "\(node.file):\(node.line ?? 0)"
    if isPanel {
      self.id = try m["id"]?.string() ?? ""
    } else {
      self.id = try Self.identifier(try m.required("id"))
    }
    if let labelNode = m["label"] {
      guard !isPanel else {
        throw labelNode.error("a panel is lettered A, B, … by its place; 'label' names the whole figure")
      }
      self.label = try Self.label(labelNode)
    }
    self.caption = try m["caption"]?.string()
    self.captionPosition = m["caption"]?.position
    self.methodsInCaption = context.style.methodsInCaption
    self.filters = try m["filter"].map { n throws(TemplateError) in [try n.expression()] } ?? []
    self.formats =
      try m["formats"].map { n throws(TemplateError) in
        try n.strings().map { name throws(TemplateError) in
          let lowercased = name.lowercased()
          guard let format = OutputFormat(rawValue: lowercased == "tif" ? "tiff" : lowercased) else {
            throw n.error("unknown format '\(name)'; use 'pdf', 'svg', 'png', 'eps' or 'tiff'")
          }
          return format
        }
      } ?? context.style.defaultFormats

    let style = context.style
    guard let figureKind else {
      let columns = try m["columns"]?.integer("a number of columns") ?? 2
      guard columns >= 1, columns <= 6 else { throw m["columns"]!.error("expected 1 to 6 columns") }
      let width =
        try m["width"].map { n throws(TemplateError) in try ReportStyle.millimetres(n) } ?? style.doubleColumnWidth
      let panelsNode = try m.required("panels")
      let items = try panelsNode.list()
      guard !items.isEmpty else { throw panelsNode.error("expected at least one panel") }
      let rows = (items.count + columns - 1) / columns
      let height =
        try m["height"].map { n throws(TemplateError) in try ReportStyle.millimetres(n) }
        ?? min(style.height * Double(rows) * 0.85, 240)
      var cellStyle = style
      // Panels keep the report's type size, not the one their cell's width would give.
      cellStyle.fontSize = style.baseFontSize
      cellStyle.columns = 2
      cellStyle.doubleColumnWidth = width / Double(columns)
      cellStyle.height = height / Double(rows)
      let cellContext = ReportTemplate.ParseContext(data: context.data, endpoints: context.endpoints, style: cellStyle)
      let panels = try items.map { item throws(TemplateError) in
        try FigureSpec(item, context: cellContext, isPanel: true)
      }
      self.dpi = try m["dpi"].map { n throws(TemplateError) in try ReportStyle.dpi(n) } ?? style.dpi
      self.colorModel = style.colorModel
      self.svgText = style.svgText
      self.kind = .panels(columns: columns, panels)
      self.widthMillimetres = width
      self.heightMillimetres = height
      self.isHeightFixed = m["height"] != nil
      self.allowsLint = try m["allow-lint"]?.bool() ?? style.allowsLint
      return
    }
    let (request, filters, columnKeys) = try Self.request(figureKind, m, node: node, context: context)
    self.filters.insert(contentsOf: filters, at: 0)
    self.columnKeys = columnKeys
    let output = request.output
    self.kind = .figure(request)
    self.dpi = output.dpi
    self.colorModel = output.colorModel
    self.svgText = output.svgText
    self.widthMillimetres = output.widthMillimetres
    self.heightMillimetres = output.heightMillimetres ?? style.height
    self.isHeightFixed = output.heightMillimetres != nil
    self.allowsLint = output.allowsLint
  }

  /// The request of a figure of `kind`, the filters of its endpoint and the keys naming columns.
  static func request<Kind: FigureKind>(
    _ kind: Kind.Type, _ m: TemplateMapping, node: TemplateNode, context: ReportTemplate.ParseContext
  ) throws(TemplateError) -> (AnyFigureRequest, [TemplateExpression], TemplateColumnKeys) {
    let values = try SpecOptionValues(m, options: kind.options, context: context, noun: kind.noun)
    let request: AnyFigureRequest
    do {
      request = try kind.request(
        values.values, defaults: context.style.figureOutput, height: context.style.height, spelling: .template,
        container: TemplateOrigin.of(node))
    } catch {
      throw error.templateError(at: node)
    }
    var columnKeys = TemplateColumnKeys()
    columnKeys.record(values.values, options: kind.options, files: values.files)
    return (request, values.filters, columnKeys)
  }

  /// An `id`: letters, digits, `-`, `_` and `.`.
  static func identifier(_ node: TemplateNode) throws(TemplateError) -> String {
    let id = try node.string()
    guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
      throw node.error("expected an id of letters, digits, '-', '_' or '.', found '\(id)'")
    }
    return id
  }

  /// A `label` value: non-empty text, without a final full stop (the report adds one).
  static func label(_ node: TemplateNode) throws(TemplateError) -> String {
    var text = try node.string().trimmingCharacters(in: .whitespaces)
    if text.hasSuffix(".") { text.removeLast() }
    guard !text.isEmpty else { throw node.error("expected a label such as 'Figure 3' or 'Table 2'") }
    return text
  }

  package static func unknown(_ what: String, _ name: String, among names: [String]) -> String {
    let sorted = names.sorted()
    let hint = SpellingSuggestionHint.hint(name, sorted)
    let list = sorted.isEmpty ? "none is defined" : "defined: " + sorted.map { "'\($0)'" }.joined(separator: ", ")
    return "unknown \(what) '\(name)'.\(hint) (\(list))"
  }
}

enum SpellingSuggestionHint {
  static func hint(_ name: String, _ candidates: [String]) -> String {
    SpellingSuggestion.closest(to: name, among: candidates).map { " Did you mean '\($0)'?" } ?? ""
  }
}

extension FigureSpec {
  /// The typeface of the figure's text (of its first panel for a grid of panels).
  package var fontFamily: FontFamily {
    switch kind {
    case .figure(let request): request.output.fontFamily
    case .panels(_, let panels): panels.first?.fontFamily ?? .sans
    }
  }

  /// The request of a figure of `kind`; nil for another kind or a grid of panels.
  public func request<Kind: FigureKind>(of kind: Kind.Type) -> Kind.Request? {
    guard case .figure(let request) = self.kind else { return nil }
    return request.request(of: kind)
  }

  /// The data files the figure reads.
  public var dataFiles: [String] {
    switch kind {
    case .figure(let request): request.dataFiles
    case .panels(_, let panels): panels.flatMap(\.dataFiles)
    }
  }
}

/// The option values of a figure's or table's mapping: its endpoint's keys first, then its own,
/// with data names resolved to their files.
struct SpecOptionValues {
  var values: [(key: String, value: OptionValue)] = []
  /// The endpoint's filter.
  var filters: [TemplateExpression] = []
  /// The file of each data option (`data`, `events`), for messages about their columns.
  var files: [String: String] = [:]

  init<Request>(
    _ m: TemplateMapping, options: OptionTable<Request>, context: ReportTemplate.ParseContext, noun: String
  ) throws(TemplateError) {
    if let endpointNode = m["endpoint"] {
      let name = try endpointNode.string()
      guard let endpoint = context.endpoints[name] else {
        throw endpointNode.error(FigureSpec.unknown("endpoint", name, among: Array(context.endpoints.keys)))
      }
      for key in endpoint.keys {
        guard let node = endpoint[key] else { continue }
        if key == "filter" {
          filters.append(try node.expression())
        } else if options.declaration(key) == nil {
          throw endpointNode.error("the endpoint '\(name)' gives '\(key)', which a \(noun) does not take")
        } else {
          try add(key, node, options: options, context: context)
        }
      }
    }
    for key in m.keys where options.declaration(key) != nil {
      try add(key, m[key]!, options: options, context: context)
    }
  }

  private mutating func add<Request>(
    _ key: String, _ node: TemplateNode, options: OptionTable<Request>, context: ReportTemplate.ParseContext
  ) throws(TemplateError) {
    var value = node.optionValue
    if options.declaration(key)?.namesData == true {
      let name = try node.string()
      guard let path = context.data[name] else {
        throw node.error(FigureSpec.unknown("data", name, among: Array(context.data.keys)))
      }
      value.content = .text(path)
      files[key] = path
    }
    values.removeAll { $0.key == key }
    values.append((key, value))
  }
}
