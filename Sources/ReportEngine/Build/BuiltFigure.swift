import CairoRendering
import ClinicalCSV
import FigureCore
import Foundation
import Mustache
import SurvivalFigures

/// A figure of a template, computed and laid out, ready to render.
struct BuiltFigure: Sendable {
  var spec: FigureSpec
  var scene: Scene
  var caption: String?
  var sidecar: JSONValue
  var lint: [LintFinding]
  /// Statistical caveats of the figure's models (monotone likelihood, non-convergence).
  var notes: [String] = []
  /// Data files the figure read.
  var dataFiles: [String]
}

/// A failure while building one figure, with the figure's id and place in the template.
public struct FigureBuildError: Error, CustomStringConvertible {
  public var figure: String
  public var location: String
  public var underlying: Error

  public var description: String {
    "while building figure '\(figure)' (\(location)): \(underlying)"
  }
}

extension BuiltFigure {
  /// Computes the statistics of `spec`, lays the figure out and fills its caption.
  static func build(
    _ spec: FigureSpec, tables: [String: DataTable], measurer: some TextMeasuring,
    minimumFontSize: Double
  ) throws -> BuiltFigure {
    let (scene, context, statistics, files, plots, notes) = try content(spec, tables: tables, measurer: measurer)
    var caption: String?
    if let text = spec.caption {
      do {
        caption = try MustacheTemplate(string: "{{%CONTENT_TYPE:TEXT}}" + text).render(context)
      } catch {
        throw TemplateError(file: spec.location, key: "caption", message: "invalid caption template: \(error)")
      }
    }
    if spec.methodsInCaption, let methods = statistics.first(where: { $0.0 == "methods" })?.1, case .string(let text) = methods {
      caption = [caption, "Methods: " + text].compactMap { $0 }.joined(separator: " ")
    }
    var lint = scene.lint(measurer: measurer, minimumFontSize: minimumFontSize)
    for plot in plots where plot.height < minimumPlotHeight {
      lint.append(
        LintFinding(
          kind: .crampedPlot, texts: [],
          message: "the plot area is only \(JournalFormat.fixed(plot.height / 1.millimetres, decimals: 0)) mm high; make the figure taller or the table smaller"))
    }
    let sidecar = JSONValue.object(
      [
        ("id", .string(spec.id)),
        ("template", .string(spec.location)),
        ("survfig_version", .string(SurvfigVersion.string)),
        ("data", .array(files.map { .string($0) })),
        ("filter", spec.filters.isEmpty ? .null : .string(spec.filters.map(\.source).joined(separator: " and "))),
        ("width_mm", .number(scene.size.width / 1.millimetres)),
        ("height_mm", .number(scene.size.height / 1.millimetres)),
        ("caption", caption.map { .string($0) } ?? .null),
        ("lint", .array(lint.map { .string($0.message) })),
      ] + statistics)
    return BuiltFigure(
      spec: spec, scene: scene, caption: caption, sidecar: sidecar, lint: lint, notes: notes, dataFiles: files)
  }

  /// The rows of `table` that meet every filter.
  static func filtered(_ table: DataTable, by filters: [TemplateExpression]) throws -> DataTable {
    guard !filters.isEmpty else { return table }
    var rows = Array(0..<table.rowCount)
    for filter in filters {
      let kept = Set(try filter.rows(of: table))
      rows = rows.filter { kept.contains($0) }
    }
    return try table.deriving(columns: [], rows: rows)
  }

  /// Plot areas lower than this (25 mm) are reported by figure lint.
  static let minimumPlotHeight = 25.0.millimetres

  /// The scene, caption values, sidecar entries, data files read, the plot areas drawn and the
  /// statistical caveats.
  private static func content(_ spec: FigureSpec, tables: [String: DataTable], measurer: some TextMeasuring)
    throws -> (Scene, [String: Any], [(String, JSONValue)], [String], [Rect], [String])
  {
    switch spec.kind {
    case .kaplanMeier(let request, let data):
      guard let loaded = tables[data] else { throw TemplateError(file: spec.location, key: "data", message: "data '\(data)' was not loaded") }
      let table = try filtered(loaded, by: spec.filters)
      let analysis = try KaplanMeierAnalysis(table: table, request: request)
      let figure = analysis.figure(request.figure, groupLabels: request.groupLabels)
      let layout = figure.layout(measurer: measurer)
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
      let statistics: [(String, JSONValue)] = [
        ("type", .string("km")), ("methods", .string(analysis.methods(request))),
        ("printed", printed), ("statistics", analysis.json),
      ]
      return (layout.scene, analysis.captionContext(request), statistics, [request.dataPath], [layout.plotRect], [])

    case .swimmer(let request, let data, let events):
      guard let loaded = tables[data] else { throw TemplateError(file: spec.location, key: "data", message: "data '\(data)' was not loaded") }
      let patients = try filtered(loaded, by: spec.filters)
      let input = try SwimmerInput(patients: patients, events: events.flatMap { tables[$0] }, request: request)
      let layout = input.figure(request).layout(measurer: measurer)
      let lanes = input.lanes.count
      let statistics: [(String, JSONValue)] = [
        ("type", .string("swimmer")),
        ("patients", .int(lanes)),
        ("groups", .array(input.groups.map { .string($0) })),
        (
          "lanes",
          .array(
            input.lanes.map { lane in
              .object([
                ("id", .string(lane.id)), ("group", .string(input.groups.indices.contains(lane.group) ? input.groups[lane.group] : "")),
                ("start", .number(lane.start)), ("end", .number(lane.end)), ("ongoing", .bool(lane.isOngoing)),
                ("events", .array(lane.events.map { .object([("time", .number($0.time)), ("type", .string(input.eventKinds[$0.kind].label))]) })),
              ])
            })
        ),
      ]
      let context: [String: Any] = ["patients": lanes, "groups": input.groups]
      return (layout.scene, context, statistics, [request.dataPath] + (request.eventsPath.map { [$0] } ?? []), [], [])

    case .forest(let request, let data):
      guard let loaded = tables[data] else { throw TemplateError(file: spec.location, key: "data", message: "data '\(data)' was not loaded") }
      let analysis = try ForestAnalysis(table: try filtered(loaded, by: spec.filters), request: request)
      let layout = analysis.figure(request).layout(measurer: measurer)
      let rows = analysis.rows.map { row -> [String: Any] in
        let estimate = row.estimates.compactMap { $0 }.last
        return [
          "label": row.label,
          "hr": estimate.map { JournalFormat.estimate($0.value, lower: $0.lower, upper: $0.upper, decimals: request.decimals) } ?? (row.note ?? ""),
          "p": (estimate?.p ?? row.headerP).map { JournalFormat.pValue($0) } ?? "",
        ]
      }
      // A forest plot's panel is as tall as its rows; it is not checked for cramping.
      var context: [String: Any] = ["rows": rows]
      if let counts = analysis.modelCounts {
        context["n"] = counts.patients
        context["events"] = counts.events
        context["excluded"] = counts.excluded
      }
      if let selected = analysis.selectedTerms {
        context["selected"] = selected
        context["selected_text"] = selected.count < 2 ? selected.joined() : selected.dropLast().joined(separator: ", ") + " and " + selected[selected.count - 1]
      }
      return (layout.scene, context, [("type", .string("forest")), ("forest", analysis.json)], [request.dataPath], [], analysis.warnings)

    case .panels(let columns, let panels):
      let rows = (panels.count + columns - 1) / columns
      let size = Size.millimetres(width: spec.widthMillimetres, height: spec.heightMillimetres)
      let cell = Size(width: size.width / Double(columns), height: size.height / Double(rows))
      var placed: [(scene: Scene, origin: Point)] = []
      var labels: [DrawCommand] = []
      var contexts: [[String: Any]] = []
      var byLetter: [String: Any] = [:]
      var sidecars: [JSONValue] = []
      var files: [String] = []
      var plots: [Rect] = []
      var notes: [String] = []
      for (index, panel) in panels.enumerated() {
        let letter = String(UnicodeScalar(UInt8(65 + index % 26)))
        // Each panel is laid out below a band that holds its letter.
        let band = 14.0
        var fitted = panel
        if case .kaplanMeier(var request, let data) = panel.kind {
          request.figure.widthMillimetres = cell.width / 1.millimetres
          request.figure.heightMillimetres = (cell.height - band) / 1.millimetres
          fitted.kind = .kaplanMeier(request, data: data)
        }
        let (scene, context, statistics, panelFiles, panelPlots, panelNotes) = try content(fitted, tables: tables, measurer: measurer)
        notes += panelNotes.map { "panel \(letter): \($0)" }
        plots += panelPlots
        let origin = Point(x: Double(index % columns) * cell.width, y: Double(index / columns) * cell.height)
        placed.append((scene, Point(x: origin.x, y: origin.y + band)))
        // The panel letter sits in the panel's top-left corner, in bold, larger than the text.
        labels.append(
          .text(
            TextRun(.bold(letter), font: FontSpec(size: 11), anchor: TextAnchor(.leading, .top)),
            at: Point(x: origin.x + 2, y: origin.y + 1)))
        var withLetter = context
        withLetter["letter"] = letter
        contexts.append(withLetter)
        byLetter[letter] = withLetter
        sidecars.append(.object([("panel", .string(letter))] + statistics))
        files += panelFiles
      }
      let scene = Scene.composed(size: size, panels: placed, extra: [.group("panel-labels", labels)])
      return (scene, ["panels": contexts, "panel": byLetter], [("type", .string("panels")), ("panels", .array(sidecars))], Array(Set(files)).sorted(), plots, notes)
    }
  }
}
