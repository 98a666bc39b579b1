import SurvivalFigures
import Testing

@testable import ReportEngine

@Suite("Table writers")
struct ReportTableWriterTests {
  let table = ReportTable(
    title: "Response, n (%)",
    columns: [ReportTable.Column("Category"), ReportTable.Column("A\n(n = 2)", alignment: .trailing), ReportTable.Column("P", alignment: .trailing)],
    spanningHeaders: [ReportTable.SpanningHeader("Arm", columns: 1..<2)],
    rows: [ReportTable.Row(["Sex", "", "<0.001"], isBold: true), ReportTable.Row(["Female, ≥65", "1 (50.0)", ""], indent: 1)],
    footnotes: ["χ² test; 95% CI."])

  @Test("CSV: spanning headers prefixed, levels indented, quoted where needed")
  func csv() {
    #expect(table.csv == "Category,Arm: A (n = 2),P\nSex,,<0.001\n\"  Female, ≥65\",1 (50.0),\n")
  }

  @Test("Markdown: bold title and variable rows, right-aligned numbers, footnotes")
  func markdown() {
    #expect(
      table.markdown
        == """
        **Response, n (%)**

        | Category | Arm: A (n = 2) | P |
        | --- | ---: | ---: |
        | **Sex** |  | <0.001 |
        | &nbsp;&nbsp;Female, ≥65 | 1 (50.0) |  |

        χ² test; 95% CI.

        """)
  }

  @Test("LaTeX: booktabs rules, spanning header with its rule, special characters escaped")
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
        Category & A (n = 2) & P \\\\
        \\midrule
        \\textbf{Sex} &  & \\textless{}0.001 \\\\
        \\hspace{1em}Female, $\\geq$65 & 1 (50.0) &  \\\\
        \\bottomrule
        \\end{tabular}
        \\par\\footnotesize $\\chi$$^2$ test; 95\\% CI.
        \\end{table}

        """)
  }
}
