/// Finds where a manuscript quotes a build's named numbers and whether it quotes them as the
/// build has them (`survfig check-text`).
///
/// A number is quoted after the words of its `quoted-after` phrases: each place a phrase
/// occurs (letter case, line breaks and runs of spaces aside) is followed by the quoted value.
/// The value's numbers are compared there, not its layout: the build's "0.13 (0.04–0.37)"
/// matches "0.13; 95% CI 0.04–0.37" and "0.13 (0.04-0.37)" — the numbers, in order, and their
/// comparison signs (`<0.001` is not `0.001`), a number followed by "% CI" or "% confidence"
/// (a confidence level) read as part of the words. A value without numbers ("NR") must follow
/// as words ("NR", or "not reached").
public struct QuotedNumberCheck: Sendable {
  /// A number of the build: its name, its text and where the build took it from.
  public struct NamedValue: Sendable {
    public var name: String
    public var text: String
    public var source: String
    public var quotedAfter: [String]
    public init(name: String, text: String, source: String, quotedAfter: [String]) {
      self.name = name
      self.text = text
      self.source = source
      self.quotedAfter = quotedAfter
    }
  }

  /// A place where the text quotes a named number.
  public struct Quote: Sendable, Hashable {
    public var name: String
    /// 1-based line (a Word document's paragraph) and column of the quoted value.
    public var line: Int
    public var column: Int
    /// What the build has.
    public var expected: String
    /// What the text says there.
    public var found: String
    public var isCurrent: Bool
  }

  public var quotes: [Quote] = []
  /// Names with `quoted-after` phrases found nowhere in the text.
  public var unquoted: [String] = []
  /// Names without `quoted-after` phrases (nothing to look for).
  public var unanchored: [String] = []

  public init(text: ManuscriptText, values: [NamedValue]) {
    let stream = TextStream(text)
    for value in values {
      guard !value.quotedAfter.isEmpty else {
        unanchored.append(value.name)
        continue
      }
      var found = false
      for phrase in value.quotedAfter {
        for end in stream.occurrences(of: phrase) {
          found = true
          quotes.append(stream.quote(value, at: end))
        }
      }
      if !found { unquoted.append(value.name) }
    }
    quotes.sort { ($0.line, $0.column, $0.name) < ($1.line, $1.column, $1.name) }
  }

  public var staleQuotes: [Quote] { quotes.filter { !$0.isCurrent } }
}

/// A number of a text: its comparison sign, its value and where it is in the stream.
struct QuotedNumeral: Equatable {
  var sign: Character?
  var value: Double
  var range: Range<Int>

  static func == (a: QuotedNumeral, b: QuotedNumeral) -> Bool {
    (a.sign ?? "=") == (b.sign ?? "=") && a.value == b.value
  }

  /// The numerals of `characters` from `start`, at most `limit`, within `window` characters.
  static func scan(_ characters: [Character], from start: Int, limit: Int, window: Int) -> [QuotedNumeral] {
    var out: [QuotedNumeral] = []
    var i = start
    let end = min(characters.count, start + window)
    while i < end && out.count < limit {
      let ch = characters[i]
      let startsNumber =
        ch.isASCII && ch.isNumber
        || (ch == "." && i + 1 < characters.count && characters[i + 1].isASCII && characters[i + 1].isNumber)
      guard startsNumber else {
        i += 1
        continue
      }
      var j = i
      var text = ""
      var hasPoint = false
      while j < characters.count,
        characters[j].isASCII && characters[j].isNumber
          || (characters[j] == "." && !hasPoint && j + 1 < characters.count && characters[j + 1].isASCII
            && characters[j + 1].isNumber)
      {
        if characters[j] == "." { hasPoint = true }
        text.append(characters[j])
        j += 1
      }
      var first = i
      // A minus sign directly before, not a dash between two numbers.
      if i > 0, characters[i - 1] == "-" || characters[i - 1] == "−", i < 2 || !(characters[i - 2].isNumber) {
        text = "-" + text
        first = i - 1
      }
      // A comparison sign before, spaces aside.
      var k = first - 1
      while k >= start && characters[k] == " " { k -= 1 }
      let sign: Character? = k >= start && "<>≤≥".contains(characters[k]) ? characters[k] : nil
      // A confidence level ("95% CI", "95 % confidence") is words, not a quoted number.
      var m = j
      while m < characters.count && characters[m] == " " { m += 1 }
      var isLevel = false
      if m < characters.count && characters[m] == "%" {
        m += 1
        while m < characters.count && characters[m] == " " { m += 1 }
        let next = String(characters[m..<min(characters.count, m + 10)]).lowercased()
        isLevel = next.hasPrefix("ci") || next.hasPrefix("confidence")
      }
      if !isLevel, let value = Double(text) {
        out.append(QuotedNumeral(sign: sign, value: value, range: (sign != nil ? k : first)..<j))
      }
      i = j
    }
    return out
  }
}
