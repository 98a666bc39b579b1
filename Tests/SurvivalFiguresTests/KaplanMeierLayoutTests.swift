import FigureCore
import Testing

@testable import SurvivalFigures

/// Two small curves built by hand: group A with 6 subjects, group B with 5.
private func sampleCurves() -> [KaplanMeierCurveData] {
  typealias Row = KaplanMeierCurveData.Row
  let a = KaplanMeierCurveData(
    label: "Arm A", total: 6,
    rows: [
      Row(time: 2, atRisk: 6, events: 1, censored: 0, value: 5.0 / 6, lower: 0.6, upper: 1),
      Row(time: 5, atRisk: 5, events: 0, censored: 1, value: 5.0 / 6, lower: 0.6, upper: 1),
      Row(time: 9, atRisk: 4, events: 2, censored: 0, value: 5.0 / 12, lower: 0.2, upper: 0.8),
      Row(time: 14, atRisk: 2, events: 1, censored: 1, value: 5.0 / 24, lower: 0.05, upper: 0.7),
    ], median: 9)
  let b = KaplanMeierCurveData(
    label: "Arm B", total: 5,
    rows: [
      Row(time: 1, atRisk: 5, events: 1, censored: 0, value: 0.8, lower: 0.5, upper: 1),
      Row(time: 3, atRisk: 4, events: 1, censored: 1, value: 0.6, lower: 0.3, upper: 1),
      Row(time: 7, atRisk: 2, events: 2, censored: 0, value: 0, lower: nil, upper: nil),
    ], median: 7)
  return [a, b]
}

@Suite("Kaplan–Meier figure layout")
struct KaplanMeierLayoutTests {
  let measurer = MonospaceTextMeasurer()

  @Test("risk-table columns sit exactly on the x-axis breaks")
  func riskTableAlignsWithAxis() throws {
    let layout = KaplanMeierFigure(curves: sampleCurves()).layout(measurer: measurer)
    let table = try #require(layout.riskTable)
    #expect(!table.columns.isEmpty)
    for column in table.columns {
      #expect(layout.xBreaks.contains(column.time))
      #expect(abs(column.x - layout.xScale.map(column.time)) < 1e-9)
    }
    // Every number drawn in the table is centred on a column's x.
    let texts = try #require(layoutGroup(layout, "risk-table"))
    let numberXs = texts.compactMap { run, p in Int(run.text.plainText) != nil ? p.x : nil }
    let columnXs = Set(table.columns.map(\.x))
    #expect(numberXs.allSatisfy { columnXs.contains($0) })
    // x ticks: the first break is at the plot's left edge, time 0.
    #expect(layout.xBreaks.first == 0)
    #expect(abs(layout.xScale.map(0) - layout.plotRect.minX) < 1e-9)
  }

  @Test("number at risk follows R's convention (time ≥ t)")
  func numberAtRiskCounts() throws {
    let layout = KaplanMeierFigure(
      curves: sampleCurves(), options: .init(xBreaks: [0, 5, 10, 15])
    ).layout(measurer: measurer)
    let table = try #require(layout.riskTable)
    #expect(table.columns.map(\.time) == [0, 5, 10, 15])
    #expect(table.rows.map(\.counts) == [[6, 5, 2, 0], [5, 2, 0, 0]])
  }

  @Test("KMunicate rows sum to the group size at every time")
  func kmunicateSums() throws {
    let curves = sampleCurves()
    let layout = KaplanMeierFigure(
      curves: curves, options: .init(xBreaks: [0, 2, 5, 9, 14, 20], riskTable: .kmunicate)
    ).layout(measurer: measurer)
    let table = try #require(layout.riskTable)
    #expect(table.rows.count == 6)
    for curve in curves {
      let rows = table.rows.filter { $0.group == curve.label }
      #expect(rows.map(\.quantity) == ["at risk", "censored", "events"])
      for c in table.columns.indices {
        #expect(rows.reduce(0) { $0 + $1.counts[c] } == curve.total)
      }
    }
    let armA = table.rows.filter { $0.group == "Arm A" }
    #expect(armA[0].counts == [6, 6, 5, 4, 2, 0])
    #expect(armA[1].counts == [0, 0, 0, 1, 1, 2])
    #expect(armA[2].counts == [0, 0, 1, 1, 3, 4])
  }

  @Test("x-max ends the axis: given breaks beyond it are dropped, and so are their risk-table columns")
  func xMaxDropsBreaks() throws {
    let given = KaplanMeierFigure(
      curves: sampleCurves(), options: .init(xBreaks: [0, 5, 10, 15], xMax: 12)
    ).layout(measurer: measurer)
    #expect(given.xBreaks == [0, 5, 10])
    #expect(given.xScale.domain.upperBound == 12)
    #expect(try #require(given.riskTable).columns.map(\.time) == [0, 5, 10])
    let automatic = KaplanMeierFigure(curves: sampleCurves(), options: .init(xMax: 11)).layout(measurer: measurer)
    #expect(automatic.xScale.domain.upperBound == 11)
    #expect(automatic.xBreaks.allSatisfy { $0 <= 11 })
    #expect(try #require(automatic.riskTable).columns.allSatisfy { $0.time <= 11 })
  }

  @Test(
    "narrow figures: automatic x breaks end the axis within one break of the last observation",
    arguments: [40.0, 50, 60, 85, 170])
  func narrowAxisEndsNearData(widthMM: Double) throws {
    // Two curves ending at 1022 days, the last observation of R's `lung` data.
    typealias Row = KaplanMeierCurveData.Row
    let curves = [
      KaplanMeierCurveData(
        label: "1", total: 138,
        rows: [
          Row(time: 270, atRisk: 70, events: 69, censored: 0, value: 0.5),
          Row(time: 1022, atRisk: 1, events: 0, censored: 1, value: 0.04),
        ]),
      KaplanMeierCurveData(
        label: "2", total: 90,
        rows: [
          Row(time: 426, atRisk: 45, events: 45, censored: 0, value: 0.5),
          Row(time: 965, atRisk: 1, events: 0, censored: 1, value: 0.08),
        ]),
    ]
    let options = KaplanMeierFigureOptions(size: .millimetres(width: widthMM, height: 120))
    let layout = KaplanMeierFigure(curves: curves, options: options).layout(measurer: measurer)
    let breaks = layout.xBreaks
    let step = try #require(breaks.dropFirst().first)
    #expect(breaks.first == 0)
    #expect(zip(breaks, breaks.dropFirst()).allSatisfy { abs($1 - $0 - step) < 1e-9 }, "\(breaks)")
    let end = try #require(breaks.last)
    #expect(layout.xScale.domain.upperBound == end)
    #expect(end >= 1022 && end - 1022 < step, "\(widthMM) mm: \(breaks)")
    // At most a quarter of the axis lies past the data (1200, not 2000, at 40 mm).
    #expect(end - 1022 <= 0.25 * end, "\(widthMM) mm: \(breaks)")
    // The axis ends at the break just past the data; that break has no risk-table column,
    // where nobody is at risk (no all-zero column).
    let table = try #require(layout.riskTable)
    #expect(table.columns.map(\.time) == breaks.filter { $0 <= 1022 })
    #expect(table.rows.contains { ($0.counts.last ?? 0) > 0 })
    if widthMM == 40 { #expect(breaks == [0, 400, 800, 1200]) }
    if widthMM == 170 { #expect(breaks == [0, 200, 400, 600, 800, 1000, 1200]) }
  }

  @Test("breaks from a step (x-by) past the data get no risk column; breaks the user lists keep theirs")
  func steppedBreaksPastData() throws {
    typealias Row = KaplanMeierCurveData.Row
    let curves = [
      KaplanMeierCurveData(
        label: "1", total: 10,
        rows: [
          Row(time: 10, atRisk: 10, events: 5, censored: 0, value: 0.5),
          Row(time: 33.6, atRisk: 1, events: 0, censored: 1, value: 0.3),
        ])
    ]
    var options = KaplanMeierFigureOptions(size: .millimetres(width: 120, height: 100))
    options.xBreaks = [0, 6, 12, 18, 24, 30, 36]
    options.xBreaksAreStepped = true
    let stepped = try #require(KaplanMeierFigure(curves: curves, options: options).layout(measurer: measurer).riskTable)
    #expect(stepped.columns.map(\.time) == [0, 6, 12, 18, 24, 30])
    options.xBreaksAreStepped = false
    let listed = try #require(KaplanMeierFigure(curves: curves, options: options).layout(measurer: measurer).riskTable)
    #expect(listed.columns.map(\.time) == [0, 6, 12, 18, 24, 30, 36])
  }

  @Test("legend and annotations lie inside the plot and touch no curve")
  func insetsAvoidCurves() throws {
    var options = KaplanMeierFigureOptions(showsConfidenceBands: true)
    options.annotations = [JournalFormat.pValueText(0.0213, label: "Log-rank ")]
    let layout = KaplanMeierFigure(curves: sampleCurves(), options: options).layout(measurer: measurer)
    let legend = try #require(layout.legendRect)
    let note = try #require(layout.annotationRect)
    #expect(!legend.intersects(note))
    #expect(layout.plotRect.contains(legend))
    #expect(layout.plotRect.contains(note))
  }

  @Test("the theme's typeface reaches every text of the figure")
  func fontFamily() {
    var theme = FigureTheme()
    theme.fontFamily = .serif
    let options = KaplanMeierFigureOptions(theme: theme, title: "Overall survival")
    let layout = KaplanMeierFigure(curves: sampleCurves(), options: options).layout(measurer: measurer)
    #expect(!layout.scene.texts.isEmpty)
    #expect(layout.scene.texts.allSatisfy { $0.0.font.family == FontFamily.serif })
  }

  @Test("nothing is drawn outside the page and texts keep at least 2 pt apart side by side")
  func textsStayApart() {
    for width in [85.0, 170] {
      let options = KaplanMeierFigureOptions(
        size: .millimetres(width: width, height: width * 0.75), title: "Overall survival",
        annotations: ["Log-rank P = 0.02"])
      let layout = KaplanMeierFigure(curves: sampleCurves(), options: options).layout(measurer: measurer)
      let page = Rect(origin: .zero, size: layout.scene.size)
      let boxes = layout.scene.texts.map { measurer.bounds(of: $0.0, at: $0.1) }
      for (i, a) in boxes.enumerated() {
        #expect(page.contains(a, tolerance: 0.01), "text \(i) leaves the page at \(width) mm")
        // Widened by 1 pt on each side: a row label touching the first count reads as one word.
        let widened = a.insetBy(dx: -1, dy: 0)
        for b in boxes[(i + 1)...] {
          #expect(!widened.intersects(b.insetBy(dx: -1, dy: 0)), "texts closer than 2 pt at \(width) mm: \(a) \(b)")
        }
      }
    }
  }

  @Test("step curve merges drops closer than the merge distance")
  func stepCurveSimplifies() {
    typealias Row = KaplanMeierCurveData.Row
    let n = 100_000
    var rows: [Row] = []
    for i in 0..<n {
      rows.append(
        Row(time: Double(i) * 1e-3, atRisk: n - i, events: 1, censored: 0, value: Double(n - i - 1) / Double(n)))
    }
    let curve = KaplanMeierCurveData(label: "all", total: n, rows: rows)
    let layout = KaplanMeierFigure(curves: [curve], options: .init(riskTable: .none)).layout(measurer: measurer)
    let strokes = (layout.scene.group(named: "curve:all") ?? []).compactMap { c -> Path? in
      if case .stroke(let p, _) = c { return p } else { return nil }
    }
    let count = strokes.first?.elements.count ?? 0
    // At most one step per merge distance across the plot, far fewer than the 2n raw vertices.
    let bound = Int(2 * layout.plotRect.width / StepCurveGeometry.mergeDistance) + 4
    #expect(count > 100 && count <= bound && count < n / 5)
  }
}

/// Text runs of a named scene group.
func layoutGroup(_ layout: KaplanMeierLayout, _ name: String) -> [(TextRun, Point)]? {
  layout.scene.group(named: name)?.flatMap(\.texts)
}
