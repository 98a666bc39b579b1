import FigureCore
import SurvivalFigures

/// A ``ReportTable`` as RTF table rows (`\trowd … \row`) in the three-line form of
/// ``WordTable``: rules above and below the header rows and below the last row; header rows
/// bold and repeated on each page (`\trhdr`); rows kept whole (`\trkeep`); levels indented
/// 0.25 cm; a standalone "P" in italics; the footnotes below in a smaller size. The title is
/// not repeated in the body: a TLF carries it in the page header.
struct RTFTable {
  var table: ReportTable
  var document: RichTextDocument

  var text: String {
    let font = document.settings.isFixedPitch ? 1 : 0
    let size = document.halfPoints
    // Courier New's characters are 0.6 em wide, Arial's 0.5 on average: the same widths in
    // twips from a proportionally larger size.
    let widthSize = document.settings.isFixedPitch ? document.fontSize * 1.2 : document.fontSize
    let widths = WordTable(table: table, width: document.textWidth, fontSize: widthSize).columnWidths
    var edges: [Int] = []
    var right = 0
    for width in widths {
      right += width
      edges.append(right)
    }
    let rule = "\\brdrs\\brdrw10"
    var out = ""

    func row(
      _ cells: [(text: StyledText, alignment: ReportTable.Alignment, indent: Int, bold: Bool, span: Int)],
      isHeader: Bool, top: Bool, bottom: [Bool]
    ) {
      out += "\\trowd\\trgaph85\\trleft0\\trkeep" + (isHeader ? "\\trhdr" : "") + "\n"
      var column = 0
      for (index, cell) in cells.enumerated() {
        column += cell.span
        if top { out += "\\clbrdrt\(rule)" }
        if bottom[index] { out += "\\clbrdrb\(rule)" }
        out += (isHeader ? "\\clvertalb" : "") + "\\cellx\(edges[column - 1])"
      }
      out += "\n"
      for cell in cells {
        let indent = cell.indent > 0 ? "\\li\(cell.indent * 142)" : ""
        out += "\\pard\\plain\\intbl\\f\(font)\\fs\(size)\(indent)\(RichTextDocument.alignment(cell.alignment)) "
        out += RichTextDocument.runs(cell.text, bold: cell.bold) + "\\cell\n"
      }
      out += "\\row\n"
    }

    let hasSpanning = !table.spanningHeaders.isEmpty
    if hasSpanning {
      var cells: [(StyledText, ReportTable.Alignment, Int, Bool, Int)] = []
      var underlined: [Bool] = []
      var column = 0
      for header in table.spanningHeaders.sorted(by: { $0.columns.lowerBound < $1.columns.lowerBound }) {
        let span = header.columns.clamped(to: 0..<table.columns.count)
        guard !span.isEmpty, span.lowerBound >= column else { continue }
        while column < span.lowerBound {
          cells.append((StyledText(""), .leading, 0, true, 1))
          underlined.append(false)
          column += 1
        }
        cells.append((StyledText(header.title), .center, 0, true, span.count))
        underlined.append(true)
        column = span.upperBound
      }
      while column < table.columns.count {
        cells.append((StyledText(""), .leading, 0, true, 1))
        underlined.append(false)
        column += 1
      }
      row(cells.map { ($0.0, $0.1, $0.2, $0.3, $0.4) }, isHeader: true, top: true, bottom: underlined)
    }
    row(
      table.columns.map { ($0.styledTitle, $0.alignment, 0, true, 1) }, isHeader: true, top: !hasSpanning,
      bottom: Array(repeating: true, count: table.columns.count))
    for (index, tableRow) in table.rows.enumerated() {
      let isLast = index == table.rows.count - 1
      row(
        table.columns.indices.map { c in
          (
            JournalText.italicisingP(table.cell(tableRow, c)), c == 0 ? .leading : table.columns[c].alignment,
            c == 0 ? tableRow.indent : 0, tableRow.isBold && c == 0, 1
          )
        }, isHeader: false, top: false, bottom: Array(repeating: isLast, count: table.columns.count))
    }
    for (index, note) in table.footnotes.enumerated() {
      out += "\\pard\\plain\\f\(font)\\fs\(size - 2)" + (index == 0 ? "\\sb80" : "") + "\\sa40\\ql "
      out += RichTextDocument.runs(JournalText.italicisingP(note)) + "\\par\n"
    }
    return out + "\\pard\\plain\\f\(font)\\fs\(size)\\par\n"
  }
}
