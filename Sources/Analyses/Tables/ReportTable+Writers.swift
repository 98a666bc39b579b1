import ClinicalData
import SurvivalFigures

extension ReportTable {
  /// RFC 4180 CSV: a header row (spanning headers prefixed, "Multivariable: HR (95% CI)"), then
  /// one line per row with the first cell indented by two spaces per level.
  ///
  /// A cell that a spreadsheet would run as a formula (text starting with `=`, `+`, `-`, `@`, a
  /// tab or a carriage return, after any indentation) is written with a leading `'` inside
  /// quotes, as OWASP's rule for CSV injection says; numbers such as `-0.35` stay numbers.
  public var csv: String {
    func quote(_ s: String) -> String {
      let text = Self.neutralisingFormula(s)
      return text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || text != s
        ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
    var lines = [columns.indices.map { quote(headerTitle($0)) }.joined(separator: ",")]
    for row in rows {
      lines.append(
        columns.indices.map { c in quote((c == 0 ? String(repeating: "  ", count: row.indent) : "") + cell(row, c)) }
          .joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `cell` with a `'` before its first character when a spreadsheet would read it as a formula.
  static func neutralisingFormula(_ cell: String) -> String {
    guard let first = cell.firstIndex(where: { $0 != " " }) else { return cell }
    let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]
    guard triggers.contains(cell[first]) else { return cell }
    if CSVNumber.parse(String(cell[first...])) != nil { return cell }
    return "'" + cell
  }

  /// A GitHub-flavoured Markdown table with the title in bold above and footnotes below.
  public var markdown: String {
    func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
    var out: [String] = []
    if let title { out += ["**\(escape(title))**", ""] }
    out.append("| " + columns.indices.map { headerMarkdown($0) }.joined(separator: " | ") + " |")
    out.append(
      "|"
        + columns.map { c in c.alignment == .trailing ? " ---: " : c.alignment == .center ? " :---: " : " --- " }
        .joined(separator: "|") + "|")
    for row in rows {
      let cells = columns.indices.map { c -> String in
        var text = escape(cell(row, c))
        if c == 0 { text = String(repeating: "&nbsp;&nbsp;", count: row.indent) + text }
        return row.isBold && !text.isEmpty && c == 0 ? "**\(text)**" : text
      }
      out.append("| " + cells.joined(separator: " | ") + " |")
    }
    if !footnotes.isEmpty { out += [""] + footnotes.map(escape) }
    return out.joined(separator: "\n") + "\n"
  }

  /// A LaTeX `table` with booktabs rules (`\usepackage{booktabs}`).
  public var latex: String {
    let escape = Self.latexEscaped
    let spec = columns.map { $0.alignment == .trailing ? "r" : $0.alignment == .center ? "c" : "l" }.joined()
    var out = ["\\begin{table}[ht]", "\\centering"]
    if let title { out.append("\\caption{\(escape(title))}") }
    out += ["\\begin{tabular}{\(spec)}", "\\toprule"]
    if !spanningHeaders.isEmpty {
      var cells: [String] = []
      var rules: [String] = []
      var c = 0
      for header in spanningHeaders.sorted(by: { $0.columns.lowerBound < $1.columns.lowerBound }) {
        while c < header.columns.lowerBound {
          cells.append("")
          c += 1
        }
        cells.append("\\multicolumn{\(header.columns.count)}{c}{\(escape(header.title))}")
        rules.append("\\cmidrule(lr){\(header.columns.lowerBound + 1)-\(header.columns.upperBound)}")
        c = header.columns.upperBound
      }
      out.append(cells.joined(separator: " & ") + " \\\\")
      out.append(rules.joined(separator: " "))
    }
    out.append(
      columns.indices.map { c in
        columns[c].titleLines.map { line in
          line.spans.map { span in
            let text = escape(span.text)
            return span.isItalic ? "\\textit{\(text)}" : span.isBold ? "\\textbf{\(text)}" : text
          }.joined()
        }.joined(separator: " ")
      }.joined(separator: " & ") + " \\\\")
    out.append("\\midrule")
    for row in rows {
      let cells = columns.indices.map { c -> String in
        var text = escape(cell(row, c))
        if c == 0 && row.indent > 0 { text = "\\hspace{\(row.indent)em}" + text }
        return row.isBold && c == 0 && !text.isEmpty ? "\\textbf{\(text)}" : text
      }
      out.append(cells.joined(separator: " & ") + " \\\\")
    }
    out += ["\\bottomrule", "\\end{tabular}"]
    for note in footnotes { out.append("\\par\\footnotesize \(escape(note))") }
    out.append("\\end{table}")
    return out.joined(separator: "\n") + "\n"
  }

  /// `s` as LaTeX text: its special characters escaped, dashes, minus, ≤, ≥, χ and ² as
  /// LaTeX writes them.
  public static func latexEscaped(_ s: String) -> String {
    var out = ""
    for ch in s {
      switch ch {
      case "\\": out += "\\textbackslash{}"
      case "&", "%", "$", "#", "_", "{", "}": out += "\\" + String(ch)
      case "~": out += "\\textasciitilde{}"
      case "^": out += "\\textasciicircum{}"
      case "<": out += "\\textless{}"
      case ">": out += "\\textgreater{}"
      case "≥": out += "$\\geq$"
      case "≤": out += "$\\leq$"
      case "–": out += "--"
      case "−": out += "$-$"
      case "χ": out += "$\\chi$"
      case "²": out += "$^2$"
      default: out.append(ch)
      }
    }
    return out
  }

  /// The column title with its spanning header in Markdown: italic runs as `*P*`, bold as
  /// `**…**`, and `|`, `*`, `_` and `<` in the text escaped, so that a header from the data
  /// stays literal.
  func headerMarkdown(_ column: Int) -> String {
    func escape(_ s: String) -> String {
      var out = ""
      for ch in s {
        if "|*_<".contains(ch) { out.append("\\") }
        out.append(ch)
      }
      return out
    }
    let title = columns[column].titleLines.map { line in
      line.spans.map { span in
        let text = escape(span.text)
        return span.isItalic ? "*\(text)*" : span.isBold ? "**\(text)**" : text
      }.joined()
    }.joined(separator: " ")
    guard let header = spanningHeaders.first(where: { $0.columns.contains(column) }) else { return title }
    return escape(header.title) + ": " + title
  }

  /// The column title with its spanning header, for formats without spanning cells.
  package func headerTitle(_ column: Int) -> String {
    let title = columns[column].title.replacingOccurrences(of: "\n", with: " ")
    guard let header = spanningHeaders.first(where: { $0.columns.contains(column) }) else { return title }
    return header.title + ": " + title
  }
}
