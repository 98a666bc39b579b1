import FigureCore
import SurvivalFigures
import Testing

@testable import Analyses
@testable import Expressions
@testable import ReportEngine
@testable import ReportTemplates
@testable import SurvivalSimulation

@Suite("Table writers")
struct ReportTableWriterTests {
  let table = ReportTable(
    title: "Response, n (%)",
    columns: [
      ReportTable.Column("Category"), ReportTable.Column("A\n(n = 2)", alignment: .trailing),
      ReportTable.Column(styled: .italic("P"), alignment: .trailing),
    ],
    spanningHeaders: [ReportTable.SpanningHeader("Arm", columns: 1..<2)],
    rows: [
      ReportTable.Row(["Sex", "", "<0.001"], isBold: true),
      ReportTable.Row(["Female, ≥65", "1 (50.0)", ""], indent: 1),
    ],
    footnotes: ["χ² test; 95% CI."])

  @Test("CSV: spanning headers prefixed, levels indented, quoted where needed")
  func csv() {
    #expect(table.csv == "Category,Arm: A (n = 2),P\nSex,,<0.001\n\"  Female, ≥65\",1 (50.0),\n")
  }

  @Test("Markdown: bold title and variable rows, right-aligned numbers, an italic *P*, footnotes")
  func markdown() {
    #expect(
      table.markdown
        == """
        **Response, n (%)**

        | Category | Arm: A (n = 2) | *P* |
        | --- | ---: | ---: |
        | **Sex** |  | <0.001 |
        | &nbsp;&nbsp;Female, ≥65 | 1 (50.0) |  |

        χ² test; 95% CI.

        """)
  }

  @Test("LaTeX: booktabs rules, spanning header with its rule, \\textit{P}, special characters escaped")
  func latex() {
    #expect(
      table.latex
        == """
        \\begin{table}[ht]
        \\centering
        \\caption{Response, n (\\%)}
        \\begin{tabular}{lrr}
        \\toprule
         & \\multicolumn{1}{c}{Arm} \\\\
        \\cmidrule(lr){2-2}
        Category & A (n = 2) & \\textit{P} \\\\
        \\midrule
        \\textbf{Sex} &  & \\textless{}0.001 \\\\
        \\hspace{1em}Female, $\\geq$65 & 1 (50.0) &  \\\\
        \\bottomrule
        \\end{tabular}
        \\par\\footnotesize $\\chi$$^2$ test; 95\\% CI.
        \\end{table}

        """)
  }

  @Test("a header taken from data is literal text: no markup, Markdown's characters escaped")
  func literalHeaders() {
    let data = ReportTable(
      columns: [ReportTable.Column("<i>arm</i>"), ReportTable.Column("dose_mg*")], rows: [ReportTable.Row(["a", "1"])])
    #expect(data.columns[0].styledTitle.spans.allSatisfy { !$0.isItalic })
    #expect(data.markdown.hasPrefix("| \\<i>arm\\</i> | dose\\_mg\\* |\n"))
    #expect(data.csv.hasPrefix("<i>arm</i>,dose_mg*\n"))
  }

  /// OWASP's rule for CSV injection: a cell starting with = + - @ tab or carriage return is
  /// text to a spreadsheet only with a leading apostrophe; numbers keep their sign.
  @Test("CSV: cells a spreadsheet would run as formulas get a leading apostrophe; numbers stay numbers")
  func formulaCells() {
    let data = ReportTable(
      columns: [ReportTable.Column("=HYPERLINK(\"x\")"), ReportTable.Column("value")],
      rows: [
        ReportTable.Row(["+cmd|' /C calc'!A0", "-0.35"]),
        ReportTable.Row(["@SUM(A1)", "-1.2 (-3.4 to 1.0)"], indent: 1),
        ReportTable.Row(["\tx", "+5"]),
        ReportTable.Row(["-", "=1+1"]),
        ReportTable.Row(["plain", "1e-3"]),
      ])
    #expect(
      data.csv
        == """
        "'=HYPERLINK(""x"")",value
        "'+cmd|' /C calc'!A0",-0.35
        "'  @SUM(A1)","'-1.2 (-3.4 to 1.0)"
        "'\tx",+5
        "'-","'=1+1"
        plain,1e-3

        """)
  }
}
