import ClinicalData
import FigureCore
import Foundation
import SurvivalFigures
import Testing

@testable import Analyses
@testable import Expressions
@testable import ReportEngine
@testable import ReportTemplates
@testable import SurvivalSimulation

@Suite("Tables of a report: one type size, footnotes that apply, an italic P")
struct ReportTablePagesTests {
  static func tables(_ yaml: String) throws -> (ReportBuilder, [BuiltTable]) {
    let folder = try TemplateFolder(template: yaml)
    let template = try ReportTemplate(contentsOfFile: folder.templatePath)
    var data: [String: DataTable] = [:]
    for path in template.data.values { data[path] = try DataTable(contentsOfFile: path) }
    let built = try template.tables.map { try BuiltTable.build($0, tables: data) }
    return (ReportBuilder(template: template, options: ReportBuildOptions(outputFolder: folder.path + "/out")), built)
  }

  static func times(_ count: Int) -> String { (1...count).map { String($0 * 4) }.joined(separator: ", ") }

  static func yaml(times: Int) -> String {
    """
    data:
      aml: data/aml.csv
    tables:
      - {id: cox, type: cox, data: aml, model: "Surv(time, status) ~ x"}
      - {id: wide, type: survival, data: aml, time: time, event: status, group: x, times: [\(Self.times(times))]}
    """
  }

  /// The body type sizes of each table page.
  static func pageSizes(_ yaml: String) throws -> [(page: Size, fonts: Set<Double>)] {
    let (builder, built) = try tables(yaml)
    let document = try builder.reportDocument([], tables: built, measurer: MonospaceTextMeasurer())
    return document.pages.map { page in
      (page.scene.size, Set(page.scene.texts.filter { !$0.0.font.isBold }.map(\.0.font.size)))
    }
  }

  @Test("every table page has the type size of the widest table, footnotes 1 pt smaller")
  func oneTypeSize() throws {
    let pages = try Self.pageSizes(Self.yaml(times: 4))
    #expect(pages.count == 2)
    // The survival table with four times needs 7 pt on an A4 page; the Cox table follows it.
    #expect(pages.map(\.fonts) == [[6, 7], [6, 7]])
    #expect(pages.allSatisfy { $0.page == Size.millimetres(width: 210, height: 297) })
  }

  @Test("a table too wide at the smallest size goes on a landscape page, in the others' size")
  func landscape() throws {
    let pages = try Self.pageSizes(Self.yaml(times: 9))
    #expect(
      pages.map(\.page) == [Size.millimetres(width: 210, height: 297), Size.millimetres(width: 297, height: 210)])
    #expect(pages.map(\.fonts) == [[6], [6]])
  }

  @Test("a table too wide breaks long headers in two before the parenthesis and keeps its type size")
  func wrappedHeaders() throws {
    let table = ReportTable(
      columns: [
        ReportTable.Column("Group"), ReportTable.Column("n", alignment: .trailing),
        ReportTable.Column("Median (95% CI)", alignment: .trailing),
        ReportTable.Column("At 12 months, % (95% CI)", alignment: .trailing),
        ReportTable.Column("At 24 months, % (95% CI)", alignment: .trailing),
      ],
      rows: [ReportTable.Row(["Arm A", "61", "16.6 (9.1–31.5)", "54.1 (42.7–68.5)", "40.8 (29.4–56.6)"])])
    let measurer = MonospaceTextMeasurer()
    #expect(table.fittingFontSize(width: 320, largest: 8, smallest: 6, measurer: measurer) == 8)
    #expect(table.fittingFontSize(width: 250, largest: 8, smallest: 6, measurer: measurer) == 6.5)
    #expect(table.fittingFontSize(width: 200, largest: 8, smallest: 6, measurer: measurer) == nil)
    let wide = table.layout(width: 400, exactFontSize: 8, measurer: measurer).scene.texts.map(\.0.text.plainText)
    #expect(wide.contains("At 12 months, % (95% CI)"))
    let narrow = table.layout(width: 320, exactFontSize: 8, measurer: measurer).scene.texts.map(\.0.text.plainText)
    #expect(narrow.filter { $0.hasPrefix("At ") } == ["At 12 months, %", "At 24 months, %"])
    #expect(narrow.filter { $0 == "(95% CI)" }.count == 2)
    #expect(narrow.contains("Median (95% CI)"))
  }

  @Test("the Cox table's footnote states only what applies; its P headers are italic")
  func coxFootnotes() throws {
    let simple = try ForestAnalysis(
      table: try inputTable(TemplateFolder.aml, named: "aml.csv"),
      request: ForestRequest(
        dataPath: "aml.csv", source: .models(formula: "Surv(time, status) ~ x", univariable: true, multivariable: false)
      )
    ).table(title: nil, confidenceLevel: 0.95)
    #expect(
      simple.footnotes == [
        "HR, hazard ratio (Cox proportional hazards model, Efron ties); CI, confidence interval. P values by Wald tests."
      ])
    #expect(simple.columns.last?.styledTitle == .italic("P"))
    let lung = try ForestAnalysisTests.shipped("lung.csv")
    let factor = try ForestAnalysis(
      table: lung,
      request: ForestRequest(
        dataPath: "lung.csv",
        source: .models(formula: "Surv(time, status) ~ factor(ph.ecog)", univariable: true, multivariable: true))
    ).table(title: nil, confidenceLevel: 0.95, ties: .breslow)
    #expect(
      factor.footnotes.first
        == "HR, hazard ratio (Cox proportional hazards model, Breslow ties); CI, confidence interval. P values by Wald tests; on a variable's line, the joint Wald test of its levels."
    )
    let separated = try ForestAnalysis(
      table: try inputTable(ForestAnalysisTests.ovarianSeparated, named: "ov.csv"),
      request: ForestRequest(
        dataPath: "ov.csv",
        source: .models(formula: "Surv(futime, fustat) ~ sep + age", univariable: true, multivariable: true))
    ).table(title: nil, confidenceLevel: 0.95)
    #expect(
      separated.footnotes.first
        == "HR, hazard ratio (Cox proportional hazards model, Efron ties); CI, confidence interval; NE, not estimable. P values by Wald tests."
    )
    let subgroups = try ForestAnalysis(
      table: lung,
      request: ForestRequest(
        dataPath: "lung.csv",
        source: .subgroups(time: "time", event: "status", treatment: "sex", subgroups: ["ph.ecog"]))
    ).table(title: nil, confidenceLevel: 0.95)
    #expect(subgroups.columns.last?.styledTitle == .italic("P") + StyledText(" for interaction"))
    #expect(subgroups.columns.last?.title == "P for interaction")
  }
}
