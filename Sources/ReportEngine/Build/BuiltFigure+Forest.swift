import ClinicalCSV
import FigureCore
import SurvivalFigures
import Analyses
import ReportTemplates
import Expressions

/// A forest plot of a template: its models fitted and its rows computed, not yet laid out.
struct _ForestContent {
  var request: ForestRequest
  var analysis: ForestAnalysis

  init(_ spec: FigureSpec, request: ForestRequest, data: String, tables: [String: DataTable]) throws {
    guard let loaded = tables[data] else {
      throw TemplateError(file: spec.location, key: "data", message: "data '\(data)' was not loaded")
    }
    self.request = request
    self.analysis = try ForestAnalysis(table: try BuiltFigure.filtered(loaded, by: spec.filters), request: request)
  }

  var files: [String] { [request.dataPath] }

  /// The plot laid out `width` × `height` points (nil: the request's width, the height of its
  /// rows).
  func layout(width: Double? = nil, height: Double? = nil, measurer: some TextMeasuring) -> ForestLayout {
    var sized = request
    if let width { sized.widthMillimetres = width / 1.millimetres }
    if let height { sized.heightMillimetres = height / 1.millimetres }
    return analysis.figure(sized).layout(measurer: measurer)
  }

  var context: [String: Any] {
    let rows = analysis.rows.map { row -> [String: Any] in
      let estimate = row.estimates.compactMap { $0 }.last
      return [
        "label": row.label,
        "hr": estimate.map { JournalFormat.estimate($0.value, lower: $0.lower, upper: $0.upper, decimals: request.decimals) }
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
  func statistics(_ layout: ForestLayout) -> [(String, JSONValue)] {
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
      ("type", .string("forest")), ("methods", .string(analysis.methods(request))), ("printed", .object(printed)),
      ("forest", analysis.json),
    ]
  }
}
