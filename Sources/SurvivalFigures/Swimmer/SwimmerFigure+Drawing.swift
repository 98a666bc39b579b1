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
        .stroke(
          .line(from: Point(x: x0, y: spanY), to: Point(x: x1, y: spanY)),
          StrokeStyle(color: theme.axisColor, width: responseLineWidth(bar.height))))
    }
    if lane.isOngoing {
      out.append(.fill(arrow(at: Point(x: bar.maxX + 1, y: bar.midY), size: bar.height), .solid(theme.axisColor)))
    }
    let markerSize = markerSize(bar.height)
    let xs = markerPositions(lane.events, xScale: xScale, size: markerSize)
    let centers = xs.map { Point(x: $0, y: bar.midY) }
    // Drawn left to right, so that a marker's halo never cuts into its left neighbour.
    for index in lane.events.indices.sorted(by: { xs[$0] < xs[$1] }) {
      out += marker(kind(lane.events[index].kind), at: centers[index], size: markerSize)
    }
    return (out, centers)
  }

  /// The x of each event's marker (in the lane's event order): at its time, except that
  /// markers closer than ``markerSpacing(_:)`` — PD and death at the same visit — are set side
  /// by side, in the order of their kinds (the legend's: PD before death), centred on the
  /// mean of their times and kept within the axis. A marker at the axis's start (time 0) sits
  /// just right of the axis line, not over it.
  ///
  /// - Complexity: O(e²) in the number of events of the lane (a handful).
  func markerPositions(_ events: [SwimmerLane.Event], xScale: LinearScale, size: Double) -> [Double] {
    let spacing = markerSpacing(size)
    let times = events.map { xScale.map($0.time) }
    let order = events.indices.sorted { (times[$0], events[$0].kind, $0) < (times[$1], events[$1].kind, $1) }
    // Runs of markers in x order; a run's markers sit `spacing` apart around its centre.
    var runs: [[Int]] = order.map { [$0] }
    func centre(_ run: [Int]) -> Double { run.map { times[$0] }.reduce(0, +) / Double(run.count) }
    func first(_ run: [Int]) -> Double { centre(run) - Double(run.count - 1) / 2 * spacing }
    func last(_ run: [Int]) -> Double { centre(run) + Double(run.count - 1) / 2 * spacing }
    var merged = true
    while merged {
      merged = false
      for r in runs.indices.dropLast() where first(runs[r + 1]) - last(runs[r]) < spacing - 1e-9 {
        runs[r] += runs[r + 1]
        runs.remove(at: r + 1)
        merged = true
        break
      }
    }
    // A run never starts left of the axis nor ends beyond it.
    let axisStart = xScale.map(xScale.domain.lowerBound) + size * 0.6
    let axisEnd = xScale.map(xScale.domain.upperBound)
    var xs = times
    // A lone marker at the axis (an event at time 0) moves right of it, not over it.
    for run in runs where run.count == 1 { xs[run[0]] = max(times[run[0]], axisStart) }
    for run in runs where run.count > 1 {
      var start = first(run)
      if start < axisStart { start = axisStart }
      if start + Double(run.count - 1) * spacing > axisEnd {
        start = max(axisStart, axisEnd - Double(run.count - 1) * spacing)
      }
      for (k, index) in run.enumerated() { xs[index] = start + Double(k) * spacing }
    }
    return xs
  }

  /// Distance between the centres of markers set side by side: their width and halo, and a
  /// hair of space.
  func markerSpacing(_ size: Double) -> Double { size * 1.2 + 2 * markerHalo(size) }

  /// The white rim around a marker that keeps it legible on any bar fill.
  func markerHalo(_ size: Double) -> Double { max(0.5, size * 0.1) }

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

  /// A marker in the kind's ink (black by default, never a bar colour): filled, an outline on
  /// white, or stroked lines — each over a white halo, so that it reads on solid, hatched and
  /// cross-hatched bars alike, in colour and in grayscale print.
  func marker(_ kind: SwimmerEventKind, at center: Point, size: Double) -> [DrawCommand] {
    let path = kind.shape.path(center: center, size: size)
    let halo = markerHalo(size)
    if kind.shape.isStroked {
      let width = max(1, size * 0.2)
      return [
        .stroke(path, StrokeStyle(color: .white, width: width + 2 * halo, cap: .round)),
        .stroke(path, StrokeStyle(color: kind.color, width: width, cap: .round)),
      ]
    }
    if kind.isFilled {
      return [
        .stroke(path, StrokeStyle(color: .white, width: 2 * halo, join: .round)),
        .fill(path, .solid(kind.color)),
      ]
    }
    let width = max(0.8, size * 0.14)
    return [
      .stroke(path, StrokeStyle(color: .white, width: width + 2 * halo, join: .round)),
      .fill(path, .solid(.white)),
      .stroke(path, StrokeStyle(color: kind.color, width: width, join: .round)),
    ]
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
      out.append(
        .text(
          TextRun(StyledText(JournalFormat.tick(b)), font: small, color: theme.textColor, anchor: .centerTop),
          at: Point(x: x, y: labelTop)))
    }
    if !options.xTitle.isEmpty {
      out.append(
        .text(
          TextRun(options.xTitle, font: theme.font, color: theme.textColor, anchor: .centerTop),
          at: Point(x: plot.midX, y: labelTop + lineHeight(small))))
    }
    if !options.yTitle.isEmpty {
      out.append(
        .text(
          TextRun(options.yTitle, font: theme.font, color: theme.textColor, anchor: .centerMiddle, rotation: 90),
          at: Point(x: yTitleX, y: plot.midY)))
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
      out.append(
        .stroke(
          .line(from: Point(x: lineX, y: block.top + 1), to: Point(x: lineX, y: block.bottom - 1)),
          StrokeStyle(color: color, width: 1.2)))
      guard width(label, font) <= block.bottom - block.top - 2 else { continue }
      out.append(
        .text(
          TextRun(label, font: font, color: theme.textColor, anchor: .centerMiddle, rotation: 90),
          at: Point(x: x - 1, y: (block.top + block.bottom) / 2)))
    }
    return out
  }
}
