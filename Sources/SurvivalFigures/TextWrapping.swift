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
