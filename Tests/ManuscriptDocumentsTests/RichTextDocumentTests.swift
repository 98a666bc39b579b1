import FigureCore
import ManuscriptDocuments
import SurvivalFigures
import Testing

@Suite("RTF tables, listings and figures")
struct RichTextDocumentTests {
  static let table = ReportTable(
    columns: [
      .init("Group"), .init("Median (95% CI)", alignment: .trailing), .init(styled: .italic("P"), alignment: .trailing),
    ],
    rows: [
      .init(["Immunotherapy", "NR (74.4–NR)", "<0.001"]), .init(["No {immunotherapy}\\", "16.1 (11.0–20.3)", ""]),
    ],
    footnotes: ["NR, not reached; P by the log-rank test."])

  static func document(_ change: (inout RichTextDocument.Settings) -> Void = { _ in }) -> String {
    var settings = RichTextDocument.Settings()
    settings.population = "Population: all patients (N = 79)"
    change(&settings)
    return RichTextDocument(
      sections: [.init(titles: ["Table 2", "Overall survival"], blocks: [.table(table)])], settings: settings
    ).text
  }

  @Test("Title lines and the population in the page header with 'Page X of Y' fields; header rows repeat")
  func header() {
    let text = Self.document()
    #expect(text.hasPrefix("{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1\n"))
    #expect(
      text.contains(
        "\\qr Page {\\field{\\*\\fldinst PAGE}{\\fldrslt 1}} of {\\field{\\*\\fldinst NUMPAGES}{\\fldrslt 1}}\\par"))
    #expect(text.contains("\\qc\\b Table 2\\b0\\par"))
    #expect(text.contains("\\qc Population: all patients (N = 79)\\par"))
    #expect(text.contains("\\trhdr"))
    #expect(text.contains("{\\b\\i P}\\cell"))
    #expect(!text.contains("{\\footer"))
    #expect(!text.contains("\\landscape"))
  }

  @Test("Braces and backslashes are escaped, other characters as \\uN? with UTF-16 units")
  func escaping() {
    let text = Self.document()
    #expect(text.contains("No \\{immunotherapy\\}\\\\\\cell"))
    #expect(text.contains("16.1 (11.0\\u8211?20.3)"))
    #expect(text.utf8.allSatisfy { $0 < 0x80 })
  }

  @Test("Program, data cut and run time in the footer only when given; landscape and fixed pitch on request")
  func footer() {
    let text = Self.document {
      $0.program = "make tables"
      $0.dataCut = "2020-04-30"
      $0.isLandscape = true
      $0.isFixedPitch = true
    }
    #expect(
      text.contains(
        "{\\footer\\pard\\plain\\f1\\fs14\\brdrt\\brdrs\\brdrw10 Program: make tables    Data cut: 2020-04-30\\par}"))
    #expect(text.contains("\\paperw16838\\paperh11906"))
    #expect(text.contains("\\lndscpsxn"))
    #expect(text.contains("\\deff1"))
    #expect(Self.document() == Self.document())
  }
}
