import FigureCore

extension _SwimmerLayoutEngine {
  /// Pattern spacing for a bar of this height: a few lines across the bar.
  func patternSpacing(_ barHeight: Double) -> Double { min(max(barHeight * 0.5, 2), 4) }

  /// The bar, its response spans, the ongoing arrow and the markers of one lane.
  func laneDrawing(_ lane: SwimmerLane, bar: Rect, pitchTop: Double, xScale: LinearScale)
    -> ([DrawCommand], [Point])
  {
    let barStyle = style(lane.group)
    var out: [DrawCommand] = [
      .fill(.rect(bar), barStyle.paint(spacing: patternSpacing(bar.height))),
      .stroke(.rect(bar), StrokeStyle(color: barStyle.color, width: 0.5)),
    ]
    let spanY = bar.minY - max(1.2, bar.height * 0.28)
    for span in lane.responses {
      let x0 = xScale.map(span.start)
      let x1 = xScale.map(span.end)
      out.append(
        .stroke(.line(from: Point(x: x0, y: spanY), to: Point(x: x1, y: spanY)), StrokeStyle(color: theme.axisColor, width: responseLineWidth(bar.height))))
    }
    if lane.isOngoing { out.append(.fill(arrow(at: Point(x: bar.maxX + 1, y: bar.midY), size: bar.height), .solid(theme.axisColor))) }
    var centers: [Point] = []
    let markerSize = markerSize(bar.height)
    for event in lane.events {
      let center = Point(x: xScale.map(event.time), y: bar.midY)
      centers.append(center)
      out += marker(kind(event.kind), at: center, size: markerSize)
    }
    return (out, centers)
  }

  func responseLineWidth(_ barHeight: Double) -> Double { options.lineWidth ?? min(max(barHeight * 0.18, 0.8), 1.6) }
  func markerSize(_ barHeight: Double) -> Double { min(max(barHeight * 1.15, 3), 8) }

  func kind(_ index: Int) -> SwimmerEventKind {
    index < figure.eventKinds.count
      ? figure.eventKinds[index] : .automatic(label: "Event \(index + 1)", index: index)
  }

  /// A right-pointing arrowhead whose tip is `size` × 0.9 to the right of `point`.
  func arrow(at point: Point, size: Double) -> Path {
    let half = size * 0.55
    return .polygon([
      Point(x: point.x, y: point.y - half), Point(x: point.x + size * 0.9, y: point.y),
      Point(x: point.x, y: point.y + half),
    ])
  }

  /// A marker: filled with a thin dark outline, an outline on white, or stroked lines.
  func marker(_ kind: SwimmerEventKind, at center: Point, size: Double) -> [DrawCommand] {
    let path = kind.shape.path(center: center, size: size)
    if kind.shape.isStroked {
      return [.stroke(path, StrokeStyle(color: kind.color, width: max(0.9, size * 0.16), cap: .round))]
    }
    if kind.isFilled {
      return [.fill(path, .solid(kind.color)), .stroke(path, StrokeStyle(color: .black, width: 0.35, join: .round))]
    }
    return [.fill(path, .solid(.white)), .stroke(path, StrokeStyle(color: kind.color, width: max(0.8, size * 0.14), join: .round))]
  }

  func gridCommands(plot: Rect, xScale: LinearScale, breaks: [Double]) -> [DrawCommand] {
    var path = Path()
    for b in breaks where b != xScale.domain.lowerBound {
      let x = xScale.map(b)
      path.append(.line(from: Point(x: x, y: plot.minY), to: Point(x: x, y: plot.maxY)))
    }
    guard !path.isEmpty else { return [] }
    return [.stroke(path, StrokeStyle(color: Color(red: 0.85, green: 0.85, blue: 0.85), width: 0.4))]
  }

  func axisCommands(plot: Rect, xScale: LinearScale, breaks: [Double], yTitleX: Double) -> [DrawCommand] {
    let axis = StrokeStyle(color: theme.axisColor, width: theme.axisWidth, cap: .square)
    let small = theme.smallFont
    var spine = Path.line(from: Point(x: plot.minX, y: plot.maxY), to: Point(x: plot.maxX, y: plot.maxY))
    spine.append(.line(from: Point(x: plot.minX, y: plot.minY), to: Point(x: plot.minX, y: plot.maxY)))
    var ticks = Path()
    var out: [DrawCommand] = []
    let labelTop = plot.maxY + theme.tickLength + 1.5
    for b in breaks {
      let x = xScale.map(b)
      ticks.append(.line(from: Point(x: x, y: plot.maxY), to: Point(x: x, y: plot.maxY + theme.tickLength)))
      out.append(.text(TextRun(StyledText(JournalFormat.tick(b)), font: small, color: theme.textColor, anchor: .centerTop), at: Point(x: x, y: labelTop)))
    }
    if !options.xTitle.isEmpty {
      out.append(.text(TextRun(options.xTitle, font: theme.font, color: theme.textColor, anchor: .centerTop), at: Point(x: plot.midX, y: labelTop + lineHeight(small))))
    }
    if !options.yTitle.isEmpty {
      out.append(.text(TextRun(options.yTitle, font: theme.font, color: theme.textColor, anchor: .centerMiddle, rotation: 90), at: Point(x: yTitleX, y: plot.midY)))
    }
    return [.stroke(spine, axis), .stroke(ticks, axis)] + out
  }

  /// Each group's label, rotated, beside its block of lanes, with a bracket line; omitted for
  /// blocks too short to hold the label.
  func groupColumn(_ blocks: [(group: Int, top: Double, bottom: Double)], x: Double) -> [DrawCommand] {
    let font = theme.smallFont.bold()
    var out: [DrawCommand] = []
    for block in blocks {
      let label = StyledText(groupLabel(block.group))
      let color = style(block.group).color
      let lineX = x + lineHeight(font) / 2 + 1
      out.append(.stroke(.line(from: Point(x: lineX, y: block.top + 1), to: Point(x: lineX, y: block.bottom - 1)), StrokeStyle(color: color, width: 1.2)))
      guard width(label, font) <= block.bottom - block.top - 2 else { continue }
      out.append(.text(TextRun(label, font: font, color: theme.textColor, anchor: .centerMiddle, rotation: 90), at: Point(x: x - 1, y: (block.top + block.bottom) / 2)))
    }
    return out
  }
}
