import FigureCore

extension KaplanMeierFigure {
  /// Lays the figure out with text measured by `measurer`.
  ///
  /// Curve, axes and risk table come from one computation: the risk-table columns are placed
  /// with the very scale that places the curve, so they cannot drift apart. Breaks are thinned
  /// until neither tick labels nor table numbers collide.
  ///
  /// The plot area keeps its minimum height (`KaplanMeierLayout.minimumPlotHeight`: 45 % of
  /// the figure's height, or 0.6 of its width when that is less). Layouts are tried
  /// from the most to the least conventional until one keeps it: legend and inset in free plot
  /// corners; the legend in the risk table (whose row labels name the groups); the inset split
  /// by block over free corners; a compact risk table (group labels beside the counts); the
  /// inset above the plot in columns; the inset right of the plot. When none keeps it, the
  /// layout that comes closest is taken, and a figure that may grow (`growsToFit`) grows
  /// taller until its plot area gets its minimum height.
  ///
  /// - Complexity: O(n · k) in the total number of curve rows n and the k layouts tried (at
  ///   most a few dozen), plus the collision tests of the corner candidates.
  public func layout(measurer: some TextMeasuring) -> KaplanMeierLayout {
    let theme = options.theme ?? .scaled(forWidth: options.size.width)
    func choose(_ size: Size) -> _LayoutChoice {
      _KaplanMeierLayoutEngine(figure: self, size: size, theme: theme, measurer: measurer).choose()
    }
    let first = choose(options.size)
    let required = Self.requiredSize(from: first, choose: choose)
    var choice = first
    if options.growsToFit, !first.meets, required.height > options.size.height {
      choice = choose(Size(width: options.size.width, height: required.height))
    }
    var result = choice.layout
    result.requiredSize = choice.meets ? result.scene.size : required
    return result
  }

  /// A height, rounded up to a whole millimetre and at least 1 mm more than `height`, at which
  /// a plot area of `plotHeight` in a figure of `height` × `width` would get its minimum
  /// height if everything else kept its height.
  static func grownHeight(_ height: Double, width: Double, plotHeight: Double) -> Double {
    let fixed = height - max(plotHeight, 0)
    let needed = min(
      fixed / (1 - KaplanMeierLayout.minimumPlotShare),
      fixed + width * KaplanMeierLayout.maximumNeededWidthShare)
    return max(height + 1.millimetres, wholeMillimetres(needed))
  }

  static func wholeMillimetres(_ points: Double) -> Double {
    (points / 1.millimetres - 1e-9).rounded(.up).millimetres
  }

  /// The smallest size, in whole millimetres, at which the plot area is readable in width and
  /// gets its minimum height: the figure grows (taller by the height the plot lacks while some
  /// layout's plot is wide enough, otherwise wider while the plot is too narrow to read) until a
  /// layout meets both, and the height is then
  /// bisected down to the smallest whole millimetre that still does.
  static func requiredSize(
    from choice: _LayoutChoice, choose: (Size) -> _LayoutChoice
  ) -> Size {
    var size = choice.layout.scene.size
    var current = choice
    for _ in 0..<8 {
      var grew = false
      let width = max(current.layout.plotRect.width, 0)
      if !current.meets, let plot = current.growthPlot {
        // A layout with a wide enough plot exists and lacks height: only the height grows.
        size.height = grownHeight(size.height, width: size.width, plotHeight: plot.height)
        grew = true
      } else if width < KaplanMeierLayout.readablePlotWidth - 1e-6 {
        size.width = wholeMillimetres(size.width + KaplanMeierLayout.readablePlotWidth - width)
        grew = true
      }
      guard grew else { break }
      current = choose(size)
    }
    guard current.meets, size.height > choice.layout.scene.size.height + 0.5.millimetres else { return size }
    var low = (choice.layout.scene.size.height / 1.millimetres).rounded(.down)
    var high = (size.height / 1.millimetres).rounded(.up)
    while high - low > 1 {
      let mid = ((low + high) / 2).rounded(.down)
      if choose(Size(width: size.width, height: mid.millimetres)).meets { high = mid } else { low = mid }
    }
    return Size(width: size.width, height: high.millimetres)
  }
}

/// The layout chosen at one size.
struct _LayoutChoice {
  var layout: KaplanMeierLayout
  /// Whether its plot area has its minimum height and an acceptable width.
  var meets: Bool
  /// The plot area that a taller figure would help most: of the tallest layout whose plot is
  /// wide enough (or of the chosen one when none is); nil when height is not what is missing.
  var growthPlot: Rect?
}

/// One way of arranging the parts around the plot.
struct _LayoutPlan: Hashable {
  enum Legend: Hashable { case corner, top, riskTable, none }
  enum Inset: Hashable { case corner, blocks, top, right, none }
  var legend: Legend
  var inset: Inset
  /// Group labels beside the counts rather than on lines of their own.
  var compactTable: Bool
}

/// The layout computation at one size, split into steps; state lives only for one layout.
struct _KaplanMeierLayoutEngine<M: TextMeasuring> {
  let figure: KaplanMeierFigure
  let measurer: M
  let options: KaplanMeierFigureOptions
  let theme: FigureTheme
  let pad: Double
  let curves: [KaplanMeierCurveData]
  /// The curves whose counts make the risk table's rows.
  let tableCurves: [KaplanMeierCurveData]

  init(figure: KaplanMeierFigure, size: Size, theme: FigureTheme, measurer: M) {
    self.figure = figure
    self.measurer = measurer
    var options = figure.options
    options.size = size
    // Pads as below; inset lines wider than the page's content wrap at spaces (a heading keeps
    // its place before its first line), so that no placement runs them off the page.
    let pad = size.width < 60.millimetres ? 1.millimetres : 2.millimetres
    let lineWidth = size.width - 2 * pad - 6
    var lines: [StyledText] = []
    var headings: Set<Int> = []
    for (i, line) in options.annotations.enumerated() {
      if options.annotationHeadings.contains(i) { headings.insert(lines.count) }
      lines += TextWrapping.lines(line, font: theme.font, width: lineWidth, measurer: measurer)
    }
    options.annotations = lines
    options.annotationHeadings = headings
    self.options = options
    self.theme = theme
    // Narrow figures (single-column insets, 40 mm thumbnails) keep a thinner edge.
    self.pad = pad
    self.curves = figure.curves
    self.tableCurves = figure.tableCurves ?? figure.curves
  }

  var size: Size { options.size }

  // MARK: Choosing a layout

  /// The legend arrangements to try, in order.
  var legendChoices: [_LayoutPlan.Legend] {
    guard curves.count > 1 else { return [.none] }
    let fallback: _LayoutPlan.Legend = options.riskTable == .none || figure.tableCurves != nil ? .top : .riskTable
    switch options.legend {
    case .none: return [.none]
    case .auto: return [.corner, fallback]
    case .top: return [.top]
    case .riskTable: return [fallback]
    case .topLeft, .topRight, .bottomLeft, .bottomRight: return [.corner]
    }
  }

  var insetChoices: [_LayoutPlan.Inset] {
    guard !options.annotations.isEmpty else { return [.none] }
    switch options.annotationPlacement {
    case .auto: return [.corner, .blocks, .top, .right]
    case .top: return [.top]
    case .right: return [.right, .top]
    }
  }

  /// Whether a compact table differs from the normal one.
  var hasCompactTable: Bool {
    switch options.riskTable {
    case .none: return false
    case .kmunicate: return true
    case .numberAtRisk: return labelsOnOwnLines
    }
  }

  var plans: [_LayoutPlan] {
    var plans: [_LayoutPlan] = []
    for inset in insetChoices {
      for compact in hasCompactTable ? [false, true] : [false] {
        for legend in legendChoices {
          plans.append(_LayoutPlan(legend: legend, inset: inset, compactTable: compact))
        }
      }
    }
    return plans
  }

  /// The first plan whose plot area keeps its minimum height and an acceptable width;
  /// otherwise the one that comes closest.
  func choose() -> _LayoutChoice {
    var chosen: (layout: KaplanMeierLayout, score: Double)?
    var tallestWide: KaplanMeierLayout?
    for plan in plans {
      guard let layout = run(plan) else { continue }
      let (height, width) = ratios(layout)
      if min(height, width) >= 1 - 1e-9 { return _LayoutChoice(layout: layout, meets: true) }
      let score = min(height, width)
      if chosen == nil || score > chosen!.score + 1e-9 { chosen = (layout, score) }
      if width >= 1 - 1e-9, tallestWide.map({ layout.plotRect.height > $0.plotRect.height }) ?? true {
        tallestWide = layout
      }
    }
    // The last legend and inset choices never fail, so some plan always produced a layout.
    let basis = tallestWide ?? chosen!.layout
    return _LayoutChoice(layout: chosen!.layout, meets: false, growthPlot: basis.isCramped ? basis.plotRect : nil)
  }

  /// Shares of the wanted plot height and width reached.
  func ratios(_ layout: KaplanMeierLayout) -> (height: Double, width: Double) {
    let wantedWidth = max(KaplanMeierLayout.readablePlotWidth, Self.minimumPlotWidthShare * size.width)
    return (layout.plotRect.height / layout.minimumPlotHeight, layout.plotRect.width / wantedWidth)
  }

  /// Layouts that narrow the plot (an inset right of it, a compact table) keep at least this
  /// share of the width.
  static var minimumPlotWidthShare: Double { 0.45 }

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

  /// Widest count printed in the table, used to keep columns apart.
  var widestCount: Double {
    guard options.riskTable != .none else { return 0 }
    let biggest = tableCurves.map(\.total).max() ?? 0
    return width(StyledText(String(biggest)), theme.smallFont)
  }

  /// Whether `b` lies on an axis that ends at `--x-max`.
  func withinXMax(_ b: Double) -> Bool {
    guard let xMax = options.xMax else { return true }
    return b <= xMax + 1e-9 * max(abs(xMax), 1)
  }

  /// x breaks whose labels (and table counts) fit side by side in `plotWidth`
  /// (`NiceBreaks.axisBreaks`): the finest round step with ticks at least 28 pt apart,
  /// coarsened until labels fit, so the axis ends at the first break at or after the last
  /// observation; a step that leaves the least axis past the data when the round one leaves
  /// more than a quarter of it (lung data ending at 1022 days: 0, 400, 800, 1200 at 40 mm, not
  /// an axis to 2000). With an axis end (`xMax`), no break lies beyond it.
  func xBreaks(plotWidth: Double) -> [Double] {
    if let given = options.xBreaks, !given.isEmpty {
      let kept = given.sorted().filter(withinXMax)
      return kept.isEmpty ? [0] : kept
    }
    return NiceBreaks.axisBreaks(
      through: dataEnd, plotWidth: plotWidth, maximumOvershoot: options.xMax == nil ? 0.25 : nil, limit: options.xMax
    ) { b in
      let spacing = plotWidth / Double(max(b.count - 1, 1))
      let widest = b.map { width(StyledText(JournalFormat.tick($0)), theme.smallFont) }.max() ?? 0
      return spacing >= max(widest, widestCount) + 4
    }
  }

  /// The right end of the x axis: `xMax` when given; else the last break, or the longest
  /// follow-up when breaks were given and end before it.
  func xUpper(breaks: [Double]) -> Double {
    if let xMax = options.xMax { return max(xMax, 1e-12) }
    return max(breaks.last ?? dataEnd, options.xBreaks == nil ? 0 : dataEnd, 1e-12)
  }

  /// Risk-table times within the axis, thinned when neighbours would collide.
  ///
  /// The axis ends at the first break at or after the last follow-up time, so that the last
  /// step is drawn whole; in a table of numbers at risk, a break past the last time of every
  /// table curve gets no column, since nobody is at risk there (its column would be all
  /// zeros). A KMunicate table keeps it: it gives the final numbers censored and with an event.
  /// Times the user gives (`risk-times`), breaks the user lists and breaks up to a given
  /// `x-max` are kept; breaks made from a step (`x-by`) are not.
  func tableTimes(breaks: [Double], scale: LinearScale) -> [Double] {
    let upper = scale.domain.upperBound
    let lastTime = tableCurves.map(\.lastTime).max() ?? upper
    let keepsAll =
      options.xMax != nil || (options.xBreaks != nil && !options.xBreaksAreStepped) || options.riskTable == .kmunicate
    let automatic = breaks.filter { $0 <= lastTime + 1e-9 || keepsAll }
    var times = (options.riskTableTimes ?? automatic).filter { $0 >= 0 && $0 <= upper + 1e-9 }.sorted()
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

  func style(_ i: Int) -> (Color, [Double]) {
    (curves[i].color ?? theme.color(at: i), curves[i].dash ?? theme.dash(at: i))
  }

  /// The colour and dash of the risk table's row `i`.
  func tableStyle(_ i: Int) -> (Color, [Double]) {
    (tableCurves[i].color ?? theme.color(at: i), tableCurves[i].dash ?? theme.dash(at: i))
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
