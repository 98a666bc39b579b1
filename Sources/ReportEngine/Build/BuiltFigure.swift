import Analyses
import CairoRendering
import ClinicalData
import Expressions
import FigureCore
import Foundation
import ReportTemplates
import SurvivalFigures

/// A figure of a template, computed and laid out, ready to render.
struct BuiltFigure: Sendable {
  var spec: FigureSpec
  var scene: Scene
  var caption: String?
  var sidecar: JSONValue
  var lint: [LintFinding]
  /// Names of the caption that the statistics do not define, as located messages.
  var captionFindings: [String] = []
  /// Statistical caveats of the figure's models (monotone likelihood, non-convergence).
  var notes: [String] = []
  /// Data files the figure read.
  var dataFiles: [String]
  /// The caption's values, for the template's named numbers.
  var values: CaptionValueTree = .null
}

/// A failure while building one figure or table, with its id and place in the template.
public struct FigureBuildError: Error, CustomStringConvertible {
  public var figure: String
  public var location: String
  public var underlying: Error
  /// What was being built: "figure" or "table".
  public var noun = "figure"

  public init(figure: String, location: String, underlying: Error, noun: String = "figure") {
    self.figure = figure
    self.location = location
    self.underlying = underlying
    self.noun = noun
  }

  public var description: String {
    "while building \(noun) '\(figure)' (\(location)): \(underlying)"
  }
}

extension BuiltFigure {
  /// Computes the statistics of `spec`, lays the figure out and fills its caption.
  static func build(
    _ spec: FigureSpec, tables: [String: DataTable], measurer: some TextMeasuring,
    minimumFontSize: Double, journal: Journal? = nil, detail: SidecarDetail = .summary, templateFolder: String = ""
  ) throws -> BuiltFigure {
    let (scene, context, statistics, files, fitFindings, notes) = try content(
      spec, tables: tables, measurer: measurer, detail: detail)
    var caption: String?
    if let text = spec.caption {
      do {
        caption = try FigureCaption.render(text, context: context)
      } catch {
        throw spec.captionPosition?.error(error.message)
          ?? TemplateError(file: spec.location, key: "caption", message: error.message)
      }
    }
    let captionFindings = unknownCaptionNames(spec, context: context)
    if spec.methodsInCaption, let methods = statistics.first(where: { $0.0 == "methods" })?.1,
      case .string(let text) = methods
    {
      caption = [caption, "Methods: " + text].compactMap { $0 }.joined(separator: " ")
    }
    // Text that leaves a panel is reported once, by its panel, even where it leaves the page.
    let byPanel = Set(fitFindings.filter { $0.kind == .clippedText }.map(\.texts))
    // What does not fit comes first: it says what to change; the texts it pushes off follow.
    let lint =
      fitFindings
      + scene.lint(measurer: measurer, minimumFontSize: minimumFontSize).filter {
        !($0.kind == .clippedText && byPanel.contains($0.texts))
      } + (journal?.heightFinding(sceneHeight: scene.size.height).map { [$0] } ?? [])
    let sidecar = JSONValue.object(
      [
        ("id", .string(spec.id)),
        ("label", .string(spec.label)),
        ("template", .string(SidecarPaths.location(spec.location))),
        ("survfig_version", .string(SurvfigVersion.string)),
        ("data", .array(files.map { .string(SidecarPaths.relative($0, to: templateFolder)) })),
        ("filter", spec.filters.isEmpty ? .null : .string(spec.filters.map(\.source).joined(separator: " and "))),
        ("width_mm", .number(millimetres(scene.size.width))),
        ("height_mm", .number(millimetres(scene.size.height))),
        ("caption", caption.map { .string($0) } ?? .null),
        ("lint", .array((lint.map(\.message) + captionFindings).map { JSONValue.string($0) })),
      ] + statistics)
    return BuiltFigure(
      spec: spec, scene: scene, caption: caption, sidecar: sidecar, lint: lint, captionFindings: captionFindings,
      notes: notes, dataFiles: files, values: CaptionValueTree(context))
  }
  /// The caption's names that the figure's values do not define, as messages at the caption
  /// key: `report.yaml:12:14: 'figures[0].caption': unknown name 'medain' in the caption; it
  /// renders as nothing. Did you mean 'median'?`
  static func unknownCaptionNames(_ spec: FigureSpec, context: [String: Any]) -> [String] {
    guard let text = spec.caption else { return [] }
    return CaptionNameCheck.unknownNames(in: text, context: context).map { unknown -> String in
      let hint = unknown.suggestion.map { " Did you mean '\($0)'?" } ?? ""
      let message =
        unknown.isEmpty
        ? "'\(unknown.name)' in the caption has no value for this figure; it renders as nothing"
        : "unknown name '\(unknown.name)' in the caption; it renders as nothing.\(hint)"
      return spec.captionPosition?.message(message) ?? "\(spec.location): 'caption': \(message)"
    }
  }

  /// A length in millimetres without the binary noise of the conversion to points and back
  /// (a figure grown to 103 mm is 103, not 102.99999999999999).
  static func millimetres(_ points: Double) -> Double {
    ((points / 1.millimetres) * 1e9).rounded() / 1e9
  }

  /// The rows of `table` that meet every filter.
  static func filtered(_ table: DataTable, by filters: [TemplateExpression]) throws -> DataTable {
    guard !filters.isEmpty else { return table }
    var rows = Array(0..<table.rowCount)
    for filter in filters {
      let kept = Set(try filter.rows(of: table))
      rows = rows.filter { kept.contains($0) }
    }
    return table.rows(rows)
  }

  /// The scene, caption values, sidecar entries, data files read, lint findings of the layout
  /// (plot areas that got less than their share of the height, panels too small for their
  /// contents, text off its panel) and the statistical caveats of the models; a column missing
  /// from the data is reported at the template key that names it.
  static func content(
    _ spec: FigureSpec, tables: [String: DataTable], measurer: some TextMeasuring, detail: SidecarDetail
  )
    throws -> (Scene, [String: Any], [(String, JSONValue)], [String], [LintFinding], [String])
  {
    try spec.columnKeys.locating { try uncheckedContent(spec, tables: tables, measurer: measurer, detail: detail) }
  }

  private static func uncheckedContent(
    _ spec: FigureSpec, tables: [String: DataTable], measurer: some TextMeasuring, detail: SidecarDetail
  )
    throws -> (Scene, [String: Any], [(String, JSONValue)], [String], [LintFinding], [String])
  {
    switch spec.kind {
    case .figure(let request):
      let content = try request.content(data(for: spec, tables: tables))
      let laid = try content.layout(width: nil, height: nil, measurer: measurer)
      return (laid.scene, content.captionValues, laid.sidecar(detail), request.dataFiles, laid.findings, content.notes)
    case .panels(let columns, let panels):
      return try panelContent(
        spec, columns: columns, panels: panels, data: { data(for: $0, tables: tables) }, measurer: measurer,
        detail: detail)
    }
  }

  /// The tables a figure reads, by file, with its filters applied.
  static func data(for spec: FigureSpec, tables: [String: DataTable]) -> FigureData {
    let filters = spec.filters
    let location = spec.location
    let loaded: @Sendable (String) throws -> DataTable = { path in
      guard let table = tables[path] else {
        throw TemplateError(file: location, key: "data", message: "the data file '\(path)' was not loaded")
      }
      return table
    }
    return FigureData(
      table: { path in try filtered(try loaded(path), by: filters) }, unfilteredTable: loaded,
      isFiltered: !filters.isEmpty)
  }
}
