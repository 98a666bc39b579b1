import FigureCore

/// Breaking running text (captions, footnotes) into lines that fit a width.
public enum TextWrapping {
  /// The lines of `text` set in `font` no wider than `width` points, broken at spaces; a word
  /// longer than the width gets a line of its own.
  ///
  /// - Complexity: O(w) measurements for w words.
  public static func lines(
    _ text: String, font: FontSpec, width: Double, measurer: some TextMeasuring
  ) -> [String] {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var current = ""
      for word in paragraph.split(separator: " ") {
        let candidate = current.isEmpty ? String(word) : current + " " + word
        if current.isEmpty || measurer.measure(StyledText(candidate), font: font).width <= width {
          current = candidate
        } else {
          lines.append(current)
          current = String(word)
        }
      }
      lines.append(current)
    }
    return lines
  }
}

extension TextWrapping {
  /// The lines of styled `text` no wider than `width` points, broken at spaces; each run keeps
  /// its style, and a word longer than the width gets a line of its own.
  ///
  /// - Complexity: O(w) measurements for w words.
  public static func lines(
    _ text: StyledText, font: FontSpec, width: Double, measurer: some TextMeasuring
  ) -> [StyledText] {
    // Words as lists of spans: a word may change style inside ("<i>P</i>-value").
    var words: [[StyledText.Span]] = [[]]
    for span in text.spans {
      let pieces = span.text.split(separator: " ", omittingEmptySubsequences: false)
      for (k, piece) in pieces.enumerated() {
        if k > 0, !(words.last?.isEmpty ?? true) { words.append([]) }
        guard !piece.isEmpty else { continue }
        var part = span
        part.text = String(piece)
        words[words.count - 1].append(part)
      }
    }
    words.removeAll { $0.isEmpty }
    guard !words.isEmpty else { return [text] }
    var lines: [StyledText] = []
    var current: [StyledText.Span] = []
    for word in words {
      guard !current.isEmpty else {
        current = word
        continue
      }
      var space = current[current.count - 1]
      space.text = " "
      let candidate = current + [space] + word
      if measurer.measure(StyledText(spans: candidate), font: font).width <= width {
        current = candidate
      } else {
        lines.append(StyledText(spans: current))
        current = word
      }
    }
    lines.append(StyledText(spans: current))
    return lines
  }
}
