import SurvivalFigures
import Analyses
import Expressions
import FigureCore
import ClinicalCSV

/// The keys of a swimmer plot in a template: the options of `survfig swimmer` under the same
/// names; `data` names the patients and `events` the events among the template's data.
enum SwimmerTemplateKeys {
  typealias Apply = @Sendable (TemplateNode, inout SwimmerRequest) throws(TemplateError) -> Void

  static let keys: [(String, Apply)] = [
    ("id-column", { n, r throws(TemplateError) in r.idColumn = try n.string() }),
    ("end", { n, r throws(TemplateError) in r.endColumn = try n.string() }),
    ("start", { n, r throws(TemplateError) in r.startColumn = try n.string() }),
    ("group", { n, r throws(TemplateError) in r.groupColumn = try n.string() }),
    ("group-order", { n, r throws(TemplateError) in r.groupOrder = try n.strings() }),
    ("ongoing", { n, r throws(TemplateError) in r.ongoingColumn = try n.string() }),
    ("response-start", { n, r throws(TemplateError) in r.responseStartColumn = try n.string() }),
    ("response-end", { n, r throws(TemplateError) in r.responseEndColumn = try n.string() }),
    ("event-id", { n, r throws(TemplateError) in r.eventIdColumn = try n.string() }),
    ("event-time", { n, r throws(TemplateError) in r.eventTimeColumn = try n.string() }),
    ("event-type", { n, r throws(TemplateError) in r.eventTypeColumn = try n.string() }),
    (
      "order",
      { n, r throws(TemplateError) in
        r.order = SwimmerOrder(rawValue: try n.choice(SwimmerOrder.allCases.map(\.rawValue)))!
      }
    ),
    ("time-unit", { n, r throws(TemplateError) in r.dataTimeUnit = try KaplanMeierTemplateKeys.unit(n) }),
    ("display-unit", { n, r throws(TemplateError) in r.displayTimeUnit = try KaplanMeierTemplateKeys.unit(n) }),
    ("x-max", { n, r throws(TemplateError) in r.xMax = try KaplanMeierTemplateKeys.positive(n) }),
    ("title", { n, r throws(TemplateError) in r.title = try n.string() }),
    ("x-title", { n, r throws(TemplateError) in r.xTitle = try n.string() }),
    ("y-title", { n, r throws(TemplateError) in r.yTitle = try n.string() }),
    ("legend-title", { n, r throws(TemplateError) in r.legendTitle = try n.string() }),
    ("ids", { n, r throws(TemplateError) in r.showsIdentifiers = try n.bool() }),
    ("palette", { n, r throws(TemplateError) in r.palette = try KaplanMeierTemplateKeys.palette(n) }),
    ("width", { n, r throws(TemplateError) in r.widthMillimetres = try KaplanMeierTemplateKeys.millimetres(n) }),
    ("height", { n, r throws(TemplateError) in r.heightMillimetres = try KaplanMeierTemplateKeys.millimetres(n) }),
    ("font-size", { n, r throws(TemplateError) in r.fontSize = try KaplanMeierTemplateKeys.fontSize(n) }),
    ("font", { n, r throws(TemplateError) in r.fontFamily = try KaplanMeierTemplateKeys.fontFamily(n) }),
    ("line-width", { n, r throws(TemplateError) in r.lineWidth = try KaplanMeierTemplateKeys.lineWidth(n) }),
    ("dpi", { n, r throws(TemplateError) in r.dpi = try KaplanMeierTemplateKeys.dpi(n) }),
  ]

  static let names = keys.map(\.0) + ["events"]

  static func apply(_ mapping: TemplateMapping, to request: inout SwimmerRequest) throws(TemplateError) {
    for (key, apply) in keys {
      if let node = mapping[key] { try apply(node, &request) }
    }
  }
}
