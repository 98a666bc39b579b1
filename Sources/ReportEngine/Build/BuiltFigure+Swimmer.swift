import ClinicalCSV
import FigureCore
import Foundation
import SurvivalFigures
import Analyses
import ReportTemplates
import Expressions

/// A swimmer plot of a template: its lanes read, not yet laid out.
struct _SwimmerContent {
  var request: SwimmerRequest
  var input: SwimmerInput

  init(
    _ spec: FigureSpec, request: SwimmerRequest, data: String, events: String?, tables: [String: DataTable]
  ) throws {
    guard let loaded = tables[data] else {
      throw TemplateError(file: spec.location, key: "data", message: "data '\(data)' was not loaded")
    }
    self.request = request
    let patients = try BuiltFigure.filtered(loaded, by: spec.filters)
    var eventRows = events.flatMap { tables[$0] }
    if events == data {
      // Events on the patients' own rows (one marker per patient): the figure's filter applies
      // to them too, and a row without an event time or type has no marker.
      eventRows = try BuiltFigure.rows(of: patients, withValuesIn: [request.eventTimeColumn, request.eventTypeColumn])
    } else if !spec.filters.isEmpty, let table = eventRows {
      // The events of patients the filter leaves out go too; an event of a patient who is not
      // in the data at all is still an error.
      func ids(_ table: DataTable, _ column: String) throws -> [String?] {
        try table.column(named: column).textValues().map { $0?.trimmingCharacters(in: .whitespaces) }
      }
      let kept = Set(try ids(patients, request.idColumn))
      let all = Set(try ids(loaded, request.idColumn))
      let eventIds = try ids(table, request.eventIdColumn)
      eventRows = try table.deriving(
        columns: [], rows: eventIds.indices.filter { kept.contains(eventIds[$0]) || !all.contains(eventIds[$0]) })
    }
    self.input = try SwimmerInput(patients: patients, events: eventRows, request: request)
  }

  var files: [String] { [request.dataPath] + (request.eventsPath.map { [$0] } ?? []) }

  /// The plot laid out `width` × `height` points (nil: the request's width, and its height or
  /// the one that grows with the number of patients).
  func layout(width: Double? = nil, height: Double? = nil, measurer: some TextMeasuring) -> SwimmerLayout {
    var sized = request
    if let width { sized.widthMillimetres = width / 1.millimetres }
    if let height { sized.heightMillimetres = height / 1.millimetres }
    return input.figure(sized).layout(measurer: measurer)
  }

  var context: [String: Any] { ["patients": input.lanes.count, "groups": input.groups] }

  /// How the plot was drawn from the data, for a reader who wants to redraw it.
  var methods: String {
    let unit = request.displayTimeUnit ?? request.dataTimeUnit
    var time = unit.map { " in \($0.rawValue)" } ?? ""
    if let data = request.dataTimeUnit, let display = request.displayTimeUnit, data != display {
      time += " (from \(data.rawValue); months of 30.4375 days, years of 365.25 days)"
    }
    let start = request.startColumn.map { "'\($0)'" } ?? "0"
    var parts = ["One bar per patient from \(start) to '\(request.endColumn)'\(time)"]
    let order = request.order == .length ? "the longest bar first" : "in the order of the data"
    parts.append(request.groupColumn.map { "lanes grouped by '\($0)', \(order) within each group" } ?? "lanes \(order)")
    if let ongoing = request.ongoingColumn { parts.append("arrows mark patients ongoing at the end ('\(ongoing)')") }
    if let from = request.responseStartColumn {
      let to = request.responseEndColumn.map { "'\($0)' (the bar's end when missing)" } ?? "the bar's end"
      parts.append("lines above the bars span the response, from '\(from)' to \(to)")
    }
    if request.eventsPath != nil {
      parts.append("markers at the events of the events file ('\(request.eventTimeColumn)', '\(request.eventTypeColumn)')")
    }
    parts.append("descriptive: no estimates or tests")
    parts.append("drawn with survfig \(SurvfigVersion.string)")
    return parts.joined(separator: "; ") + "."
  }

  /// The sidecar entries: the methods, everything printed on the plot as `layout` drew it, and
  /// every lane with its events.
  func statistics(_ layout: SwimmerLayout) -> [(String, JSONValue)] {
    let figure = input.figure(request)
    let printed = JSONValue.object([
      ("title", figure.options.title.map { .string($0.plainText) } ?? .null),
      ("legend", .array(layout.legendLabels.map { .string($0) })),
      ("x_title", .string(figure.options.xTitle.plainText)), ("y_title", .string(figure.options.yTitle.plainText)),
      ("x_ticks", .array(layout.xBreaks.map { .string(JournalFormat.tick($0)) })),
      ("identifiers", .bool(layout.showsIdentifiers)),
      ("lanes_top_to_bottom", .array(layout.lanes.map { .string($0.id) })),
    ])
    return [
      ("type", .string("swimmer")), ("methods", .string(methods)), ("printed", printed),
      ("patients", .int(input.lanes.count)),
      ("groups", .array(input.groups.map { .string($0) })),
      (
        "lanes",
        .array(
          input.lanes.map { lane in
            .object([
              ("id", .string(lane.id)),
              ("group", .string(input.groups.indices.contains(lane.group) ? input.groups[lane.group] : "")),
              ("start", .number(lane.start)), ("end", .number(lane.end)), ("ongoing", .bool(lane.isOngoing)),
              (
                "events",
                .array(
                  lane.events.map {
                    .object([("time", .number($0.time)), ("type", .string(input.eventKinds[$0.kind].label))])
                  })
              ),
            ])
          })
      ),
    ]
  }
}
