/// A manuscript's lines as one stream of characters for matching: line breaks and runs of
/// spaces (tabs, no-break and thin spaces, LaTeX's `~`) as one space; in LaTeX, `--` as an
/// en dash, `\textless{}`, `\textgreater{}`, `\le`, `\ge`, `\%` and math shifts (`$`) as what
/// they print; each character remembering its line and column.
struct TextStream {
  /// The characters as written (after the replacements above).
  var characters: [Character] = []
  /// The same, lower-cased, for matching phrases.
  var folded: [Character] = []
  /// 1-based line and column of each character.
  var places: [(line: Int, column: Int)] = []

  static let latexReplacements: [(String, Character?)] = [
    ("\\textless{}", "<"), ("\\textgreater{}", ">"), ("\\textless", "<"), ("\\textgreater", ">"), ("\\leq", "≤"),
    ("\\geq", "≥"), ("\\le", "≤"), ("\\ge", "≥"), ("\\%", "%"), ("---", "—"), ("--", "–"), ("$", nil), ("~", " "),
    ("\\,", " "),
  ]

  init(_ text: ManuscriptText) {
    for (index, line) in text.lines.enumerated() {
      let chars = Array(line)
      var j = 0
      while j < chars.count {
        var replacement: Character? = chars[j]
        var length = 1
        if text.kind == .latex {
          for (sequence, character) in Self.latexReplacements where Self.matches(chars, at: j, sequence) {
            replacement = character
            length = sequence.count
            break
          }
        }
        if let ch = replacement { append(ch, line: index + 1, column: j + 1) }
        j += length
      }
      append(" ", line: index + 1, column: chars.count + 1)
    }
  }

  static func matches(_ chars: [Character], at index: Int, _ sequence: String) -> Bool {
    var i = index
    for ch in sequence {
      guard i < chars.count, chars[i] == ch else { return false }
      i += 1
    }
    return true
  }

  mutating func append(_ ch: Character, line: Int, column: Int) {
    let isSpace = ch.isWhitespace || ch == "\u{00A0}" || ch == "\u{2009}" || ch == "\u{202F}"
    if isSpace && (characters.last == " " || characters.isEmpty) { return }
    let shown: Character = isSpace ? " " : ch
    characters.append(shown)
    folded.append(Character(String(shown).lowercased()))
    places.append((line, column))
  }

  /// The stream positions just after each occurrence of `phrase` (spaces folded, any case).
  func occurrences(of phrase: String) -> [Int] {
    var needle: [Character] = []
    for ch in phrase.lowercased() {
      let isSpace = ch.isWhitespace
      if isSpace && (needle.last == " " || needle.isEmpty) { continue }
      needle.append(isSpace ? " " : ch)
    }
    while needle.last == " " { needle.removeLast() }
    guard !needle.isEmpty, needle.count <= folded.count else { return [] }
    var ends: [Int] = []
    var i = 0
    while i + needle.count <= folded.count {
      if folded[i] == needle[0] && Array(folded[i..<(i + needle.count)]) == needle {
        ends.append(i + needle.count)
        i += needle.count
      } else {
        i += 1
      }
    }
    return ends
  }

  /// How the text quotes `value` from `position`.
  func quote(_ value: QuotedNumberCheck.NamedValue, at position: Int) -> QuotedNumberCheck.Quote {
    let expected = QuotedNumeral.scan(Array(value.text), from: 0, limit: .max, window: .max)
    var start = position
    while start < characters.count && " :=(".contains(characters[start]) { start += 1 }
    let place = start < places.count ? places[start] : places.last ?? (1, 1)
    if expected.isEmpty {
      // Words: "NR", "not reached".
      let words = String(folded[start..<min(folded.count, start + 40)])
      let wanted = value.text.lowercased()
      let isCurrent = words.hasPrefix(wanted) || (wanted == "nr" && words.hasPrefix("not reached"))
      let shown = String(characters[start..<min(characters.count, start + max(value.text.count, 11))])
      return .init(
        name: value.name, line: place.line, column: place.column, expected: value.text,
        found: isCurrent ? value.text : shown.trimmingTrailingSpaces, isCurrent: isCurrent)
    }
    let found = QuotedNumeral.scan(characters, from: start, limit: expected.count, window: 80)
    let isCurrent = found == expected
    let shown: String
    if let first = found.first, let last = found.last {
      shown = String(characters[first.range.lowerBound..<last.range.upperBound])
      let at = places[first.range.lowerBound]
      return .init(
        name: value.name, line: at.line, column: at.column, expected: value.text, found: shown, isCurrent: isCurrent)
    }
    shown = String(characters[start..<min(characters.count, start + 20)]).trimmingTrailingSpaces
    return .init(
      name: value.name, line: place.line, column: place.column, expected: value.text,
      found: shown.isEmpty ? "nothing" : shown, isCurrent: false)
  }
}

extension String {
  var trimmingTrailingSpaces: String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
