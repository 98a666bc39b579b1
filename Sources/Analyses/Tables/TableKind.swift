import ClinicalData
import OptionSchema
import SurvivalFigures

/// A kind of report table: its options, the files a request reads and how the table is
/// computed. Templates reach every kind through ``TableKinds/all``.
public protocol TableKind: Sendable {
  associatedtype Request: Sendable

  /// The template `type` (`survival`).
  static var name: String { get }
  /// Every key, with the rules that involve several.
  static var options: OptionTable<Request> { get }
  /// A request before its options, with the defaults of a template's style.
  static func request(defaults: FigureOutput) -> Request
  /// The data files the request reads.
  static func dataFiles(_ request: Request) -> [String]
  /// Computes the table from `data`.
  static func table(_ request: Request, title: String?, data: FigureData) throws -> ComputedTable
}

/// A table computed, with the statistics behind it.
public struct ComputedTable: Sendable {
  public var table: ReportTable
  /// The statistics as the command's `--json` gives them, without row-level data.
  public var statistics: JSONValue
  /// The same with the row-level data (`--sidecar full`).
  public var fullStatistics: JSONValue
  /// Statistical caveats of its models.
  public var notes: [String]
  /// Further sidecar entries: the units of its times.
  public var sidecar: [(String, JSONValue)]

  public init(
    table: ReportTable, statistics: JSONValue, fullStatistics: JSONValue? = nil, notes: [String] = [],
    sidecar: [(String, JSONValue)] = []
  ) {
    self.table = table
    self.statistics = statistics
    self.fullStatistics = fullStatistics ?? statistics
    self.notes = notes
    self.sidecar = sidecar
  }
}

/// Every table kind.
public enum TableKinds {
  public static let all: [any TableKind.Type] = [
    SurvivalTableKind.self, ResponseTableKind.self, CoxTableKind.self, FineGrayTableKind.self,
    CharacteristicsTableKind.self,
  ]

  public static func named(_ name: String) -> (any TableKind.Type)? { all.first { $0.name == name } }
  public static var names: [String] { all.map { $0.name } }
}

/// A table request of any kind, as a template holds it.
public struct AnyTableRequest: Sendable {
  public let kind: any TableKind.Type
  private let request: any Sendable

  public init<Kind: TableKind>(_ kind: Kind.Type, _ request: Kind.Request) {
    self.kind = kind
    self.request = request
  }

  /// The request of `Kind`, nil when it is another kind's.
  public func request<Kind: TableKind>(of kind: Kind.Type) -> Kind.Request? { request as? Kind.Request }

  public var dataFiles: [String] {
    func files<Kind: TableKind>(_ kind: Kind.Type) -> [String] { kind.dataFiles(request as! Kind.Request) }
    return files(kind)
  }

  public func table(title: String?, data: FigureData) throws -> ComputedTable {
    func compute<Kind: TableKind>(_ kind: Kind.Type) throws -> ComputedTable {
      try kind.table(request as! Kind.Request, title: title, data: data)
    }
    return try compute(kind)
  }
}

extension TableKind {
  /// The keys templates take.
  public static var templateKeys: [String] { options.templateKeys }

  /// A request from option values, through the options and their rules.
  public static func request(
    _ values: [(key: String, value: OptionValue)], defaults: FigureOutput = FigureOutput(), spelling: OptionSpelling,
    container: OptionOrigin?
  ) throws(OptionError) -> AnyTableRequest {
    var request = request(defaults: defaults)
    try options.apply(values, to: &request, spelling: spelling, container: container)
    return AnyTableRequest(Self.self, request)
  }
}

/// Medians and rates per group (Kaplan–Meier), `type: survival`.
public enum SurvivalTableKind: TableKind {
  public static let name = "survival"
  public static var options: OptionTable<KaplanMeierRequest> { KaplanMeierRequest.tableOptions }
  public static func request(defaults: FigureOutput) -> KaplanMeierRequest {
    KaplanMeierRequest(dataPath: "", timeColumn: "", eventColumn: "")
  }
  public static func dataFiles(_ request: KaplanMeierRequest) -> [String] { [request.dataPath] }
  public static func table(_ request: KaplanMeierRequest, title: String?, data: FigureData) throws -> ComputedTable {
    let analysis = try KaplanMeierAnalysis(table: try data.table(request.dataPath), request: request)
    let figure = analysis.request.figure
    return ComputedTable(
      table: analysis.summaryTable(analysis.request, title: title), statistics: analysis.json(withTables: false),
      fullStatistics: analysis.json,
      sidecar: TimeUnit.sidecarEntries(data: figure.dataTimeUnit, display: figure.displayTimeUnit))
  }
}

/// Best overall response, ORR and DCR per group, `type: response`.
public enum ResponseTableKind: TableKind {
  public static let name = "response"
  public static var options: OptionTable<ResponseRequest> { ResponseRequest.options }
  public static func request(defaults: FigureOutput) -> ResponseRequest {
    ResponseRequest(dataPath: "", idColumn: "", responseColumn: "")
  }
  public static func dataFiles(_ request: ResponseRequest) -> [String] { [request.dataPath] }
  public static func table(_ request: ResponseRequest, title: String?, data: FigureData) throws -> ComputedTable {
    let analysis = try ResponseAnalysis(table: try data.table(request.dataPath), request: request)
    return ComputedTable(
      table: analysis.table(title: title), statistics: analysis.json,
      sidecar: request.timeColumn == nil ? [] : TimeUnit.sidecarEntries(data: request.timeUnit, display: nil))
  }
}

/// Hazard ratios of Cox models (univariable and multivariable side by side) or subgroups,
/// `type: cox`.
public enum CoxTableKind: TableKind {
  public static let name = "cox"
  public static var options: OptionTable<ForestRequest> { ForestRequest.tableOptions }
  public static func request(defaults: FigureOutput) -> ForestRequest {
    ForestKind.request(defaults: FigureOutput(), height: 0)
  }
  public static func dataFiles(_ request: ForestRequest) -> [String] { [request.dataPath] }
  public static func table(_ request: ForestRequest, title: String?, data: FigureData) throws -> ComputedTable {
    let analysis = try ForestAnalysis(table: try data.table(request.dataPath), request: request)
    return ComputedTable(
      table: analysis.table(
        title: title, confidenceLevel: request.confidenceLevel, ties: request.ties, decimals: request.decimals),
      statistics: analysis.json, notes: analysis.warnings)
  }
}

/// Patient characteristics ("Table 1"), `type: characteristics`.
public enum CharacteristicsTableKind: TableKind {
  public static let name = "characteristics"
  public static var options: OptionTable<CharacteristicsRequest> { CharacteristicsRequest.options }
  public static func request(defaults: FigureOutput) -> CharacteristicsRequest {
    var request = CharacteristicsRequest(dataPath: "", variables: [])
    request.suppressBelow = defaults.suppressBelow
    return request
  }
  public static func dataFiles(_ request: CharacteristicsRequest) -> [String] { [request.dataPath] }
  public static func table(_ request: CharacteristicsRequest, title: String?, data: FigureData) throws
    -> ComputedTable
  {
    let analysis = try CharacteristicsAnalysis(table: try data.table(request.dataPath), request: request)
    // Under small-cell suppression the summary sidecar keeps the printed rows only.
    return ComputedTable(
      table: analysis.table(title: title), statistics: request.suppressBelow == nil ? analysis.json : .null,
      fullStatistics: analysis.json)
  }
}
