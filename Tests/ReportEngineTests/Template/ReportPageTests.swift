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

/// The figure pages of the report PDF: A4, the figure with its label and caption below.
@Suite("survfig build: report pages")
struct ReportPageTests {
  /// A swimmer plot of 150 patients in two groups: about 410 mm tall at its natural lane pitch.
  static let tallSwimmer = """
    data:
      patients: data/patients.csv
    figures:
      - id: swimmer
        type: swimmer
        data: patients
        id-column: patient
        end: end
        group: arm
        time-unit: months
        height: 400
        caption: One bar per patient, from the start of treatment to progression or the last follow-up, by treatment arm; patients without progression at the last follow-up carry an arrow at the end of their bar.

    """

  static func patients() -> String {
    "patient,end,arm\n"
      + (1...150).map { "P\($0),\(Double(($0 * 37) % 61) / 2 + 1),\($0 % 2 == 0 ? "A" : "B")" }.joined(separator: "\n")
      + "\n"
  }

  /// Everything a command draws: path points and text anchors.
  static func points(_ command: DrawCommand) -> [Point] { MixedPanelTests.points(command) }

  @Test(
    "a figure taller than an A4 page is scaled down, aspect ratio kept, to fit the page with its caption; its own file keeps its size"
  )
  func tallFigure() throws {
    let folder = try TemplateFolder(template: Self.tallSwimmer)
    try Self.patients().write(toFile: folder.path + "/data/patients.csv", atomically: true, encoding: .utf8)
    let template = try ReportTemplate(contentsOfFile: folder.templatePath)
    let tables = [folder.path + "/data/patients.csv": try DataTable(contentsOfFile: folder.path + "/data/patients.csv")]
    let measurer = try FigureRenderer().measurer
    let figure = try BuiltFigure.build(template.figures[0], tables: tables, measurer: measurer, minimumFontSize: 6)
    let a4 = Size.millimetres(width: 210, height: 297)
    let margin = 20.0.millimetres
    #expect(figure.scene.size.height > a4.height)

    let (page, scale) = ReportBuilder.figurePage(
      figure.scene, label: "Figure 2", caption: figure.caption, measurer: measurer)
    #expect(page.size == a4)
    #expect(scale < 1)
    // The figure: its background spans the scaled size, in the same proportions.
    guard case .group("figure", let drawn)? = page.commands.first, case .fill(let background, _)? = drawn.first,
      let box = background.bounds
    else {
      Issue.record("expected the figure group first, its background first")
      return
    }
    #expect(abs(box.minX - margin) < 1e-9 && abs(box.minY - margin) < 1e-9)
    #expect(abs(box.width - figure.scene.size.width * scale) < 1e-9)
    #expect(abs(box.height - figure.scene.size.height * scale) < 1e-9)
    #expect(abs(box.width / box.height - figure.scene.size.width / figure.scene.size.height) < 1e-9)
    // Everything drawn stays inside the scaled figure; type and lines shrink with it.
    #expect(
      drawn.flatMap(Self.points).allSatisfy {
        $0.x >= box.minX - 1e-6 && $0.x <= box.maxX + 1e-6 && $0.y >= box.minY - 1e-6 && $0.y <= box.maxY + 1e-6
      })
    let sizes = Set(figure.scene.texts.map(\.0.font.size))
    #expect(Set(drawn.flatMap(\.texts).map(\.0.font.size)) == Set(sizes.map { $0 * scale }))
    // The caption follows the figure and ends above the bottom margin, the page as full as it
    // can be: the caption's last descender on the margin.
    let caption = page.commands.dropFirst().flatMap(\.texts)
    #expect(caption.count >= 2)
    #expect(caption.first?.0.text.plainText == "Figure 2.")
    #expect(caption.allSatisfy { $0.1.y > box.maxY && $0.1.x >= margin })
    let last = try #require(caption.last)
    let bottom = last.1.y + measurer.measure("Ag", font: last.0.font).descent
    #expect(abs(bottom - (a4.height - margin)) < 1e-6)

    // The build: the swimmer's own PDF keeps its size, the report's page is A4.
    let result = try ReportBuilder(
      template: template, options: ReportBuildOptions(outputFolder: folder.path + "/out", jobs: 1)
    ).run()
    #expect(result.files.contains(folder.path + "/out/report.pdf"))
    func mediaBoxes(_ name: String) throws -> [String] {
      let bytes = try #require(FileManager.default.contents(atPath: folder.path + "/out/" + name))
      return String(decoding: bytes, as: UTF8.self).matches(of: /\/MediaBox \[ ?([0-9. ]+?) ?\]/).map { String($0.1) }
    }
    #expect(try mediaBoxes("report.pdf") == ["0 0 595.275591 841.889764"])
    let own = try #require(try mediaBoxes("swimmer.pdf").first?.split(separator: " ").last.flatMap { Double($0) })
    #expect(abs(own - figure.scene.size.height) < 1e-3)
  }

  @Test("a figure that fits is placed at its size, unchanged")
  func fittingFigure() throws {
    let measurer = MonospaceTextMeasurer()
    let scene = Scene(
      size: .millimetres(width: 170, height: 120), background: .white,
      commands: [
        .stroke(
          .line(from: Point(x: 0, y: 0), to: Point(x: 100, y: 50)), StrokeStyle(color: .black, width: 1, dash: [2, 1])),
        .text(TextRun("Months", font: FontSpec(size: 8)), at: Point(x: 10, y: 20)),
      ])
    let (page, scale) = ReportBuilder.figurePage(scene, label: "Figure 1", caption: nil, measurer: measurer)
    #expect(scale == 1)
    let margin = 20.0.millimetres
    guard case .group("figure", let drawn)? = page.commands.first else {
      Issue.record("expected the figure group first")
      return
    }
    #expect(Array(drawn.dropFirst()) == scene.commands.map { $0.translated(dx: margin, dy: margin) })
    #expect(page.commands.dropFirst().flatMap(\.texts).map(\.0.text.plainText) == ["Figure 1."])
  }
}
