import FigureCore

/// Where the parts of a typeset table went, for tests.
public struct ReportTableLayout: Sendable {
  public var scene: Scene
  /// Left and right edge of each column.
  public var columnEdges: [(left: Double, right: Double)]
  /// Baselines of the body rows' first lines.
  public var rowBaselines: [Double]
}

extension ReportTable {
  /// The table typeset as a journal prints it: title, booktabs rules (thick above and below,
  /// thin under the headers and under spanning headers), columns sized to their widest entry,
  /// the first column wrapped when the table would be wider than `width`, footnotes below.
  ///
  /// - Parameters:
  ///   - width: The text width in points; the scene is this wide.
  ///   - fontSize: Body type size in points (headers bold, footnotes 1 pt smaller).
  public func layout(width: Double, fontSize: Double = 8, measurer: some TextMeasuring) -> ReportTableLayout {
    // Smaller type, down to 6 pt, while the columns other than the first do not fit.
    var size = fontSize
    while size > 6, naturalWidth(fontSize: size, measurer: measurer) > width - 4 { size -= 0.5 }
    return layout(width: width, exactFontSize: size, measurer: measurer)
  }

  /// The width of the columns after the first at their natural sizes, plus a quarter of the
  /// page for the first.
  func naturalWidth(fontSize: Double, measurer: some TextMeasuring) -> Double {
    let body = FontSpec(size: fontSize)
    let bold = body.bold()
    let gap = fontSize * 1.2
    let others = columns.indices.dropFirst().map { c in
      max(
        columns[c].title.split(separator: "\n").map { measurer.measure(StyledText(String($0)), font: bold).width }.max() ?? 0,
        rows.map { r in measurer.measure(StyledText(cell(r, c)), font: body).width }.max() ?? 0)
    }
    let first = max(
      columns.first.map { measurer.measure(StyledText($0.title), font: bold).width } ?? 0,
      rows.map { measurer.measure(StyledText(cell($0, 0)), font: bold).width }.max() ?? 0)
    return min(first, 170) + others.reduce(0) { $0 + $1 + gap }
  }

  func layout(width: Double, exactFontSize fontSize: Double, measurer: some TextMeasuring) -> ReportTableLayout {
    let body = FontSpec(size: fontSize)
    let bold = body.bold()
    let small = FontSpec(size: max(fontSize - 1, 6))
    let gap = fontSize * 1.2
    let indentStep = fontSize
    let pad = 2.0
    func w(_ text: String, _ font: FontSpec) -> Double { measurer.measure(StyledText(text), font: font).width }
    func lineHeight(_ font: FontSpec) -> Double {
      let m = measurer.measure("Ag", font: font)
      return (m.ascent + m.descent) * 1.25
    }
    func ascent(_ font: FontSpec) -> Double { measurer.measure("Ag", font: font).ascent }

    // Column widths: widest header or cell; the first column gives way when too wide.
    func titleLines(_ c: Int) -> [String] { columns[c].title.split(separator: "\n").map(String.init) }
    var widths = columns.indices.map { c in
      max(
        titleLines(c).map { w($0, bold) }.max() ?? 0,
        rows.map { r in w(cell(r, c), c == 0 && r.isBold ? bold : body) + (c == 0 ? Double(r.indent) * indentStep : 0) }.max() ?? 0)
    }
    let others = widths.dropFirst().reduce(0, +) + gap * Double(max(columns.count - 1, 0))
    if let first = widths.first, first + others > width - 2 * pad {
      widths[0] = max(width - 2 * pad - others, width * 0.25)
    }
    var edges: [(left: Double, right: Double)] = []
    var x = pad
    for c in columns.indices {
      edges.append((x, x + widths[c]))
      x += widths[c] + gap
    }
    let right = min(max(x - gap, width * 0.5), width - pad)

    var commands: [DrawCommand] = []
    var y = pad
    let thick = StrokeStyle(color: .black, width: 0.8)
    let thin = StrokeStyle(color: .black, width: 0.4)
    if let title, !title.isEmpty {
      for line in TextWrapping.lines(title, font: bold, width: right - pad, measurer: measurer) {
        commands.append(.text(TextRun(StyledText(line), font: bold, anchor: .leadingBaseline), at: Point(x: pad, y: y + ascent(bold))))
        y += lineHeight(bold)
      }
      y += 2
    }
    commands.append(.stroke(.line(from: Point(x: pad, y: y), to: Point(x: right, y: y)), thick))
    y += 2
    func place(_ text: String, _ font: FontSpec, column c: Int, baseline: Double, indent: Double = 0) {
      let (left, rightEdge) = edges[c]
      let (anchor, px): (TextAnchor, Double)
      switch columns[c].alignment {
      case .leading: (anchor, px) = (.leadingBaseline, left + indent)
      case .center: (anchor, px) = (.centerBaseline, (left + rightEdge) / 2)
      case .trailing: (anchor, px) = (.trailingBaseline, rightEdge)
      }
      commands.append(.text(TextRun(StyledText(text), font: font, anchor: anchor), at: Point(x: px, y: baseline)))
    }
    if !spanningHeaders.isEmpty {
      for header in spanningHeaders where header.columns.lowerBound < edges.count {
        let left = edges[header.columns.lowerBound].left
        let r = edges[min(header.columns.upperBound, edges.count) - 1].right
        commands.append(.text(TextRun(StyledText(header.title), font: bold, anchor: .centerBaseline), at: Point(x: (left + r) / 2, y: y + ascent(bold))))
        commands.append(.stroke(.line(from: Point(x: left, y: y + lineHeight(bold)), to: Point(x: r, y: y + lineHeight(bold))), thin))
      }
      y += lineHeight(bold) + 2
    }
    // Column titles may run over several lines ("Group\n(n = 25)"); they sit on the rule.
    let headerLines = columns.indices.map { titleLines($0).count }.max() ?? 1
    for c in columns.indices {
      let lines = titleLines(c)
      for (i, line) in lines.enumerated() {
        place(line, bold, column: c, baseline: y + ascent(bold) + Double(headerLines - lines.count + i) * lineHeight(bold))
      }
    }
    y += lineHeight(bold) * Double(headerLines) + 1
    commands.append(.stroke(.line(from: Point(x: pad, y: y), to: Point(x: right, y: y)), thin))
    y += 2

    var baselines: [Double] = []
    for row in rows {
      let font = row.isBold ? bold : body
      let indent = Double(row.indent) * indentStep
      let firstLines = TextWrapping.lines(cell(row, 0), font: font, width: widths.first.map { $0 - indent } ?? 0, measurer: measurer)
      baselines.append(y + ascent(font))
      for (i, line) in firstLines.enumerated() {
        place(line, font, column: 0, baseline: y + ascent(font) + Double(i) * lineHeight(font), indent: indent)
      }
      for c in columns.indices.dropFirst() { place(cell(row, c), body, column: c, baseline: y + ascent(font)) }
      y += lineHeight(font) * Double(max(firstLines.count, 1))
    }
    y += 1
    commands.append(.stroke(.line(from: Point(x: pad, y: y), to: Point(x: right, y: y)), thick))
    y += 3
    for note in footnotes {
      for line in TextWrapping.lines(note, font: small, width: right - pad, measurer: measurer) {
        commands.append(.text(TextRun(StyledText(line), font: small, anchor: .leadingBaseline), at: Point(x: pad, y: y + ascent(small))))
        y += lineHeight(small)
      }
    }
    return ReportTableLayout(
      scene: Scene(size: Size(width: width, height: y + pad), background: .white, commands: [.group("table", commands)]),
      columnEdges: edges, rowBaselines: baselines)
  }
}
