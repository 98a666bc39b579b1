import ClinicalData
import FigureCore
import Foundation
import Testing

@testable import Analyses
@testable import Expressions
@testable import ReportEngine
@testable import ReportTemplates
@testable import SurvivalSimulation

/// The template's style and each figure's overrides reach every figure type.
@Suite("survfig build: the style on every figure type")
struct FigureStyleTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  static func swimmer(_ id: String, _ extra: String = "") -> String {
    """
      - id: \(id)
        type: swimmer
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
        formats: png\(extra)

    """
  }

  static let yaml = """
    data:
      lung: \(root)/Templates/data/lung.csv
      patients: \(root)/Templates/data/swimmer-patients.csv
      events: \(root)/Templates/data/swimmer-events.csv
    style: {preset: two-column, font-size: 7, line-width: 1.5, dpi: 200}
    figures:
      - {id: forest, type: forest, data: lung, model: "Surv(time, status) ~ age + sex", formats: png}

    """ + swimmer("swimmer") + swimmer("swimmer-8pt", "\n    font-size: 8\n    line-width: 0.5\n    dpi: 100") + """
        - {id: forest-8pt, type: forest, data: lung, model: "Surv(time, status) ~ age + sex", font-size: 8, line-width: 0.75, dpi: 100, formats: png}

      """

  static func built() throws -> (ReportTemplate, [String: BuiltFigure]) {
    let template = try ReportTemplate(yaml: yaml, file: NSTemporaryDirectory() + "style.yaml")
    var tables: [String: DataTable] = [:]
    for path in template.data.values { tables[path] = try DataTable(contentsOfFile: path) }
    var figures: [String: BuiltFigure] = [:]
    for spec in template.figures {
      figures[spec.id] = try BuiltFigure.build(
        spec, tables: tables, measurer: MonospaceTextMeasurer(), minimumFontSize: 6)
    }
    return (template, figures)
  }

  static func strokeWidths(_ commands: [DrawCommand]) -> [Double] {
    commands.flatMap { command -> [Double] in
      switch command {
      case .stroke(_, let style): return [style.width]
      case .group(_, let children), .clip(_, let children): return strokeWidths(children)
      default: return []
      }
    }
  }

  static func sizes(_ figure: BuiltFigure) -> [Double] {
    Set(figure.scene.texts.map(\.0.font.size)).sorted()
  }

  @Test("the style's 7 pt type and 1.5 pt lines apply to forest and swimmer plots")
  func styleApplies() throws {
    let (_, figures) = try Self.built()
    let forest = try #require(figures["forest"])
    // Body 7 pt, tick labels 6 pt.
    #expect(Self.sizes(forest) == [6, 7])
    // The intervals of the hazard ratios (two terms, univariable and multivariable) are 1.5 pt lines.
    #expect(Self.strokeWidths(forest.scene.commands).filter { $0 == 1.5 }.count == 4)
    let swimmer = try #require(figures["swimmer"])
    #expect(Self.sizes(swimmer) == [6, 7])
    // The 16 response lines and the legend's sample are 1.5 pt wide.
    #expect(Self.strokeWidths(swimmer.scene.commands).filter { $0 == 1.5 }.count == 17)
  }

  @Test("a figure's font-size, line-width and dpi override the style's")
  func overrides() throws {
    let (template, figures) = try Self.built()
    #expect(template.figures.map(\.dpi) == [200, 200, 100, 100])
    #expect(Self.sizes(try #require(figures["swimmer-8pt"])) == [7, 8])
    #expect(Self.strokeWidths(try #require(figures["swimmer-8pt"]).scene.commands).filter { $0 == 0.5 }.count >= 17)
    #expect(Self.sizes(try #require(figures["forest-8pt"])) == [7, 8])
    #expect(Self.strokeWidths(try #require(figures["forest-8pt"]).scene.commands).filter { $0 == 0.75 }.count == 4)
  }

  @Test("each figure's PNG has its own resolution")
  func resolution() throws {
    let folder = try TemplateFolder(template: Self.yaml)
    let template = try ReportTemplate(contentsOfFile: folder.templatePath)
    _ = try ReportBuilder(template: template, options: ReportBuildOptions(outputFolder: folder.path + "/out", jobs: 2))
      .run()
    // The PNG's width in pixels, from its IHDR chunk: 170 mm at 200 and 100 dpi.
    func pixelWidth(_ name: String) throws -> Int {
      let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/" + name)))
      return bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
    }
    #expect(try pixelWidth("forest.png") == 1339)
    #expect(try pixelWidth("forest-8pt.png") == 669)
    #expect(try pixelWidth("swimmer-8pt.png") == 669)
  }
}
