import ClinicalCSV
import FigureCore
import SurvivalFigures

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
    self.input = try SwimmerInput(patients: patients, events: events.flatMap { tables[$0] }, request: request)
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

  /// The sidecar entries: every lane with its events.
  var statistics: [(String, JSONValue)] {
    [
      ("type", .string("swimmer")),
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
