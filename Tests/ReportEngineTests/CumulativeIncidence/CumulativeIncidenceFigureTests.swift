import CairoRendering
import ClinicalData
import FigureCore
import Foundation
import SurvivalFigures
import Testing

@testable import Analyses
@testable import ReportEngine
@testable import ReportTemplates

/// Cumulative incidence figures pass the checks Kaplan–Meier figures pass: figure lint, the
/// risk table on the axis breaks, everything on the page; at one- and two-column widths, for
/// each kind of curves; and a grid aligns them with Kaplan–Meier panels.
@Suite("Cumulative incidence figures")
struct CumulativeIncidenceFigureTests {
  static let root = FigureStyleTests.root
  static let pbc = root + "/Templates/data/pbc.csv"

  static func content(_ configure: (inout CumulativeIncidenceRequest) -> Void) throws -> CumulativeIncidenceContent {
    var request = CumulativeIncidenceRequest(dataPath: pbc, timeColumn: "time", statusColumn: "status", eventValue: "2")
    request.competingValues = ["1"]
    request.causeLabels = ["1": "Transplant", "2": "Death"]
    request.times = [1826, 3652]
    request.figure.dataTimeUnit = .days
    request.figure.displayTimeUnit = .years
    configure(&request)
    return try CumulativeIncidenceContent(request: request, table: try DataTable(contentsOfFile: pbc))
  }

  static let cases: [(CumulativeIncidenceCurves, Double)] = [
    (.event, 89), (.event, 183), (.causes, 89), (.causes, 183), (.stacked, 89), (.stacked, 183),
  ]

  @Test("no lint finding, the risk table on the axis breaks, every text on the page", arguments: cases)
  func lintAndAlignment(_ curves: CumulativeIncidenceCurves, _ width: Double) throws {
    let measurer = try FigureRenderer().measurer
    let content = try Self.content { request in
      request.figure.curves = curves
      request.figure.output.widthMillimetres = width
      request.figure.showsConfidenceBands = curves == .event
      if curves != .stacked {
        request.groupColumn = "trt"
        request.groupLabels = ["1": "D-penicillamine", "2": "Placebo"]
      }
    }
    let layout = content.figure.layout(measurer: measurer)
    #expect(!layout.isCramped && !layout.isUnreadable)
    let minimum = try #require(content.figure.options.theme).minimumFontSize
    let findings = layout.scene.lint(measurer: measurer, minimumFontSize: minimum)
    #expect(findings.isEmpty, "\(findings.map(\.message))")

    let table = try #require(layout.riskTable)
    #expect(table.rows.count == (curves == .stacked ? 1 : 2))
    #expect(!table.columns.isEmpty)
    for column in table.columns {
      #expect(layout.xBreaks.contains(column.time))
      #expect(abs(column.x - layout.xScale.map(column.time)) < 1e-9)
    }
    let numbers = (layout.scene.group(named: "risk-table") ?? []).flatMap(\.texts).compactMap { run, point in
      Int(run.text.plainText) != nil ? point.x : nil
    }
    #expect(numbers.count == table.columns.count * table.rows.count)
    #expect(numbers.allSatisfy { x in table.columns.contains { $0.x == x } })
    // The counts are those still free of every event: 418 (312 with a treatment arm) at time 0.
    #expect(table.rows.map { $0.counts.first } == (curves == .stacked ? [418] : [158, 154]))

    let page = Rect(origin: .zero, size: layout.scene.size)
    for (run, point) in layout.scene.texts {
      #expect(page.contains(measurer.bounds(of: run, at: point), tolerance: 0.01), "'\(run.text.plainText)'")
    }
  }

  @Test("rising steps from 0: each curve is the cumulative incidence, in the display unit")
  func curves() throws {
    let content = try Self.content { $0.groupColumn = "trt" }
    let analysis = content.analysis
    for (index, curve) in content.figure.curves.enumerated() {
      #expect(curve.initialValue == 0)
      let values = curve.rows.map(\.value)
      #expect(zip(values, values.dropFirst()).allSatisfy { $0 <= $1 })
      let expected = try #require(analysis.eventCurve(index))
      #expect(values == expected.estimate)
      #expect(curve.rows.map(\.time) == expected.times.map { $0 * (1 / 365.25) })
    }
    #expect(content.figure.options.yTitle.plainText == "Cumulative incidence of death")
    #expect(content.figure.options.annotations.map(\.plainText).first == "Gray's test P = 0.80")
  }

  @Test("causes: colour by group, line type by cause; the risk table one row per group")
  func causes() throws {
    let content = try Self.content {
      $0.groupColumn = "trt"
      $0.figure.curves = .causes
    }
    let figure = content.figure
    #expect(figure.curves.map(\.label) == ["1, Death", "2, Death", "1, Transplant", "2, Transplant"])
    #expect(figure.curves[0].color == figure.curves[2].color)
    #expect(figure.curves[0].color != figure.curves[1].color)
    #expect(figure.curves[0].dash == figure.curves[1].dash)
    #expect(figure.curves[0].dash != figure.curves[2].dash)
    #expect(figure.tableCurves?.map(\.label) == ["1", "2"])
  }

  @Test("stacked: each area from the one below it, the event of interest at the bottom, summing to 1 − S")
  func stacked() throws {
    let content = try Self.content { $0.figure.curves = .stacked }
    let figure = content.figure
    #expect(figure.options.stacksAreas)
    #expect(figure.curves.map(\.label) == ["Death", "Transplant"])
    let group = content.analysis.estimate.groups[0]
    let top = try #require(figure.curves.last).rows.map(\.value)
    for (value, survival) in zip(top, group.eventFreeSurvival) { #expect(abs(value - (1 - survival)) < 1e-12) }
    let layout = figure.layout(measurer: MonospaceTextMeasurer())
    let areas = (layout.scene.commands.flatMap { Self.groups($0) }).filter { $0.hasPrefix("area:") }
    #expect(areas == ["area:Death", "area:Transplant"])
    // The legend lists the top of the stack first, and sits above it.
    let legend = (layout.scene.group(named: "legend") ?? []).flatMap(\.texts).map { $0.0.text.plainText }
    #expect(legend == ["Transplant", "Death"])
  }

  /// The names of the groups in a command, depth first.
  static func groups(_ command: DrawCommand) -> [String] {
    switch command {
    case .group(let name, let children): return [name] + children.flatMap(groups)
    case .clip(_, let children): return children.flatMap(groups)
    default: return []
    }
  }

  @Test("a template's cif panel lines up with a Kaplan–Meier panel; captions name its values")
  func panels() throws {
    let yaml = """
      data:
        pbc: \(Self.pbc)
      endpoints:
        death: {data: pbc, time: time, status: status, event-value: 2, competing-value: 1, time-unit: days}
      figures:
        - id: grid
          type: panels
          columns: 2
          panels:
            - {data: pbc, time: time, event: status, event-value: 2, censor-value: [0, 1], group: trt, x-by: 1000}
            - {type: cif, endpoint: death, group: trt, times: [1826], x-by: 1000}
          caption: "(B) {{#panel.B.groups}}{{label}} {{rates_list}}{{sep}}{{/panel.B.groups}}, Gray's test {{panel.B.gray.p_text}}."

      """
    let template = try ReportTemplate(yaml: yaml, file: NSTemporaryDirectory() + "cif.yaml")
    let tables = [Self.pbc: try DataTable(contentsOfFile: Self.pbc)]
    let built = try BuiltFigure.build(
      template.figures[0], tables: tables, measurer: try FigureRenderer().measurer, minimumFontSize: 6)
    #expect(built.lint.isEmpty, "\(built.lint.map(\.message))")
    #expect(built.caption == "(B) 1 28.4%; 2 28.2%, Gray's test P = 0.80.")
    guard case .object(let pairs) = built.sidecar,
      case .array(let panels)? = pairs.first(where: { $0.0 == "panels" })?.1
    else {
      Issue.record("no panels in the sidecar")
      return
    }
    #expect(panels.map { $0["type"] } == [.string("km"), .string("cif")])
  }
}
