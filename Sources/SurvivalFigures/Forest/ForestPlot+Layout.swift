import FigureCore
import Foundation

extension ForestPlot {
  /// Lays the plot out: text columns sized by measuring their contents, the plot panel taking
  /// the remaining width, one row per entry, the log axis under the panel.
  public func layout(measurer: some TextMeasuring) -> ForestLayout {
    _ForestLayoutEngine(plot: self, measurer: measurer).run()
  }

  /// Ratios that read well on a log axis, roughly symmetric about 1 (0.25 ↔ 4, 0.5 ↔ 2,
  /// 0.1 ↔ 10).
  static let ladder: [Double] = [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 10, 20, 100, 1000]

  /// Round ratios for a log axis covering `low`…`high` (always including 1): the ladder's
  /// values from the largest at or below `low` to the smallest at or above `high`, never
  /// beyond 0.001…1000.
  public static func breaks(covering low: Double, _ high: Double) -> [Double] {
    let lo = max(min(low, 1), 0.001)
    let hi = min(max(high, 1), 1000)
    let first = ladder.last { $0 <= lo * (1 + 1e-9) } ?? ladder[0]
    let last = ladder.first { $0 >= hi * (1 - 1e-9) } ?? ladder[ladder.count - 1]
    return ladder.filter { $0 >= first && $0 <= last }
  }
}

struct _ForestLayoutEngine<M: TextMeasuring> {
  let plot: ForestPlot
  let measurer: M
  var options: ForestPlotOptions { plot.options }
  var theme: FigureTheme
  let pad = 4.0

  init(plot: ForestPlot, measurer: M) {
    self.plot = plot
    self.measurer = measurer
    self.theme = plot.options.theme ?? FigureTheme.scaled(forWidth: plot.options.width)
    // Smaller type (down to the theme's minimum) when the text columns leave the plot panel
    // less than a quarter of the width.
    while columnWidths().total > plot.options.width * 0.75 - 2 * pad, theme.fontSize > theme.minimumFontSize {
      theme.fontSize = max(theme.fontSize - 0.5, theme.minimumFontSize)
      theme.smallFontSize = max(theme.smallFontSize - 0.5, theme.minimumFontSize)
    }
  }

  /// Widths of the text columns at the current type sizes.
  struct ColumnWidths {
    var label: Double
    var extras: [Double]
    var estimates: [Double]
    var p: Double
    var gap: Double
    /// All text columns and their gaps.
    var total: Double {
      label + extras.reduce(0) { $0 + $1 + gap } + estimates.reduce(0) { $0 + $1 + gap + p + gap } + gap
    }
  }

  func columnWidths() -> ColumnWidths {
    let body = FontSpec(size: theme.fontSize)
    let bold = body.bold()
    let indentStep = theme.fontSize * 1.2
    let label = max(
      width(options.labelTitle, bold),
      plot.rows.map { width($0.label, $0.kind == .header ? bold : body) + Double($0.indent) * indentStep }.max() ?? 0)
    let extras = options.extraColumns.indices.map { c in
      max(width(options.extraColumns[c], bold), plot.rows.map { $0.cells.indices.contains(c) ? width($0.cells[c], body) : 0 }.max() ?? 0)
    }
    let estimates = (0..<seriesCount).map { s in
      max(
        width(options.estimateTitle, bold), width("Reference", body),
        plot.rows.map { $0.note.map { width($0, body) } ?? 0 }.max() ?? 0,
        plot.rows.map { row in row.estimates.indices.contains(s) ? row.estimates[s].map { width(estimateText($0), body) } ?? 0 : 0 }.max() ?? 0)
    }
    let p = max(width("P", bold), width("<0.001", body), width("0.999", body))
    return ColumnWidths(label: label, extras: extras, estimates: estimates, p: p, gap: theme.fontSize * 1.1)
  }

  func width(_ text: String, _ font: FontSpec) -> Double { measurer.measure(StyledText(text), font: font).width }
  func lineHeight(_ font: FontSpec) -> Double {
    let m = measurer.measure("Ag", font: font)
    return (m.ascent + m.descent) * 1.2
  }

  var seriesCount: Int { max(1, options.seriesNames.count) }

  func estimateText(_ e: ForestRow.Estimate) -> String {
    JournalFormat.estimate(e.value, lower: e.lower, upper: e.upper, decimals: options.decimals)
  }

  func run() -> ForestLayout {
    let body = FontSpec(size: theme.fontSize)
    let bold = body.bold()
    let small = FontSpec(size: theme.smallFontSize)
    let indentStep = theme.fontSize * 1.2
    let rowHeight = lineHeight(body) * 1.3
    var commands: [DrawCommand] = []

    // Columns: label, extra columns, plot, then estimate and P per series.
    let columns = columnWidths()
    let (labelWidth, extraWidths, estimateWidths, pWidth, gap) = (columns.label, columns.extras, columns.estimates, columns.p, columns.gap)
    let plotWidth = max(options.width - 2 * pad - columns.total, options.width * 0.22)

    var x = pad
    var edges: [Double] = [x]
    x += labelWidth + gap
    var extraEdges: [Double] = []
    for w in extraWidths {
      extraEdges.append(x)
      edges.append(x)
      x += w + gap
    }
    let panelLeft = x
    x += plotWidth + gap
    var estimateEdges: [Double] = []
    var pRightEdges: [Double] = []
    for w in estimateWidths {
      estimateEdges.append(x)
      edges.append(x)
      x += w + gap
      edges.append(x)
      pRightEdges.append(x + pWidth)
      x += pWidth + gap
    }

    // Vertical: title, series names, column titles, rows, axis.
    var y = pad
    if let title = options.title, !title.isEmpty {
      commands.append(.text(TextRun(title, font: theme.titleFont, color: theme.textColor, anchor: TextAnchor(.leading, .top)), at: Point(x: pad, y: y)))
      y += lineHeight(theme.titleFont) + 3
    }
    let showsSeries = seriesCount > 1 || !(options.seriesNames.first ?? "").isEmpty
    if showsSeries {
      for s in 0..<seriesCount {
        let left = estimateEdges[s]
        let right = pRightEdges[s]
        // The series name, after a sample of its marker when several series share the panel.
        let name = StyledText(options.seriesNames[s])
        let centre = (left + right) / 2
        commands.append(.text(TextRun(name, font: bold, color: theme.textColor, anchor: TextAnchor(.center, .top)), at: Point(x: centre, y: y)))
        if seriesCount > 1 {
          let size = theme.fontSize * 0.6
          let markerX = centre - measurer.measure(name, font: bold).width / 2 - size - 2
          let shape: MarkerShape = s == 0 ? .square : .circle
          commands.append(.fill(shape.path(center: Point(x: markerX, y: y + lineHeight(bold) / 2), size: size), .solid(theme.color(at: s))))
        }
        commands.append(.stroke(.line(from: Point(x: left, y: y + lineHeight(bold) + 1), to: Point(x: right, y: y + lineHeight(bold) + 1)), StrokeStyle(color: theme.axisColor, width: theme.axisWidth * 0.8)))
      }
      y += lineHeight(bold) + 4
    }
    let headerMid = y + lineHeight(bold) / 2
    commands.append(.text(TextRun(StyledText(options.labelTitle), font: bold, color: theme.textColor, anchor: .leadingMiddle), at: Point(x: pad, y: headerMid)))
    for (c, title) in options.extraColumns.enumerated() {
      commands.append(.text(TextRun(StyledText(title), font: bold, color: theme.textColor, anchor: .trailingMiddle), at: Point(x: extraEdges[c] + extraWidths[c], y: headerMid)))
    }
    for s in 0..<seriesCount {
      commands.append(.text(TextRun(StyledText(options.estimateTitle), font: bold, color: theme.textColor, anchor: .leadingMiddle), at: Point(x: estimateEdges[s], y: headerMid)))
      commands.append(.text(TextRun(.italic("P"), font: bold, color: theme.textColor, anchor: .trailingMiddle), at: Point(x: pRightEdges[s], y: headerMid)))
    }
    y += lineHeight(bold) + 2
    let right = x - gap
    commands.append(.stroke(.line(from: Point(x: pad, y: y), to: Point(x: right, y: y)), StrokeStyle(color: theme.axisColor, width: theme.axisWidth)))
    y += 2
    let rowsTop = y
    let centres = plot.rows.indices.map { rowsTop + rowHeight * (Double($0) + 0.5) }
    let rowsBottom = rowsTop + rowHeight * Double(plot.rows.count)

    // The x scale.
    let values = plot.rows.flatMap { $0.estimates.compactMap { $0 } }.flatMap { [$0.lower, $0.upper, $0.value] }.filter { $0 > 0 && $0.isFinite }
    var breaks = options.xBreaks ?? ForestPlot.breaks(covering: values.min() ?? 0.5, values.max() ?? 2)
    // Labels must not touch: first keep the ends, 1 and the decades; then drop any inner break
    // too close to a kept neighbour.
    if options.xBreaks == nil, let first = breaks.first, let last = breaks.last, first < last {
      let probe = LogScale(domain: first...last, range: (panelLeft, panelLeft + plotWidth))
      func needed(_ a: Double, _ b: Double) -> Double {
        (width(JournalFormat.tick(a), small) + width(JournalFormat.tick(b), small)) / 2 + 4
      }
      func crowded(_ b: [Double]) -> Bool {
        zip(b, b.dropFirst()).contains { probe.map($1) - probe.map($0) < needed($0, $1) }
      }
      if crowded(breaks) {
        breaks = breaks.filter { b in b == first || b == last || abs(log10(b) - log10(b).rounded()) < 1e-9 }
      }
      var kept = [first]
      for b in breaks.dropFirst() where b != last {
        if probe.map(b) - probe.map(kept[kept.count - 1]) >= needed(kept[kept.count - 1], b),
          probe.map(last) - probe.map(b) >= needed(b, last) || b == 1
        {
          kept.append(b)
        }
      }
      breaks = kept + [last]
    }
    let domain = (breaks.first ?? 0.5)...(breaks.last ?? 2)
    let scale = LogScale(domain: domain, range: (panelLeft, panelLeft + plotWidth))
    let panel = Rect(x: panelLeft, y: rowsTop, width: plotWidth, height: rowsBottom - rowsTop)

    // Line of no effect.
    if domain.contains(1) {
      commands.append(.stroke(.line(from: Point(x: scale.map(1), y: rowsTop), to: Point(x: scale.map(1), y: rowsBottom)), StrokeStyle(color: theme.axisColor, width: theme.axisWidth)))
    }

    // Rows.
    let maxWeight = plot.rows.flatMap { $0.estimates.compactMap { $0?.weight } }.max()
    let offsets: [Double] = seriesCount == 1 ? [0] : (0..<seriesCount).map { (Double($0) - Double(seriesCount - 1) / 2) * rowHeight * 0.32 }
    for (index, row) in plot.rows.enumerated() {
      let mid = centres[index]
      let font = row.kind == .header || row.kind == .summary ? bold : body
      commands.append(.text(TextRun(StyledText(row.label), font: font, color: theme.textColor, anchor: .leadingMiddle), at: Point(x: pad + Double(row.indent) * indentStep, y: mid)))
      for (c, cell) in row.cells.enumerated() where c < extraEdges.count {
        commands.append(.text(TextRun(StyledText(cell), font: body, color: theme.textColor, anchor: .trailingMiddle), at: Point(x: extraEdges[c] + extraWidths[c], y: mid)))
      }
      if row.kind == .header, let p = row.headerP {
        commands.append(.text(TextRun(StyledText(JournalFormat.pValue(p)), font: body, color: theme.textColor, anchor: .trailingMiddle), at: Point(x: pRightEdges[seriesCount - 1], y: mid)))
      }
      for s in 0..<seriesCount {
        if row.kind == .reference {
          commands.append(.text(TextRun(StyledText(row.note ?? "Reference"), font: body, color: theme.textColor, anchor: .leadingMiddle), at: Point(x: estimateEdges[s], y: mid)))
          continue
        }
        guard row.estimates.indices.contains(s), let e = row.estimates[s] else {
          if let note = row.note, row.kind != .header {
            commands.append(.text(TextRun(StyledText(note), font: body, color: theme.textColor, anchor: .leadingMiddle), at: Point(x: estimateEdges[s], y: mid)))
          }
          continue
        }
        commands.append(.text(TextRun(StyledText(estimateText(e)), font: row.kind == .summary ? bold : body, color: theme.textColor, anchor: .leadingMiddle), at: Point(x: estimateEdges[s], y: mid)))
        if let p = e.p {
          commands.append(.text(TextRun(StyledText(JournalFormat.pValue(p)), font: body, color: theme.textColor, anchor: .trailingMiddle), at: Point(x: pRightEdges[s], y: mid)))
        }
        let color = seriesCount == 1 ? theme.textColor : theme.color(at: s)
        commands += marker(e, row: row, y: mid + offsets[s], scale: scale, color: color, series: s, maxWeight: maxWeight, rowHeight: rowHeight)
      }
    }
    commands.append(.stroke(.line(from: Point(x: pad, y: rowsBottom + 2), to: Point(x: right, y: rowsBottom + 2)), StrokeStyle(color: theme.axisColor, width: theme.axisWidth)))

    // Axis under the panel.
    let axisY = rowsBottom + 2
    let tick = theme.tickLength
    commands.append(.stroke(.line(from: Point(x: panel.minX, y: axisY), to: Point(x: panel.maxX, y: axisY)), StrokeStyle(color: theme.axisColor, width: theme.axisWidth)))
    for b in breaks {
      let bx = scale.map(b)
      commands.append(.stroke(.line(from: Point(x: bx, y: axisY), to: Point(x: bx, y: axisY + tick)), StrokeStyle(color: theme.axisColor, width: theme.axisWidth)))
      commands.append(.text(TextRun(StyledText(JournalFormat.tick(b)), font: small, color: theme.textColor, anchor: TextAnchor(.center, .top)), at: Point(x: bx, y: axisY + tick + 1)))
    }
    var bottom = axisY + tick + 1 + lineHeight(small)
    commands.append(.text(TextRun(StyledText(options.xTitle), font: body, color: theme.textColor, anchor: TextAnchor(.center, .top)), at: Point(x: panel.midX, y: bottom + 1)))
    bottom += lineHeight(body) + 1
    if let favours = options.favours, domain.contains(1) {
      let one = scale.map(1)
      commands.append(.text(TextRun(StyledText("← " + favours.left), font: small, color: theme.textColor, anchor: TextAnchor(.trailing, .top)), at: Point(x: one - 3, y: bottom + 1)))
      commands.append(.text(TextRun(StyledText(favours.right + " →"), font: small, color: theme.textColor, anchor: TextAnchor(.leading, .top)), at: Point(x: one + 3, y: bottom + 1)))
      bottom += lineHeight(small) + 1
    }
    let height = options.height ?? (bottom + pad)
    return ForestLayout(
      scene: Scene(size: Size(width: options.width, height: height), background: .white, commands: [.group("forest", commands)]),
      plotRect: panel, xScale: scale, xBreaks: breaks, rowCentres: centres, columnEdges: edges)
  }

  /// The whisker (with arrows where it leaves the axis) and the square or diamond of an estimate.
  func marker(
    _ e: ForestRow.Estimate, row: ForestRow, y: Double, scale: LogScale, color: Color, series: Int,
    maxWeight: Double?, rowHeight: Double
  ) -> [DrawCommand] {
    var out: [DrawCommand] = []
    let lo = scale.domain.lowerBound
    let hi = scale.domain.upperBound
    guard e.value > 0, e.lower > 0, e.upper > 0 else { return out }
    let x0 = scale.map(min(max(e.lower, lo), hi))
    let x1 = scale.map(min(max(e.upper, lo), hi))
    let stroke = StrokeStyle(color: color, width: theme.curveWidth * 0.9)
    if row.kind == .summary {
      let xv = scale.map(min(max(e.value, lo), hi))
      let h = rowHeight * 0.28
      out.append(.fill(.polygon([Point(x: x0, y: y), Point(x: xv, y: y - h), Point(x: x1, y: y), Point(x: xv, y: y + h)]), .solid(color)))
      return out
    }
    out.append(.stroke(.line(from: Point(x: x0, y: y), to: Point(x: x1, y: y)), stroke))
    let arrow = 3.0
    if e.lower < lo {
      out.append(.fill(.polygon([Point(x: x0, y: y), Point(x: x0 + arrow, y: y - arrow * 0.6), Point(x: x0 + arrow, y: y + arrow * 0.6)]), .solid(color)))
    }
    if e.upper > hi {
      out.append(.fill(.polygon([Point(x: x1, y: y), Point(x: x1 - arrow, y: y - arrow * 0.6), Point(x: x1 - arrow, y: y + arrow * 0.6)]), .solid(color)))
    }
    guard (lo...hi).contains(e.value) else { return out }
    let base = theme.fontSize * 0.6
    let size = e.weight.flatMap { w in maxWeight.map { base * 0.6 + base * 0.8 * (w / $0).squareRoot() } } ?? base
    let shape: MarkerShape = series == 0 ? .square : .circle
    out.append(.fill(shape.path(center: Point(x: scale.map(e.value), y: y), size: size), .solid(color)))
    return out
  }
}
