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
      ForestRow(
        kind: .estimate, label: "Treatment",
        estimates: Array([e(1.02, 0.71, 1.45, 0.92), e(1.35, 0.9, 2.03, 0.14)].prefix(series))),
      ForestRow(kind: .header, label: "Cell type", headerP: 0.0001),
      ForestRow(kind: .reference, label: "Squamous", indent: 1),
      ForestRow(
        kind: .estimate, label: "Small cell", indent: 1,
        estimates: Array([e(2.72, 1.66, 4.47, 1e-4), e(2.35, 1.38, 4.01, 0.002)].prefix(series))),
      ForestRow(
        kind: .estimate, label: "Very wide interval", indent: 1,
        estimates: Array([e(3, 0.0001, 5000, 0.5), nil].prefix(series))),
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
        for b in boxes[(i + 1)...] {
          #expect(!a.insetBy(dx: 0.1, dy: 0.1).intersects(b), "texts overlap at \(width) mm: \(a) \(b)")
        }
        // No text inside the plot panel.
        #expect(!a.insetBy(dx: 0.1, dy: 0.1).intersects(layout.plotRect), "text \(i) runs into the plot panel")
      }
    }
  }

  @Test("rows are evenly spaced and the line of no effect sits at 1 on a log axis")
  func scale() {
    let layout = plot(width: 170, series: 1).layout(measurer: measurer)
    let steps = zip(layout.rowCentres, layout.rowCentres.dropFirst()).map { $1 - $0 }
    #expect(Set(steps.map { ($0 * 1e6).rounded() }).count == 1)
    let one = layout.xScale.map(1)
    #expect(abs(layout.xScale.map(2) - one - (one - layout.xScale.map(0.5))) < 1e-9)
    #expect(layout.xBreaks.contains(1))
    #expect(layout.plotRect.minX < one && one < layout.plotRect.maxX)
  }

  @Test("the axis spans the data, widened to a round ratio within 25 % of an end, always with 1 at least 15 % in")
  func axisDomain() {
    #expect(ForestPlot.axisDomain(covering: 0.09, 4.24) == 0.09...4.24)
    #expect(ForestPlot.axisDomain(covering: 0.09, 3.6) == 0.09...4)
    #expect(ForestPlot.axisDomain(covering: 0.21, 2.1) == 0.21...2.1)
    #expect(ForestPlot.axisDomain(covering: 1.2, 3) == 0.8...3)
    #expect(ForestPlot.axisDomain(covering: 0.7, 0.95) == 0.7...1.25)
    #expect(ForestPlot.axisDomain(covering: 1.5, 1000) == 0.25...1000)
    #expect(ForestPlot.axisDomain(covering: 0.95, 1.05) == 0.8...1.25)
    #expect(ForestPlot.axisDomain(covering: 1.01, 1.3) == 0.8...1.5)
    #expect(ForestPlot.axisDomain(covering: 1e-9, 1e9) == 0.001...1000)
  }

  @Test(
    "all hazard ratios ≥ 1 (or all ≤ 1): the line of no effect is inside the panel with room on its side",
    arguments: [false, true])
  func lineOfNoEffectInside(belowOne: Bool) throws {
    func e(_ v: Double, _ l: Double, _ u: Double) -> ForestRow.Estimate {
      belowOne
        ? ForestRow.Estimate(value: 1 / v, lower: 1 / u, upper: 1 / l, p: 0.01)
        : ForestRow.Estimate(value: v, lower: l, upper: u, p: 0.01)
    }
    let rows = [
      ForestRow(kind: .estimate, label: "Age ≥ 65", estimates: [e(1.6, 1.1, 2.3)]),
      ForestRow(kind: .estimate, label: "ECOG 2", estimates: [e(2.4, 1.0, 3.9)]),
    ]
    let layout = ForestPlot(rows: rows, options: ForestPlotOptions(width: 120.millimetres, seriesNames: [""])).layout(
      measurer: measurer)
    let one = layout.xScale.map(1)
    let panel = layout.plotRect
    let share = (belowOne ? panel.maxX - one : one - panel.minX) / panel.width
    #expect(share >= 0.15, "1 sits \(share) of the panel from its edge; axis \(layout.xScale.domain)")
    #expect(layout.xBreaks.contains(1))
    #expect(layout.xScale.domain == (belowOne ? 0.25...1.5 : 0.75...4))
    // The line of no effect is drawn, and at 1.
    func strokes(_ commands: [DrawCommand]) -> [Path] {
      commands.flatMap { command -> [Path] in
        switch command {
        case .stroke(let path, _): return [path]
        case .group(_, let children), .clip(_, let children): return strokes(children)
        default: return []
        }
      }
    }
    let verticals = strokes(layout.scene.commands).compactMap(\.bounds).filter { $0.width == 0 && $0.height > 0 }
    #expect(
      verticals.contains { abs($0.minX - one) < 1e-9 && $0.minY >= panel.minY - 1e-9 && $0.maxY <= panel.maxY + 1e-9 })
  }

  @Test("ticks: even sequences, finest first: 0.8–1.25, doubling, quadrupling, decades, hundredfold")
  func ticks() {
    #expect(ForestPlot.ticks(in: 0.09...4.24) == [0.25, 1, 4])
    #expect(ForestPlot.ticks(in: 0.42...2.1) == [0.5, 1, 2])
    #expect(ForestPlot.ticks(in: 0.2...5) == [0.25, 0.5, 1, 2, 4])
    #expect(ForestPlot.ticks(in: 0.7...1.4) == [0.8, 1, 1.25])
    #expect(ForestPlot.ticks(in: 0.01...40) == [0.01, 0.1, 1, 10])
    // Labels that do not fit take the next coarser sequence.
    #expect(ForestPlot.ticks(in: 0.2...5) { $0.count <= 3 } == [0.25, 1, 4])
    #expect(ForestPlot.ticks(in: 0.01...40) { $0.count <= 2 } == [0.01, 1])
    // Never a mix of steps (the old 0.5, 1, 2, 4, 10, 20): every tick one ratio from the next.
    for domain in [0.05...20, 0.3...12, 0.5...30, 0.001...1000, 0.6...1.5] {
      let ticks = ForestPlot.ticks(in: domain)
      let ratios = zip(ticks, ticks.dropFirst()).map { $1 / $0 }
      #expect(ticks.count >= 2 && ratios.allSatisfy { abs($0 / ratios[0] - 1) < 1e-9 }, "\(domain): \(ticks)")
    }
  }

  /// The IMA study's Table 3 intervals span 0.09–4.24.
  @Test("tick labels stay apart and keep 0.25, 1 and 4 from 85 to 170 mm")
  func ticksAtWidths() {
    func e(_ v: Double, _ l: Double, _ u: Double) -> ForestRow.Estimate {
      ForestRow.Estimate(value: v, lower: l, upper: u, p: 0.5)
    }
    let rows = [
      ForestRow(kind: .estimate, label: "Immunotherapy", estimates: [e(0.26, 0.1, 0.66), e(0.24, 0.09, 0.63)]),
      ForestRow(kind: .estimate, label: "M1c", estimates: [e(1.7, 0.81, 3.6), e(1.9, 0.85, 4.24)]),
    ]
    for width in stride(from: 85.0, through: 170, by: 5) {
      let plot = ForestPlot(
        rows: rows, options: ForestPlotOptions(width: width.millimetres, seriesNames: ["Univariable", "Multivariable"]))
      let layout = plot.layout(measurer: measurer)
      #expect(
        layout.xBreaks == [0.25, 1, 4], "\(width) mm: \(layout.xBreaks)")
      let labels = layout.scene.texts.filter { text, _ in
        layout.xBreaks.map { JournalFormat.tick($0) }.contains(text.text.plainText) && text.font.size < 9
      }
      .map { measurer.bounds(of: $0.0, at: $0.1) }.sorted { $0.minX < $1.minX }
      #expect(labels.count == layout.xBreaks.count)
      for (a, b) in zip(labels, labels.dropFirst()) {
        #expect(b.minX - a.maxX >= 2, "\(width) mm: tick labels \(a) \(b) touch")
      }
    }
  }

  @Test("intervals beyond the axis end in arrows; a missing estimate draws nothing")
  func arrows() {
    let layout = plot(width: 170).layout(measurer: measurer)
    let fills = layout.scene.transcript.split(separator: "\n").filter { $0.contains("fill") }
    #expect(fills.count >= 2 + 5)
  }
}
