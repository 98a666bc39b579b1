import Foundation
import Testing

@testable import Analyses
@testable import Expressions
@testable import ReportEngine
@testable import ReportTemplates
@testable import SurvivalSimulation

@Suite("Report templates: characteristics tables")
struct CharacteristicsTemplateTests {
  @Test("variables as names or mappings: kind, summary, levels with labels, a shown level, test, decimals")
  func keys() throws {
    let yaml = """
      data:
        aml: data/aml.csv
      tables:
        - id: table-1
          type: characteristics
          data: aml
          group: x
          group-order: [2, 1]
          group-labels: {1: Maintained, 2: Not maintained}
          overall: false
          missing: hide
          variables:
            - time
            - {column: status, label: Relapsed, show: 1}
            - {column: x, type: categorical, levels: {2: Not maintained, 1: Maintained}, test: fisher}
            - {column: time, summary: mean-sd, test: t-test, decimals: 2}
      """
    let folder = try TemplateFolder(template: yaml)
    let template = try ReportTemplate(contentsOfFile: folder.templatePath)
    guard let request = template.tables[0].request.request(of: CharacteristicsTableKind.self) else {
      Issue.record("expected a characteristics table")
      return
    }
    #expect(request.dataPath.hasSuffix("/aml.csv"))
    #expect(request.groupColumn == "x" && request.groupOrder == ["2", "1"])
    #expect(request.groupLabels == ["1": "Maintained", "2": "Not maintained"])
    #expect(!request.showsOverall && !request.showsMissing && request.showsTests)
    #expect(request.variables.map(\.column) == ["time", "status", "x", "time"])
    #expect(request.variables[0].kind == nil && request.variables[0].location == "\(folder.path)/report.yaml:13")
    #expect(request.variables[1].shownLevel == "1" && request.variables[1].kind == .categorical)
    #expect(request.variables[2].levelOrder == ["2", "1"] && request.variables[2].levelLabels["1"] == "Maintained")
    #expect(request.variables[2].test == .fisher)
    #expect(
      request.variables[3].summary == .meanSD && request.variables[3].decimals == 2
        && request.variables[3].kind == .continuous)
  }

  @Test(
    "mistakes in characteristics tables are reported at the key",
    arguments: [
      (
        "data:\n  aml: data/aml.csv\ntables:\n  - {id: t, type: characteristics, data: aml, variables: [{column: x, tset: fisher}]}\n",
        "report.yaml:4:71: 'tables[0].variables[0].tset': unknown key 'tset'. Did you mean 'test'? Valid keys: column, label, type, summary, levels, show, test, decimals"
      ),
      (
        "data:\n  aml: data/aml.csv\ntables:\n  - {id: t, type: characteristics, data: aml, variables: [{column: x, test: chi}]}\n",
        "report.yaml:4:77: 'tables[0].variables[0].test': 'test' must be one of 'auto', 'chisq', 'fisher', 't-test', 'wilcoxon', 'anova', 'kruskal', 'none', found 'chi'."
      ),
      (
        "data:\n  aml: data/aml.csv\ntables:\n  - {id: t, type: characteristics, data: aml, variables: []}\n",
        "report.yaml:4:58: 'tables[0].variables': 'variables' expects a list of at least one variable"
      ),
      (
        "data:\n  aml: data/aml.csv\ntables:\n  - {id: t, type: characteristics, data: aml, variables: [{column: x, show: 1, summary: mean-sd}]}\n",
        "report.yaml:4:89: 'tables[0].variables[0].summary': 'summary' describes continuous variables; this one has 'levels', 'show' or 'type: categorical'"
      ),
      (
        "data:\n  aml: data/aml.csv\ntables:\n  - {id: t, type: characteristics, data: aml}\n",
        "report.yaml:4:5: 'tables[0]': missing 'variables': the variables, in order: a column name, or a mapping of the variable keys"
      ),
    ])
  func mistakes(yaml: String, message: String) throws {
    let folder = try TemplateFolder(template: yaml)
    let error = try #require(throws: TemplateError.self) {
      try ReportTemplate(yaml: yaml, file: folder.path + "/report.yaml")
    }
    #expect(error.description.replacingOccurrences(of: folder.path + "/", with: "") == message)
  }

  @Test("an unknown column of a characteristics table is reported at the key that names it")
  func unknownColumns() throws {
    for (yaml, message) in [
      (
        "data:\n  aml: data/aml.csv\ntables:\n  - {id: t, type: characteristics, data: aml, group: xx, variables: [time]}\n",
        "while building table 't' (report.yaml:4): report.yaml:4:54: 'tables[0].group': unknown column 'xx' in DIR/data/aml.csv. Did you mean 'x'? Available columns: time, status, x"
      ),
      (
        "data:\n  aml: data/aml.csv\ntables:\n  - {id: t, type: characteristics, data: aml, variables: [time, {column: tme}]}\n",
        "while building table 't' (report.yaml:4): report.yaml:4:74: 'tables[0].variables[1].column': unknown column 'tme' in DIR/data/aml.csv. Did you mean 'time'? Available columns: time, status, x"
      ),
    ] {
      let folder = try TemplateFolder(template: yaml)
      let template = try ReportTemplate(contentsOfFile: folder.templatePath)
      let error = try #require(throws: (any Error).self) {
        try ReportBuilder(template: template, options: ReportBuildOptions(outputFolder: folder.path + "/out", jobs: 1))
          .run()
      }
      let shown = "\(error)".replacingOccurrences(of: folder.path + "/report.yaml", with: "report.yaml")
        .replacingOccurrences(of: folder.path, with: "DIR")
      #expect(shown == message)
      #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
    }
  }

  @Test("a characteristics table builds into CSV, Markdown, LaTeX, the report and a sidecar with every number")
  func build() throws {
    let yaml = """
      title: AML
      data:
        aml: data/aml.csv
      tables:
        - {id: table-1, type: characteristics, data: aml, group: x, variables: [time, {column: status, show: 1}]}
      """
    let folder = try TemplateFolder(template: yaml)
    let template = try ReportTemplate(contentsOfFile: folder.templatePath)
    _ = try ReportBuilder(template: template, options: ReportBuildOptions(outputFolder: folder.path + "/out", jobs: 1))
      .run()
    let md = try String(contentsOfFile: folder.path + "/out/table-1.md", encoding: .utf8)
    #expect(md.contains("| **time, median [IQR]** |"))
    let sidecar =
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/table-1.json")))
      as? [String: Any]
    let statistics = sidecar?["statistics"] as? [String: Any]
    let variables = statistics?["variables"] as? [[String: Any]]
    #expect(variables?.count == 2)
    // R: wilcox.test(time ~ x, aml) has ties: normal approximation, P = 0.09260...; the
    // relapse counts 7/11 and 11/12 (fisher.test(table(aml$status, aml$x))).
    #expect((variables?[0]["test"] as? [String: Any])?["name"] as? String == "wilcoxon")
    #expect((variables?[1]["test"] as? [String: Any])?["name"] as? String == "fisher")
    for ext in ["csv", "tex"] { #expect(FileManager.default.fileExists(atPath: folder.path + "/out/table-1.\(ext)")) }
    #expect(FileManager.default.fileExists(atPath: folder.path + "/out/report.pdf"))
  }
}
