import FigureCore

extension SwimmerFigure {
  /// The closest lanes may be, centre to centre, in points (1.6 mm; bars 2.5 pt high): an event
  /// marker (at least 3 pt, with a white rim of 0.5 pt) then stays inside its own lane, so that
  /// it clearly belongs to one patient. The pitch of a plot of more than 300 patients, or of one
  /// whose natural height would exceed ``maximumNaturalHeight``, and the least a page of a given
  /// height may give its lanes.
  public static let minimumLanePitch = 4.5

  /// The tallest a swimmer plot grows by itself: 247 mm, the type area of an A4 or Letter page.
  /// More lanes than fit move closer, down to ``minimumLanePitch``; a plot taller even then
  /// keeps that pitch and is reported (``SwimmerLayout/exceedsNaturalHeight``): split it into
  /// panels, select fewer patients, or give its height.
  public static let maximumNaturalHeight = 247.millimetres

  /// Lays the figure out with text measured by `measurer`.
  ///
  /// Lanes are stacked from the top, group by group (a small gap between groups), the longest
  /// bar first within a group unless the order is `.given`. Without a fixed height the page
  /// grows with the number of patients; patient identifiers are printed while the lanes can
  /// carry type of at least the theme's minimum size. The legend sits above the plot and wraps
  /// to the page width; one x scale places bars, markers, spans, arrows and ticks.
  ///
  /// - Complexity: O(n log n) in the number of lanes, plus O(e) in the number of events.
  public func layout(measurer: some TextMeasuring) -> SwimmerLayout {
    _SwimmerLayoutEngine(figure: self, measurer: measurer).run()
  }
}

/// The layout computation; state lives only for one layout.
struct _SwimmerLayoutEngine<M: TextMeasuring> {
  let figure: SwimmerFigure
  let measurer: M
  let options: SwimmerFigureOptions
  let theme: FigureTheme
  let pad = 2.millimetres

  init(figure: SwimmerFigure, measurer: M) {
    self.figure = figure
    self.measurer = measurer
    self.options = figure.options
    self.theme = figure.options.theme ?? .scaled(forWidth: figure.options.width)
  }

  func width(_ t: StyledText, _ f: FontSpec) -> Double { measurer.measure(t, font: f).width }
  func lineHeight(_ f: FontSpec) -> Double { measurer.measure("Ag", font: f).height * 1.15 }
  func ascent(_ f: FontSpec) -> Double { measurer.measure("Ag", font: f).ascent }

  var groupCount: Int { max(figure.groups.count, (figure.lanes.map(\.group).max() ?? -1) + 1) }

  func groupLabel(_ g: Int) -> String { g < figure.groups.count ? figure.groups[g] : "Group \(g + 1)" }

  func style(_ g: Int) -> SwimmerBarStyle {
    (g < figure.groupStyles.count ? figure.groupStyles[g] : nil) ?? .automatic(g, theme: theme)
  }

  /// Lane indices from top to bottom.
  var order: [Int] {
    figure.lanes.indices.sorted { a, b in
      let (x, y) = (figure.lanes[a], figure.lanes[b])
      if x.group != y.group { return x.group < y.group }
      if options.order == .length, x.length != y.length { return x.length > y.length }
      return a < b
    }
  }

  /// Distance between lane centres when the height is not fixed.
  func naturalPitch(_ n: Int) -> Double {
    if n <= 60 { return theme.smallFontSize * 1.45 }
    if n <= 150 { return max(theme.minimumFontSize * 1.2, theme.smallFontSize * 1.1) }
    if n <= 300 { return theme.minimumFontSize * 1.2 }
    return SwimmerFigure.minimumLanePitch
  }

  // MARK: Scale

  var dataRange: (lower: Double, upper: Double) {
    var lower = 0.0
    var upper = 0.0
    for lane in figure.lanes {
      lower = min(lower, lane.start)
      upper = max(upper, lane.end, lane.events.map(\.time).max() ?? 0, lane.responses.map(\.end).max() ?? 0)
    }
    if let xMax = options.xMax { upper = xMax }
    return (lower, upper > lower ? upper : lower + 1)
  }

  /// x breaks from the start of the earliest bar through the first break at or after the end
  /// of the longest, as Kaplan–Meier axes choose them (`NiceBreaks.axisBreaks`), from the
  /// unit's steps (`breakSteps`) when given; a step that leaves the least axis past the bars
  /// when the first choice leaves more than a tenth of it (bars ending at 122 months: 0–125 by
  /// 25, not 0–144 by 24): bars are the data here, and empty axis reads as follow-up nobody had.
  func breaks(plotWidth: Double) -> [Double] {
    let (lower, upper) = dataRange
    if let given = options.xBreaks, !given.isEmpty { return given.sorted() }
    return NiceBreaks.axisBreaks(
      from: lower, through: upper, plotWidth: plotWidth, steps: options.breakSteps,
      maximumOvershoot: options.xMax == nil ? 0.1 : nil
    ) { b in
      let spacing = plotWidth / Double(max(b.count - 1, 1))
      let widest = b.map { width(StyledText(JournalFormat.tick($0)), theme.smallFont) }.max() ?? 0
      return spacing >= widest + 6
    }
  }

  // MARK: Run

  func run() -> SwimmerLayout {
    let lanesInOrder = order
    let n = lanesInOrder.count
    let small = theme.smallFont
    let body = theme.font
    var commands: [DrawCommand] = []

    // Title and legend, top down.
    var top = pad
    if let title = options.title, !title.isEmpty {
      let run = TextRun(title, font: theme.titleFont, color: theme.textColor, anchor: .leadingBaseline)
      commands.append(.group("title", [.text(run, at: Point(x: pad, y: top + ascent(theme.titleFont)))]))
      top += lineHeight(theme.titleFont) + 2
    }
    let legendWidth = options.width - 2 * pad
    let legend = legendCommands(origin: Point(x: pad, y: top), maxWidth: legendWidth)
    if !legend.labels.isEmpty {
      commands.append(.group("legend", legend.commands))
      top = legend.rect.maxY + 4
    }
    let plotTop = top + 2
    let groupGaps = Double(Set(figure.lanes.map(\.group)).count - 1)
    let bottomBand =
      theme.tickLength + 1.5 + lineHeight(small) + (options.xTitle.isEmpty ? 0 : lineHeight(body)) + pad

    // Lane pitch: from the fixed height, or natural for the number of patients.
    let pitch: Double
    if let height = options.height {
      let available = height - plotTop - bottomBand
      pitch = max(0.5, available / max(Double(n) + 0.6 * max(groupGaps, 0), 1))
    } else {
      // Lanes move closer, down to the minimum pitch, rather than grow the page past the
      // tallest natural height.
      let lanes = max(Double(n) + 0.6 * max(groupGaps, 0), 1)
      let room = (SwimmerFigure.maximumNaturalHeight - plotTop - bottomBand) / lanes
      pitch = max(min(naturalPitch(n), room), SwimmerFigure.minimumLanePitch)
    }
    let gap = pitch * 0.6
    let plotHeight = pitch * Double(n) + gap * max(groupGaps, 0)
    let pageHeight = options.height ?? (plotTop + plotHeight + bottomBand)
    let idFont = theme.font(size: min(theme.smallFontSize, pitch / 1.2))
    let showsIds = options.showsIdentifiers && idFont.size >= theme.minimumFontSize - 1e-9 && n > 0

    // Left margin: y title, group labels, identifiers.
    let yTitleWidth = options.yTitle.isEmpty ? 0 : lineHeight(body) + 3
    let showsGroupColumn = groupCount > 1
    let groupColumnWidth = showsGroupColumn ? lineHeight(small.bold()) + 4 : 0
    let laneLabels =
      options.labelsLanesByIdentifier ? figure.lanes.map(\.id) : figure.lanes.indices.map { String($0 + 1) }
    let idWidth = showsIds ? (laneLabels.map { width(StyledText($0), idFont) }.max() ?? 0) + 4 : 0
    let left = pad + yTitleWidth + groupColumnWidth + idWidth + 2
    let barHeight = pitch * 0.56
    let arrowLength = barHeight * 0.9 + 2
    var right = pad + arrowLength
    var plotWidth = options.width - left - right
    var xBreaks = breaks(plotWidth: plotWidth)
    let lastLabel = width(StyledText(JournalFormat.tick(xBreaks.last ?? 0)), small)
    right = pad + max(arrowLength, lastLabel / 2 + 1)
    plotWidth = max(options.width - left - right, 10)
    xBreaks = breaks(plotWidth: plotWidth)
    let plot = Rect(x: left, y: plotTop, width: plotWidth, height: plotHeight)
    let (lower, upper) = dataRange
    let domainLower = min(xBreaks.first ?? lower, lower)
    let domainUpper = max(xBreaks.last ?? upper, options.xBreaks == nil ? 0 : upper)
    let xScale = LinearScale(domain: domainLower...max(domainUpper, domainLower + 1e-12), range: (plot.minX, plot.maxX))

    commands.append(.group("grid", gridCommands(plot: plot, xScale: xScale, breaks: xBreaks)))

    // Lanes.
    var laneLayouts: [SwimmerLayout.Lane] = []
    var laneCommands: [DrawCommand] = []
    var labelCommands: [DrawCommand] = []
    var y = plot.minY
    var blocks: [(group: Int, top: Double, bottom: Double)] = []
    for (position, index) in lanesInOrder.enumerated() {
      let lane = figure.lanes[index]
      if position > 0, figure.lanes[lanesInOrder[position - 1]].group != lane.group { y += gap }
      if blocks.last?.group != lane.group { blocks.append((lane.group, y, y)) }
      let center = y + pitch * 0.58
      let bar = Rect(
        x: xScale.map(lane.start), y: center - barHeight / 2,
        width: max(0, xScale.map(lane.end) - xScale.map(lane.start)), height: barHeight)
      let (cmds, markers) = laneDrawing(lane, bar: bar, pitchTop: y, xScale: xScale)
      laneCommands.append(.group("lane:\(lane.id)", cmds))
      let label = options.labelsLanesByIdentifier ? lane.id : String(position + 1)
      laneLayouts.append(
        SwimmerLayout.Lane(index: index, id: lane.id, label: label, group: lane.group, bar: bar, markers: markers))
      if showsIds {
        let run = TextRun(StyledText(label), font: idFont, color: theme.textColor, anchor: .trailingMiddle)
        labelCommands.append(.text(run, at: Point(x: plot.minX - 4, y: center)))
      }
      y += pitch
      blocks[blocks.count - 1].bottom = y
    }
    commands.append(.group("lanes", laneCommands))
    if !labelCommands.isEmpty { commands.append(.group("identifiers", labelCommands)) }
    if showsGroupColumn {
      let x = plot.minX - idWidth - 2 - groupColumnWidth / 2
      commands.append(.group("group-labels", groupColumn(blocks, x: x)))
    }
    commands.append(
      .group("axes", axisCommands(plot: plot, xScale: xScale, breaks: xBreaks, yTitleX: pad + lineHeight(body) / 2)))

    let minimumPlotHeight = SwimmerFigure.minimumLanePitch * (Double(n) + 0.6 * max(groupGaps, 0))
    return SwimmerLayout(
      scene: Scene(size: Size(width: options.width, height: pageHeight), background: .white, commands: commands),
      plotRect: plot, xScale: xScale, xBreaks: xBreaks, lanes: laneLayouts,
      legendLabels: legend.labels, legendRect: legend.labels.isEmpty ? nil : legend.rect,
      showsIdentifiers: showsIds, requiredHeight: plotTop + minimumPlotHeight + bottomBand,
      exceedsNaturalHeight: options.height == nil && pageHeight > SwimmerFigure.maximumNaturalHeight + 1e-6)
  }
}
