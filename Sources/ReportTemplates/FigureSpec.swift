import FigureCore
import Analyses
import Expressions

/// One figure of a template: what to compute and draw, its caption and its output formats.
public struct FigureSpec: Sendable {
  public enum Kind: Sendable {
    /// A Kaplan–Meier figure of the named data.
    case kaplanMeier(KaplanMeierRequest, data: String)
    /// Sub-figures in a grid, labelled A, B, C …, sharing one page size.
    case panels(columns: Int, [FigureSpec])
    /// A swimmer plot of the named patients (and events) data.
    case swimmer(SwimmerRequest, data: String, events: String?)
    /// A forest plot of the named data.
    case forest(ForestRequest, data: String)
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
  /// Whether the template sets the height; otherwise a Kaplan–Meier figure (or a grid of them)
  /// grows taller when a plot area would get less than its minimum height.
  public var isHeightFixed = false
  /// Conditions rows must meet (the endpoint's and the figure's), combined with `and`.
  public var filters: [TemplateExpression]
  /// Append the methods statement to the caption.
  public var methodsInCaption: Bool
  /// The keys that name columns, for messages about columns missing from the data.
  public var columnKeys = TemplateColumnKeys()

  static let types = ["km", "panels", "swimmer", "forest"]
  static let panelKeys = ["columns", "panels", "width", "height", "dpi"]

  init(_ node: TemplateNode, context: ReportTemplate.ParseContext, isPanel: Bool = false) throws(TemplateError) {
    let typeKey = try node.mapping(
      allowing: ReportTemplate.figureKeys + KaplanMeierTemplateKeys.names + Self.panelKeys + SwimmerTemplateKeys.names
        + ForestTemplateKeys.names)
    let type = try typeKey["type"]?.choice(Self.types) ?? "km"
    if isPanel, type == "panels", let typeNode = typeKey["type"] {
      throw typeNode.error(
        "a panel cannot itself hold panels; list them all in this figure's 'panels' (its 'columns' set the grid), or make the inner grid a figure of its own"
      )
    }
    let specific: [String]
    switch type {
    case "panels": specific = Self.panelKeys
    case "swimmer": specific = SwimmerTemplateKeys.names
    case "forest": specific = ForestTemplateKeys.names
    default: specific = KaplanMeierTemplateKeys.names
    }
    let allowed = ReportTemplate.figureKeys + specific
    let m = try node.mapping(allowing: allowed)
    self.location = "\(node.file):\(node.line ?? 0)"
    if isPanel {
      self.id = try m["id"]?.string() ?? ""
    } else {
      let idNode = try m.required("id")
      let id = try idNode.string()
      guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
        throw idNode.error("expected an id of letters, digits, '-', '_' or '.', found '\(id)'")
      }
      self.id = id
    }
    if let labelNode = m["label"] {
      guard !isPanel else { throw labelNode.error("a panel is lettered A, B, … by its place; 'label' names the whole figure") }
      self.label = try Self.label(labelNode)
    }
    self.caption = try m["caption"]?.string()
    self.captionPosition = m["caption"]?.position
    self.methodsInCaption = context.style.methodsInCaption
    self.filters = try m["filter"].map { n throws(TemplateError) in [try n.expression()] } ?? []
    self.formats = try m["formats"].map { n throws(TemplateError) in
      try n.strings().map { name throws(TemplateError) in
        guard let format = OutputFormat(rawValue: name.lowercased()) else {
          throw n.error("unknown format '\(name)'; use 'pdf', 'svg', 'png' or 'eps'")
        }
        return format
      }
    } ?? [.pdf, .png]

    let style = context.style
    switch type {
    case "panels":
      let columns = try m["columns"]?.integer("a number of columns") ?? 2
      guard columns >= 1, columns <= 6 else { throw m["columns"]!.error("expected 1 to 6 columns") }
      let width = try m["width"].map { n throws(TemplateError) in try KaplanMeierTemplateKeys.millimetres(n) } ?? style.doubleColumnWidth
      let panelsNode = try m.required("panels")
      let items = try panelsNode.list()
      guard !items.isEmpty else { throw panelsNode.error("expected at least one panel") }
      let rows = (items.count + columns - 1) / columns
      let height = try m["height"].map { n throws(TemplateError) in try KaplanMeierTemplateKeys.millimetres(n) }
        ?? min(style.height * Double(rows) * 0.85, 240)
      var cellStyle = style
      cellStyle.columns = 2
      cellStyle.doubleColumnWidth = width / Double(columns)
      cellStyle.height = height / Double(rows)
      let cellContext = ReportTemplate.ParseContext(data: context.data, endpoints: context.endpoints, style: cellStyle)
      let panels = try items.map { item throws(TemplateError) in try FigureSpec(item, context: cellContext, isPanel: true) }
      self.dpi = try m["dpi"].map { n throws(TemplateError) in try KaplanMeierTemplateKeys.dpi(n) } ?? style.dpi
      self.kind = .panels(columns: columns, panels)
      self.widthMillimetres = width
      self.heightMillimetres = height
      self.isHeightFixed = m["height"] != nil
    case "forest":
      let dataNode = try m.required("data")
      let dataName = try dataNode.string()
      guard let path = context.data[dataName] else {
        throw dataNode.error(Self.unknown("data", dataName, among: Array(context.data.keys)))
      }
      let request = try ForestTemplateKeys.request(m, dataPath: path, style: style)
      columnKeys.record(m, keys: TemplateColumnKeys.forest)
      self.dpi = request.dpi
      self.kind = .forest(request, data: dataName)
      self.widthMillimetres = request.widthMillimetres
      self.heightMillimetres = request.heightMillimetres ?? 0
    case "swimmer":
      var request = SwimmerRequest(dataPath: "", idColumn: "", endColumn: "")
      request.widthMillimetres = style.width
      request.palette = style.palette
      request.fontSize = style.fontSize
      request.fontFamily = style.fontFamily
      request.lineWidth = style.lineWidth
      request.dpi = style.dpi
      try SwimmerTemplateKeys.apply(m, to: &request)
      let dataNode = try m.required("data")
      let dataName = try dataNode.string()
      guard let path = context.data[dataName] else {
        throw dataNode.error(Self.unknown("data", dataName, among: Array(context.data.keys)))
      }
      request.dataPath = path
      let eventsName = try m["events"]?.string()
      if let eventsName {
        guard let eventsPath = context.data[eventsName] else {
          throw m["events"]!.error(Self.unknown("data", eventsName, among: Array(context.data.keys)))
        }
        request.eventsPath = eventsPath
      }
      guard !request.idColumn.isEmpty else { throw m.node.error("missing key 'id-column' (the patient column)") }
      guard !request.endColumn.isEmpty else { throw m.node.error("missing key 'end' (the column with the end of each bar)") }
      columnKeys.record(m, keys: TemplateColumnKeys.swimmerPatients, file: request.dataPath)
      columnKeys.record(m, keys: TemplateColumnKeys.swimmerEvents, file: request.eventsPath)
      self.dpi = request.dpi
      self.kind = .swimmer(request, data: dataName, events: eventsName)
      self.widthMillimetres = request.widthMillimetres
      self.heightMillimetres = request.heightMillimetres ?? 0
    default:
      var request = KaplanMeierRequest(dataPath: "", timeColumn: "", eventColumn: "")
      request.figure.widthMillimetres = style.width
      request.figure.heightMillimetres = style.height
      request.figure.palette = style.palette
      request.figure.fontSize = style.fontSize
      request.figure.fontFamily = style.fontFamily
      request.figure.lineWidth = style.lineWidth
      request.figure.dpi = style.dpi
      var dataName = try m["data"]?.string()
      if let endpointNode = m["endpoint"] {
        let name = try endpointNode.string()
        guard let endpoint = context.endpoints[name] else {
          throw endpointNode.error(Self.unknown("endpoint", name, among: Array(context.endpoints.keys)))
        }
        if dataName == nil { dataName = try endpoint["data"]?.string() }
        if let filter = endpoint["filter"] { self.filters.insert(try filter.expression(), at: 0) }
        try KaplanMeierTemplateKeys.apply(endpoint, to: &request)
        columnKeys.record(endpoint, keys: TemplateColumnKeys.kaplanMeier)
      }
      try KaplanMeierTemplateKeys.apply(m, to: &request)
      columnKeys.record(m, keys: TemplateColumnKeys.kaplanMeier)
      try KaplanMeierTemplateKeys.checkCombinations(m, request)
      guard let dataName else { throw m.node.error("missing key 'data' (or an 'endpoint' naming its data)") }
      guard let path = context.data[dataName] else {
        throw (m["data"] ?? m.node).error(Self.unknown("data", dataName, among: Array(context.data.keys)))
      }
      request.dataPath = path
      guard !request.timeColumn.isEmpty else { throw m.node.error("missing key 'time' (or an 'endpoint' that gives it)") }
      guard !request.eventColumn.isEmpty else { throw m.node.error("missing key 'event' (or an 'endpoint' that gives it)") }
      self.dpi = request.figure.dpi
      self.kind = .kaplanMeier(request, data: dataName)
      self.widthMillimetres = request.figure.widthMillimetres
      self.heightMillimetres = request.figure.heightMillimetres
      self.isHeightFixed = request.figure.isHeightFixed
    }
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

import ClinicalCSV

enum SpellingSuggestionHint {
  static func hint(_ name: String, _ candidates: [String]) -> String {
    SpellingSuggestion.closest(to: name, among: candidates).map { " Did you mean '\($0)'?" } ?? ""
  }
}

extension FigureSpec {
  /// The typeface of the figure's text (of its first panel for a grid of panels).
  package var fontFamily: FontFamily {
    switch kind {
    case .kaplanMeier(let request, _): request.figure.fontFamily
    case .swimmer(let request, _, _): request.fontFamily
    case .forest(let request, _): request.fontFamily
    case .panels(_, let panels): panels.first?.fontFamily ?? .sans
    }
  }
}
