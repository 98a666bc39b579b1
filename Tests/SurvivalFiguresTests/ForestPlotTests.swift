import FigureCore
import Testing

@testable import SurvivalFigures

@Suite("Forest plot layout")
struct ForestPlotTests {
  let measurer = MonospaceTextMeasurer()

  func plot(width: Double, series: Int = 2) -> ForestPlot {
    func e(_ v: Double, _ l: Double, _ u: Double, _ p: Double) -> ForestRow.Estimate {
      ForestRow.Estimate(value: v, lower: l, upper: u, p: p)
    }
    let rows = [
      ForestRow(kind: .estimate, label: "Treatment", estimates: Array([e(1.02, 0.71, 1.45, 0.92), e(1.35, 0.9, 2.03, 0.14)].prefix(series))),
      ForestRow(kind: .header, label: "Cell type", headerP: 0.0001),
      ForestRow(kind: .reference, label: "Squamous", indent: 1),
      ForestRow(kind: .estimate, label: "Small cell", indent: 1, estimates: Array([e(2.72, 1.66, 4.47, 1e-4), e(2.35, 1.38, 4.01, 0.002)].prefix(series))),
      ForestRow(kind: .estimate, label: "Very wide interval", indent: 1, estimates: Array([e(3, 0.0001, 5000, 0.5), nil].prefix(series))),
    ]
    return ForestPlot(
      rows: rows,
      options: ForestPlotOptions(
        width: width.millimetres, seriesNames: series == 2 ? ["Univariable", "Multivariable"] : [""],
        favours: ("Treatment better", "Control better")))
  }

  @Test("texts stay on the page and apart: two series at 170 and 150 mm, one at 100 mm")
  func textsApart() {
    for (width, series) in [(170.0, 2), (150, 2), (100, 1)] {
      let layout = plot(width: width, series: series).layout(measurer: measurer)
      let page = Rect(origin: .zero, size: layout.scene.size)
      let boxes = layout.scene.texts.map { measurer.bounds(of: $0.0, at: $0.1) }
      for (i, a) in boxes.enumerated() {
        #expect(page.contains(a, tolerance: 0.01), "text \(i) leaves the page at \(width) mm")
        for b in boxes[(i + 1)...] { #expect(!a.insetBy(dx: 0.1, dy: 0.1).intersects(b), "texts overlap at \(width) mm: \(a) \(b)") }
        // No text inside the plot panel.
        #expect(!a.insetBy(dx: 0.1, dy: 0.1).intersects(layout.plotRect), "text \(i) runs into the plot panel")
      }
    }
  }

  @Test("rows are evenly spaced and the line of no effect sits at 1 on a log axis")
  func scale() {
    let layout = plot(width: 170).layout(measurer: measurer)
    let steps = zip(layout.rowCentres, layout.rowCentres.dropFirst()).map { $1 - $0 }
    #expect(Set(steps.map { ($0 * 1e6).rounded() }).count == 1)
    let one = layout.xScale.map(1)
    #expect(abs(layout.xScale.map(2) - one - (one - layout.xScale.map(0.5))) < 1e-9)
    #expect(layout.xBreaks.contains(1))
    #expect(layout.plotRect.minX < one && one < layout.plotRect.maxX)
  }

  @Test("breaks: round ratios symmetric about 1 covering the intervals, always including 1")
  func breaks() {
    #expect(ForestPlot.breaks(covering: 0.42, 2.1) == [0.25, 0.5, 1, 2, 4])
    #expect(ForestPlot.breaks(covering: 1.2, 3) == [1, 2, 4])
    #expect(ForestPlot.breaks(covering: 0.09, 3.6) == [0.05, 0.1, 0.25, 0.5, 1, 2, 4])
    #expect(ForestPlot.breaks(covering: 0.01, 40) == [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 10, 20, 100])
    #expect(ForestPlot.breaks(covering: 1e-9, 1e9).first == 0.001)
    #expect(ForestPlot.breaks(covering: 1e-9, 1e9).last == 1000)
  }

  @Test("intervals beyond the axis end in arrows; a missing estimate draws nothing")
  func arrows() {
    let layout = plot(width: 170).layout(measurer: measurer)
    let fills = layout.scene.transcript.split(separator: "\n").filter { $0.contains("fill") }
    #expect(fills.count >= 2 + 5)
  }
}
