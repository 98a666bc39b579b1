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

  public init(request: ForestRequest, analysis: ForestAnalysis) {
    self.request = request
    self.analysis = analysis
  }

  public var notes: [String] { analysis.warnings }

  /// The plot at `width` × `height` points (nil: the request's width, the height of its rows).
  /// Text columns that leave the plot panel less than its minimum share of the width, labels
  /// wrapped, are a finding naming the smallest width that fits (``minimumWidth(measurer:)``);
  /// a forest plot's page is as tall as its rows.
  public func layout<Measurer: TextMeasuring>(width: Double?, height: Double?, measurer: Measurer) throws
    -> LaidOutFigure
  {
    let layout = forestLayout(width: width, height: height, measurer: measurer)
    var findings: [LintFinding] = []
    var requiredWidth = layout.scene.size.width
    if !layout.fitsWidth {
      let needed = minimumWidth(measurer: measurer)
      requiredWidth = needed.map { $0.millimetres } ?? .infinity
      let share = Int((ForestPlot.minimumPanelShare * 100).rounded())
      let remedy =
        needed.map { "make the figure at least \(Self.mm($0)) mm wide" }
        ?? "no width up to 1000 mm fits; shorten the labels or show fewer columns"
      findings.append(
        LintFinding(
          kind: .crampedPlot, texts: [],
          message:
            "the forest plot does not fit its width: at \(Self.mm(layout.scene.size.width / 1.millimetres)) mm its text columns (labels wrapped at spaces) leave the plot less than \(share)% of the width; \(remedy)"
        ))
    }
    return LaidOutFigure(
      scene: layout.scene, requiredHeight: layout.requiredHeight, requiredWidth: requiredWidth, findings: findings,
      sidecar: sidecar(for: layout))
  }

  /// The smallest whole number of millimetres, up to 1000, at which the plot's text columns fit
  /// (with the type the theme gives that width); nil when none does. Type changes size at
  /// 120 mm, so each side of it is searched by bisection on its own.
  public func minimumWidth(measurer: some TextMeasuring) -> Double? {
    func fits(_ millimetres: Double) -> Bool {
      var sized = request
      sized.output.widthMillimetres = millimetres
      return analysis.figure(sized).fitsWidth(measurer: measurer)
    }
    for (low, high) in [(30.0, 119.0), (120, 1000)] {
      let from = max(low, (request.output.widthMillimetres).rounded(.up))
      guard from <= high, fits(high) else { continue }
      var (lo, hi) = (from, high)
      if fits(lo) { return lo }
      while hi - lo > 1 {
        let mid = ((lo + hi) / 2).rounded(.down)
        if fits(mid) { hi = mid } else { lo = mid }
      }
      return hi
    }
    return nil
  }

  private static func mm(_ millimetres: Double) -> String { JournalFormat.fixed(millimetres, decimals: 0) }

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
    let rows = plot.rows.enumerated().map { index, row -> JSONValue in
      let kind: String
      switch row.kind {
      case .header: kind = "header"
      case .estimate: kind = "estimate"
      case .reference: kind = "reference"
      case .summary: kind = "summary"
      }
      // A label wrapped into lines lists them as printed.
      let lines = layout.labelLines.indices.contains(index) ? layout.labelLines[index] : [row.label]
      var entries: [(String, JSONValue)] = [("label", .string(row.label))]
      if lines.count > 1 { entries.append(("label_lines", .array(lines.map { .string($0) }))) }
      return .object(
        entries + [
          ("kind", .string(kind)), ("cells", .array(row.cells.map { .string($0) })),
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
