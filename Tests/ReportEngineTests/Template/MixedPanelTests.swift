import CairoRendering
import ClinicalData
import FigureCore
import Foundation
import Testing

@testable import Analyses
@testable import Expressions
@testable import ReportEngine
@testable import ReportTemplates
@testable import SurvivalSimulation

/// Grids of Kaplan–Meier, forest and swimmer panels: every panel at its cell's size.
@Suite("survfig build: panels of every figure type")
struct MixedPanelTests {
  static let root = FigureStyleTests.root

  static func yaml(_ grid: String = "", forest: String = "") -> String {
    """
    data:
      lung: \(root)/Templates/data/lung.csv
      patients: \(root)/Templates/data/swimmer-patients.csv
      events: \(root)/Templates/data/swimmer-events.csv
    endpoints:
      os: {data: lung, time: time, event: status, event-value: 2, time-unit: days}
    figures:
      - id: mixed
        type: panels
        columns: 2\(grid)
        panels:
          - {endpoint: os, group: sex, display-unit: months, x-by: 6}
          - {type: forest, data: lung, model: "Surv(time, status) ~ age + sex + factor(ph.ecog)"\(forest)}
          - type: swimmer
            data: patients
            events: events
            id-column: patient
            end: end
            group: group
            response-start: response_start
            response-end: response_end
            event-id: patient
            event-time: month
            event-type: event
            time-unit: months
          - {endpoint: os, group: ph.ecog, display-unit: months, x-by: 6, risk-table: none}

    """
  }

  static func build(_ yaml: String) throws -> BuiltFigure {
    let template = try ReportTemplate(yaml: yaml, file: NSTemporaryDirectory() + "panels.yaml")
    var tables: [String: DataTable] = [:]
    for path in template.data.values { tables[path] = try DataTable(contentsOfFile: path) }
    return try BuiltFigure.build(
      template.figures[0], tables: tables, measurer: try FigureRenderer().measurer, minimumFontSize: 6)
  }

  /// The extent of everything drawn in a command: text anchors and path points.
  static func points(_ command: DrawCommand) -> [Point] {
    switch command {
    case .text(_, let point): return [point]
    case .fill(let path, _), .stroke(let path, _):
      return path.elements.flatMap { element -> [Point] in
        switch element {
        case .move(let p), .line(let p): return [p]
        case .curve(let p, let c1, let c2): return [p, c1, c2]
        case .close: return []
        }
      }
    case .group(_, let children), .clip(_, let children): return children.flatMap(points)
    }
  }

  static func panel(_ figure: BuiltFigure, _ number: Int) -> [DrawCommand] {
    figure.scene.commands.compactMap { command -> [DrawCommand]? in
      if case .group("panel-\(number)", let children) = command { return children }
      return nil
    }.first ?? []
  }

  @Test("Kaplan–Meier, forest and swimmer panels are each laid out in their cells")
  func fitsCells() throws {
    let figure = try Self.build(Self.yaml())
    let size = figure.scene.size
    #expect(figure.lint.map(\.message) == [])
    #expect(size.width == 170.millimetres)
    // Two rows of the default height, 2 × 120 mm × 0.85.
    #expect(BuiltFigure.millimetres(size.height) == 204)
    let (cellWidth, cellHeight) = (size.width / 2, size.height / 2)
    for number in 1...4 {
      let column = Double((number - 1) % 2)
      let row = Double((number - 1) / 2)
      let cell = Rect(
        x: column * cellWidth, y: row * cellHeight + BuiltFigure.panelLetterBand, width: cellWidth,
        height: cellHeight - BuiltFigure.panelLetterBand)
      let outside = Self.points(.group("", Self.panel(figure, number))).filter {
        !cell.contains(Rect(origin: $0, size: Size(width: 0, height: 0)), tolerance: 0.01)
      }
      #expect(outside.isEmpty, "panel \(number) draws outside its cell at \(outside.prefix(3))")
    }
  }

  @Test("without a height, a grid grows until the swimmer's lanes are far enough apart")
  func grows() throws {
    let yaml = Self.yaml().replacingOccurrences(of: "figures:", with: "style: {height: 50}\nfigures:")
      .replacingOccurrences(of: "      - {endpoint: os, group: sex, display-unit: months, x-by: 6}\n", with: "")
      .replacingOccurrences(
        of: "      - {endpoint: os, group: ph.ecog, display-unit: months, x-by: 6, risk-table: none}\n", with: "")
    let figure = try Self.build(yaml)
    #expect(figure.lint.map(\.message) == [])
    // One row, 50 mm × 0.85 = 42.5 mm by default: the 38 lanes, at least 1.6 mm apart, need
    // 86 mm below the letter band.
    #expect(BuiltFigure.millimetres(figure.scene.size.height) == 92)
  }

  @Test("with a height too small for the swimmer's lanes, lint names the height that fits")
  func fixedHeight() throws {
    let figure = try Self.build(Self.yaml("\n    height: 140"))
    #expect(BuiltFigure.millimetres(figure.scene.size.height) == 140)
    #expect(
      figure.lint.map(\.message) == [
        "panel C: the swimmer plot needs 86 mm of height, more than the panel's 65 mm; make the figure at least 183 mm high, or leave its height unset so that it grows"
      ])
  }

  @Test("a forest plot too wide for its cell is reported with the width that fits, and its clipped text")
  func tooNarrow() throws {
    let figure = try Self.build(
      Self.yaml(
        "\n    width: 120",
        forest: ", labels: {age: Age at diagnosis in completed years, ph.ecog: ECOG performance status}"))
    let messages = figure.lint.map(\.message)
    #expect(
      messages.first
        == "panel B: the forest plot needs 83 mm of width, more than the panel's 60 mm; make the figure at least 166 mm wide, or give it fewer columns"
    )
    #expect(messages.dropFirst().allSatisfy { $0.hasPrefix("panel B: text '") && $0.hasSuffix("' runs off its panel") })
    #expect(messages.count > 1)
  }

  @Test("each panel letter's left edge is on the left edge of its panel's titles")
  func lettersAligned() throws {
    let figure = try Self.build(Self.yaml())
    let measurer = try FigureRenderer().measurer
    let letters = try #require(figure.scene.group(named: "panel-labels")).flatMap(\.texts)
    #expect(letters.count == 4)
    for (number, letter) in letters.enumerated() {
      let panel = Scene(size: figure.scene.size, commands: Self.panel(figure, number + 1))
      let edge = BuiltFigure.titleEdge(panel, measurer: measurer)
      #expect(abs(measurer.bounds(of: letter.0, at: letter.1).minX - edge) < 0.01, "panel \(number + 1)")
      // The edge is the titles': text that starts at the panel's left, not at the cell's.
      #expect(edge > Double(number % 2) * figure.scene.size.width / 2 + 1)
    }
  }

  @Test("a caption's P values are set in italics on the report page, as in the figures' insets")
  func captionItalicP() throws {
    let measurer = try FigureRenderer().measurer
    let (page, _) = ReportBuilder.figurePage(
      Scene(size: Size(width: 200, height: 100), commands: []), label: "Figure 1",
      caption: "Overall survival by sex; log-rank P = 0.001.", measurer: measurer)
    let spans = page.texts.flatMap { $0.0.text.spans }
    #expect(spans.contains { $0.isItalic && $0.text == "P" })
    #expect(page.texts.map { $0.0.text.plainText }.joined(separator: " ").contains("log-rank P = 0.001."))
  }
}
