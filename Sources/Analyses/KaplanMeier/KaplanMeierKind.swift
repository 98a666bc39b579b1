import ClinicalData
import FigureCore
import OptionSchema
import SurvivalFigures

/// Kaplan–Meier figures (`survfig km`, `type: km`).
public enum KaplanMeierKind: FigureKind {
  public static let name = "km"
  public static let noun = "Kaplan–Meier figure"
  public static var options: OptionTable<KaplanMeierRequest> { KaplanMeierRequest.options }
  public static var output: WritableKeyPath<KaplanMeierRequest, FigureOutput> & Sendable { \.figure.output }

  public static func request(defaults: FigureOutput, height: Double) -> KaplanMeierRequest {
    var request = KaplanMeierRequest(dataPath: "", timeColumn: "", eventColumn: "")
    request.figure.output = defaults
    request.figure.defaultHeightMillimetres = height
    return request
  }

  public static func dataFiles(_ request: KaplanMeierRequest) -> [String] { [request.dataPath] }

  public static func content(_ request: KaplanMeierRequest, data: FigureData) throws -> KaplanMeierContent {
    try KaplanMeierContent(request: request, table: try data.table(request.dataPath))
  }
}

/// A figure of step curves with a table aligned to its time axis, which a grid of panels lays
/// out together with its neighbours so that their plot areas line up.
public protocol StepCurveContent: FigureContent {
  /// The figure, not yet laid out.
  var stepFigure: KaplanMeierFigure { get }
  /// The sidecar entries of the figure as `layout` drew it, at `detail`.
  func sidecar(for layout: KaplanMeierLayout, detail: SidecarDetail) -> [(String, JSONValue)]
}

/// A Kaplan–Meier figure: its statistics computed and its figure described, not yet laid out.
public struct KaplanMeierContent: StepCurveContent {
  public var request: KaplanMeierRequest
  public var analysis: KaplanMeierAnalysis
  public var figure: KaplanMeierFigure

  public init(request: KaplanMeierRequest, table: DataTable) throws {
    self.analysis = try KaplanMeierAnalysis(table: table, request: request)
    self.request = analysis.request
    try analysis.checkAxis(analysis.request.figure)
    self.figure = analysis.figure(analysis.request.figure, groupLabels: analysis.request.groupLabels)
  }

  public var stepFigure: KaplanMeierFigure { figure }
  public var captionValues: [String: Any] { analysis.captionContext(request) }
  public var notes: [String] { [] }

  /// The figure at its own size; a plot area too small to read is an error, one below its
  /// share of the height a finding. (A grid lays panels out with ``KaplanMeierFigure/alignedLayouts``.)
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

  /// The sidecar entries: the statistics and everything printed on the figure.
  public func sidecar(for layout: KaplanMeierLayout, detail: SidecarDetail) -> [(String, JSONValue)] {
    let printed = JSONValue.object([
      ("annotations", .array(figure.options.annotations.map { .string($0.plainText) })),
      (
        "risk_table",
        .array(
          (layout.riskTable?.rows ?? []).map { row in
            .object([
              ("group", .string(row.group)), ("quantity", .string(row.quantity)),
              ("times", .array((layout.riskTable?.columns ?? []).map { .number($0.time) })),
              (
                "counts",
                .array(
                  row.counts.map {
                    figure.options.suppressedBelow == nil ? .int($0) : .string(figure.options.printedCount($0))
                  })
              ),
            ])
          })
      ),
    ])
    return [
      ("type", .string(KaplanMeierKind.name)), ("methods", .string(analysis.methods(request))),
    ] + TimeUnit.sidecarEntries(data: request.figure.dataTimeUnit, display: request.figure.displayTimeUnit) + [
      ("printed", printed),
      (
        "statistics",
        analysis.json(
          withTables: detail == .full,
          suppressingBelow: detail == .full ? nil : request.figure.output.suppressBelow)
      ),
    ]
  }
}
