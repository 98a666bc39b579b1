import ClinicalCSV
import FigureCore
import SurvivalFigures
import Analyses
import ReportTemplates
import Expressions

/// A Kaplan–Meier figure of a template: its statistics computed and its figure described,
/// not yet laid out.
struct _KaplanMeierContent {
  var request: KaplanMeierRequest
  var analysis: KaplanMeierAnalysis
  var figure: KaplanMeierFigure

  init(_ spec: FigureSpec, request: KaplanMeierRequest, data: String, tables: [String: DataTable])
    throws
  {
    guard let loaded = tables[data] else {
      throw TemplateError(
        file: spec.location, key: "data", message: "data '\(data)' was not loaded")
    }
    let table = try BuiltFigure.filtered(loaded, by: spec.filters)
    self.request = request
    self.analysis = try KaplanMeierAnalysis(table: table, request: request)
    self.figure = analysis.figure(request.figure, groupLabels: request.groupLabels)
  }

  var context: [String: Any] { analysis.captionContext(request) }

  /// The sidecar entries: the statistics and everything printed on the figure.
  func statistics(_ layout: KaplanMeierLayout) -> [(String, JSONValue)] {
    let printed = JSONValue.object([
      ("annotations", .array(figure.options.annotations.map { .string($0.plainText) })),
      (
        "risk_table",
        .array(
          (layout.riskTable?.rows ?? []).map { row in
            .object([
              ("group", .string(row.group)), ("quantity", .string(row.quantity)),
              ("times", .array((layout.riskTable?.columns ?? []).map { .number($0.time) })),
              ("counts", .array(row.counts.map { .int($0) })),
            ])
          })
      ),
    ])
    return [
      ("type", .string("km")), ("methods", .string(analysis.methods(request))),
      ("printed", printed), ("statistics", analysis.json),
    ]
  }
}
