import ManuscriptDocuments
import Testing

@Suite("Quoted numbers of a manuscript")
struct QuotedNumberCheckTests {
  static let values = [
    QuotedNumberCheck.NamedValue(
      name: "hr", text: "0.13 (0.04–0.37)", source: "t.rows[Immunotherapy/Yes][HR]", quotedAfter: ["immunotherapy (HR"]),
    QuotedNumberCheck.NamedValue(name: "p", text: "<0.001", source: "t.p", quotedAfter: ["factor for death, with"]),
    QuotedNumberCheck.NamedValue(
      name: "median", text: "NR", source: "f.median", quotedAfter: ["with immunotherapy (median"]),
    QuotedNumberCheck.NamedValue(name: "n", text: "79", source: "f.n", quotedAfter: []),
  ]

  static func check(_ text: String, kind: ManuscriptText.Kind = .plain) -> QuotedNumberCheck {
    QuotedNumberCheck(
      text: ManuscriptText(
        lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), kind: kind),
      values: values)
  }

  @Test(
    "Numbers match in order whatever their layout: '0.13; 95% CI 0.04-0.37' quotes '0.13 (0.04–0.37)', across a line break"
  )
  func current() {
    let check = Self.check(
      "Multivariate analysis revealed immunotherapy\n(HR 0.13; 95% CI 0.04-0.37) as an independent prognostic factor for death, with P < 0.001.\nWith immunotherapy (median not reached)."
    )
    #expect(check.staleQuotes.isEmpty)
    #expect(check.quotes.map(\.name) == ["hr", "p", "median"])
    #expect(check.unanchored == ["n"])
  }

  @Test("A stale number is reported at its line and column with what the text says")
  func stale() throws {
    let check = Self.check(
      "Intro.\nrevealed immunotherapy (HR 0.28; 95% CI 0.11–0.74) as an independent prognostic factor for death, with P = 0.008."
    )
    let stale = check.staleQuotes
    #expect(stale.count == 2)
    let hr = try #require(stale.first { $0.name == "hr" })
    #expect(hr.line == 2 && hr.column == 28)
    #expect(hr.found == "0.28; 95% CI 0.11–0.74")
    let p = try #require(stale.first { $0.name == "p" })
    #expect(p.found == "0.008")
    #expect(check.unquoted == ["median"])
  }

  @Test("A comparison sign is part of the number: 'P = 0.001' does not quote '<0.001'")
  func sign() {
    #expect(Self.check("factor for death, with P = 0.001").staleQuotes.map(\.name) == ["p"])
    #expect(Self.check("factor for death, with P<0.001").staleQuotes.isEmpty)
  }

  @Test("LaTeX: '--' is an en dash, '\\textless{}' and '$<$' a less-than sign, '~' a space")
  func latex() {
    let check = Self.check(
      "immunotherapy~(HR 0.13; 95\\% CI 0.04--0.37) as an independent prognostic factor for death, with $P \\textless{} 0.001$",
      kind: .latex)
    #expect(check.staleQuotes.isEmpty)
    #expect(check.quotes.count == 2)
  }

  @Test("A Word document's paragraphs are its lines, its runs joined and entities decoded")
  func word() throws {
    let document = WordDocument(blocks: [
      .paragraph(DocumentParagraph("Title")),
      .paragraph(DocumentParagraph("revealed immunotherapy (HR 0.13 (0.04–0.37) & more")),
    ])
    let text = try ManuscriptText(bytes: document.bytes, fileExtension: "docx")
    #expect(text.lines == ["Title", "revealed immunotherapy (HR 0.13 (0.04–0.37) & more"])
    let check = QuotedNumberCheck(text: text, values: Self.values)
    #expect(check.quotes.first?.line == 2)
    #expect(check.staleQuotes.isEmpty)
  }
}
