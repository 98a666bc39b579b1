import FigureCore

extension _KaplanMeierLayoutEngine {
  /// The layout of `plan`, or nil when the plan does not work out: a part it puts in a corner
  /// finds no free corner, or an inset right of the plot is taller than the plot.
  ///
  /// Blocks of a split inset that find no corner go above the plot; the plot shrinks, so the
  /// blocks are placed again until every block has its place.
  func run(_ plan: _LayoutPlan) -> KaplanMeierLayout? {
    let all = Array(options.annotations.indices)
    var onTop: [Int] = plan.inset == .top ? all : []
    var inside: [[Int]] = plan.inset == .corner ? [all] : (plan.inset == .blocks ? insetBlocks : [])
    let markSize = theme.smallFontSize * 0.55
    let lh = lineHeight(theme.font)
    while true {
      let frame = self.frame(
        legendOnTop: plan.legend == .top, insetTop: onTop, insetRight: plan.inset == .right,
        compact: plan.compactTable)
      let plot = frame.plot
      let (yDomain, allYBreaks, yLabel) = yDomainAndBreaks
      let yBreaks = Self.thinned(
        allYBreaks, domain: yDomain, height: plot.height, labelHeight: frame.tickLabelHeight)
      let xScale = LinearScale(
        domain: 0...xUpper(breaks: frame.xBreaks), range: (plot.minX, plot.maxX))
      let yScale = LinearScale(domain: yDomain, range: (plot.maxY, plot.minY))
      let xEnd = min(dataEnd, xScale.domain.upperBound)
      var geometries = curves.map {
        StepCurveGeometry(
          curve: $0, x: xScale, y: yScale, xEnd: xEnd, withBand: options.showsConfidenceBands && !options.stacksAreas,
          withCensorMarks: options.showsCensorMarks && !options.stacksAreas)
      }
      // Stacked areas fill everything under the top curve: legend and inset stay above it.
      if options.stacksAreas, let top = geometries.indices.last {
        geometries[top].bandBoxes += geometries[top].areaBoxes(down: plot.maxY)
      }

      // Legend.
      var occupied: [Rect] = []
      var legendRect: Rect?
      var legendPlacement = LegendPlacement.none
      var legendCommands: [DrawCommand] = []
      var legendCovers = false
      switch plan.legend {
      case .corner:
        guard
          let (rect, corner) = place(
            legendBoxSize(), in: plot, geometries: geometries, markSize: markSize, avoiding: [],
            preferred: options.legend)
        else { return nil }
        legendCommands = verticalLegend(in: rect)
        (legendRect, legendPlacement) = (rect, corner)
        legendCovers = geometries.contains { $0.intersects(rect, markRadius: markSize / 2) }
        occupied.append(rect)
      case .top:
        let (commands, rect) = horizontalLegend(
          at: Point(x: pad, y: frame.legendTop), maxWidth: size.width - 2 * pad)
        (legendCommands, legendRect, legendPlacement) = (commands, rect, .top)
      case .riskTable: legendPlacement = .riskTable
      case .none: break
      }

      // Inset: blocks in corners, then lines right of or above the plot.
      var insetCommands: [DrawCommand] = []
      var insetRects: [Rect] = []
      var homeless: [[Int]] = []
      for block in inside {
        guard
          let (rect, _) = place(
            insetBox(block), in: plot, geometries: geometries, markSize: markSize,
            avoiding: occupied, preferred: .auto)
        else {
          homeless.append(block)
          continue
        }
        insetCommands += annotationCommands(block, at: Point(x: rect.minX + 3, y: rect.minY + 2))
        insetRects.append(rect)
        occupied.append(rect)
      }
      if !homeless.isEmpty {
        guard plan.inset == .blocks else { return nil }
        onTop = (onTop + homeless.joined()).sorted()
        inside.removeAll { homeless.contains($0) }
        continue
      }
      if let rect = frame.insetRight {
        guard rect.maxY <= plot.maxY + 1e-9 else { return nil }
        insetCommands += annotationCommands(all, at: rect.origin)
        insetRects.append(rect)
      }
      for (column, x) in zip(frame.insetColumns, frame.insetColumnXs) {
        let origin = Point(x: pad + x, y: frame.insetTop)
        insetCommands += annotationCommands(column, at: origin)
        insetRects.append(
          Rect(
            origin: origin,
            size: Size(width: insetLinesWidth(column), height: Double(column.count) * lh)))
      }
      let position: AnnotationPosition? =
        all.isEmpty ? nil : (!onTop.isEmpty ? .top : (frame.insetRight != nil ? .right : .inside))

      // Assembly, top down.
      var commands: [DrawCommand] = []
      if !frame.title.isEmpty {
        let font = theme.titleFont
        let runs = frame.title.enumerated().map { k, line in
          DrawCommand.text(
            TextRun(line, font: font, color: theme.textColor, anchor: .leadingBaseline),
            at: Point(x: pad, y: pad + ascent(font) + Double(k) * lineHeight(font)))
        }
        commands.append(.group("title", runs))
      }
      commands.append(
        .group(
          "curves",
          [
            .clip(
              plot.insetBy(dx: -theme.curveWidth, dy: -theme.curveWidth),
              curveCommands(
                geometries, markSize: markSize, xScale: xScale, yScale: yScale, plot: plot))
          ]))
      commands.append(
        .group(
          "axes",
          axisCommands(
            frame: frame, xScale: xScale, yScale: yScale, yBreaks: yBreaks, yLabel: yLabel)))
      if !legendCommands.isEmpty { commands.append(.group("legend", legendCommands)) }
      if !insetCommands.isEmpty { commands.append(.group("annotations", insetCommands)) }
      var table: RiskTableLayout?
      if !frame.tableLines.isEmpty {
        let title = riskTableTitle(legendInTable: legendPlacement == .riskTable)
        let (cmds, layout) = riskTable(
          lines: frame.tableLines, top: frame.tableTop, plot: plot, xScale: xScale,
          breaks: frame.xBreaks,
          rowHeight: frame.tableRowHeight, titleHeight: frame.tableTitleHeight, title: title)
        commands.append(.group("risk-table", cmds))
        table = layout
      }
      return KaplanMeierLayout(
        scene: Scene(size: size, background: .white, commands: commands), plotRect: plot,
        xScale: xScale, yScale: yScale, xBreaks: frame.xBreaks, yBreaks: yBreaks, riskTable: table,
        legendRect: legendRect,
        annotationRect: insetRects.dropFirst().reduce(insetRects.first) { $0?.union($1) },
        legendPlacement: legendPlacement, annotationPosition: position, legendCoversCurves: legendCovers,
        requiredSize: size)
    }
  }
}
