import FigureCore

extension _SwimmerLayoutEngine {
  /// One legend entry: its key (a bar swatch, a marker, an arrow or a line) and its label.
  enum LegendKey {
    case bar(Int)
    case marker(Int)
    case arrow
    case line
  }

  var legendEntries: [[(LegendKey, String)]] {
    var groups: [(LegendKey, String)] = []
    if groupCount > 1 || !figure.groups.isEmpty {
      groups = (0..<groupCount).map { (.bar($0), groupLabel($0)) }
    }
    var marks: [(LegendKey, String)] = figure.eventKinds.indices.map { (.marker($0), figure.eventKinds[$0].label) }
    if figure.lanes.contains(where: { !$0.responses.isEmpty }) { marks.append((.line, options.responseLabel)) }
    if figure.lanes.contains(where: \.isOngoing) { marks.append((.arrow, options.ongoingLabel)) }
    return [groups, marks].filter { !$0.isEmpty }
  }

  /// The legend above the plot: bar swatches on the first row(s), markers, the response line
  /// and the ongoing arrow after them, wrapped to `maxWidth`.
  func legendCommands(origin: Point, maxWidth: Double) -> (commands: [DrawCommand], labels: [String], rect: Rect) {
    let font = theme.font
    let rowHeight = lineHeight(font)
    let keyWidth = theme.fontSize * 1.9
    let keyHeight = theme.fontSize * 0.9
    var out: [DrawCommand] = []
    var labels: [String] = []
    var x = origin.x
    var y = origin.y
    var widest = 0.0
    for (section, entries) in legendEntries.enumerated() {
      if section > 0 {
        x = origin.x
        y += rowHeight
      }
      if section == 0, let title = options.legendTitle, case .bar = entries.first?.0 {
        let run = StyledText(title + ":")
        out.append(
          .text(
            TextRun(run, font: font.bold(), color: theme.textColor, anchor: .leadingMiddle),
            at: Point(x: x, y: y + rowHeight / 2)))
        x += width(run, font.bold()) + 6
      }
      for (key, label) in entries {
        let text = StyledText(label)
        let entryWidth = keyWidth + 3 + width(text, font)
        if x > origin.x, x + entryWidth > origin.x + maxWidth {
          x = origin.x
          y += rowHeight
        }
        let mid = y + rowHeight / 2
        let keyRect = Rect(x: x, y: mid - keyHeight / 2, width: keyWidth, height: keyHeight)
        out.append(.group("legend-key:\(label)", legendKey(key, in: keyRect)))
        out.append(
          .text(
            TextRun(text, font: font, color: theme.textColor, anchor: .leadingMiddle),
            at: Point(x: keyRect.maxX + 3, y: mid)))
        labels.append(label)
        x += entryWidth
        widest = max(widest, x - origin.x)
        x += 10
      }
    }
    let height = labels.isEmpty ? 0 : y + rowHeight - origin.y
    return (out, labels, Rect(x: origin.x, y: origin.y, width: widest, height: height))
  }

  func legendKey(_ key: LegendKey, in rect: Rect) -> [DrawCommand] {
    switch key {
    case .bar(let g):
      let s = style(g)
      return [
        .fill(.rect(rect), s.paint(spacing: patternSpacing(rect.height))),
        .stroke(.rect(rect), StrokeStyle(color: s.color, width: 0.5)),
      ]
    case .marker(let k):
      return marker(kind(k), at: Point(x: rect.midX, y: rect.midY), size: markerSize(rect.height * 0.85))
    case .arrow:
      let bar = Rect(x: rect.minX, y: rect.midY - rect.height * 0.3, width: rect.width * 0.5, height: rect.height * 0.6)
      return [
        .fill(.rect(bar), .solid(Color(red: 0.8, green: 0.8, blue: 0.8))),
        .fill(arrow(at: Point(x: bar.maxX + 1, y: bar.midY), size: bar.height), .solid(theme.axisColor)),
      ]
    case .line:
      return [
        .stroke(
          .line(from: Point(x: rect.minX, y: rect.midY), to: Point(x: rect.maxX, y: rect.midY)),
          StrokeStyle(color: theme.axisColor, width: responseLineWidth(rect.height)))
      ]
    }
  }
}
