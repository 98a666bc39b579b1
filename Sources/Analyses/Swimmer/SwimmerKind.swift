import ClinicalData
import FigureCore
import Foundation
import OptionSchema
import SurvivalFigures

/// Swimmer plots (`survfig swimmer`, `type: swimmer`).
public enum SwimmerKind: FigureKind {
  public static let name = "swimmer"
  public static let noun = "swimmer plot"
  public static var options: OptionTable<SwimmerRequest> { SwimmerRequest.options }
  public static var output: WritableKeyPath<SwimmerRequest, FigureOutput> & Sendable { \.output }

  public static func request(defaults: FigureOutput, height: Double) -> SwimmerRequest {
    var request = SwimmerRequest(dataPath: "", idColumn: "", endColumn: "")
    request.output = defaults
    return request
  }

  public static func dataFiles(_ request: SwimmerRequest) -> [String] {
    [request.dataPath] + (request.eventsPath.map { [$0] } ?? [])
  }

  public static func content(_ request: SwimmerRequest, data: FigureData) throws -> SwimmerContent {
    try SwimmerContent(request: request, data: data)
  }
}

/// A swimmer plot: its lanes read, not yet laid out.
public struct SwimmerContent: FigureContent {
  public var request: SwimmerRequest
  public var input: SwimmerInput

  public init(request: SwimmerRequest, data: FigureData) throws {
    self.request = request
    let patients = try request.rowSelection.apply(to: try data.table(request.dataPath))
    var eventRows = try request.eventsPath.map { try data.unfilteredTable($0) }
    if request.eventsPath == request.dataPath {
      // Events on the patients' own rows (one marker per patient): the figure's filter applies
      // to them too, and a row without an event time or type has no marker.
      eventRows = try Self.rows(of: patients, withValuesIn: [request.eventTimeColumn, request.eventTypeColumn])
    } else if data.isFiltered || !request.rowSelection.isEmpty, let table = eventRows {
      // The events of patients the filter leaves out go too; an event of a patient who is not
      // in the data at all is still an error.
      func ids(_ table: DataTable, _ column: String) throws -> [String?] {
        try table.column(named: column).textValues().map { $0?.trimmingCharacters(in: .whitespaces) }
      }
      let kept = Set(try ids(patients, request.idColumn))
      let all = Set(try ids(try data.unfilteredTable(request.dataPath), request.idColumn))
      let eventIds = try ids(table, request.eventIdColumn)
      eventRows = table.rows(eventIds.indices.filter { kept.contains(eventIds[$0]) || !all.contains(eventIds[$0]) })
    }
    self.input = try SwimmerInput(patients: patients, events: eventRows, request: request)
  }

  public var notes: [String] { [] }

  /// The plot at `width` × `height` points (nil: the request's width, and its height or the one
  /// that grows with the number of patients).
  public func layout<Measurer: TextMeasuring>(width: Double?, height: Double?, measurer: Measurer) throws
    -> LaidOutFigure
  {
    let layout = swimmerLayout(width: width, height: height, measurer: measurer)
    return LaidOutFigure(
      scene: layout.scene, requiredHeight: layout.requiredHeight, requiredWidth: layout.scene.size.width,
      findings: Self.heightFindings(layout, patients: input.lanes.count, isHeightGiven: height != nil),
      sidecar: sidecar(for: layout, detail: .summary), fullSidecar: sidecar(for: layout, detail: .full))
  }

  /// The lanes closer than ``SwimmerFigure/minimumLanePitch`` in a page whose height the
  /// request gave, or a page grown past ``SwimmerFigure/maximumNaturalHeight``, as findings
  /// naming the height needed. A panel's height (`isHeightGiven`) is the grid's to report.
  static func heightFindings(_ layout: SwimmerLayout, patients: Int, isHeightGiven: Bool) -> [LintFinding] {
    guard !isHeightGiven else { return [] }
    let page = layout.scene.size.height
    let pitch = mm(SwimmerFigure.minimumLanePitch, decimals: 1)
    if layout.requiredHeight > page + 1e-6 {
      return [
        LintFinding(
          kind: .crampedPlot, texts: [],
          message:
            "the swimmer plot's \(patients) lanes are closer than \(pitch) mm at \(mm(page)) mm high, so that markers no longer clearly belong to one patient; make the figure at least \(mm(layout.requiredHeight, up: true)) mm high, or leave its height unset"
        )
      ]
    }
    if layout.exceedsNaturalHeight {
      return [
        LintFinding(
          kind: .crampedPlot, texts: [],
          message:
            "the swimmer plot of \(patients) patients is \(mm(page, up: true)) mm high with its lanes \(pitch) mm apart, taller than a page (\(mm(SwimmerFigure.maximumNaturalHeight)) mm); split it into panels or select fewer patients, or give its height (at least \(mm(layout.requiredHeight, up: true)) mm) to draw it this tall"
        )
      ]
    }
    return []
  }

  /// Points as millimetres, for messages; `up` rounds up to the whole millimetre.
  static func mm(_ points: Double, decimals: Int = 0, up: Bool = false) -> String {
    let value = points / 1.millimetres
    return JournalFormat.fixed(up ? (value - 1e-9).rounded(.up) : value, decimals: decimals)
  }

  /// The rows of `table` with a value in each of `columns`.
  static func rows(of table: DataTable, withValuesIn columns: [String]) throws -> DataTable {
    let found = try columns.map { try table.column(named: $0) }
    let rows = (0..<table.rowCount).filter { row in
      found.allSatisfy { !($0.text(atRow: row)?.trimmingCharacters(in: .whitespaces).isEmpty ?? true) }
    }
    return table.rows(rows)
  }

  /// The plot laid out `width` × `height` points (nil: the request's width, and its height or
  /// the one that grows with the number of patients).
  func swimmerLayout(width: Double?, height: Double?, measurer: some TextMeasuring) -> SwimmerLayout {
    var sized = request
    if let width { sized.output.widthMillimetres = width / 1.millimetres }
    if let height { sized.output.heightMillimetres = height / 1.millimetres }
    return input.figure(sized).layout(measurer: measurer)
  }

  public var captionValues: [String: Any] { ["patients": input.lanes.count, "groups": input.groups] }

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
      parts.append(
        "markers at the events of the events file ('\(request.eventTimeColumn)', '\(request.eventTypeColumn)')")
    }
    parts.append("descriptive: no estimates or tests")
    parts.append("drawn with survfig \(SurvfigVersion.string)")
    return parts.joined(separator: "; ") + "."
  }

  /// The sidecar entries: the methods, everything printed on the plot as `layout` drew it, and
  /// every lane with its events.
  func sidecar(for layout: SwimmerLayout, detail: SidecarDetail) -> [(String, JSONValue)] {
    let figure = input.figure(request)
    let printed = JSONValue.object([
      ("title", figure.options.title.map { .string($0.plainText) } ?? .null),
      ("legend", .array(layout.legendLabels.map { .string($0) })),
      ("x_title", .string(figure.options.xTitle.plainText)), ("y_title", .string(figure.options.yTitle.plainText)),
      ("x_ticks", .array(layout.xBreaks.map { .string(JournalFormat.tick($0)) })),
      (
        "lane_labels", .string(!layout.showsIdentifiers ? "none" : request.showsIdentifiers ? "identifiers" : "numbers")
      ),
      ("lanes_top_to_bottom", layout.showsIdentifiers ? .array(layout.lanes.map { .string($0.label) }) : .null),
    ])
    return [
      ("type", .string(SwimmerKind.name)), ("methods", .string(methods)),
    ] + TimeUnit.sidecarEntries(data: request.dataTimeUnit, display: request.displayTimeUnit) + [
      ("printed", printed),
      ("patients", .int(input.lanes.count)),
      ("groups", .array(input.groups.map { .string($0) })),
    ] + (detail == .full ? [("lanes", lanesJSON(layout))] : [])
  }

  /// Every lane top to bottom with its label, bar and events: row-level data, for
  /// `--sidecar full` only; the patient's identifier only when the figure prints identifiers.
  func lanesJSON(_ layout: SwimmerLayout) -> JSONValue {
    .array(
      layout.lanes.map { drawn in
        let lane = input.lanes[drawn.index]
        var entries: [(String, JSONValue)] = [("label", .string(drawn.label))]
        if request.showsIdentifiers { entries.append(("id", .string(lane.id))) }
        entries += [
          ("group", .string(input.groups.indices.contains(lane.group) ? input.groups[lane.group] : "")),
          ("start", .number(lane.start)), ("end", .number(lane.end)), ("ongoing", .bool(lane.isOngoing)),
          (
            "events",
            .array(
              lane.events.map {
                .object([("time", .number($0.time)), ("type", .string(input.eventKinds[$0.kind].label))])
              })
          ),
        ]
        return .object(entries)
      })
  }
}
