import Testing

@testable import FigureCore

@Suite("P values in italics in running text")
struct StyledTextPValueTests {
  /// The italic characters of `text` once italicised.
  func italics(_ text: String) -> [String] {
    StyledText.italicizingP(text).spans.filter(\.isItalic).map(\.text)
  }

  @Test("a P before =, <, >, ≤, ≥, -value or 'for' is italic, and the text is unchanged")
  func italic() {
    for text in [
      "Log-rank P = 0.003.", "P < 0.001", "(P≥0.05)", "the P-value of the test", "P for interaction 0.41", "P>0.2",
    ] {
      #expect(italics(text) == ["P"], "\(text)")
      #expect(StyledText.italicizingP(text).plainText == text)
    }
  }

  @Test("a P inside a word or not before a statistic stays upright")
  func upright() {
    for text in ["PFS by arm", "HR-P = 2", "Group P", "P. Smith et al.", "PD-L1 ≥ 50%", "APP = 3"] {
      #expect(italics(text).isEmpty, "\(text)")
    }
  }

  @Test("a P that ends a wrapped line stays italic when its statistic begins the next")
  func acrossLines() {
    let lines = StyledText.italicizingP(lines: ["Survival by arm (log-rank P", "= 0.003); group P", "values"])
    #expect(lines.map { $0.spans.filter(\.isItalic).map(\.text) } == [["P"], [], []])
    #expect(lines.map(\.plainText) == ["Survival by arm (log-rank P", "= 0.003); group P", "values"])
  }
}
