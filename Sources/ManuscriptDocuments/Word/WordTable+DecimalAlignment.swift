import SurvivalFigures

/// Decimal alignment of a Word table's numeric columns.
///
/// A right-aligned column whose every number-bearing cell leads with a number that has a
/// decimal point (`33.6 (26.1–43.3)`, `1.02 (0.81–1.29)`, `<0.001`) is aligned on that point:
/// the first decimal point of every cell stands at one position, the cell's text width less
/// the widest part from the decimal point on. Each cell's paragraph has a right tab stop there
/// and a left one a twip after it; the text before the point follows a first tab (ending at
/// the stop), the rest a second (starting at the point). This is what a decimal tab stop
/// (`w:val="decimal"`) does in Word, but LibreOffice ignores decimal stops in the cells of a
/// Word table and moves the text to its default stops, while it sets right and left stops in
/// cells as Word does. Cells without a digit (`NE`, `NR`) end at the stop, or at the cell's
/// right edge when too wide for that (`Reference`). Other columns
/// (counts, medians in whole days) stay right aligned, which aligns whole numbers already.
///
/// Widths are estimated from the advance widths of Arial (Liberation Sans) or Times New Roman
/// (Liberation Serif) in thousandths of an em; an unknown character counts as a digit.
extension WordTable {
  /// The cell margin, left and right, in twips, as the table style sets it (0.15 cm).
  static let cellMargin = 85

  /// The decimal tab stop of each column in twips from the cell's text edge; nil for a column
  /// set without one.
  var decimalStops: [Int?] {
    let widths = columnWidths
    return table.columns.indices.map { index -> Int? in
      guard index > 0, table.columns[index].alignment == .trailing else { return nil }
      var widest = 0
      var widestLeading = 0
      var hasNumbers = false
      for row in table.rows {
        let text = table.cell(row, index)
        guard text.contains(where: \.isNumber) else { continue }
        guard let point = Self.decimalPoint(text) else { return nil }
        hasNumbers = true
        widest = max(widest, advance(String(text[point...])))
        widestLeading = max(widestLeading, advance(String(text[..<point])))
      }
      let textWidth = widths[index] - 2 * Self.cellMargin
      // A little slack, so that an estimate short of the true width does not wrap the cell.
      let stop = textWidth - widest - advance("0")
      guard hasNumbers, stop >= widestLeading, stop > 0 else { return nil }
      return stop
    }
  }

  /// The stop of a cell in a column with `stop`: nil (right aligned) for an empty cell and for
  /// text without digits too wide to end at the stop (`Reference`).
  func decimalStop(_ text: String, _ stop: Int?) -> Int? {
    guard let stop, !text.isEmpty else { return nil }
    return text.contains(where: \.isNumber) || advance(text) <= stop ? stop : nil
  }

  /// The tab stops of a decimal-aligned cell: right at `stop`, left just after.
  static func decimalTabs(_ stop: Int) -> String {
    "<w:tabs><w:tab w:val=\"right\" w:pos=\"\(stop)\"/><w:tab w:val=\"left\" w:pos=\"\(stop + 1)\"/></w:tabs>"
  }

  /// The runs of a decimal-aligned cell: a tab, the text before its decimal point, a tab and
  /// the rest (a cell without one: a tab and the text); a standalone "P" in italics.
  func decimalAligned(_ text: String, bold: Bool) -> String {
    let size = "<w:sz w:val=\"\(Int((fontSize * 2).rounded()))\"/>"
    let tab = "<w:r><w:rPr>\(size)</w:rPr><w:tab/></w:r>"
    guard let point = Self.decimalPoint(text) else {
      return tab + WordDocument.runs(JournalText.italicisingP(text), size: fontSize, bold: bold)
    }
    return tab + WordDocument.runs(JournalText.italicisingP(String(text[..<point])), size: fontSize, bold: bold)
      + tab + WordDocument.runs(JournalText.italicisingP(String(text[point...])), size: fontSize, bold: bold)
  }

  /// The decimal point of the number `text` starts with (after a sign or `<`, `>`, `≤`, `≥`);
  /// nil when that number has none.
  static func decimalPoint(_ text: String) -> String.Index? {
    var index = text.startIndex
    while index < text.endIndex, "<>≤≥−-+ ".contains(text[index]) { index = text.index(after: index) }
    guard index < text.endIndex, text[index].isNumber else { return nil }
    while index < text.endIndex, text[index].isNumber || text[index] == "," { index = text.index(after: index) }
    return index < text.endIndex && text[index] == "." ? index : nil
  }

  /// The advance width of `text` in twips at the table's type size.
  func advance(_ text: String) -> Int {
    let thousandths = text.reduce(0) { $0 + (isSerif ? Self.serifWidth($1) : Self.sansWidth($1)) }
    return Int((Double(thousandths) * fontSize * 20 / 1000).rounded(.up))
  }

  static func sansWidth(_ c: Character) -> Int {
    switch c {
    case ".", ",", " ", ":", ";", "i", "l", "j": 278
    case "(", ")", "-", "r", "t", "f": 333
    case "<", ">", "≤", "≥", "+", "=", "−": 584
    case "%": 889
    case "N", "R", "C", "D", "H": 722
    case "E", "P", "S", "B", "A", "V", "K", "X", "Y": 667
    case "–": 556
    default: c.isUppercase ? 722 : c.isLowercase ? 556 : 556
    }
  }

  static func serifWidth(_ c: Character) -> Int {
    switch c {
    case ".", ",", " ", ":", ";", "i", "l", "j", "t": 278
    case "(", ")", "-", "r", "f": 333
    case "<", ">", "≤", "≥", "+", "=", "−": 564
    case "%": 833
    case "N", "R", "C", "D", "H", "A", "V", "K", "X", "Y": 722
    case "E", "P", "S", "B": 611
    case "–": 500
    default: c.isUppercase ? 722 : c.isLowercase ? 500 : 500
    }
  }
}
