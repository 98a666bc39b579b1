/// Text with inline styling: italic, bold, superscript and subscript runs.
///
/// Data strings enter as plain text (`StyledText("≥ 65 years")`) and are never interpreted as
/// markup. Annotations written by the figure code or by template authors may use a tiny markup
/// with four tags, `<i>`, `<b>`, `<sup>` and `<sub>` (`StyledText(markup: "<i>P</i> = 0.003")`);
/// any other `<` is literal text. Backends escape everything they pass on.
public struct StyledText: Hashable, Sendable, ExpressibleByStringLiteral {
  /// A run of text sharing one style.
  public struct Span: Hashable, Sendable {
    public enum BaselineShift: Hashable, Sendable { case none, superscript, `subscript` }
    public var text: String
    public var isItalic: Bool
    public var isBold: Bool
    public var shift: BaselineShift
    public init(
      _ text: String, isItalic: Bool = false, isBold: Bool = false,
      shift: BaselineShift = .none
    ) {
      self.text = text
      self.isItalic = isItalic
      self.isBold = isBold
      self.shift = shift
    }
  }

  public var spans: [Span]

  public init(spans: [Span]) { self.spans = spans.filter { !$0.text.isEmpty } }
  /// Plain text, taken literally.
  public init(_ text: String) { self.init(spans: [Span(text)]) }
  public init(stringLiteral value: String) { self.init(value) }

  /// The characters without styling.
  public var plainText: String { spans.map(\.text).joined() }
  public var isEmpty: Bool { spans.allSatisfy { $0.text.isEmpty } }

  public static func + (lhs: StyledText, rhs: StyledText) -> StyledText {
    StyledText(spans: lhs.spans + rhs.spans)
  }
  public static func italic(_ text: String) -> StyledText {
    StyledText(spans: [Span(text, isItalic: true)])
  }
  public static func bold(_ text: String) -> StyledText {
    StyledText(spans: [Span(text, isBold: true)])
  }
  public static func superscript(_ text: String) -> StyledText {
    StyledText(spans: [Span(text, shift: .superscript)])
  }
  public static func `subscript`(_ text: String) -> StyledText {
    StyledText(spans: [Span(text, shift: .subscript)])
  }

  /// Parses the four-tag markup. Tags nest; an unknown or unbalanced tag is kept as literal
  /// text, so no input can fail or vanish.
  public init(markup: String) {
    var spans: [Span] = []
    var italic = 0
    var bold = 0
    var shifts: [Span.BaselineShift] = []
    var current = ""
    func flush() {
      guard !current.isEmpty else { return }
      spans.append(
        Span(current, isItalic: italic > 0, isBold: bold > 0, shift: shifts.last ?? .none))
      current = ""
    }
    let tags: [(String, (inout Int, inout Int, inout [Span.BaselineShift]) -> Bool)] = [
      (
        "<i>",
        { i, _, _ in
          i += 1
          return true
        }
      ),
      (
        "</i>",
        { i, _, _ in
          guard i > 0 else { return false }
          i -= 1
          return true
        }
      ),
      (
        "<b>",
        { _, b, _ in
          b += 1
          return true
        }
      ),
      (
        "</b>",
        { _, b, _ in
          guard b > 0 else { return false }
          b -= 1
          return true
        }
      ),
      (
        "<sup>",
        { _, _, s in
          s.append(.superscript)
          return true
        }
      ),
      (
        "</sup>",
        { _, _, s in
          guard s.last == .superscript else { return false }
          s.removeLast()
          return true
        }
      ),
      (
        "<sub>",
        { _, _, s in
          s.append(.subscript)
          return true
        }
      ),
      (
        "</sub>",
        { _, _, s in
          guard s.last == .subscript else { return false }
          s.removeLast()
          return true
        }
      ),
    ]
    var rest = Substring(markup)
    outer: while let c = rest.first {
      if c == "<" {
        for (tag, apply) in tags where rest.hasPrefix(tag) {
          var (i, b, s) = (italic, bold, shifts)
          if apply(&i, &b, &s) {
            flush()
            (italic, bold, shifts) = (i, b, s)
            rest = rest.dropFirst(tag.count)
            continue outer
          }
        }
      }
      current.append(c)
      rest = rest.dropFirst()
    }
    flush()
    self.init(spans: spans)
  }
}
