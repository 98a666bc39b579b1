import ClinicalCSV
import FigureCore
import SurvivalFigures

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

  /// The sidecar entries.
  var statistics: [(String, JSONValue)] {
    [("type", .string("forest")), ("forest", analysis.json)]
  }
}
