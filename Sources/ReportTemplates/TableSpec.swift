import SurvivalStatistics
import Analyses
import Expressions
import FigureCore

/// One table of a template: what it summarises and the formats it is written in.
public struct TableSpec: Sendable {
  public enum Kind: Sendable {
    /// Medians and rates per group (Kaplan–Meier).
    case survival(KaplanMeierRequest, data: String)
    /// Best overall response, ORR and DCR per group.
    case response(ResponseRequest, data: String)
    /// Hazard ratios of Cox models (univariable and multivariable side by side) or subgroups.
    case cox(ForestRequest, data: String)
    /// Patient characteristics ("Table 1"): n (%) and medians per group, with tests.
    case characteristics(CharacteristicsRequest, data: String)
  }

  public enum Format: String, Sendable, CaseIterable {
    case csv, md, tex
  }

  public var id: String
  /// How the report names the table ("Table 2"): the template's `label`, else "Table n" by
  /// position.
  public var label = ""
  public var title: String?
  public var kind: Kind
  public var formats: [Format]
  public var filters: [TemplateExpression]
  public var location: String
  /// The keys that name columns, for messages about columns missing from the data.
  public var columnKeys = TemplateColumnKeys()

  static let types = ["survival", "response", "cox", "characteristics"]
  static let commonKeys = ["id", "type", "data", "endpoint", "title", "formats", "filter", "label"]
  static let responseKeys = [
    "id-column", "response", "time", "time-unit", "group", "confirm-weeks", "sd-min-weeks", "method", "conf-level",
    "death-time",
  ]

  init(_ node: TemplateNode, context: ReportTemplate.ParseContext) throws(TemplateError) {
    let all =
      Self.commonKeys + KaplanMeierTemplateKeys.names + ForestTemplateKeys.names + Self.responseKeys
      + CharacteristicsTemplateKeys.names
    let typeKey = try node.mapping(allowing: all)
    let type = try typeKey.required("type").choice(Self.types)
    let specific: [String]
    switch type {
    case "response": specific = Self.responseKeys
    case "cox": specific = ForestTemplateKeys.names
    case "characteristics": specific = CharacteristicsTemplateKeys.names
    default: specific = KaplanMeierTemplateKeys.names
    }
    let m = try node.mapping(allowing: Self.commonKeys + specific)
    let idNode = try m.required("id")
    self.id = try idNode.string()
    guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
      throw idNode.error("expected an id of letters, digits, '-', '_' or '.', found '\(id)'")
    }
    self.title = try m["title"]?.string()
    if let labelNode = m["label"] { self.label = try FigureSpec.label(labelNode) }
    self.location = "\(node.file):\(node.line ?? 0)"
    self.formats = try m["formats"].map { n throws(TemplateError) in
      try n.strings().map { name throws(TemplateError) in
        guard let format = Format(rawValue: name.lowercased()) else {
          throw n.error("unknown table format '\(name)'; use 'csv', 'md' or 'tex'")
        }
        return format
      }
    } ?? Format.allCases
    self.filters = try m["filter"].map { n throws(TemplateError) in [try n.expression()] } ?? []

    func data(_ name: String, _ node: TemplateNode) throws(TemplateError) -> String {
      guard let path = context.data[name] else {
        throw node.error(FigureSpec.unknown("data", name, among: Array(context.data.keys)))
      }
      return path
    }
    switch type {
    case "response":
      let dataNode = try m.required("data")
      let name = try dataNode.string()
      var request = ResponseRequest(
        dataPath: try data(name, dataNode), idColumn: try m.required("id-column").string(),
        responseColumn: try m.required("response").string(), timeColumn: try m["time"]?.string(),
        groupColumn: try m["group"]?.string())
      if let n = m["time-unit"] { request.timeUnit = try KaplanMeierTemplateKeys.unit(n) }
      if let n = m["death-time"] {
        guard request.timeColumn != nil else {
          throw n.error("'death-time' needs 'time': the duration of response runs from a dated response")
        }
        request.deathTimeColumn = try n.string()
      }
      if let n = m["confirm-weeks"] { request.confirmWeeks = try KaplanMeierTemplateKeys.positive(n) }
      if let n = m["sd-min-weeks"] { request.stableDiseaseMinimumWeeks = try KaplanMeierTemplateKeys.positive(n) }
      if let n = m["method"] {
        request.method = ProportionInterval.Method(rawValue: try n.choice(ProportionInterval.Method.allCases.map(\.rawValue)))!
      }
      if let n = m["conf-level"] { request.confidenceLevel = try n.number("a confidence level between 0 and 1") }
      columnKeys.record(m, keys: TemplateColumnKeys.response)
      self.kind = .response(request, data: name)
    case "characteristics":
      let dataNode = try m.required("data")
      let name = try dataNode.string()
      columnKeys.record(m, keys: ["group"])
      columnKeys.recordVariables(try m.required("variables"))
      self.kind = .characteristics(try CharacteristicsTemplateKeys.request(m, dataPath: try data(name, dataNode)), data: name)
    case "cox":
      let dataNode = try m.required("data")
      let name = try dataNode.string()
      self.kind = .cox(try ForestTemplateKeys.request(m, dataPath: try data(name, dataNode), style: context.style), data: name)
      columnKeys.record(m, keys: TemplateColumnKeys.forest)
    default:
      var request = KaplanMeierRequest(dataPath: "", timeColumn: "", eventColumn: "")
      var dataName = try m["data"]?.string()
      if let endpointNode = m["endpoint"] {
        let endpointName = try endpointNode.string()
        guard let endpoint = context.endpoints[endpointName] else {
          throw endpointNode.error(FigureSpec.unknown("endpoint", endpointName, among: Array(context.endpoints.keys)))
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
      request.dataPath = try data(dataName, m["data"] ?? m.node)
      guard !request.timeColumn.isEmpty, !request.eventColumn.isEmpty else {
        throw m.node.error("missing keys 'time' and 'event' (or an 'endpoint' that gives them)")
      }
      self.kind = .survival(request, data: dataName)
    }
  }
}
