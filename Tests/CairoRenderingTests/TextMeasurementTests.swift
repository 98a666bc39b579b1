import CairoRendering
import FigureCore
import Foundation
import Testing

@Suite("Text is measured exactly as it is drawn")
struct TextMeasurementTests {
  let measurer = testRenderer.measurer

  // Liberation Sans advance widths in font units (2048 per em), from its hmtx table:
  // digits 1139 (tabular), '.' 569.
  @Test("Advance widths match the font's metrics, without rounding")
  func measure_matchesFontMetrics() {
    let width = measurer.measure("1234.56", font: FontSpec(size: 8)).width
    let expected = (6 * 1139 + 569) / 2048.0 * 8
    #expect(abs(width - expected) < 0.005, "measured \(width), font metrics give \(expected)")
  }

  // Liberation Serif advance widths (2048 per em): digits 1024, '.' 512; 'S' 1139 in Serif
  // against 1366 in Sans.
  @Test("The serif family is set in Liberation Serif, with its own metrics")
  func measure_serif() {
    let serif = FontSpec(size: 8, family: .serif)
    let digits = measurer.measure("1234.56", font: serif).width
    #expect(abs(digits - (6 * 1024 + 512) / 2048.0 * 8) < 0.005, "measured \(digits)")
    #expect(measurer.measure("S", font: serif).width < measurer.measure("S", font: FontSpec(size: 8)).width)
    #expect(serif.bold().family == .serif && serif.withSize(9).family == .serif)
  }

  @Test("Ascent and descent are the font's, whatever the text")
  func measure_lineMetrics() {
    let font = FontSpec(size: 10)
    let plain = measurer.measure("x", font: font)
    let tall = measurer.measure(StyledText("Ég") + .superscript("2"), font: font)
    let empty = measurer.measure("", font: font)
    #expect(plain.ascent == tall.ascent && plain.descent == tall.descent)
    #expect(empty.width == 0 && empty.ascent == plain.ascent)
    // hhea ascender 1854 and descender 434 of 2048.
    #expect(abs(plain.ascent - 1854 / 2048.0 * 10) < 0.01)
    #expect(abs(plain.descent - 434 / 2048.0 * 10) < 0.01)
  }

  @Test("Superscripts are set at 70 % size; italic and bold spans use those faces")
  func measure_styledSpans() {
    let font = FontSpec(size: 10)
    let two = measurer.measure("2", font: font).width
    let superscript = measurer.measure(.superscript("2"), font: font).width
    #expect(abs(superscript - 0.7 * two) < 0.005)
    let chiSquared = measurer.measure(StyledText("χ") + .superscript("2"), font: font).width
    #expect(abs(chiSquared - (measurer.measure("χ", font: font).width + superscript)) < 0.005)
    #expect(
      measurer.measure(.italic("P"), font: font).width
        == measurer.measure("P", font: FontSpec(size: 10, isItalic: true)).width)
    #expect(
      measurer.measure(.bold("Total"), font: font).width
        == measurer.measure("Total", font: FontSpec(size: 10, isBold: true)).width)
    #expect(
      measurer.measure("Total", font: font).width
        < measurer.measure("Total", font: FontSpec(size: 10, isBold: true)).width)
  }

  @Test("Data text is literal: angle brackets and ampersands are measured and drawn")
  func measure_noMarkupParsing() throws {
    let text: StyledText = "<0.001 & <b>x</b>"
    #expect(measurer.measure(text, font: FontSpec(size: 8)).width > 40)
    let scene = Scene(
      size: Size(width: 200, height: 40),
      commands: [.text(TextRun(text, font: FontSpec(size: 8)), at: Point(x: 10, y: 20))])
    let folder = try TemporaryFolder()
    let path = folder.file("literal.pdf")
    try testRenderer.write(scene, to: path)
    let extracted = try ExternalTool.run("pdftotext", [path, "-"]).output
    #expect(extracted.contains("<0.001 & <b>x</b>"))
  }

  @Test("Measuring from many threads gives the same results")
  func measure_concurrently() async {
    let font = FontSpec(size: 8)
    let expected = measurer.measure("Number at risk 1234.56", font: font)
    let measurer = self.measurer
    await withTaskGroup(of: TextMetrics.self) { group in
      for _ in 0..<64 {
        group.addTask { measurer.measure("Number at risk 1234.56", font: font) }
      }
      for await metrics in group { #expect(metrics == expected) }
    }
  }

  @Test("PDF: glyphs sit where the measured widths put them")
  func pdf_drawnWidthEqualsMeasured() throws {
    let font = FontSpec(size: 8)
    let x0 = 20.0
    let anchor = 228.0
    let scene = Scene(
      size: Size(width: 240, height: 60),
      commands: [
        .text(TextRun("1234.56 Wy", font: font), at: Point(x: x0, y: 20)),
        .text(
          TextRun("Wy 1111.0", font: font, anchor: .trailingBaseline), at: Point(x: anchor, y: 40)),
      ])
    let folder = try TemporaryFolder()
    let path = folder.file("widths.pdf")
    try testRenderer.write(scene, to: path)
    let html = try ExternalTool.run("pdftotext", ["-bbox", path, "-"]).output
    // A run starts exactly where the measured width puts it (Cairo writes 1e-6 pt)…
    let start = try #require(wordBox("Wy", in: html, occurrence: 1))
    #expect(abs(start.xMin - (anchor - measurer.measure("Wy 1111.0", font: font).width)) < 1e-4)
    // …but inside a run Cairo lets the PDF's /Widths, whole thousandths of an em, advance the
    // glyphs, correcting only larger drifts: positions read back carry up to ≈ 0.002 pt of
    // rounding per glyph (0.0007 mm), far below any visible size.
    let tolerance = 0.03
    let inside = try #require(wordBox("Wy", in: html, occurrence: 0))
    #expect(abs(inside.xMin - (x0 + measurer.measure("1234.56 ", font: font).width)) < tolerance)
    let number = try #require(wordBox("1111.0", in: html))
    #expect(abs(number.xMin - (anchor - measurer.measure("1111.0", font: font).width)) < tolerance)
    #expect(abs(number.xMax - anchor) < tolerance)
  }

  @Test("Numbers are not kerned, so digits stay tabular and decimal points line up")
  func measure_numbersTabular() {
    let font = FontSpec(size: 9)
    #expect(
      measurer.measure("1111", font: font).width == measurer.measure("8090", font: font).width)
    #expect(
      measurer.measure("11.5", font: font).width == measurer.measure("23.5", font: font).width)
    // Text keeps its kerning.
    #expect(measurer.measure("AV", font: font).width < 2 * measurer.measure("A", font: font).width)
  }

  @Test("PNG: right-aligned numbers ending in the same digit end on the same pixel column")
  func png_rightAlignedColumn() throws {
    let image = try #require(
      RasterImage(png: try testRenderer.render(SampleScenes.figure(), as: .png)))
    let scale = 300.0 / 72
    func lastInkColumn(row: Int) -> Int {
      let baseline = Int(SampleScenes.columnBaseline(row) * scale)
      let right = Int(SampleScenes.columnRight * scale) + 8
      var last = 0
      for y in (baseline - 20)..<baseline {
        for x in (right - 200)..<right where image.isDark(x, y) { last = max(last, x) }
      }
      return last
    }
    let anchor = Int(SampleScenes.columnRight * scale)
    let a = lastInkColumn(row: 2)  // "0.56"
    let b = lastInkColumn(row: 3)  // "1234.56"
    #expect(a == b)
    // The digit 6 ends a little before its advance (right side bearing ≈ 0.05 em = 0.4 pt).
    #expect(a <= anchor && a >= anchor - 4, "ink ends at \(a), anchor at \(anchor)")
  }

  private func wordBox(
    _ word: String, in html: String, occurrence: Int = 0
  ) -> (xMin: Double, xMax: Double)? {
    let lines = html.split(separator: "\n").filter { $0.hasSuffix(">\(word)</word>") }
    for line in lines.dropFirst(occurrence) {
      func value(_ key: String) -> Double? {
        guard let range = line.range(of: "\(key)=\"") else { return nil }
        return Double(line[range.upperBound...].prefix { $0 != "\"" })
      }
      if let x0 = value("xMin"), let x1 = value("xMax") { return (x0, x1) }
    }
    return nil
  }
}
