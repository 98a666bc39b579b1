import FigureCore

extension _KaplanMeierLayoutEngine {
  /// The inset's blocks: a heading with the lines after it, or the lines before the first
  /// heading ("Log-rank P < 0.001"), as indices into the annotations.
  var insetBlocks: [[Int]] {
    var blocks: [[Int]] = []
    for i in options.annotations.indices {
      if blocks.isEmpty || options.annotationHeadings.contains(i) { blocks.append([]) }
      blocks[blocks.count - 1].append(i)
    }
    return blocks
  }

  func insetLinesWidth(_ lines: [Int]) -> Double {
    lines.map { width(options.annotations[$0], theme.font) }.max() ?? 0
  }

  /// The box of `lines` inside the plot, with a margin of 3 × 2 pt.
  func insetBox(_ lines: [Int]) -> Size {
    Size(
      width: insetLinesWidth(lines) + 6, height: Double(lines.count) * lineHeight(theme.font) + 4)
  }

  /// `lines` flowed into columns, top to bottom then left to right, 12 pt apart: the fewest
  /// rows whose columns fit in `maxWidth` (one column when none do). A column never ends with
  /// a heading, which moves to the top of the next column.
  ///
  /// - Complexity: O(n²) for n lines, measured once each.
  func flow(_ lines: [Int], maxWidth: Double) -> (columns: [[Int]], xs: [Double]) {
    let widths = Dictionary(
      uniqueKeysWithValues: lines.map { ($0, width(options.annotations[$0], theme.font)) })
    let gap = 12.0
    var chosen = [lines]
    for rows in 1...max(lines.count, 1) {
      var columns: [[Int]] = [[]]
      for (k, i) in lines.enumerated() {
        let count = columns[columns.count - 1].count
        let isHeading = options.annotationHeadings.contains(i) && k + 1 < lines.count
        if count == rows || (isHeading && count > 0 && count == rows - 1) { columns.append([]) }
        columns[columns.count - 1].append(i)
      }
      let total =
        columns.map { $0.map { widths[$0] ?? 0 }.max() ?? 0 }.reduce(0, +) + gap
        * Double(columns.count - 1)
      if total <= maxWidth {
        chosen = columns
        break
      }
    }
    var xs: [Double] = []
    var x = 0.0
    for column in chosen {
      xs.append(x)
      x += (column.map { widths[$0] ?? 0 }.max() ?? 0) + gap
    }
    return (chosen, xs)
  }

  /// Texts of the inset lines `lines`, one under the other from `origin` (their top-left).
  func annotationCommands(_ lines: [Int], at origin: Point) -> [DrawCommand] {
    let body = theme.font
    let lh = lineHeight(body)
    return lines.enumerated().map { k, i in
      .text(
        TextRun(options.annotations[i], font: body, color: theme.textColor, anchor: .leadingMiddle),
        at: Point(x: origin.x, y: origin.y + lh * (Double(k) + 0.5)))
    }
  }

  /// The first corner of `plot` where a box of `size` touches no curve and no occupied area,
  /// and which corner it is; an explicit corner is taken as given.
  func place(
    _ size: Size, in plot: Rect, geometries: [StepCurveGeometry], markSize: Double,
    avoiding occupied: [Rect], preferred: LegendPlacement
  ) -> (Rect, LegendPlacement)? {
    let inset = 4.0
    func rect(_ corner: LegendPlacement) -> Rect {
      let x =
        (corner == .topLeft || corner == .bottomLeft)
        ? plot.minX + inset + 2 : plot.maxX - inset - size.width
      let y =
        (corner == .topLeft || corner == .topRight)
        ? plot.minY + inset : plot.maxY - inset - size.height
      return Rect(x: x, y: y, width: size.width, height: size.height)
    }
    let order: [LegendPlacement]
    switch preferred {
    case .topRight, .topLeft, .bottomRight, .bottomLeft: return (rect(preferred), preferred)
    default: order = [.topRight, .bottomLeft, .bottomRight, .topLeft]
    }
    // In each corner, the corner itself, then stacked under (or over) a box already there.
    for corner in order {
      let base = rect(corner)
      let isTop = corner == .topLeft || corner == .topRight
      let stacked = occupied.map { box in
        Rect(
          x: base.minX, y: isTop ? box.maxY + 2 : box.minY - 2 - size.height,
          width: size.width, height: size.height)
      }
      for r in [base] + stacked {
        guard r.width <= plot.width - 2 * inset, r.minY >= plot.minY + inset - 1e-9,
          r.maxY <= plot.maxY - inset + 1e-9
        else { continue }
        if occupied.contains(where: { $0.intersects(r) }) { continue }
        if geometries.contains(where: { $0.intersects(r, markRadius: markSize / 2) }) { continue }
        return (r, corner)
      }
    }
    return nil
  }
}
