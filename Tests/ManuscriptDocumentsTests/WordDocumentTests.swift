import FigureCore
import Foundation
import ManuscriptDocuments
import SurvivalFigures
import Testing

@Suite("Word documents")
struct WordDocumentTests {
  static let table = ReportTable(
    title: "Table 2. Cox models",
    columns: [
      .init("Variable"), .init("HR (95% CI)", alignment: .trailing),
      .init(styled: .italic("P"), alignment: .trailing),
    ],
    spanningHeaders: [.init("Multivariable", columns: 1..<3)],
    rows: [.init(["Immunotherapy", "", ""], isBold: true), .init(["Yes", "0.28 (0.11–0.74)", "0.008"], indent: 1)],
    footnotes: ["HR, hazard ratio; P by the Wald test & <tests>."])

  static func part(_ document: [UInt8], _ name: String) throws -> String {
    String(decoding: try #require(try ZipReader(document).entry(name)), as: UTF8.self)
  }

  @Test("CRC-32 of '123456789' is 0xCBF43926 (the check value of ISO 3309)")
  func crc() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
  }

  @Test("A stored ZIP reads back entry by entry, in order, and is the same bytes when written twice")
  func zipRoundTrip() throws {
    var zip = StoredZip()
    zip.add("[Content_Types].xml", text: "<Types/>")
    zip.add("word/média.bin", Array(0..<255))
    let reader = try ZipReader(zip.bytes)
    #expect(reader.names == ["[Content_Types].xml", "word/média.bin"])
    #expect(try reader.entry("word/média.bin") == Array(0..<255))
    #expect(try reader.entry("missing") == nil)
    #expect(zip.bytes == zip.bytes)
  }

  @Test("Bytes that are not a ZIP archive are refused with a sentence")
  func notZip() {
    #expect(throws: ZipReader.Problem(message: "it is not a ZIP archive (no end of central directory)")) {
      try ZipReader(Array(repeating: 0x41, count: 100))
    }
  }

  @Test(
    "A table is a Word table: bold header repeated on each page, italic P, spanning header, indented levels, footnotes")
  func wordTable() throws {
    let bytes = WordDocument.table(Self.table, fontFamily: "Arial").bytes
    let reader = try ZipReader(bytes)
    #expect(
      reader.names == [
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml", "word/styles.xml",
        "word/settings.xml", "word/_rels/document.xml.rels",
      ])
    let xml = try Self.part(bytes, "word/document.xml")
    #expect(xml.contains("<w:tblHeader/>"))
    #expect(xml.contains("<w:gridSpan w:val=\"2\"/>"))
    #expect(xml.contains("<w:rPr><w:b/><w:i/><w:sz w:val=\"20\"/></w:rPr><w:t xml:space=\"preserve\">P</w:t>"))
    #expect(xml.contains("<w:ind w:left=\"142\"/>"))
    #expect(xml.contains("Wald test &amp; &lt;tests&gt;."))
    #expect(xml.contains("<w:t xml:space=\"preserve\">Table 2. Cox models</w:t>"))
    #expect(!xml.contains("w:orient=\"landscape\""))
    #expect(try Self.part(bytes, "docProps/core.xml").contains("<dc:title>Table 2. Cox models</dc:title>"))
    #expect(bytes == WordDocument.table(Self.table, fontFamily: "Arial").bytes)
  }

  @Test("Numbers with decimals align on their decimal point: a right stop before it, a left stop after it")
  func decimalAlignment() throws {
    let table = ReportTable(
      columns: [.init("Group"), .init("n", alignment: .trailing), .init("At 1 year, %", alignment: .trailing)],
      rows: [.init(["A", "63", "84.1 (75.5–93.6)"]), .init(["B", "1", "0.0"]), .init(["C", "2", "NE"])])
    let xml = try Self.part(WordDocument.table(table, fontFamily: "Arial").bytes, "word/document.xml")
    let stops = xml.ranges(of: "<w:tab w:val=\"right\" w:pos=\"").count
    #expect(stops == 3, "one decimal-aligned column of three cells")
    let tab = "<w:r><w:rPr><w:sz w:val=\"20\"/></w:rPr><w:tab/></w:r>"
    #expect(
      xml.contains(tab + "<w:r><w:rPr><w:sz w:val=\"20\"/></w:rPr><w:t xml:space=\"preserve\">84</w:t></w:r>" + tab))
    #expect(xml.contains("<w:t xml:space=\"preserve\">.1 (75.5–93.6)</w:t>"))
    #expect(xml.contains(tab + "<w:r><w:rPr><w:sz w:val=\"20\"/></w:rPr><w:t xml:space=\"preserve\">NE</w:t>"))
    #expect(xml.contains("<w:decimalSymbol") == false)
    #expect(
      xml.contains(
        "<w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"20\"/></w:rPr><w:t xml:space=\"preserve\">63</w:t>"))
  }

  @Test("A table too wide for a portrait page at 8 pt is set on a landscape page")
  func landscape() throws {
    let wide = ReportTable(
      columns: (0..<12).map { .init("Column number \($0)", alignment: .trailing) },
      rows: [.init((0..<12).map { "0.123 (0.045–0.678)-\($0)" })])
    let xml = try Self.part(WordDocument.table(wide, fontFamily: "Arial").bytes, "word/document.xml")
    #expect(xml.contains("w:orient=\"landscape\""))
  }

  @Test("A figure is an inline PNG at its print size, scaled to the text width when wider")
  func figure() throws {
    // A 1×1 PNG with a pHYs chunk of 11811 pixels per metre (300 dpi).
    let png: [UInt8] = [
      0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6,
      0, 0, 0, 0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 9, 0x70, 0x48, 0x59, 0x73, 0, 0, 0x2E, 0x23, 0, 0, 0x2E, 0x23, 1, 0, 0,
      0, 0, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]
    let image = try #require(PNGImage(png))
    #expect(image.pixelWidth == 1 && image.pixelHeight == 1)
    #expect(abs((image.dpi ?? 0) - 299.9994) < 1e-3)
    let bytes = WordDocument(blocks: [.figure(image, width: 1000, height: 500)]).bytes
    let xml = try Self.part(bytes, "word/document.xml")
    // Text width of A4 less 2 cm margins: (11906 − 2 × 1134) / 20 = 481.9 pt; half as high.
    #expect(xml.contains("<wp:extent cx=\"6120130\" cy=\"3060065\"/>"))
    #expect(try ZipReader(bytes).entry("word/media/figure1.png") == png)
  }
}
