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
  /// the first column wrapped when the table would be wider than `width`, footnotes below (their *P* values in italics).
  ///
  /// - Parameters:
  ///   - width: The text width in points; the scene is this wide.
  ///   - fontSize: Body type size in points (headers bold, footnotes 1 pt smaller).
  public func layout(
    width: Double, fontSize: Double = 8, family: FontFamily = .sans, measurer: some TextMeasuring
  ) -> ReportTableLayout {
    // Smaller type, down to 6 pt, while the columns other than the first do not fit.
    let size = fittingFontSize(width: width, largest: fontSize, smallest: 6, family: family, measurer: measurer) ?? 6
    return layout(width: width, exactFontSize: size, family: family, measurer: measurer)
  }

  /// The largest body size from `largest` down to `smallest`, in steps of half a point, at
  /// which the columns after the first fit `width` beside a first column of up to 170 pt
  /// (wrapped when longer); nil when they do not fit even at `smallest`.
  ///
  /// A report sets all its tables in the smallest of their sizes, so that they share one type
  /// size as a journal sets them.
  public func fittingFontSize(
    width: Double, largest: Double, smallest: Double, family: FontFamily = .sans, measurer: some TextMeasuring
  ) -> Double? {
    var size = largest
    while naturalWidth(fontSize: size, family: family, measurer: measurer) > width - 4 {
      guard size - 0.5 >= smallest - 1e-9 else { return nil }
      size -= 0.5
    }
    return size
  }

  /// The width the table needs at `fontSize`: the columns after the first at their narrowest
  /// (cells, or the longest word of a header that wraps), beside a first column of up to 170 pt.
  func naturalWidth(fontSize: Double, family: FontFamily = .sans, measurer: some TextMeasuring) -> Double {
    let extents = columnExtents(fontSize: fontSize, family: family, measurer: measurer)
    let gap = fontSize * 1.2
    let others = columns.indices.dropFirst().reduce(0.0) { $0 + extents.narrowest[$1] + gap }
    return min(extents.natural.first ?? 0, 170) + others
  }

  /// Per column, its natural width (widest header line or cell), its width with each header
  /// line broken into two balanced lines, and its narrowest (widest cell, or the header's
  /// longest word when that is wider).
  func columnExtents(fontSize: Double, family: FontFamily = .sans, measurer: some TextMeasuring)
    -> (natural: [Double], twoLines: [Double], narrowest: [Double], twoLineHeaders: [[StyledText]])
  {
    let body = FontSpec(size: fontSize, family: family)
    let bold = body.bold()
    var natural: [Double] = []
    var twoLines: [Double] = []
    var narrowest: [Double] = []
    var twoLineHeaders: [[StyledText]] = []
    for c in columns.indices {
      let cells =
        rows.map { r in
          measurer.measure(StyledText(cell(r, c)), font: c == 0 && r.isBold ? bold : body).width
            + (c == 0 ? Double(r.indent) * fontSize : 0)
        }.max() ?? 0
      let lines = columns[c].titleLines
      let header = lines.map { measurer.measure($0, font: bold).width }.max() ?? 0
      let words = lines.map { TextWrapping.lines($0, font: bold, width: 0, measurer: measurer) }
      let word = words.joined().map { measurer.measure($0, font: bold).width }.max() ?? 0
      // Each header line broken in two where the wider half is narrowest, or before a
      // parenthesis ("Median" / "(95% CI)") when that is at most a quarter wider.
      func joined(_ part: ArraySlice<StyledText>) -> StyledText {
        part.dropFirst().reduce(part.first ?? "") { $0 + " " + $1 }
      }
      func width(_ part: ArraySlice<StyledText>) -> Double { measurer.measure(joined(part), font: bold).width }
      let splits = words.map { line -> (width: Double, lines: [StyledText]) in
        guard line.count > 1 else { return (width(line[...]), [joined(line[...])]) }
        let costs = (1..<line.count).map { (k: $0, width: max(width(line[..<$0]), width(line[$0...]))) }
        let best = costs.min { $0.width < $1.width }!
        let allowed = max(best.width * 1.25, cells)
        let chosen =
          costs.first { $0.width <= allowed + 1e-9 && line[$0.k].plainText.hasPrefix("(") } ?? best
        return (chosen.width, [joined(line[..<chosen.k]), joined(line[chosen.k...])])
      }
      natural.append(max(header, cells))
      twoLines.append(max(splits.map(\.width).max() ?? 0, cells))
      twoLineHeaders.append(splits.flatMap(\.lines))
      narrowest.append(max(word, cells))
    }
    return (natural, twoLines, narrowest, twoLineHeaders)
  }

  /// Column widths for a table at most `available` points wide, and the lines of each header:
  /// each column as wide as its widest header line or cell; when that is too wide, every header
  /// wider than its cells is broken into two balanced lines (so that similar headers break
  /// alike), then into more where still needed (the most to gain first), and then the first
  /// column gives way.
  func columnWidths(available: Double, fontSize: Double, family: FontFamily = .sans, measurer: some TextMeasuring)
    -> (widths: [Double], headers: [[StyledText]])
  {
    let bold = FontSpec(size: fontSize, family: family).bold()
    let gap = fontSize * 1.2
    let extents = columnExtents(fontSize: fontSize, family: family, measurer: measurer)
    var widths = extents.natural
    func total() -> Double { widths.reduce(0, +) + gap * Double(max(columns.count - 1, 0)) }
    if total() > available {
      for c in columns.indices.dropFirst() { widths[c] = min(widths[c], extents.twoLines[c]) }
    }
    for c in columns.indices.dropFirst().sorted(by: {
      widths[$0] - extents.narrowest[$0] > widths[$1] - extents.narrowest[$1]
    })
    where total() > available {
      widths[c] = max(extents.narrowest[c], widths[c] - (total() - available))
    }
    if let first = widths.first, total() > available {
      widths[0] = max(first - (total() - available), available * 0.25)
    }
    let headers = columns.indices.map { c -> [StyledText] in
      if widths[c] >= extents.natural[c] - 1e-9 { return columns[c].titleLines }
      if widths[c] >= extents.twoLines[c] - 1e-9 { return extents.twoLineHeaders[c] }
      return columns[c].titleLines.flatMap {
        TextWrapping.lines($0, font: bold, width: widths[c] + 1e-9, measurer: measurer)
      }
    }
    return (widths, headers)
  }

  /// The table typeset at exactly `fontSize` (see ``layout(width:fontSize:measurer:)``).
  public func layout(
    width: Double, exactFontSize fontSize: Double, family: FontFamily = .sans, measurer: some TextMeasuring
  ) -> ReportTableLayout {
    let body = FontSpec(size: fontSize, family: family)
    let bold = body.bold()
    let small = FontSpec(size: max(fontSize - 1, 6), family: family)
    let gap = fontSize * 1.2
    let indentStep = fontSize
    let pad = 2.0
    func lineHeight(_ font: FontSpec) -> Double {
      let m = measurer.measure("Ag", font: font)
      return (m.ascent + m.descent) * 1.25
    }
    func ascent(_ font: FontSpec) -> Double { measurer.measure("Ag", font: font).ascent }

    // Column widths: widest header or cell; headers wrap, then the first column gives way,
    // when the table is too wide.
    let (widths, headers) = columnWidths(
      available: width - 2 * pad, fontSize: fontSize, family: family, measurer: measurer)
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
        commands.append(
          .text(TextRun(StyledText(line), font: bold, anchor: .leadingBaseline), at: Point(x: pad, y: y + ascent(bold)))
        )
        y += lineHeight(bold)
      }
      y += 2
    }
    commands.append(.stroke(.line(from: Point(x: pad, y: y), to: Point(x: right, y: y)), thick))
    y += 2
    func place(_ text: String, _ font: FontSpec, column c: Int, baseline: Double, indent: Double = 0) {
      place(StyledText(text), font, column: c, baseline: baseline, indent: indent)
    }
    func place(_ text: StyledText, _ font: FontSpec, column c: Int, baseline: Double, indent: Double = 0) {
      let (left, rightEdge) = edges[c]
      let (anchor, px): (TextAnchor, Double)
      switch columns[c].alignment {
      case .leading: (anchor, px) = (.leadingBaseline, left + indent)
      case .center: (anchor, px) = (.centerBaseline, (left + rightEdge) / 2)
      case .trailing: (anchor, px) = (.trailingBaseline, rightEdge)
      }
      commands.append(.text(TextRun(text, font: font, anchor: anchor), at: Point(x: px, y: baseline)))
    }
    if !spanningHeaders.isEmpty {
      for header in spanningHeaders where header.columns.lowerBound < edges.count {
        let left = edges[header.columns.lowerBound].left
        let r = edges[min(header.columns.upperBound, edges.count) - 1].right
        commands.append(
          .text(
            TextRun(StyledText(header.title), font: bold, anchor: .centerBaseline),
            at: Point(x: (left + r) / 2, y: y + ascent(bold))))
        commands.append(
          .stroke(.line(from: Point(x: left, y: y + lineHeight(bold)), to: Point(x: r, y: y + lineHeight(bold))), thin))
      }
      y += lineHeight(bold) + 2
    }
    // Column titles may run over several lines ("Group\n(n = 25)"); they sit on the rule.
    let headerLines = headers.map(\.count).max() ?? 1
    for c in columns.indices {
      for (i, line) in headers[c].enumerated() {
        place(
          line, bold, column: c,
          baseline: y + ascent(bold) + Double(headerLines - headers[c].count + i) * lineHeight(bold))
      }
    }
    y += lineHeight(bold) * Double(headerLines) + 1
    commands.append(.stroke(.line(from: Point(x: pad, y: y), to: Point(x: right, y: y)), thin))
    y += 2

    var baselines: [Double] = []
    for row in rows {
      let font = row.isBold ? bold : body
      let indent = Double(row.indent) * indentStep
      let firstLines = TextWrapping.lines(
        cell(row, 0), font: font, width: widths.first.map { $0 - indent } ?? 0, measurer: measurer)
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
      let lines = TextWrapping.lines(note, font: small, width: right - pad, measurer: measurer)
      for line in StyledText.italicizingP(lines: lines) {
        commands.append(
          .text(
            TextRun(line, font: small, anchor: .leadingBaseline),
            at: Point(x: pad, y: y + ascent(small))))
        y += lineHeight(small)
      }
    }
    return ReportTableLayout(
      scene: Scene(
        size: Size(width: width, height: y + pad), background: .white, commands: [.group("table", commands)]),
      columnEdges: edges, rowBaselines: baselines)
  }
}
