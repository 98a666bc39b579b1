import FigureCore

/// A text fitted to a length: its lines and the size they are set in.
struct _FittedText: Hashable {
  var lines: [StyledText]
  var font: FontSpec
}

/// Where the bands around the plot go, for one arrangement of legend, inset and table.
struct _Frame {
  var plot: Rect
  var title: [StyledText]
  var legendRows: [[(curve: Int?, x: Double)]]
  var legendTop: Double
  /// Inset lines above the plot, column by column, with each column's left edge.
  var insetColumns: [[Int]]
  var insetColumnXs: [Double]
  var insetTop: Double
  /// The inset right of the plot.
  var insetRight: Rect?
  var xTitle: _FittedText
  var yTitle: _FittedText
  var yLabelWidth: Double
  var tickLabelHeight: Double
  var xBreaks: [Double]
  var tableLines: [_RiskTableLine]
  var tableTop: Double
  var tableRowHeight: Double
  var tableTitleHeight: Double
}

extension _KaplanMeierLayoutEngine {
  /// Space between the plot and an inset right of it.
  static var insetGap: Double { 8 }

  /// The bands top down (title, legend above the plot, inset lines above the plot, plot, axis,
  /// table) and the margins left and right, with axis titles fitted to the plot they label.
  ///
  /// The left margin serves both the y axis and the table labels. Axis titles depend on the
  /// plot's size and the plot's size on them, so the computation repeats (at most four times)
  /// until they no longer change.
  func frame(legendOnTop: Bool, insetTop: [Int], insetRight: Bool, compact: Bool) -> _Frame {
    let small = theme.smallFont
    let body = theme.font
    let ticks = theme.tickLength
    let contentWidth = size.width - 2 * pad
    var top = pad
    var title: [StyledText] = []
    if let text = options.title, !text.isEmpty {
      title = TextWrapping.lines(
        text, font: theme.titleFont, width: contentWidth, measurer: measurer)
      top += Double(title.count) * lineHeight(theme.titleFont) + 2
    }
    let legendTop = top
    let legendRows = legendOnTop ? self.legendRows(maxWidth: contentWidth) : []
    if legendOnTop { top += lineHeight(body) * Double(legendRows.count) + 2 }
    let insetTopY = top
    let (columns, columnXs) = insetTop.isEmpty ? ([], []) : flow(insetTop, maxWidth: contentWidth)
    if let rows = columns.map(\.count).max() { top += Double(rows) * lineHeight(body) + 2 }
    let plotTop = max(top + theme.curveWidth + 2, options.minimumMargins.top)

    let lines = tableLines(compact: compact)
    let rowHeight = lineHeight(small)
    // The title wraps to the page; the longer form (with the legend's title) is reserved for.
    let tableTitleHeight =
      options.riskTable == .none
      ? 0 : lineHeight(body.bold()) * Double(riskTableTitleLines(riskTableTitle(legendInTable: true)).count)
    let tableHeight = lines.isEmpty ? 0 : tableTitleHeight + Double(lines.count) * rowHeight
    let tableGap = lines.isEmpty ? 0.0 : 6
    let tickLabelHeight = lineHeight(small)
    let (_, allYBreaks, yLabel) = yDomainAndBreaks
    let yLabelWidth = allYBreaks.map { width(StyledText(yLabel($0)), small) }.max() ?? 0
    let tableNeeds = pad + labelColumnWidth(lines) + tableLabelGap
    let insetWidth = insetRight ? insetLinesWidth(Array(options.annotations.indices)) : 0
    let insetNeeds = insetRight ? pad + insetWidth + Self.insetGap : 0

    var xTitle = _FittedText(lines: options.xTitle.isEmpty ? [] : [options.xTitle], font: body)
    var yTitle = _FittedText(lines: options.yTitle.isEmpty ? [] : [options.yTitle], font: body)
    var plot = Rect(x: 0, y: 0, width: 1, height: 1)
    var breaks: [Double] = []
    for pass in 0..<4 {
      let yTitleWidth = Double(yTitle.lines.count) * lineHeight(yTitle.font)
      let axisNeeds = pad + yTitleWidth + 3 + yLabelWidth + 2.5 + ticks
      let left = max(axisNeeds, tableNeeds, options.minimumMargins.left)
      var right = max(pad + max(widestCount / 2, 6), insetNeeds, options.minimumMargins.right)
      breaks = xBreaks(plotWidth: size.width - left - right)
      let lastLabel = width(StyledText(JournalFormat.tick(breaks.last ?? 0)), small)
      right = max(
        pad + max(widestCount, lastLabel) / 2 + 1, insetNeeds, options.minimumMargins.right)
      let plotWidth = size.width - left - right
      breaks = xBreaks(plotWidth: plotWidth)
      let xTitleHeight = Double(xTitle.lines.count) * lineHeight(xTitle.font)
      let plotBottom = min(
        size.height - pad - tableHeight - tableGap - xTitleHeight - tickLabelHeight - ticks - 2,
        size.height - options.minimumMargins.bottom)
      // A plot too small to read is still laid out (callers refuse it), never left blank.
      plot = Rect(
        x: left, y: plotTop, width: max(plotWidth, 1), height: max(plotBottom - plotTop, 1))
      guard pass < 3 else { break }
      let fittedX = fit(
        options.xTitle, font: body, length: 2 * min(plot.midX - pad, size.width - pad - plot.midX))
      let fittedY = fit(options.yTitle, font: body, length: plot.height)
      if fittedX == xTitle && fittedY == yTitle { break }
      (xTitle, yTitle) = (fittedX, fittedY)
    }
    let xTitleHeight = Double(xTitle.lines.count) * lineHeight(xTitle.font)
    let insetRightRect =
      insetRight
      ? Rect(
        x: plot.maxX + Self.insetGap, y: plot.minY, width: insetWidth,
        height: Double(options.annotations.count) * lineHeight(body)) : nil
    return _Frame(
      plot: plot, title: title, legendRows: legendRows, legendTop: legendTop, insetColumns: columns,
      insetColumnXs: columnXs, insetTop: insetTopY, insetRight: insetRightRect, xTitle: xTitle,
      yTitle: yTitle, yLabelWidth: yLabelWidth, tickLabelHeight: tickLabelHeight, xBreaks: breaks,
      tableLines: lines,
      tableTop: plot.maxY + ticks + 2 + tickLabelHeight + xTitleHeight + tableGap,
      tableRowHeight: rowHeight, tableTitleHeight: tableTitleHeight)
  }

  /// An axis title within `length` points: on one line in the body size, or 1 pt smaller (not
  /// below the theme's minimum); otherwise wrapped onto up to three lines, or set in the
  /// minimum size and wrapped.
  func fit(_ text: StyledText, font: FontSpec, length: Double) -> _FittedText {
    guard !text.isEmpty else { return _FittedText(lines: [], font: font) }
    if width(text, font) <= length { return _FittedText(lines: [text], font: font) }
    let smaller = theme.font(size: max(theme.minimumFontSize, font.size - 1))
    if smaller.size < font.size, width(text, smaller) <= length {
      return _FittedText(lines: [text], font: smaller)
    }
    let lines = TextWrapping.lines(text, font: font, width: length, measurer: measurer)
    if lines.count <= 3, lines.allSatisfy({ width($0, font) <= length }) {
      return _FittedText(lines: lines, font: font)
    }
    let minimum = theme.font(size: theme.minimumFontSize)
    return _FittedText(
      lines: TextWrapping.lines(text, font: minimum, width: length, measurer: measurer),
      font: minimum)
  }
}
