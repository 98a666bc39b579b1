import FigureCore

extension _KaplanMeierLayoutEngine {
  func curveCommands(
    _ geometries: [StepCurveGeometry], markSize: Double, xScale: LinearScale, yScale: LinearScale,
    plot: Rect
  ) -> [DrawCommand] {
    if options.stacksAreas { return areaCommands(geometries, yScale: yScale) }
    var out: [DrawCommand] = []
    // Bands first, so that no band covers another group's line.
    for (i, g) in geometries.enumerated() where g.band.count > 2 {
      let (color, _) = style(i)
      out.append(
        .group("band:\(curves[i].label)", [.fill(.polygon(g.band), .solid(color.withAlpha(theme.bandOpacity)))]))
    }
    if options.showsMedianLines, options.yAxis != .value {
      let half = options.yAxis == .percent ? 50.0 : 0.5
      let y = yScale.map(half)
      var lines: [DrawCommand] = []
      for c in curves {
        guard let m = c.median, m <= xScale.domain.upperBound else { continue }
        let x = xScale.map(m)
        var p = Path.line(from: Point(x: plot.minX, y: y), to: Point(x: x, y: y))
        p.append(.line(from: Point(x: x, y: y), to: Point(x: x, y: plot.maxY)))
        lines.append(.stroke(p, StrokeStyle(color: .gray, width: theme.axisWidth, dash: [2, 2])))
      }
      if !lines.isEmpty { out.append(.group("median-lines", lines)) }
    }
    for (i, g) in geometries.enumerated() {
      let (color, dash) = style(i)
      var cmds: [DrawCommand] = [
        .stroke(
          .polyline(g.points), StrokeStyle(color: color, width: theme.curveWidth, dash: dash, cap: .butt, join: .miter))
      ]
      if !g.censorMarks.isEmpty {
        var marks = Path()
        for p in g.censorMarks { marks.append(options.censorMark.path(center: p, size: markSize)) }
        if options.censorMark.isStroked {
          cmds.append(.stroke(marks, StrokeStyle(color: color, width: theme.curveWidth * 0.8)))
        } else {
          cmds.append(.fill(marks, .solid(color)))
        }
      }
      out.append(.group("curve:\(curves[i].label)", cmds))
    }
    return out
  }

  /// Stacked areas: each curve's area from the curve before it (the first from 0) up to the
  /// curve, in the curve's colour, with a thin white edge between neighbouring areas.
  func areaCommands(_ geometries: [StepCurveGeometry], yScale: LinearScale) -> [DrawCommand] {
    var out: [DrawCommand] = []
    for (i, g) in geometries.enumerated() {
      guard let first = g.points.first, let last = g.points.last else { continue }
      let below =
        i == 0
        ? [Point(x: first.x, y: yScale.map(0)), Point(x: last.x, y: yScale.map(0))] : geometries[i - 1].points
      let (color, _) = style(i)
      out.append(.group("area:\(curves[i].label)", [.fill(.polygon(g.points + below.reversed()), .solid(color))]))
    }
    let edge = StrokeStyle(color: .white, width: theme.axisWidth, cap: .butt, join: .miter)
    for (i, g) in geometries.enumerated().dropLast() {
      out.append(.group("curve:\(curves[i].label)", [.stroke(.polyline(g.points), edge)]))
    }
    return out
  }

  /// The legend's sample of curve `i` from `x` on the line at `mid`: a line in the curve's
  /// colour and dash, or a filled swatch for stacked areas.
  func legendSample(_ i: Int, x: Double, mid: Double) -> DrawCommand {
    let (color, dash) = style(i)
    if options.stacksAreas {
      let height = theme.fontSize * 0.8
      return .fill(
        .rect(Rect(x: x, y: mid - height / 2, width: legendSample, height: height)), .solid(color))
    }
    return .stroke(
      .line(from: Point(x: x, y: mid), to: Point(x: x + legendSample, y: mid)),
      StrokeStyle(color: color, width: theme.curveWidth, dash: dash))
  }

  func axisCommands(
    frame: _Frame, xScale: LinearScale, yScale: LinearScale, yBreaks: [Double],
    yLabel: (Double) -> String
  ) -> [DrawCommand] {
    let plot = frame.plot
    let axis = StrokeStyle(color: theme.axisColor, width: theme.axisWidth, cap: .square)
    let small = theme.smallFont
    var spine = Path.line(from: Point(x: plot.minX, y: plot.maxY), to: Point(x: plot.maxX, y: plot.maxY))
    spine.append(.line(from: Point(x: plot.minX, y: plot.minY), to: Point(x: plot.minX, y: plot.maxY)))
    var tickPath = Path()
    var out: [DrawCommand] = []
    let tickLabelTop = plot.maxY + theme.tickLength + 1.5
    for b in frame.xBreaks {
      let x = xScale.map(b)
      tickPath.append(.line(from: Point(x: x, y: plot.maxY), to: Point(x: x, y: plot.maxY + theme.tickLength)))
      out.append(
        .text(
          TextRun(
            StyledText(JournalFormat.tick(b)), font: small, color: theme.textColor, anchor: TextAnchor(.center, .top)),
          at: Point(x: x, y: tickLabelTop)))
    }
    for b in yBreaks {
      let y = yScale.map(b)
      tickPath.append(.line(from: Point(x: plot.minX - theme.tickLength, y: y), to: Point(x: plot.minX, y: y)))
      out.append(
        .text(
          TextRun(StyledText(yLabel(b)), font: small, color: theme.textColor, anchor: .trailingMiddle),
          at: Point(x: plot.minX - theme.tickLength - 2.5, y: y)))
    }
    let xTitle = frame.xTitle
    for (k, line) in xTitle.lines.enumerated() {
      let y = tickLabelTop + frame.tickLabelHeight + Double(k) * lineHeight(xTitle.font)
      out.append(
        .text(
          TextRun(line, font: xTitle.font, color: theme.textColor, anchor: TextAnchor(.center, .top)),
          at: Point(x: plot.midX, y: y)))
    }
    // Rotated lines read bottom to top: the first line is the leftmost.
    let yTitle = frame.yTitle
    let base = plot.minX - theme.tickLength - 2.5 - frame.yLabelWidth - 3
    for (k, line) in yTitle.lines.enumerated() {
      let x = base - Double(yTitle.lines.count - 1 - k) * lineHeight(yTitle.font)
      out.append(
        .text(
          TextRun(line, font: yTitle.font, color: theme.textColor, anchor: TextAnchor(.center, .bottom), rotation: 90),
          at: Point(x: x, y: plot.midY)))
    }
    return [.stroke(spine, axis), .stroke(tickPath, axis)] + out
  }

  // MARK: Legend

  var legendSample: Double { theme.fontSize * 2.2 }

  /// The curves in legend order: as given, or top down for stacked areas (the last curve is the
  /// top of the stack).
  var legendOrder: [Int] { options.stacksAreas ? curves.indices.reversed() : Array(curves.indices) }

  func legendBoxSize() -> Size {
    let body = theme.font
    var w = curves.map { width(StyledText($0.label), body) }.max() ?? 0
    w += legendSample + 4
    var rows = Double(curves.count)
    if let t = options.legendTitle {
      w = max(w, width(StyledText(t), body.bold()))
      rows += 1
    }
    return Size(width: w + 6, height: rows * lineHeight(body) + 4)
  }

  func verticalLegend(in rect: Rect) -> [DrawCommand] {
    let body = theme.font
    let lh = lineHeight(body)
    var y = rect.minY + 2
    var out: [DrawCommand] = []
    if let t = options.legendTitle {
      out.append(
        .text(
          TextRun(StyledText(t), font: body.bold(), color: theme.textColor, anchor: .leadingMiddle),
          at: Point(x: rect.minX + 3, y: y + lh / 2)))
      y += lh
    }
    for i in legendOrder {
      let mid = y + lh / 2
      out.append(legendSample(i, x: rect.minX + 3, mid: mid))
      out.append(
        .text(
          TextRun(StyledText(curves[i].label), font: body, color: theme.textColor, anchor: .leadingMiddle),
          at: Point(x: rect.minX + 3 + legendSample + 4, y: mid)))
      y += lh
    }
    return out
  }

  /// The entries of a legend above the plot, row by row, wrapped at `maxWidth`: the title
  /// (if any) starts the first row; each entry is a line sample and the group's label.
  func legendRows(maxWidth: Double) -> [[(curve: Int?, x: Double)]] {
    let body = theme.font
    var rows: [[(curve: Int?, x: Double)]] = [[]]
    var x = 0.0
    if let t = options.legendTitle {
      rows[0].append((nil, 0))
      x = width(StyledText(t + ":"), body.bold()) + 6
    }
    for i in legendOrder {
      let entry = legendSample + 4 + width(StyledText(curves[i].label), body)
      if x > 0, x + entry > maxWidth {
        rows.append([])
        x = 0
      }
      rows[rows.count - 1].append((i, x))
      x += entry + 12
    }
    return rows
  }

  func horizontalLegend(at origin: Point, maxWidth: Double) -> ([DrawCommand], Rect) {
    let body = theme.font
    let lh = lineHeight(body)
    var out: [DrawCommand] = []
    let rows = legendRows(maxWidth: maxWidth)
    for (r, row) in rows.enumerated() {
      let mid = origin.y + lh * (Double(r) + 0.5)
      for (curve, dx) in row {
        let x = origin.x + dx
        guard let i = curve else {
          let run = StyledText((options.legendTitle ?? "") + ":")
          out.append(
            .text(
              TextRun(run, font: body.bold(), color: theme.textColor, anchor: .leadingMiddle), at: Point(x: x, y: mid)))
          continue
        }
        out.append(legendSample(i, x: x, mid: mid))
        out.append(
          .text(
            TextRun(StyledText(curves[i].label), font: body, color: theme.textColor, anchor: .leadingMiddle),
            at: Point(x: x + legendSample + 4, y: mid)))
      }
    }
    return (out, Rect(x: origin.x, y: origin.y, width: maxWidth, height: lh * Double(rows.count)))
  }
}
