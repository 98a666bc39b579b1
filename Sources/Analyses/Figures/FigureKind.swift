import ClinicalData
import FigureCore
import OptionSchema

/// A kind of figure: its options, how a template's style sets up a request, which files the
/// request reads, and how its statistics are computed and laid out. The command line and the
/// report builder reach every kind through ``FigureKinds/all``, never through a `switch`.
///
/// A new kind is a folder of its own (request, options, analysis, figure content) and one line
/// in ``FigureKinds/all``.
public protocol FigureKind: Sendable {
  associatedtype Request: Sendable
  associatedtype Content: FigureContent

  /// The template `type` and the command's name (`km`).
  static var name: String { get }
  /// The figure in a message (`Kaplan–Meier figure`).
  static var noun: String { get }
  /// Every option, with the rules that involve several.
  static var options: OptionTable<Request> { get }
  /// Where the request keeps its files, size and type.
  static var output: WritableKeyPath<Request, FigureOutput> & Sendable { get }
  /// A request before its options: the output defaults of a template's style and the height a
  /// figure of this kind starts from when none is given.
  static func request(defaults: FigureOutput, height: Double) -> Request
  /// The data files the request reads.
  static func dataFiles(_ request: Request) -> [String]
  /// Computes the statistics of `request` from `data` and describes the figure.
  static func content(_ request: Request, data: FigureData) throws -> Content
}

/// Every figure kind, in the order the reference lists them.
public enum FigureKinds {
  public static let all: [any FigureKind.Type] = [
    KaplanMeierKind.self, CumulativeIncidenceKind.self, ForestKind.self, SwimmerKind.self,
  ]

  /// The kind named `name`.
  public static func named(_ name: String) -> (any FigureKind.Type)? { all.first { $0.name == name } }

  /// The kinds' names.
  public static var names: [String] { all.map { $0.name } }
}

/// The data a figure reads: the files it names, with the filters of its template applied.
public struct FigureData: Sendable {
  /// The rows of a file that the figure's filters keep.
  public var table: @Sendable (_ path: String) throws -> DataTable
  /// Every row of a file.
  public var unfilteredTable: @Sendable (_ path: String) throws -> DataTable
  /// Whether filters apply.
  public var isFiltered: Bool

  public init(
    table: @escaping @Sendable (String) throws -> DataTable,
    unfilteredTable: @escaping @Sendable (String) throws -> DataTable, isFiltered: Bool
  ) {
    self.table = table
    self.unfilteredTable = unfilteredTable
    self.isFiltered = isFiltered
  }

  /// Tables read from the files themselves, unfiltered.
  public static func files(_ tables: [String: DataTable]) -> FigureData {
    let read: @Sendable (String) throws -> DataTable = { path in
      if let table = tables[path] { return table }
      return try DataTable(contentsOfFile: path)
    }
    return FigureData(table: read, unfilteredTable: read, isFiltered: false)
  }
}

/// A figure of one kind with its statistics computed, ready to be laid out at any size.
public protocol FigureContent {
  /// The values a caption can name.
  var captionValues: [String: Any] { get }
  /// Statistical caveats of its models (monotone likelihood, non-convergence).
  var notes: [String] { get }
  /// The figure laid out `width` × `height` points (nil: the request's size), with what it
  /// needs, its lint findings and its sidecar entries.
  func layout<Measurer: TextMeasuring>(width: Double?, height: Double?, measurer: Measurer) throws -> LaidOutFigure
}

/// A figure laid out, and what a report needs to know of it.
public struct LaidOutFigure {
  public var scene: Scene
  /// The height and width it needs at least to show everything, in points.
  public var requiredHeight: Double
  public var requiredWidth: Double
  /// What layout found: a plot area below its share of the height.
  public var findings: [LintFinding]
  /// The sidecar entries: the methods, everything printed and the statistics, without
  /// row-level data.
  public var sidecar: [(String, JSONValue)]
  /// The same with the row-level data (`--sidecar full`): every step of a curve, every lane.
  public var fullSidecar: [(String, JSONValue)]

  public init(
    scene: Scene, requiredHeight: Double, requiredWidth: Double, findings: [LintFinding] = [],
    sidecar: [(String, JSONValue)], fullSidecar: [(String, JSONValue)]? = nil
  ) {
    self.scene = scene
    self.requiredHeight = requiredHeight
    self.requiredWidth = requiredWidth
    self.findings = findings
    self.sidecar = sidecar
    self.fullSidecar = fullSidecar ?? sidecar
  }

  /// The sidecar entries at `detail`.
  public func sidecar(_ detail: SidecarDetail) -> [(String, JSONValue)] { detail == .full ? fullSidecar : sidecar }
}

/// How much a sidecar holds.
public enum SidecarDetail: String, Hashable, Sendable, CaseIterable {
  /// What the figure or table prints: estimates, counts of the risk table, texts (the default,
  /// for files that circulate).
  case summary
  /// Also the row-level data behind it: every step of a curve, every lane of a swimmer plot.
  case full
}

/// A request of any kind, as a template holds it.
public struct AnyFigureRequest: Sendable {
  public let kind: any FigureKind.Type
  private let request: any Sendable

  public init<Kind: FigureKind>(_ kind: Kind.Type, _ request: Kind.Request) {
    self.kind = kind
    self.request = request
  }

  /// The request of `Kind`, nil when it is another kind's.
  public func request<Kind: FigureKind>(of kind: Kind.Type) -> Kind.Request? { request as? Kind.Request }

  private func opened<Kind: FigureKind>(_ kind: Kind.Type) -> Kind.Request { request as! Kind.Request }

  /// Files, size and type.
  public var output: FigureOutput {
    func read<Kind: FigureKind>(_ kind: Kind.Type) -> FigureOutput { opened(kind)[keyPath: kind.output] }
    return read(kind)
  }

  /// The same request with another output (a panel's width).
  public func with(output: FigureOutput) -> AnyFigureRequest {
    func write<Kind: FigureKind>(_ kind: Kind.Type) -> AnyFigureRequest {
      var request = opened(kind)
      request[keyPath: kind.output] = output
      return AnyFigureRequest(kind, request)
    }
    return write(kind)
  }

  /// The data files it reads.
  public var dataFiles: [String] {
    func files<Kind: FigureKind>(_ kind: Kind.Type) -> [String] { kind.dataFiles(opened(kind)) }
    return files(kind)
  }

  /// Its statistics and figure.
  public func content(_ data: FigureData) throws -> any FigureContent {
    func compute<Kind: FigureKind>(_ kind: Kind.Type) throws -> any FigureContent {
      try kind.content(opened(kind), data: data)
    }
    return try compute(kind)
  }
}

extension FigureKind {
  /// The keys templates take.
  public static var templateKeys: [String] { options.templateKeys }

  /// A request from option values: `defaults` and `height` first, then the values through the
  /// options and their rules.
  public static func request(
    _ values: [(key: String, value: OptionValue)], defaults: FigureOutput, height: Double,
    spelling: OptionSpelling, container: OptionOrigin?
  ) throws(OptionError) -> AnyFigureRequest {
    var request = request(defaults: defaults, height: height)
    try options.apply(values, to: &request, spelling: spelling, container: container)
    return AnyFigureRequest(Self.self, request)
  }
}
