import Foundation
import Testing

@testable import Analyses
@testable import Expressions
@testable import ReportEngine
@testable import ReportTemplates
@testable import SurvivalSimulation

/// `label:` names a figure or table as its paper does ("Figure 3", "Table 3" for a forest plot);
/// without it figures and tables are numbered by their place in the template.
@Suite("Report templates: figure and table labels")
struct FigureLabelTests {
  static let template = """
    data:
      aml: data/aml.csv
    endpoints:
      remission: {data: aml, time: time, event: status, time-unit: weeks}
    figures:
      - {id: overall, endpoint: remission}
      - {id: by-arm, endpoint: remission, group: x, label: Figure 3.}
      - {id: forest, type: forest, data: aml, model: "Surv(time, status) ~ x", label: Table 3}
      - {id: last, endpoint: remission}
    tables:
      - {id: rates, type: survival, endpoint: remission, group: x, times: [12]}
      - {id: cox, type: cox, data: aml, model: "Surv(time, status) ~ x", label: Supplementary Table S2}
    """

  @Test("labels from the template, else 'Figure n' and 'Table n' by position; a final full stop is dropped")
  func labels() throws {
    let folder = try TemplateFolder(template: Self.template)
    let template = try ReportTemplate(contentsOfFile: folder.templatePath)
    #expect(template.figures.map(\.label) == ["Figure 1", "Figure 3", "Table 3", "Figure 4"])
    #expect(template.tables.map(\.label) == ["Table 1", "Supplementary Table S2"])
  }

  @Test("the sidecars carry the label, in a build of all figures and of one")
  func sidecars() throws {
    let folder = try TemplateFolder(template: Self.template)
    let template = try ReportTemplate(contentsOfFile: folder.templatePath)
    for only in [nil, ["by-arm", "cox"]] {
      let out = folder.path + "/out-\(only == nil ? "all" : "some")"
      _ = try ReportBuilder(template: template, options: ReportBuildOptions(outputFolder: out, only: only, jobs: 1))
        .run()
      for (id, label) in [("by-arm", "Figure 3"), ("cox", "Supplementary Table S2")] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(id).json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["label"] as? String == label)
      }
    }
  }

  @Test("a panel takes no label: its letter comes from its place")
  func panelLabel() throws {
    let yaml = """
      data:
        aml: data/aml.csv
      figures:
        - id: grid
          type: panels
          panels:
            - {data: aml, time: time, event: status, label: Figure 2}
      """
    let folder = try TemplateFolder(template: yaml)
    let error = try #require(throws: TemplateError.self) {
      try ReportTemplate(yaml: yaml, file: folder.path + "/report.yaml")
    }
    #expect(
      error.description.replacingOccurrences(of: folder.path + "/", with: "")
        == "report.yaml:7:55: 'figures[0].panels[0].label': a panel is lettered A, B, … by its place; 'label' names the whole figure"
    )
  }
}
