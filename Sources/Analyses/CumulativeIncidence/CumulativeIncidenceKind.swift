import ClinicalData
import FigureCore
import OptionSchema
import SurvivalFigures

/// Cumulative incidence figures of competing risks (`survfig cif`, `type: cif`).
public enum CumulativeIncidenceKind: FigureKind {
  public static let name = "cif"
  public static let noun = "cumulative incidence figure"
  public static var options: OptionTable<CumulativeIncidenceRequest> { CumulativeIncidenceRequest.options }
  public static var output: WritableKeyPath<CumulativeIncidenceRequest, FigureOutput> & Sendable {
    \.figure.output
  }

  public static func request(defaults: FigureOutput, height: Double) -> CumulativeIncidenceRequest {
    var request = CumulativeIncidenceRequest(dataPath: "", timeColumn: "", statusColumn: "")
    request.figure.output = defaults
    request.figure.defaultHeightMillimetres = height
    return request
  }

  public static func dataFiles(_ request: CumulativeIncidenceRequest) -> [String] { [request.dataPath] }

  public static func content(_ request: CumulativeIncidenceRequest, data: FigureData) throws
    -> CumulativeIncidenceContent
  {
    try CumulativeIncidenceContent(request: request, table: try data.table(request.dataPath))
  }
}

/// A cumulative incidence figure: its statistics computed and its figure described, not yet
/// laid out. A grid of panels aligns it with Kaplan–Meier panels and other cumulative incidence
/// panels (``StepCurveContent``).
public struct CumulativeIncidenceContent: StepCurveContent {
  public var request: CumulativeIncidenceRequest
  public var analysis: CumulativeIncidenceAnalysis
  public var figure: KaplanMeierFigure

  public init(request: CumulativeIncidenceRequest, table: DataTable) throws {
    self.analysis = try CumulativeIncidenceAnalysis(table: table, request: request)
    self.request = analysis.request
    try analysis.checkAxis(analysis.request.figure)
    self.figure = analysis.figure(analysis.request.figure)
  }

  public var stepFigure: KaplanMeierFigure { figure }
  public var captionValues: [String: Any] { analysis.captionContext() }
  public var notes: [String] { analysis.warnings.filter { !$0.hasPrefix(analysis.columns.file + ":") } }

  /// The figure at its own size; a plot area too small to read is an error, one below its
  /// share of the height a finding.
  public func layout<Measurer: TextMeasuring>(width: Double?, height: Double?, measurer: Measurer) throws
    -> LaidOutFigure
  {
    let layout = figure.layout(measurer: measurer)
    let warning = try layout.checkFit(isHeightFixed: request.figure.isHeightFixed)
    return LaidOutFigure(
      scene: layout.scene, requiredHeight: layout.requiredSize.height, requiredWidth: layout.requiredSize.width,
      findings: (warning.map { [LintFinding(kind: .crampedPlot, texts: [], message: $0)] } ?? [])
        + layout.legendFindings,
      sidecar: sidecar(for: layout, detail: .summary), fullSidecar: sidecar(for: layout, detail: .full))
  }

  /// The sidecar entries: the methods, everything printed on the figure and the statistics.
  public func sidecar(for layout: KaplanMeierLayout, detail: SidecarDetail) -> [(String, JSONValue)] {
    let options = figure.options
    let printed = JSONValue.object([
      ("curves", .array(figure.curves.map { .string($0.label) })),
      ("annotations", .array(options.annotations.map { .string($0.plainText) })),
      (
        "risk_table",
        .array(
          (layout.riskTable?.rows ?? []).map { row in
            .object([
              ("group", .string(row.group)), ("quantity", .string(row.quantity)),
              ("times", .array((layout.riskTable?.columns ?? []).map { .number($0.time) })),
              (
                "counts",
                .array(row.counts.map { options.suppressedBelow == nil ? .int($0) : .string(options.printedCount($0)) })
              ),
            ])
          })
      ),
    ])
    return [
      ("type", .string(CumulativeIncidenceKind.name)), ("methods", .string(analysis.methods())),
    ] + TimeUnit.sidecarEntries(data: request.figure.dataTimeUnit, display: request.figure.displayTimeUnit) + [
      ("printed", printed),
      (
        "statistics",
        analysis.json(
          withTables: detail == .full, suppressingBelow: detail == .full ? nil : request.figure.output.suppressBelow)
      ),
    ]
  }
}
