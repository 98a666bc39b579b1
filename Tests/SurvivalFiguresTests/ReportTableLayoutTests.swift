import FigureCore
import Testing

@testable import SurvivalFigures

@Suite("Typeset tables")
struct ReportTableLayoutTests {
  let measurer = MonospaceTextMeasurer()

  var table: ReportTable {
    ReportTable(
      title: "Table 1. Characteristics of a cohort whose title is long enough to be wrapped over two lines of the page",
      columns: [
        ReportTable.Column("Characteristic"), ReportTable.Column("Arm A\n(n = 25)", alignment: .trailing),
        ReportTable.Column("Arm B\n(n = 13)", alignment: .trailing), ReportTable.Column("P", alignment: .trailing),
      ],
      spanningHeaders: [ReportTable.SpanningHeader("Treatment", columns: 1..<3)],
      rows: [
        ReportTable.Row(["Age, years, median [IQR]", "61 [52–70]", "58 [49–66]", "0.41"]),
        ReportTable.Row(["Sex", "", "", "0.73"], isBold: true),
        ReportTable.Row(["Female", "12 (48.0)", "7 (53.8)", ""], indent: 1),
        ReportTable.Row(["Male", "13 (52.0)", "6 (46.2)", ""], indent: 1),
      ],
      footnotes: ["Wilcoxon rank-sum test for continuous and Fisher's exact test for categorical characteristics."])
  }

  @Test("texts stay inside the width and apart; trailing columns end on one edge")
  func layout() {
    for width in [481.9, 300] {
      let layout = table.layout(width: width, measurer: measurer)
      #expect(layout.scene.size.width == width)
      let page = Rect(origin: .zero, size: layout.scene.size)
      let texts = layout.scene.texts
      let boxes = texts.map { measurer.bounds(of: $0.0, at: $0.1) }
      for (i, a) in boxes.enumerated() {
        #expect(page.contains(a, tolerance: 0.01), "text \(i) leaves the table at \(width) pt")
        for b in boxes[(i + 1)...] {
          #expect(!a.insetBy(dx: 0.1, dy: 0.1).intersects(b), "texts overlap at \(width) pt")
        }
      }
      let right = layout.columnEdges[1].right
      let ends = texts.filter { $0.0.anchor.horizontal == .trailing }.map { measurer.bounds(of: $0.0, at: $0.1).maxX }
      #expect(ends.contains { abs($0 - right) < 1e-9 })
      #expect(layout.rowBaselines.count == 4)
      #expect(zip(layout.rowBaselines, layout.rowBaselines.dropFirst()).allSatisfy { $1 > $0 })
    }
  }
}
