import FigureCore

/// One line of the risk table.
struct _RiskTableLine {
  /// Right-aligned before the counts, or the whole line of a group header.
  var label: StyledText
  var isHeader: Bool
  var curveIndex: Int
  var quantity: String
  var indent: Double
  /// A compact KMunicate table: the group's label, after its line sample at the left edge,
  /// on the group's first row.
  var groupLabel: StyledText? = nil
  /// A further line of a group header wrapped to the page: no line sample of its own.
  var isContinuation = false
}

extension _KaplanMeierLayoutEngine {
  typealias TableLine = _RiskTableLine

  /// Space between the right end of the risk-table labels and the axis origin: half the widest
  /// count (the first column is centred on the origin) and a clear gap.
  var tableLabelGap: Double { widestCount / 2 + 6 }

  /// Length of the line sample drawn before a row label so rows are identifiable in grayscale.
  var sampleLength: Double { theme.smallFontSize * 1.6 }

  /// Whether number-at-risk labels, wider than a fifth of the figure, go on lines of their own
  /// above their counts so that they do not push the plot to the right.
  var labelsOnOwnLines: Bool {
    let widest =
      tableCurves.map { width(StyledText($0.label), theme.smallFont.bold()) + sampleLength + 3 }.max()
      ?? 0
    return widest > size.width * 0.2
  }

  /// The risk table's title: a KMunicate table's says it lists more than the numbers at risk;
  /// with the legend in the table, it names the legend's title ("Number at risk by Sex").
  func riskTableTitle(legendInTable: Bool) -> String {
    var title = options.riskTableTitle
    if options.riskTable == .kmunicate, title.hasPrefix(KaplanMeierFigureOptions.riskTableTitle) {
      title =
        KaplanMeierFigureOptions.kmunicateTableTitle + title.dropFirst(KaplanMeierFigureOptions.riskTableTitle.count)
    }
    if legendInTable, let legend = options.legendTitle, !legend.isEmpty { title += " by " + legend }
    return title
  }

  /// The lines of a risk-table title, wrapped at spaces to the page's width.
  func riskTableTitleLines(_ title: String) -> [StyledText] {
    TextWrapping.lines(StyledText(title), font: theme.font.bold(), width: size.width - 2 * pad, measurer: measurer)
  }

  /// The header lines of curve `i`'s group: its label after the line sample, wrapped at spaces
  /// to the page's width, so that a long label never runs off the page.
  func headerLines(_ i: Int) -> [TableLine] {
    let available = size.width - 2 * pad - sampleLength - 3
    let lines = TextWrapping.lines(
      StyledText(tableCurves[i].label), font: theme.smallFont.bold(), width: available, measurer: measurer)
    return lines.enumerated().map { k, line in
      TableLine(label: line, isHeader: true, curveIndex: i, quantity: "", indent: 0, isContinuation: k > 0)
    }
  }

  /// The table's lines; `compact` puts group labels beside the counts.
  func tableLines(compact: Bool) -> [TableLine] {
    switch options.riskTable {
    case .none: return []
    case .numberAtRisk:
      if labelsOnOwnLines && !compact {
        return tableCurves.indices.flatMap { i -> [TableLine] in
          headerLines(i) + [TableLine(label: "", isHeader: false, curveIndex: i, quantity: "at risk", indent: 0)]
        }
      }
      return tableCurves.indices.map {
        TableLine(
          label: StyledText(tableCurves[$0].label), isHeader: false, curveIndex: $0,
          quantity: "at risk", indent: 0)
      }
    case .kmunicate:
      return tableCurves.indices.flatMap { i -> [TableLine] in
        let label = StyledText(tableCurves[i].label)
        let indent = compact ? 0.0 : 6
        let rows = [
          TableLine(
            label: "At risk", isHeader: false, curveIndex: i, quantity: "at risk", indent: indent,
            groupLabel: compact ? label : nil),
          TableLine(
            label: "Censored", isHeader: false, curveIndex: i, quantity: "censored", indent: indent),
          TableLine(
            label: "Events", isHeader: false, curveIndex: i, quantity: "events", indent: indent),
        ]
        return compact ? rows : headerLines(i) + rows
      }
    }
  }

  func labelWidth(_ line: TableLine) -> Double {
    let showsSample = line.isHeader || options.riskTable == .numberAtRisk
    let f = showsSample ? theme.smallFont.bold() : theme.smallFont
    return width(line.label, f) + line.indent + (showsSample ? sampleLength + 3 : 0)
  }

  /// Width of the label column: row labels beside the counts and, in a compact KMunicate
  /// table, the group labels before them (header lines span the table).
  func labelColumnWidth(_ lines: [TableLine]) -> Double {
    let rows = lines.filter { !$0.isHeader }
    let labels = rows.map(labelWidth).max() ?? 0
    let groups = rows.compactMap { line in line.groupLabel.map { width($0, theme.smallFont.bold()) }
    }.max()
    return groups.map { sampleLength + 3 + $0 + 8 + labels } ?? labels
  }

  func riskTable(
    lines: [TableLine], top: Double, plot: Rect, xScale: LinearScale, breaks: [Double],
    rowHeight: Double, titleHeight: Double, title: String
  ) -> ([DrawCommand], RiskTableLayout) {
    let small = theme.smallFont
    let times = tableTimes(breaks: breaks, scale: xScale)
    let columns = times.map { RiskTableLayout.Column(time: $0, x: xScale.map($0)) }
    var out: [DrawCommand] = []
    let titleFont = theme.font.bold()
    let titleLines = riskTableTitleLines(title)
    for (k, line) in titleLines.enumerated() {
      out.append(
        .text(
          TextRun(line, font: titleFont, color: theme.textColor, anchor: .leadingMiddle),
          at: Point(x: pad, y: top + titleHeight * (Double(k) + 0.5) / Double(titleLines.count))))
    }
    var rows: [RiskTableLayout.Row] = []
    let labelRight = plot.minX - tableLabelGap
    for (k, line) in lines.enumerated() {
      let mid = top + titleHeight + rowHeight * (Double(k) + 0.5)
      let (color, dash) = tableStyle(line.curveIndex)
      let curve = tableCurves[line.curveIndex]
      let showsSample = (line.isHeader || options.riskTable == .numberAtRisk) && !line.label.isEmpty
      let labelFont = showsSample ? small.bold() : small
      func sample(from x0: Double) -> DrawCommand {
        .stroke(
          .line(from: Point(x: x0, y: mid), to: Point(x: x0 + sampleLength, y: mid)),
          StrokeStyle(color: color, width: theme.curveWidth, dash: dash))
      }
      if line.isHeader {
        // A group header spans the label column, left-aligned after its line sample.
        if !line.isContinuation { out.append(sample(from: pad)) }
        out.append(
          .text(
            TextRun(line.label, font: labelFont, color: color, anchor: .leadingMiddle),
            at: Point(x: pad + sampleLength + 3, y: mid)))
        continue
      }
      if let group = line.groupLabel {
        out.append(sample(from: pad))
        out.append(
          .text(
            TextRun(group, font: small.bold(), color: color, anchor: .leadingMiddle),
            at: Point(x: pad + sampleLength + 3, y: mid)))
      }
      if showsSample {
        let w = width(line.label, labelFont)
        out.append(sample(from: labelRight - w - 3 - sampleLength))
      }
      out.append(
        .text(
          TextRun(
            line.label, font: labelFont, color: showsSample ? color : theme.textColor,
            anchor: .trailingMiddle), at: Point(x: labelRight, y: mid)))
      let counts = times.map { t -> Int in
        switch line.quantity {
        case "censored": return curve.censored(before: t)
        case "events": return curve.events(before: t)
        default: return curve.atRisk(at: t)
        }
      }
      for (c, n) in zip(columns, counts) {
        out.append(
          .text(
            TextRun(
              StyledText(options.printedCount(n)), font: small, color: theme.textColor, anchor: .centerMiddle),
            at: Point(x: c.x, y: mid)))
      }
      rows.append(
        RiskTableLayout.Row(group: curve.label, quantity: line.quantity, y: mid, counts: counts))
    }
    let rect = Rect(
      x: pad, y: top, width: size.width - 2 * pad,
      height: titleHeight + rowHeight * Double(lines.count))
    return (out, RiskTableLayout(columns: columns, rows: rows, rect: rect))
  }
}
