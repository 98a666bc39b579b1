import FigureCore

extension KaplanMeierFigure {
  /// Lays the figure out with text measured by `measurer`.
  ///
  /// Curve, axes and risk table come from one computation: the risk-table columns are placed
  /// with the very scale that places the curve, so they cannot drift apart. Breaks are thinned
  /// until neither tick labels nor table numbers collide; the legend and the annotation inset go
  /// into the first plot corners that no curve, band or mark touches, and above the plot when
  /// no corner is free.
  ///
  /// - Complexity: O(n) in the total number of curve rows, plus O(n · c) collision tests over
  ///   c candidate corners.
  public func layout(measurer: some TextMeasuring) -> KaplanMeierLayout {
    var engine = _KaplanMeierLayoutEngine(figure: self, measurer: measurer)
    if let result = engine.run(forceTop: false) { return result }
    engine = _KaplanMeierLayoutEngine(figure: self, measurer: measurer)
    return engine.run(forceTop: true) ?? engine.fallback()
  }
}

/// The layout computation, split into steps; state lives only for one layout.
struct _KaplanMeierLayoutEngine<M: TextMeasuring> {
  let figure: KaplanMeierFigure
  let measurer: M
  let options: KaplanMeierFigureOptions
  let theme: FigureTheme
  let pad: Double
  let curves: [KaplanMeierCurveData]

  init(figure: KaplanMeierFigure, measurer: M) {
    self.figure = figure
    self.measurer = measurer
    self.options = figure.options
    self.theme = figure.options.theme ?? .scaled(forWidth: figure.options.size.width)
    self.pad = 2.millimetres
    self.curves = figure.curves
  }

  func fallback() -> KaplanMeierLayout {
    var copy = self
    copy.forceNoInsets = true
    return copy.run(forceTop: true)!
  }
  var forceNoInsets = false

  // MARK: Text helpers

  func width(_ t: StyledText, _ f: FontSpec) -> Double { measurer.measure(t, font: f).width }
  func lineHeight(_ f: FontSpec) -> Double {
    let m = measurer.measure("Ag", font: f)
    return m.height * 1.15
  }
  func ascent(_ f: FontSpec) -> Double { measurer.measure("Ag", font: f).ascent }

  // MARK: Scales and breaks

  var dataEnd: Double {
    let longest = curves.map(\.lastTime).max() ?? 0
    return options.xMax ?? (longest > 0 ? longest : 1)
  }

  var yDomainAndBreaks: (ClosedRange<Double>, [Double], (Double) -> String) {
    switch options.yAxis {
    case .probability:
      return (0...1, [0, 0.2, 0.4, 0.6, 0.8, 1], { JournalFormat.fixed($0, decimals: 1) })
    case .percent:
      return (0...100, [0, 20, 40, 60, 80, 100], { JournalFormat.fixed($0, decimals: 0) })
    case .value:
      let top =
        options.yMax
        ?? curves.flatMap { c in c.rows.map { max($0.value, options.showsConfidenceBands ? ($0.upper ?? 0) : 0) } }
        .max() ?? 1
      let b = NiceBreaks.breaks(covering: 0, top > 0 ? top : 1, target: 5)
      return (0...(b.last ?? 1), b, JournalFormat.tick)
    }
  }

  /// Fewer y breaks when a short plot (a tall risk table, a small figure) would stack their
  /// labels: 0, 0.25, …, 1 or 0, 0.5, 1 on probability scales, every other break otherwise.
  static func thinned(
    _ breaks: [Double], domain: ClosedRange<Double>, height: Double, labelHeight: Double
  ) -> [Double] {
    func fits(_ b: [Double]) -> Bool { height / Double(max(b.count - 1, 1)) >= labelHeight * 1.25 }
    guard !fits(breaks) else { return breaks }
    let top = domain.upperBound
    let candidates = [
      [0, 0.25, 0.5, 0.75, 1].map { $0 * top }, [0, 0.5, 1].map { $0 * top }, [0, top],
    ]
    return candidates.first(where: fits) ?? [0, top]
  }

  /// Space between the right end of the risk-table labels and the axis origin: half the widest
  /// count (the first column is centred on the origin) and a clear gap.
  var tableLabelGap: Double { widestCount / 2 + 6 }

  /// Widest count printed in the table, used to keep columns apart.
  var widestCount: Double {
    guard options.riskTable != .none else { return 0 }
    let biggest = curves.map(\.total).max() ?? 0
    return width(StyledText(String(biggest)), theme.smallFont)
  }

  /// Whether `b` lies on an axis that ends at `--x-max`.
  func withinXMax(_ b: Double) -> Bool {
    guard let xMax = options.xMax else { return true }
    return b <= xMax + 1e-9 * max(abs(xMax), 1)
  }

  /// x breaks whose labels (and table counts) fit side by side in `plotWidth`: the finest round
  /// step with ticks at least 28 pt (about 10 mm) apart, coarsened until labels fit, so the axis
  /// ends at the first break at or after the last observation. With an axis end (`xMax`), no
  /// break lies beyond it.
  func xBreaks(plotWidth: Double) -> [Double] {
    if let given = options.xBreaks, !given.isEmpty {
      let kept = given.sorted().filter(withinXMax)
      return kept.isEmpty ? [0] : kept
    }
    let maxIntervals = max(2, min(10, Int(plotWidth / 28)))
    var step = NiceBreaks.niceStep(for: dataEnd / Double(maxIntervals))
    while true {
      let b = NiceBreaks.breaks(every: step, through: dataEnd).filter(withinXMax)
      let spacing = plotWidth / Double(max(b.count - 1, 1))
      let widest = b.map { width(StyledText(JournalFormat.tick($0)), theme.smallFont) }.max() ?? 0
      if spacing >= max(widest, widestCount) + 4 || b.count <= 2 { return b }
      step = NiceBreaks.niceStep(for: step * 1.000001)
    }
  }

  /// The right end of the x axis: `xMax` when given; else the last break, or the longest
  /// follow-up when breaks were given and end before it.
  func xUpper(breaks: [Double]) -> Double {
    if let xMax = options.xMax { return max(xMax, 1e-12) }
    return max(breaks.last ?? dataEnd, options.xBreaks == nil ? 0 : dataEnd, 1e-12)
  }

  /// Risk-table times within the axis, thinned when neighbours would collide.
  func tableTimes(breaks: [Double], scale: LinearScale) -> [Double] {
    let upper = scale.domain.upperBound
    var times = (options.riskTableTimes ?? breaks).filter { $0 >= 0 && $0 <= upper + 1e-9 }.sorted()
    var step = 1
    while step < times.count {
      let thinned = stride(from: 0, to: times.count, by: step).map { times[$0] }
      let xs = thinned.map(scale.map)
      let tight = zip(xs, xs.dropFirst()).contains { $1 - $0 < widestCount + 3 }
      if !tight {
        times = thinned
        break
      }
      step += 1
    }
    return times
  }

  // MARK: Table rows

  struct TableLine {
    var label: StyledText
    var isHeader: Bool
    var curveIndex: Int
    var quantity: String
    var indent: Double
  }

  var tableLines: [TableLine] {
    switch options.riskTable {
    case .none: return []
    case .numberAtRisk:
      // Labels wider than a fifth of the figure go on a line of their own above their counts,
      // so that they do not push the plot to the right.
      let widest = curves.map { width(StyledText($0.label), theme.smallFont.bold()) + sampleLength + 3 }.max() ?? 0
      if widest > options.size.width * 0.2 {
        return curves.indices.flatMap { i -> [TableLine] in
          [
            TableLine(label: StyledText(curves[i].label), isHeader: true, curveIndex: i, quantity: "", indent: 0),
            TableLine(label: "", isHeader: false, curveIndex: i, quantity: "at risk", indent: 0),
          ]
        }
      }
      return curves.indices.map {
        TableLine(
          label: StyledText(curves[$0].label), isHeader: false, curveIndex: $0,
          quantity: "at risk", indent: 0)
      }
    case .kmunicate:
      return curves.indices.flatMap { i -> [TableLine] in
        [
          TableLine(label: StyledText(curves[i].label), isHeader: true, curveIndex: i, quantity: "", indent: 0),
          TableLine(label: "At risk", isHeader: false, curveIndex: i, quantity: "at risk", indent: 6),
          TableLine(label: "Censored", isHeader: false, curveIndex: i, quantity: "censored", indent: 6),
          TableLine(label: "Events", isHeader: false, curveIndex: i, quantity: "events", indent: 6),
        ]
      }
    }
  }

  /// Length of the line sample drawn before a row label so rows are identifiable in grayscale.
  var sampleLength: Double { theme.smallFontSize * 1.6 }

  func labelWidth(_ line: TableLine) -> Double {
    let f = line.isHeader || options.riskTable == .numberAtRisk ? theme.smallFont.bold() : theme.smallFont
    let sample = line.isHeader || options.riskTable == .numberAtRisk ? sampleLength + 3 : 0
    return width(line.label, f) + line.indent + sample
  }

  // MARK: Run

  func run(forceTop: Bool) -> KaplanMeierLayout? {
    let size = options.size
    let small = theme.smallFont
    let body = theme.font
    let ticks = theme.tickLength
    var commands: [DrawCommand] = []

    // Vertical bands, top down.
    var top = pad
    if let title = options.title, !title.isEmpty {
      commands.append(
        .group("title", [.text(TextRun(title, font: theme.titleFont, color: theme.textColor, anchor: .leadingBaseline), at: Point(x: pad, y: top + ascent(theme.titleFont)))]))
      top += lineHeight(theme.titleFont) + 2
    }
    let hasLegend = curves.count > 1 && options.legend != .none
    let legendOnTop = hasLegend && (options.legend == .top || forceTop)
    let annotationsOnTop = !options.annotations.isEmpty && (forceTop || forceNoInsets)
    let legendWidth = size.width - 2 * pad
    let legendHeight = lineHeight(body) * Double(legendRows(maxWidth: legendWidth).count)
    let topBandStart = top
    if legendOnTop { top += legendHeight + 2 }
    if annotationsOnTop { top += Double(options.annotations.count) * lineHeight(body) + 2 }

    let lines = tableLines
    let rowHeight = lineHeight(small)
    let tableTitleHeight = options.riskTable == .none ? 0 : lineHeight(body.bold())
    let tableHeight = lines.isEmpty ? 0 : tableTitleHeight + Double(lines.count) * rowHeight
    let xTitleHeight = options.xTitle.isEmpty ? 0 : lineHeight(body)
    let tickLabelHeight = lineHeight(small)
    let tableGap = lines.isEmpty ? 0 : 6.0
    let plotTop = top + theme.curveWidth + 2
    let plotBottom = size.height - pad - tableHeight - tableGap - xTitleHeight - tickLabelHeight - ticks - 2

    // Horizontal: the left margin serves both the y axis and the table labels.
    let (yDomain, allYBreaks, yLabel) = yDomainAndBreaks
    var yBreaks = allYBreaks
    let yLabelWidth = yBreaks.map { width(StyledText(yLabel($0)), small) }.max() ?? 0
    let yTitleHeight = options.yTitle.isEmpty ? 0 : lineHeight(body)
    let axisNeeds = pad + yTitleHeight + 3 + yLabelWidth + 2.5 + ticks
    // Header lines span the table; only row labels beside the counts need the left margin.
    let tableNeeds = pad + (lines.filter { !$0.isHeader }.map(labelWidth).max() ?? 0) + tableLabelGap
    let left = max(axisNeeds, tableNeeds)
    var right = pad + max(widestCount / 2, 6)
    var plotWidth = size.width - left - right
    var breaks = xBreaks(plotWidth: plotWidth)
    let lastLabel = width(StyledText(JournalFormat.tick(breaks.last ?? 0)), small)
    right = pad + max(widestCount, lastLabel) / 2 + 1
    plotWidth = size.width - left - right
    breaks = xBreaks(plotWidth: plotWidth)
    guard plotWidth > 20, plotBottom - plotTop > 20 else {
      return forceTop ? degenerate(size) : nil
    }
    let plot = Rect(x: left, y: plotTop, width: plotWidth, height: plotBottom - plotTop)
    yBreaks = Self.thinned(yBreaks, domain: yDomain, height: plot.height, labelHeight: tickLabelHeight)
    let xScale = LinearScale(domain: 0...xUpper(breaks: breaks), range: (plot.minX, plot.maxX))
    let yScale = LinearScale(domain: yDomain, range: (plot.maxY, plot.minY))
    let xEnd = min(dataEnd, xScale.domain.upperBound)

    // Curves.
    let geometries = curves.map {
      StepCurveGeometry(
        curve: $0, x: xScale, y: yScale, xEnd: xEnd, withBand: options.showsConfidenceBands,
        withCensorMarks: options.showsCensorMarks)
    }
    let markSize = theme.smallFontSize * 0.55
    commands.append(.group("curves", [.clip(plot.insetBy(dx: -theme.curveWidth, dy: -theme.curveWidth), curveCommands(geometries, markSize: markSize, xScale: xScale, yScale: yScale, plot: plot))]))
    commands.append(.group("axes", axisCommands(plot: plot, xScale: xScale, yScale: yScale, xBreaks: breaks, yBreaks: yBreaks, yLabel: yLabel, tickLabelHeight: tickLabelHeight, yLabelWidth: yLabelWidth)))

    // Legend and annotations.
    var occupied: [Rect] = []
    var legendRect: Rect?
    var annotationRect: Rect?
    if hasLegend {
      if legendOnTop {
        let (cmds, rect) = horizontalLegend(at: Point(x: pad, y: topBandStart), maxWidth: legendWidth)
        commands.append(.group("legend", cmds))
        legendRect = rect
      } else {
        let box = legendBoxSize()
        guard let rect = place(box, in: plot, geometries: geometries, markSize: markSize, avoiding: occupied, preferred: options.legend) else { return nil }
        commands.append(.group("legend", verticalLegend(in: rect)))
        legendRect = rect
        occupied.append(rect)
      }
    }
    if !options.annotations.isEmpty {
      let lh = lineHeight(body)
      if annotationsOnTop {
        let y0 = topBandStart + (legendOnTop ? legendHeight + 2 : 0)
        let rect = Rect(x: plot.minX, y: y0, width: plot.width, height: Double(options.annotations.count) * lh)
        commands.append(.group("annotations", annotationCommands(in: rect, anchorTrailing: false)))
        annotationRect = rect
      } else {
        let w = options.annotations.map { width($0, body) }.max() ?? 0
        let box = Size(width: w + 6, height: Double(options.annotations.count) * lh + 4)
        guard let rect = place(box, in: plot, geometries: geometries, markSize: markSize, avoiding: occupied, preferred: .auto) else { return nil }
        commands.append(.group("annotations", annotationCommands(in: rect.insetBy(dx: 3, dy: 2), anchorTrailing: false)))
        annotationRect = rect
      }
    }

    // Risk table.
    var table: RiskTableLayout?
    if !lines.isEmpty {
      let tableTop = size.height - pad - tableHeight
      let (cmds, layout) = riskTable(lines: lines, top: tableTop, plot: plot, xScale: xScale, breaks: breaks, rowHeight: rowHeight, titleHeight: tableTitleHeight)
      commands.append(.group("risk-table", cmds))
      table = layout
    }

    return KaplanMeierLayout(
      scene: Scene(size: size, background: .white, commands: commands), plotRect: plot,
      xScale: xScale, yScale: yScale, xBreaks: breaks, yBreaks: yBreaks, riskTable: table,
      legendRect: legendRect, annotationRect: annotationRect)
  }

  func degenerate(_ size: Size) -> KaplanMeierLayout {
    let plot = Rect(x: 0, y: 0, width: size.width, height: size.height)
    return KaplanMeierLayout(
      scene: Scene(size: size), plotRect: plot,
      xScale: LinearScale(domain: 0...1, range: (0, size.width)),
      yScale: LinearScale(domain: 0...1, range: (size.height, 0)), xBreaks: [], yBreaks: [],
      riskTable: nil, legendRect: nil, annotationRect: nil)
  }

  func style(_ i: Int) -> (Color, [Double]) {
    (curves[i].color ?? theme.color(at: i), curves[i].dash ?? theme.dash(at: i))
  }
}
