import ClinicalData
import FigureCore
import OptionSchema
import SurvivalFigures

/// Forest plots (`survfig forest`, `type: forest`).
public enum ForestKind: FigureKind {
  public static let name = "forest"
  public static let noun = "forest plot"
  public static var options: OptionTable<ForestRequest> { ForestRequest.options }
  public static var output: WritableKeyPath<ForestRequest, FigureOutput> & Sendable { \.output }

  public static func request(defaults: FigureOutput, height: Double) -> ForestRequest {
    var request = ForestRequest(dataPath: "", source: .models(formula: "", univariable: true, multivariable: true))
    request.form = ForestRequest.Form()
    request.output = defaults
    return request
  }

  public static func dataFiles(_ request: ForestRequest) -> [String] { [request.dataPath] }

  public static func content(_ request: ForestRequest, data: FigureData) throws -> ForestContent {
    ForestContent(
      request: request, analysis: try ForestAnalysis(table: try data.table(request.dataPath), request: request))
  }
}

/// A forest plot: its models fitted and its rows computed, not yet laid out.
public struct ForestContent: FigureContent {
  public var request: ForestRequest
  public var analysis: ForestAnalysis

  public var notes: [String] { analysis.warnings }

  /// The plot at `width` × `height` points (nil: the request's width, the height of its rows);
  /// a forest plot's page is as tall as its rows, so it is not checked for cramping.
  public func layout<Measurer: TextMeasuring>(width: Double?, height: Double?, measurer: Measurer) throws
    -> LaidOutFigure
  {
    let layout = forestLayout(width: width, height: height, measurer: measurer)
    return LaidOutFigure(
      scene: layout.scene, requiredHeight: layout.requiredHeight, requiredWidth: layout.requiredWidth,
      sidecar: sidecar(for: layout))
  }

  /// The plot laid out `width` × `height` points (nil: the request's width, the height of its
  /// rows).
  func forestLayout(width: Double?, height: Double?, measurer: some TextMeasuring) -> ForestLayout {
    var sized = request
    if let width { sized.output.widthMillimetres = width / 1.millimetres }
    if let height { sized.output.heightMillimetres = height / 1.millimetres }
    return analysis.figure(sized).layout(measurer: measurer)
  }

  public var captionValues: [String: Any] {
    let rows = analysis.rows.map { row -> [String: Any] in
      let estimate = row.estimates.compactMap { $0 }.last
      return [
        "label": row.label,
        "hr": estimate.map {
          JournalFormat.estimate($0.value, lower: $0.lower, upper: $0.upper, decimals: request.decimals)
        }
          ?? (row.note ?? ""),
        "p": (estimate?.p ?? row.headerP).map { JournalFormat.pValue($0) } ?? "",
      ]
    }
    var context: [String: Any] = ["rows": rows]
    if let counts = analysis.modelCounts {
      context["n"] = counts.patients
      context["events"] = counts.events
      context["excluded"] = counts.excluded
    }
    if let selected = analysis.selectedTerms {
      context["selected"] = selected
      context["selected_text"] =
        selected.count < 2
        ? selected.joined() : selected.dropLast().joined(separator: ", ") + " and " + selected[selected.count - 1]
    }
    return context
  }

  /// The sidecar entries: how the numbers were computed, everything printed on the plot as
  /// `layout` drew it (and the counts captions use), and the estimates.
  func sidecar(for layout: ForestLayout) -> [(String, JSONValue)] {
    let plot = analysis.figure(request)
    let columns =
      [plot.options.labelTitle] + plot.options.extraColumns.map { $0.replacingOccurrences(of: "\n", with: " ") }
      + Array(
        repeating: [plot.options.estimateTitle, plot.options.pTitle.map(\.plainText).joined(separator: " ")],
        count: max(1, plot.options.seriesNames.count)
      ).flatMap { $0 }
    let rows = plot.rows.map { row -> JSONValue in
      let kind: String
      switch row.kind {
      case .header: kind = "header"
      case .estimate: kind = "estimate"
      case .reference: kind = "reference"
      case .summary: kind = "summary"
      }
      return .object([
        ("label", .string(row.label)), ("kind", .string(kind)), ("cells", .array(row.cells.map { .string($0) })),
        (
          "series",
          .array(plot.seriesTexts(row).map { .object([("estimate", .string($0.estimate)), ("p", .string($0.p))]) })
        ),
      ])
    }
    var printed: [(String, JSONValue)] = [
      ("title", plot.options.title.map { .string($0.plainText) } ?? .null),
      ("series", .array(plot.options.seriesNames.filter { !$0.isEmpty }.map { .string($0) })),
      ("columns", .array(columns.map { .string($0) })), ("rows", .array(rows)),
      ("x_title", .string(plot.options.xTitle)),
      ("x_ticks", .array(layout.xBreaks.map { .string(JournalFormat.tick($0)) })),
      ("favours", plot.options.favours.map { .array([.string($0.left), .string($0.right)]) } ?? .null),
    ]
    if let counts = analysis.modelCounts {
      printed += [("n", .int(counts.patients)), ("events", .int(counts.events)), ("excluded", .int(counts.excluded))]
    }
    return [
      ("type", .string(ForestKind.name)), ("methods", .string(analysis.methods(request))),
      ("printed", .object(printed)),
      ("forest", analysis.json),
    ]
  }
}
