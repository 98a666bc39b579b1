import FigureCore
import Foundation

extension ForestPlot {
  /// Lays the plot out: text columns sized by measuring their contents, the plot panel taking
  /// the remaining width, one row per entry, the log axis under the panel.
  ///
  /// Labels wrap at spaces when the label column would take more than 40 % of the width or
  /// leave the panel less than 25 %; a wrapped row is one line taller. Only when the columns,
  /// labels wrapped to their longest word, still leave the panel less than 25 % does type get
  /// smaller, down to the theme's minimum. Text columns that leave the panel less than 18 % of
  /// the width even so do not fit (``ForestLayout/fitsWidth``).
  ///
  /// The height follows from the rows, 1.3 lines apart; with a given height (a panel of a
  /// grid), the page is that tall and the rows move closer, down to one line apart, when they
  /// would not fit otherwise (``ForestLayout/requiredHeight`` is then the height that fits).
  public func layout(measurer: some TextMeasuring) -> ForestLayout {
    let engine = _ForestLayoutEngine(plot: self, measurer: measurer)
    let natural = engine.run(rowSpacing: Self.rowSpacing)
    guard let height = options.height, natural.contentHeight > height + 1e-9, !rows.isEmpty else {
      return natural.layout
    }
    let line = engine.lineHeight(engine.theme.font)
    let spacing = Self.rowSpacing - (natural.contentHeight - height) / (line * Double(rows.count))
    return engine.run(rowSpacing: max(spacing, 1)).layout
  }

  /// Whether the text columns, labels wrapped, leave the plot panel its minimum share of the
  /// width (18 %), without laying the plot out.
  public func fitsWidth(measurer: some TextMeasuring) -> Bool {
    _ForestLayoutEngine(plot: self, measurer: measurer).fitsWidth
  }

  /// The least share of the width the plot panel takes; text columns that leave it less do not fit.
  public static var minimumPanelShare: Double { _ForestLayoutEngine<MonospaceTextMeasurer>.minimumPanelShare }

  /// Distance between row centres in lines of body type, when the height leaves room.
  static let rowSpacing = 1.3
}

struct _ForestLayoutEngine<M: TextMeasuring> {
  let plot: ForestPlot
  let measurer: M
  var options: ForestPlotOptions { plot.options }
  var theme: FigureTheme
  let pad = 4.0
  /// Space between text columns, in ems of the body type.
  var gapEms = 1.1
  /// The narrowest plot panel, as a fraction of the width.
  static var minimumPanelShare: Double { 0.18 }

  init(plot: ForestPlot, measurer: M) {
    self.plot = plot
    self.measurer = measurer
    self.theme = plot.options.theme ?? FigureTheme.scaled(forWidth: plot.options.width)
    // Long labels wrap first (``columnWidths()``). When the text columns, labels wrapped to
    // their longest word, still leave the plot panel less than a quarter of the width, type
    // gets smaller (down to the theme's minimum); then gaps narrow (down to half an em) until
    // the panel keeps its minimum share.
    while columnWidths().total > plot.options.width * 0.75 - 2 * pad, theme.fontSize > theme.minimumFontSize {
      theme.fontSize = max(theme.fontSize - 0.5, theme.minimumFontSize)
      theme.smallFontSize = max(theme.smallFontSize - 0.5, theme.minimumFontSize)
    }
    while columnWidths().total > plot.options.width * (1 - Self.minimumPanelShare) - 2 * pad, gapEms > 0.55 {
      gapEms -= 0.1
    }
  }

  /// The widest share of the width the label column takes before its labels wrap.
  static var maximumLabelShare: Double { 0.4 }
  /// The share of the width the plot panel keeps when labels wrap to leave it room.
  static var preferredPanelShare: Double { 0.25 }

  /// Whether the text columns leave the plot panel its minimum share of the width.
  var fitsWidth: Bool {
    columnWidths().total <= plot.options.width * (1 - Self.minimumPanelShare) - 2 * pad + 1e-9
  }

  /// The label of each row broken into lines no wider than the label column (less the row's
  /// indent), at spaces; a word wider than the column keeps a line of its own.
  func labelLines(width: Double) -> [[String]] {
    plot.rows.map { row in
      let font = row.kind == .header || row.kind == .summary ? theme.font.bold() : theme.font
      let available = width - Double(row.indent) * theme.fontSize * 1.2
      return TextWrapping.lines(row.label, font: font, width: available, measurer: measurer)
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
    let body = theme.font
    let bold = body.bold()
    let indentStep = theme.fontSize * 1.2
    func labelFont(_ row: ForestRow) -> FontSpec { row.kind == .header || row.kind == .summary ? bold : body }
    let title = width(options.labelTitle, bold)
    let natural = max(
      title, plot.rows.map { width($0.label, labelFont($0)) + Double($0.indent) * indentStep }.max() ?? 0)
    // The widest word of a label (with its indent) is as narrow as the column can be.
    let narrowest = max(
      title,
      plot.rows.map { row in
        (row.label.split(separator: " ").map { width(String($0), labelFont(row)) }.max() ?? 0) + Double(row.indent)
          * indentStep
      }.max() ?? 0)
    let extras = options.extraColumns.indices.map { c in
      max(
        titleLines(options.extraColumns[c]).map { width($0, bold) }.max() ?? 0,
        plot.rows.map { $0.cells.indices.contains(c) ? width($0.cells[c], body) : 0 }.max() ?? 0)
    }
    let estimates = (0..<seriesCount).map { s in
      max(
        width(options.estimateTitle, bold), width("Reference", body),
        plot.rows.map { $0.note(forSeries: s).map { width($0, body) } ?? 0 }.max() ?? 0,
        plot.rows.map { row in
          row.estimates.indices.contains(s) ? row.estimates[s].map { width(estimateText($0), body) } ?? 0 : 0
        }.max() ?? 0)
    }
    let p = max(
      options.pTitle.map { measurer.measure($0, font: bold).width }.max() ?? 0, width("<0.001", body),
      width("0.999", body))
    var columns = ColumnWidths(label: 0, extras: extras, estimates: estimates, p: p, gap: theme.fontSize * gapEms)
    // Labels wrap when they would leave the panel less than its preferred share, or take more
    // than the label column's maximum share.
    let room = options.width * (1 - Self.preferredPanelShare) - 2 * pad - columns.total
    columns.label = min(natural, max(narrowest, min(room, options.width * Self.maximumLabelShare)))
    return columns
  }

  func width(_ text: String, _ font: FontSpec) -> Double { measurer.measure(StyledText(text), font: font).width }
  func width(_ text: StyledText, _ font: FontSpec) -> Double { measurer.measure(text, font: font).width }
  /// A column title's lines ("Arm A\nevents/n" is two).
  func titleLines(_ title: String) -> [StyledText] {
    title.split(separator: "\n", omittingEmptySubsequences: false).map { StyledText(String($0)) }
  }
  func lineHeight(_ font: FontSpec) -> Double {
    let m = measurer.measure("Ag", font: font)
    return (m.ascent + m.descent) * 1.2
  }

  var seriesCount: Int { max(1, options.seriesNames.count) }

  func estimateText(_ e: ForestRow.Estimate) -> String {
    JournalFormat.estimate(e.value, lower: e.lower, upper: e.upper, decimals: options.decimals)
  }

  /// The layout with rows `rowSpacing` lines apart, and the height its contents take.
  func run(rowSpacing: Double) -> (layout: ForestLayout, contentHeight: Double) {
    let body = theme.font
    let bold = body.bold()
    let small = theme.smallFont
    let indentStep = theme.fontSize * 1.2
    let rowHeight = lineHeight(body) * rowSpacing
    var commands: [DrawCommand] = []

    // Columns: label, extra columns, plot, then estimate and P per series.
    let columns = columnWidths()
    let (labelWidth, extraWidths, estimateWidths, pWidth, gap) = (
      columns.label, columns.extras, columns.estimates, columns.p, columns.gap
    )
    let plotWidth = max(options.width - 2 * pad - columns.total, options.width * Self.minimumPanelShare)

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
      commands.append(
        .text(
          TextRun(title, font: theme.titleFont, color: theme.textColor, anchor: TextAnchor(.leading, .top)),
          at: Point(x: pad, y: y)))
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
        commands.append(
          .text(
            TextRun(name, font: bold, color: theme.textColor, anchor: TextAnchor(.center, .top)),
            at: Point(x: centre, y: y)))
        if seriesCount > 1 {
          let size = theme.fontSize * 0.6
          let markerX = centre - measurer.measure(name, font: bold).width / 2 - size - 2
          let shape: MarkerShape = s == 0 ? .square : .circle
          commands.append(
            .fill(
              shape.path(center: Point(x: markerX, y: y + lineHeight(bold) / 2), size: size), .solid(theme.color(at: s))
            ))
        }
        commands.append(
          .stroke(
            .line(from: Point(x: left, y: y + lineHeight(bold) + 1), to: Point(x: right, y: y + lineHeight(bold) + 1)),
            StrokeStyle(color: theme.axisColor, width: theme.axisWidth * 0.8)))
      }
      y += lineHeight(bold) + 4
    }
    // Column titles, bottom-aligned when some have several lines.
    let extraTitles = options.extraColumns.map(titleLines)
    let headerLines = max(1, options.pTitle.count, extraTitles.map(\.count).max() ?? 1)
    func titleMid(_ line: Int, of count: Int) -> Double {
      y + lineHeight(bold) * (Double(headerLines - count + line) + 0.5)
    }
    let headerMid = titleMid(0, of: 1)
    commands.append(
      .text(
        TextRun(StyledText(options.labelTitle), font: bold, color: theme.textColor, anchor: .leadingMiddle),
        at: Point(x: pad, y: headerMid)))
    for (c, lines) in extraTitles.enumerated() {
      for (k, line) in lines.enumerated() {
        commands.append(
          .text(
            TextRun(line, font: bold, color: theme.textColor, anchor: .trailingMiddle),
            at: Point(x: extraEdges[c] + extraWidths[c], y: titleMid(k, of: lines.count))))
      }
    }
    for s in 0..<seriesCount {
      commands.append(
        .text(
          TextRun(StyledText(options.estimateTitle), font: bold, color: theme.textColor, anchor: .leadingMiddle),
          at: Point(x: estimateEdges[s], y: headerMid)))
      for (k, line) in options.pTitle.enumerated() {
        commands.append(
          .text(
            TextRun(line, font: bold, color: theme.textColor, anchor: .trailingMiddle),
            at: Point(x: pRightEdges[s], y: titleMid(k, of: options.pTitle.count))))
      }
    }
    y += lineHeight(bold) * Double(headerLines) + 2
    let right = x - gap
    commands.append(
      .stroke(
        .line(from: Point(x: pad, y: y), to: Point(x: right, y: y)),
        StrokeStyle(color: theme.axisColor, width: theme.axisWidth)))
    y += 2
    let rowsTop = y
    // A row is one row height, and one line more for each further line of its label.
    let lines = labelLines(width: labelWidth)
    var centres: [Double] = []
    var rowBottom = rowsTop
    for (index, row) in plot.rows.enumerated() {
      let font = row.kind == .header || row.kind == .summary ? bold : body
      let height = rowHeight + lineHeight(font) * Double(lines[index].count - 1)
      centres.append(rowBottom + height / 2)
      rowBottom += height
    }
    let rowsBottom = rowBottom

    // The x scale: explicit breaks span the axis; otherwise the data do, with round ratios as
    // ticks whose labels keep at least 0.6 em of small type between them.
    let values = plot.rows.flatMap { $0.estimates.compactMap { $0 } }.flatMap { [$0.lower, $0.upper, $0.value] }.filter
    { $0 > 0 && $0.isFinite }
    let domain: ClosedRange<Double>
    let breaks: [Double]
    if let explicit = options.xBreaks, let first = explicit.min(), let last = explicit.max(), first < last {
      domain = first...last
      breaks = explicit.sorted()
    } else {
      domain = ForestPlot.axisDomain(covering: values.min() ?? 0.5, values.max() ?? 2)
      let probe = LogScale(domain: domain, range: (panelLeft, panelLeft + plotWidth))
      let space = theme.smallFontSize * 0.6
      breaks = ForestPlot.ticks(in: domain) { ticks in
        zip(ticks, ticks.dropFirst()).allSatisfy { a, b in
          probe.map(b) - probe.map(a) >= (width(JournalFormat.tick(a), small) + width(JournalFormat.tick(b), small)) / 2
            + space
        }
      }
    }
    let scale = LogScale(domain: domain, range: (panelLeft, panelLeft + plotWidth))
    let panel = Rect(x: panelLeft, y: rowsTop, width: plotWidth, height: rowsBottom - rowsTop)

    // Line of no effect.
    if domain.contains(1) {
      commands.append(
        .stroke(
          .line(from: Point(x: scale.map(1), y: rowsTop), to: Point(x: scale.map(1), y: rowsBottom)),
          StrokeStyle(color: theme.axisColor, width: theme.axisWidth)))
    }

    // Rows.
    let maxWeight = plot.rows.flatMap { $0.estimates.compactMap { $0?.weight } }.max()
    let offsets: [Double] =
      seriesCount == 1 ? [0] : (0..<seriesCount).map { (Double($0) - Double(seriesCount - 1) / 2) * rowHeight * 0.32 }
    for (index, row) in plot.rows.enumerated() {
      let mid = centres[index]
      let font = row.kind == .header || row.kind == .summary ? bold : body
      for (k, line) in lines[index].enumerated() {
        let offset = (Double(k) - Double(lines[index].count - 1) / 2) * lineHeight(font)
        commands.append(
          .text(
            TextRun(StyledText(line), font: font, color: theme.textColor, anchor: .leadingMiddle),
            at: Point(x: pad + Double(row.indent) * indentStep, y: mid + offset)))
      }
      for (c, cell) in row.cells.enumerated() where c < extraEdges.count {
        commands.append(
          .text(
            TextRun(StyledText(cell), font: body, color: theme.textColor, anchor: .trailingMiddle),
            at: Point(x: extraEdges[c] + extraWidths[c], y: mid)))
      }
      // Texts as the sidecar reports them; then the markers.
      for (s, texts) in plot.seriesTexts(row).enumerated() {
        if !texts.estimate.isEmpty {
          let font = row.kind == .summary && row.estimates.indices.contains(s) && row.estimates[s] != nil ? bold : body
          commands.append(
            .text(
              TextRun(StyledText(texts.estimate), font: font, color: theme.textColor, anchor: .leadingMiddle),
              at: Point(x: estimateEdges[s], y: mid)))
        }
        if !texts.p.isEmpty {
          commands.append(
            .text(
              TextRun(StyledText(texts.p), font: body, color: theme.textColor, anchor: .trailingMiddle),
              at: Point(x: pRightEdges[s], y: mid)))
        }
      }
      for s in 0..<seriesCount where row.kind != .reference {
        guard row.estimates.indices.contains(s), let e = row.estimates[s] else { continue }
        let color = seriesCount == 1 ? theme.textColor : theme.color(at: s)
        commands += marker(
          e, row: row, y: mid + offsets[s], scale: scale, color: color, series: s, maxWeight: maxWeight,
          rowHeight: rowHeight)
      }
    }
    commands.append(
      .stroke(
        .line(from: Point(x: pad, y: rowsBottom + 2), to: Point(x: right, y: rowsBottom + 2)),
        StrokeStyle(color: theme.axisColor, width: theme.axisWidth)))

    // Axis under the panel.
    let axisY = rowsBottom + 2
    let tick = theme.tickLength
    commands.append(
      .stroke(
        .line(from: Point(x: panel.minX, y: axisY), to: Point(x: panel.maxX, y: axisY)),
        StrokeStyle(color: theme.axisColor, width: theme.axisWidth)))
    for b in breaks {
      let bx = scale.map(b)
      commands.append(
        .stroke(
          .line(from: Point(x: bx, y: axisY), to: Point(x: bx, y: axisY + tick)),
          StrokeStyle(color: theme.axisColor, width: theme.axisWidth)))
      commands.append(
        .text(
          TextRun(
            StyledText(JournalFormat.tick(b)), font: small, color: theme.textColor, anchor: TextAnchor(.center, .top)),
          at: Point(x: bx, y: axisY + tick + 1)))
    }
    var bottom = axisY + tick + 1 + lineHeight(small)
    commands.append(
      .text(
        TextRun(StyledText(options.xTitle), font: body, color: theme.textColor, anchor: TextAnchor(.center, .top)),
        at: Point(x: panel.midX, y: bottom + 1)))
    bottom += lineHeight(body) + 1
    if let favours = options.favours, domain.contains(1) {
      let one = scale.map(1)
      commands.append(
        .text(
          TextRun(
            StyledText("← " + favours.left), font: small, color: theme.textColor, anchor: TextAnchor(.trailing, .top)),
          at: Point(x: one - 3, y: bottom + 1)))
      commands.append(
        .text(
          TextRun(
            StyledText(favours.right + " →"), font: small, color: theme.textColor, anchor: TextAnchor(.leading, .top)),
          at: Point(x: one + 3, y: bottom + 1)))
      bottom += lineHeight(small) + 1
    }
    let contentHeight = bottom + pad
    let height = options.height ?? contentHeight
    let required = contentHeight - lineHeight(body) * (rowSpacing - 1) * Double(plot.rows.count)
    let layout = ForestLayout(
      scene: Scene(
        size: Size(width: options.width, height: height), background: .white, commands: [.group("forest", commands)]),
      plotRect: panel, xScale: scale, xBreaks: breaks, rowCentres: centres, columnEdges: edges,
      labelLines: lines, fitsWidth: fitsWidth, requiredHeight: required,
      requiredWidth: max(options.width, columns.total + 2 * pad + options.width * Self.minimumPanelShare))
    return (layout, contentHeight)
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
    let stroke = StrokeStyle(color: color, width: options.lineWidth ?? theme.curveWidth * 0.9)
    if row.kind == .summary {
      let xv = scale.map(min(max(e.value, lo), hi))
      let h = rowHeight * 0.28
      out.append(
        .fill(
          .polygon([Point(x: x0, y: y), Point(x: xv, y: y - h), Point(x: x1, y: y), Point(x: xv, y: y + h)]),
          .solid(color)))
      return out
    }
    out.append(.stroke(.line(from: Point(x: x0, y: y), to: Point(x: x1, y: y)), stroke))
    let arrow = 3.0
    if e.lower < lo {
      out.append(
        .fill(
          .polygon([
            Point(x: x0, y: y), Point(x: x0 + arrow, y: y - arrow * 0.6), Point(x: x0 + arrow, y: y + arrow * 0.6),
          ]), .solid(color)))
    }
    if e.upper > hi {
      out.append(
        .fill(
          .polygon([
            Point(x: x1, y: y), Point(x: x1 - arrow, y: y - arrow * 0.6), Point(x: x1 - arrow, y: y + arrow * 0.6),
          ]), .solid(color)))
    }
    guard (lo...hi).contains(e.value) else { return out }
    let base = theme.fontSize * 0.6
    let size = e.weight.flatMap { w in maxWeight.map { base * 0.6 + base * 0.8 * (w / $0).squareRoot() } } ?? base
    let shape: MarkerShape = series == 0 ? .square : .circle
    out.append(.fill(shape.path(center: Point(x: scale.map(e.value), y: y), size: size), .solid(color)))
    return out
  }
}
