import FigureCore
import Testing

@testable import SurvivalFigures

/// `groups` curves of `subjects` each: one event every `4 + g` time units in group g, down to
/// half the group, with pointwise limits ± 0.1 (or 0 and 1 with `wideBands`, so that bands
/// cover the whole plot).
private func steadyCurves(
  groups: Int, subjects: Int = 40, wideBands: Bool = false,
  label: (Int) -> String = { "Group \($0 + 1)" }
) -> [KaplanMeierCurveData] {
  (0..<groups).map { g in
    let rows = (1...subjects / 2).map { k -> KaplanMeierCurveData.Row in
      let s = Double(subjects - k) / Double(subjects)
      return KaplanMeierCurveData.Row(
        time: Double(k * (4 + g)), atRisk: subjects - k + 1, events: 1, censored: 0, value: s,
        lower: wideBands ? 0 : s - 0.1, upper: wideBands ? 1 : min(s + 0.1, 1))
    }
    return KaplanMeierCurveData(label: label(g), total: subjects, rows: rows)
  }
}

/// An inset as the statistics adapter writes it: a test line, then a heading and one median
/// per group.
private func inset(groups: Int) -> (lines: [StyledText], headings: Set<Int>) {
  let lines =
    ["Log-rank P = 0.012", "Median (95% CI)"]
    + (1...groups).map { StyledText("Group \($0): 51 (35–92)") }
  return (lines.map { $0 }, [1])
}

@Suite("Kaplan–Meier layout: fitting the plot area")
struct KaplanMeierFitTests {
  let measurer = MonospaceTextMeasurer()

  func options(_ width: Double, _ height: Double, groups: Int, table: RiskTableStyle = .kmunicate)
    -> KaplanMeierFigureOptions
  {
    var options = KaplanMeierFigureOptions(
      size: .millimetres(width: width, height: height), riskTable: table)
    (options.annotations, options.annotationHeadings) = inset(groups: groups)
    return options
  }

  @Test(
    "a tall risk table leaves the plot area at least 45 % of the height (170 × 120 mm, 4 groups, KMunicate)"
  )
  func tallTableKeepsPlotShare() {
    let layout = KaplanMeierFigure(
      curves: steadyCurves(groups: 4), options: options(170, 120, groups: 4)
    ).layout(measurer: measurer)
    #expect(layout.scene.size == .millimetres(width: 170, height: 120))
    #expect(layout.plotRect.height >= 0.45 * layout.scene.size.height - 1e-9)
    let (unreadable, cramped) = (layout.isUnreadable, layout.isCramped)
    #expect(!cramped && !unreadable)
    #expect(layout.requiredSize == layout.scene.size)
  }

  @Test("a figure whose height is not set grows to the height a fixed one reports it needs")
  func growsWhenHeightIsFree() {
    var fixed = options(85, 60, groups: 6)
    let tight = KaplanMeierFigure(curves: steadyCurves(groups: 6), options: fixed).layout(
      measurer: measurer)
    let isCramped = tight.isCramped
    #expect(isCramped)
    #expect(tight.scene.size.height == 60.millimetres)
    let needed = tight.requiredSize.height
    #expect(needed > 60.millimetres)
    // A whole number of millimetres, and no smaller height would do.
    let mm = needed / 1.millimetres
    #expect(abs(mm - mm.rounded()) < 1e-9)
    fixed.size.height = needed - 1.millimetres
    let smaller = KaplanMeierFigure(curves: steadyCurves(groups: 6), options: fixed).layout(
      measurer: measurer
    ).isCramped
    #expect(smaller)

    var free = options(85, 60, groups: 6)
    free.growsToFit = true
    let grown = KaplanMeierFigure(curves: steadyCurves(groups: 6), options: free).layout(
      measurer: measurer)
    #expect(grown.scene.size.height == needed)
    let fits = !grown.isCramped && grown.plotRect.height >= grown.minimumPlotHeight
    #expect(fits)
  }

  @Test("a figure that is too small is reported, never drawn blank; at its required size it fits")
  func tooSmallIsReported() throws {
    let small = options(40, 45, groups: 2, table: .numberAtRisk)
    let layout = KaplanMeierFigure(curves: steadyCurves(groups: 2), options: small).layout(
      measurer: measurer)
    let unreadable = layout.isUnreadable
    #expect(unreadable)
    let drawn = !layout.scene.texts.isEmpty && layout.scene.group(named: "curves") != nil
    #expect(drawn)
    var fitted = small
    fitted.size = layout.requiredSize
    let refit = KaplanMeierFigure(curves: steadyCurves(groups: 2), options: fitted).layout(
      measurer: measurer)
    let fits = !refit.isUnreadable && !refit.isCramped
    #expect(fits)
  }

  @Test("a 40 × 45 mm figure without an inset is laid out with every text on the page")
  func narrowFigure() {
    let options = KaplanMeierFigureOptions(size: .millimetres(width: 40, height: 45))
    let curves = steadyCurves(groups: 2) { String($0 + 1) }
    let layout = KaplanMeierFigure(curves: curves, options: options).layout(measurer: measurer)
    let (unreadable, cramped) = (layout.isUnreadable, layout.isCramped)
    #expect(!unreadable && !cramped)
    let page = Rect(origin: .zero, size: layout.scene.size)
    for (run, point) in layout.scene.texts {
      #expect(
        page.contains(measurer.bounds(of: run, at: point), tolerance: 0.01),
        "'\(run.text.plainText)' leaves the page")
    }
    #expect(layout.riskTable?.columns.count ?? 0 >= 2)
  }

  @Test("long titles wrap to the page; long axis titles fit along their axis")
  func titlesFit() throws {
    let options = KaplanMeierFigureOptions(
      size: .millimetres(width: 85, height: 90),
      title:
        "Overall survival in the Veterans' Administration lung cancer trial by histological cell type",
      xTitle: "Time since randomisation to death from any cause or last follow-up (days)",
      yTitle: "Probability of overall survival without death from any cause")
    let layout = KaplanMeierFigure(curves: steadyCurves(groups: 2), options: options).layout(
      measurer: measurer)
    let title = try #require(layout.scene.group(named: "title")).flatMap(\.texts)
    #expect(title.count >= 2)
    let page = Rect(origin: .zero, size: layout.scene.size)
    for (run, point) in layout.scene.texts {
      #expect(
        page.contains(measurer.bounds(of: run, at: point), tolerance: 0.01),
        "'\(run.text.plainText)' leaves the page")
      #expect(run.font.size >= FigureTheme().minimumFontSize)
    }
    let axes = try #require(layout.scene.group(named: "axes")).flatMap(\.texts)
    let yTitle = axes.filter { $0.0.rotation == 90 }
    #expect(!yTitle.isEmpty)
    for (run, _) in yTitle {
      #expect(measurer.measure(run.text, font: run.font).width <= layout.plotRect.height + 1e-9)
    }
  }

  @Test("with no free corner the legend goes into the risk table, its title into the table's")
  func legendInRiskTable() throws {
    var options = KaplanMeierFigureOptions(showsConfidenceBands: true, legendTitle: "Arm")
    options.annotations = ["Log-rank P = 0.012"]
    let layout = KaplanMeierFigure(
      curves: steadyCurves(groups: 3, wideBands: true), options: options
    ).layout(measurer: measurer)
    #expect(layout.legendPlacement == .riskTable)
    let hasLegendGroup = layout.scene.group(named: "legend") != nil
    #expect(!hasLegendGroup)
    let table = try #require(layout.scene.group(named: "risk-table")).flatMap(\.texts)
    #expect(table.first?.0.text.plainText == "Number at risk by Arm")
    // The inset left the plot too, and the plot keeps its share.
    #expect(layout.annotationPosition == .top)
    let cramped = layout.isCramped
    #expect(!cramped)
  }

  @Test("an inset flowed into columns never ends a column with its heading, and fits the width")
  func insetFlow() {
    var options = KaplanMeierFigureOptions()
    (options.annotations, options.annotationHeadings) = inset(groups: 4)
    let figure = KaplanMeierFigure(curves: steadyCurves(groups: 4), options: options)
    let engine = _KaplanMeierLayoutEngine(
      figure: figure, size: options.size, theme: FigureTheme(), measurer: measurer)
    let lines = Array(options.annotations.indices)
    for width in stride(from: 80.0, through: 600, by: 20) {
      let (columns, xs) = engine.flow(lines, maxWidth: width)
      #expect(columns.joined().map { $0 } == lines)
      for column in columns.dropLast() {
        #expect(!options.annotationHeadings.contains(column.last!))
      }
      if columns.count > 1 {
        let right = xs.last! + engine.insetLinesWidth(columns.last!)
        #expect(right <= width + 1e-9)
      }
    }
  }

  @Test(
    "panels share their plot geometry: tops and heights across a row, edges down a column, one legend style"
  )
  func alignedPanels() throws {
    func panel(groups: Int, insetLines: Int, bands: Bool) -> KaplanMeierFigure {
      var options = KaplanMeierFigureOptions(
        size: .millimetres(width: 85, height: 100), showsConfidenceBands: bands)
      options.annotations = (0..<insetLines).map {
        StyledText("Inset line \($0 + 1): 12.3 (4.5–67.8)")
      }
      return KaplanMeierFigure(
        curves: steadyCurves(groups: groups, wideBands: bands), options: options)
    }
    let figures: [KaplanMeierFigure?] = [
      panel(groups: 2, insetLines: 5, bands: true), panel(groups: 4, insetLines: 1, bands: false),
      panel(groups: 3, insetLines: 1, bands: false), panel(groups: 2, insetLines: 2, bands: false),
    ]
    let alone = figures.map { $0!.layout(measurer: measurer) }
    #expect(alone[0].plotRect.minY != alone[1].plotRect.minY)
    let layouts = KaplanMeierFigure.alignedLayouts(figures, columns: 2, measurer: measurer).map {
      $0!
    }
    for row in [0, 2] {
      #expect(abs(layouts[row].plotRect.minY - layouts[row + 1].plotRect.minY) < 1e-9)
      #expect(abs(layouts[row].plotRect.height - layouts[row + 1].plotRect.height) < 1e-9)
    }
    for column in [0, 1] {
      #expect(abs(layouts[column].plotRect.minX - layouts[column + 2].plotRect.minX) < 1e-9)
      #expect(abs(layouts[column].plotRect.maxX - layouts[column + 2].plotRect.maxX) < 1e-9)
    }
    #expect(Set(layouts.map(\.legendPlacement)).count == 1)
    #expect(layouts[0].legendPlacement == .riskTable)
  }
}
