extension StyledText {
  /// `text` with every statistical *P* in italics, as figure insets set it: a capital P
  /// standing alone as a word and followed (after spaces) by `=`, `<`, `>`, `≤`, `≥`, `-value`
  /// or ` for` ("P = 0.003", "P < 0.001", "log-rank P-value", "P for interaction"). Every other
  /// character, and a P inside a word ("PFS", "HR-P"), stays upright.
  ///
  /// - Complexity: O(n) in the characters of `text`.
  public static func italicizingP(_ text: String) -> StyledText { italicizingP(lines: [text])[0] }

  /// The lines of a wrapped text with every statistical *P* in italics, as
  /// ``italicizingP(_:)`` finds them in the lines read as one text: a *P* that ends a line stays
  /// italic when its `= 0.003` begins the next.
  public static func italicizingP(lines: [String]) -> [StyledText] {
    let characters = Array(lines.joined(separator: " "))
    var offset = 0
    return lines.map { line in
      var spans: [Span] = []
      var plain = ""
      for c in line {
        if c == "P", isWordStart(characters, offset), isFollowedByStatistic(characters, after: offset) {
          spans.append(Span(plain))
          spans.append(Span("P", isItalic: true))
          plain = ""
        } else {
          plain.append(c)
        }
        offset += 1
      }
      offset += 1
      spans.append(Span(plain))
      return StyledText(spans: spans)
    }
  }

  private static func isWordStart(_ characters: [Character], _ i: Int) -> Bool {
    i == 0 || !(characters[i - 1].isLetter || characters[i - 1].isNumber || characters[i - 1] == "-")
  }

  private static func isFollowedByStatistic(_ characters: [Character], after i: Int) -> Bool {
    var j = i + 1
    if j < characters.count, characters[j] == "-" {
      return String(characters[j..<min(j + 6, characters.count)]) == "-value"
    }
    guard j == characters.count || !(characters[j].isLetter || characters[j].isNumber) else { return false }
    while j < characters.count, characters[j] == " " || characters[j] == "\u{00A0}" { j += 1 }
    guard j < characters.count else { return false }
    if "=<>≤≥".contains(characters[j]) { return true }
    return String(characters[j..<min(j + 4, characters.count)]) == "for "
  }
}
