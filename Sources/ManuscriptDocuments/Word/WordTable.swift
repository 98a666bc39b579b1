import FigureCore
import Foundation
import SurvivalFigures

/// A ``ReportTable`` as a WordprocessingML table (`w:tbl`) in a journal's three-line form: a
/// rule above the header, one below it (and below each spanning header's columns), one below
/// the last row; no vertical rules. Header rows are bold and repeat on each page (`w:tblHeader`);
/// the first column is left aligned with its levels indented 0.25 cm per level; the other
/// columns as the table says (numbers right aligned); a standalone "P" is set in italics. The
/// title goes above as a bold paragraph when the table has one, the footnotes below in a type
/// size one point smaller.
///
/// Column widths share `width` in proportion to the longest text of each column (its widest
/// header line or cell, 3 characters at least, and 2 for the cell's margins); Word and LibreOffice may refine them.
struct WordTable {
  var table: ReportTable
  /// The text width in twips.
  var width: Int
  var fontSize: Double
  /// Whether the type is Times New Roman (else Arial), for the widths of decimal alignment.
  var isSerif = false

  var xml: String {
    var out = ""
    if let title = table.title {
      out += WordDocument(blocks: [], fontSize: fontSize).paragraphXML(
        DocumentParagraph(StyledText(title), role: .heading))
    }
    let widths = columnWidths
    let rule = "w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\""
    out += "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>"
    out += "<w:tblBorders><w:top \(rule)/><w:bottom \(rule)/></w:tblBorders>"
    out += "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>"
    out += widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"

    let thin = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
    // Spanning headers: a row above the column titles, each header over its columns with a
    // rule below.
    if !table.spanningHeaders.isEmpty {
      out += "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
      var column = 0
      for header in table.spanningHeaders.sorted(by: { $0.columns.lowerBound < $1.columns.lowerBound }) {
        while column < header.columns.lowerBound {
          out += cell(StyledText(""), width: widths[column], bold: true)
          column += 1
        }
        let span = header.columns.clamped(to: 0..<table.columns.count)
        guard !span.isEmpty else { continue }
        out += cell(
          StyledText(header.title), width: widths[span].reduce(0, +), alignment: .center, bold: true,
          span: span.count, borders: "<w:bottom \(thin)/>")
        column = span.upperBound
      }
      while column < table.columns.count {
        out += cell(StyledText(""), width: widths[column], bold: true)
        column += 1
      }
      out += "</w:tr>"
    }
    out += "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
    for (index, column) in table.columns.enumerated() {
      out += cell(
        column.styledTitle, width: widths[index], alignment: column.alignment, bold: true,
        borders: "<w:bottom \(thin)/>", bottomAligned: true)
    }
    out += "</w:tr>"
    let stops = decimalStops
    for row in table.rows {
      out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
      for index in table.columns.indices {
        let text = table.cell(row, index)
        out += cell(
          JournalText.italicisingP(text), width: widths[index],
          alignment: index == 0 ? .leading : table.columns[index].alignment, bold: row.isBold && index == 0,
          indent: index == 0 ? row.indent : 0, decimalStop: decimalStop(text, stops[index]))
      }
      out += "</w:tr>"
    }
    out += "</w:tbl>"
    let document = WordDocument(blocks: [], fontSize: fontSize)
    for (index, note) in table.footnotes.enumerated() {
      var paragraph = document.paragraphXML(DocumentParagraph(JournalText.italicisingP(note), role: .note))
      if index == 0 { paragraph = paragraph.replacingFirst("w:before=\"0\"", with: "w:before=\"80\"") }
      out += paragraph
    }
    // An empty paragraph after the table, so that two tables never merge.
    return out + "<w:p/>"
  }

  func cell(
    _ text: StyledText, width: Int, alignment: ReportTable.Alignment = .leading, bold: Bool = false, span: Int = 1,
    borders: String = "", indent: Int = 0, bottomAligned: Bool = false, decimalStop: Int? = nil
  ) -> String {
    var properties = "<w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
    if span > 1 { properties += "<w:gridSpan w:val=\"\(span)\"/>" }
    if !borders.isEmpty { properties += "<w:tcBorders>\(borders)</w:tcBorders>" }
    if bottomAligned { properties += "<w:vAlign w:val=\"bottom\"/>" }
    var paragraph = "<w:spacing w:before=\"20\" w:after=\"20\"/>"
    if indent > 0 { paragraph += "<w:ind w:left=\"\(indent * 142)\"/>" }
    let content: String
    if let decimalStop {
      paragraph = Self.decimalTabs(decimalStop) + paragraph
      content = decimalAligned(text.plainText, bold: bold)
    } else {
      paragraph += WordDocument.justification(alignment)
      content = WordDocument.runs(text, size: fontSize, bold: bold)
    }
    return "<w:tc><w:tcPr>\(properties)</w:tcPr><w:p><w:pPr>\(paragraph)</w:pPr>" + content + "</w:p></w:tc>"
  }

  /// Twips per column, summing to `width`. A column needs its longest cell and its header's
  /// longest word (headers may wrap, cells should not) and wants its longest header line, each
  /// plus 2 characters for the cell's margins. When every column can have what it wants, the
  /// widths are proportional to it; when only what they need fits, each gets its need and the
  /// rest is shared in proportion to what it lacks; else the widths are proportional to the
  /// needs.
  var columnWidths: [Int] {
    let (needs, wants) = columnNeeds
    func proportional(_ values: [Int], total: Int) -> [Int] {
      let sum = max(values.reduce(0, +), 1)
      return values.map { total * $0 / sum }
    }
    var widths: [Int]
    let (need, want) = (needs.reduce(0, +), wants.reduce(0, +))
    if want <= width {
      widths = proportional(wants, total: width)
    } else if need <= width {
      let extra = proportional(zip(wants, needs).map { $0 - $1 }, total: width - need)
      widths = zip(needs, extra).map { $0 + $1 }
    } else {
      widths = proportional(needs, total: width)
    }
    if let last = widths.indices.last { widths[last] += width - widths.reduce(0, +) }
    return widths
  }

  /// Whether every cell fits its column without wrapping.
  var fits: Bool { columnNeeds.needs.reduce(0, +) <= width }

  /// The type size of the table: the body size, or up to two points smaller when only that
  /// fits every cell on one line; nil when none does.
  static func fittingFontSize(_ table: ReportTable, width: Int, bodySize: Double) -> Double? {
    [bodySize, bodySize - 1, bodySize - 2].first { WordTable(table: table, width: width, fontSize: $0).fits }
  }

  /// What each column needs and wants, in twips: the advance widths of its text
  /// (``advance(_:)``; header text a tenth wider, for bold type), plus the cell's margins and
  /// one digit of slack. A first column's levels add their indent.
  var columnNeeds: (needs: [Int], wants: [Int]) {
    let slack = 2 * Self.cellMargin + advance("0")
    func bold(_ text: some StringProtocol) -> Int { advance(String(text)) * 11 / 10 }
    var needs: [Int] = []
    var wants: [Int] = []
    for index in table.columns.indices {
      let lines = table.columns[index].titleLines.map(\.plainText)
      let word = lines.flatMap { $0.split(separator: " ") }.map(bold).max() ?? 0
      let cells =
        table.rows.map { table.cell($0, index) }.map(advance).max() ?? 0
      let indent = index == 0 ? (table.rows.map(\.indent).max() ?? 0) * 142 : 0
      let need = max(advance("000"), word, cells + indent) + slack
      needs.append(need)
      wants.append(max(need, (lines.map(bold).max() ?? 0) + slack))
    }
    return (needs, wants)
  }
}

extension String {
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}
