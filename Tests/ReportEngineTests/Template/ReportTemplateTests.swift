import Foundation
import SurvivalStatistics
import Testing

@testable import Analyses
@testable import Expressions
@testable import ReportEngine
@testable import ReportTemplates
@testable import SurvivalSimulation

/// A folder holding `aml.csv` and a template, removed afterwards.
final class TemplateFolder {
  let path: String

  init(template: String) throws {
    path = NSTemporaryDirectory() + "survfig-template-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path + "/data", withIntermediateDirectories: true)
    try Self.aml.write(toFile: path + "/data/aml.csv", atomically: true, encoding: .utf8)
    try template.write(toFile: path + "/report.yaml", atomically: true, encoding: .utf8)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  var templatePath: String { path + "/report.yaml" }

  /// R's `aml` data set (survival package).
  static let aml = """
    time,status,x
    9,1,1
    13,1,1
    13,0,1
    18,1,1
    23,1,1
    28,0,1
    31,1,1
    34,1,1
    45,0,1
    48,1,1
    161,0,1
    5,1,2
    5,1,2
    8,1,2
    8,1,2
    12,1,2
    16,0,2
    23,1,2
    27,1,2
    30,1,2
    33,1,2
    43,1,2
    45,1,2

    """
}

@Suite("Report templates: schema and messages")
struct ReportTemplateTests {
  /// The keys of a Kaplan–Meier figure, as an unknown key's message lists them.
  static let kaplanMeierKeys =
    (FigureSpec.keyDescriptions.map(\.key).filter { $0 != "title" }
    + KaplanMeierRequest.options.templateKeys).joined(separator: ", ")

  static let valid = """
    title: AML maintenance trial
    data:
      aml: data/aml.csv
    endpoints:
      remission:
        data: aml
        time: time
        event: status
        time-unit: weeks
    figures:
      - id: remission-by-arm
        endpoint: remission
        group: x
        group-labels: {1: Maintained, 2: Not maintained}
        times: 12, 24
        caption: Median {{#groups}}{{label}} {{median_text}}; {{/groups}}log-rank {{logrank.p_text}}.
      - id: panels
        type: panels
        columns: 2
        panels:
          - {endpoint: remission}
          - {endpoint: remission, group: x, risk-table: kmunicate}
    """

  @Test("a valid template: data, endpoints, figures with every key applied")
  func valid() throws {
    let folder = try TemplateFolder(template: Self.valid)
    let template = try ReportTemplate(contentsOfFile: folder.templatePath)
    #expect(template.title == "AML maintenance trial")
    #expect(template.figures.map(\.id) == ["remission-by-arm", "panels"])
    guard let request = template.figures[0].request(of: KaplanMeierKind.self) else {
      Issue.record("expected a Kaplan–Meier figure")
      return
    }
    #expect(request.dataPath == folder.path + "/data/aml.csv")
    #expect(request.groupLabels == ["1": "Maintained", "2": "Not maintained"])
    #expect(request.times == [12, 24])
    #expect(request.figure.dataTimeUnit == .weeks)
    #expect(template.figures[0].formats == [.pdf, .png])
    guard case .panels(let columns, let panels) = template.figures[1].kind else {
      Issue.record("expected panels")
      return
    }
    #expect(columns == 2)
    #expect(panels.count == 2)
  }

  @Test("the style's typeface applies to every figure type; a figure may set its own")
  func fontFamily() throws {
    let yaml = """
      data:
        aml: data/aml.csv
      style: {preset: single-column, font: serif}
      figures:
        - {id: a, data: aml, time: time, event: status}
        - {id: b, data: aml, time: time, event: status, font: sans}
        - {id: f, type: forest, data: aml, model: "Surv(time, status) ~ factor(x)"}
        - {id: s, type: swimmer, data: aml, id-column: time, end: time}
      """
    let folder = try TemplateFolder(template: yaml)
    let template = try ReportTemplate(contentsOfFile: folder.templatePath)
    #expect(template.style.fontFamily == .serif)
    #expect(template.figures.map(\.fontFamily) == [.serif, .sans, .serif, .serif])
    let wrong = "data:\n  aml: data/aml.csv\nstyle: {font: roman}\n"
    let error = try #require(throws: TemplateError.self) {
      try ReportTemplate(yaml: wrong, file: folder.path + "/report.yaml")
    }
    #expect(
      error.description.replacingOccurrences(of: folder.path + "/", with: "")
        == "report.yaml:3:15: 'style.font': 'font' must be one of 'sans', 'serif', found 'roman'.")
  }

  @Test(
    "Cox tables and forest plots state the model selection: select, entry-p, stay-p, select-by, ph-test, censor-value")
  func selectionKeys() throws {
    let yaml = """
      data:
        aml: data/aml.csv
      figures:
        - {id: f, type: forest, data: aml, model: "Surv(time, status) ~ factor(x)", select: backward, stay-p: 0.1, counts: true}
      tables:
        - id: t
          type: cox
          data: aml
          model: Surv(time, status) ~ factor(x)
          select: backward
          entry-p: 0.2
          stay-p: 0.1
          select-by: lr
          ph-test: true
          censor-value: 0
      """
    let folder = try TemplateFolder(template: yaml)
    let template = try ReportTemplate(contentsOfFile: folder.templatePath)
    guard let request = template.tables[0].request.request(of: CoxTableKind.self),
      let figure = template.figures[0].request(of: ForestKind.self)
    else {
      Issue.record("expected a Cox table and a forest plot")
      return
    }
    #expect(
      request.selection
        == CoxModelSelection.Options(entryThreshold: 0.2, stayThreshold: 0.1, criterion: .likelihoodRatio))
    #expect(request.testsProportionalHazards && request.censorValues == ["0"])
    #expect(figure.selection == CoxModelSelection.Options(entryThreshold: 0.15, stayThreshold: 0.1, criterion: .wald))
    #expect(figure.showsCounts)
  }

  @Test(
    "mistakes are reported at file:line:column with the key and a suggestion",
    arguments: [
      (
        "data:\n  aml: data/aml.csv\nfigures:\n  - id: a\n    data: aml\n    time: time\n    event: status\n    grup: x\n",
        "report.yaml:8:5: 'figures[0].grup': unknown key 'grup'. Did you mean 'group'? Valid keys: \(Self.kaplanMeierKeys)"
      ),
      (
        "data:\n  aml: data/aml.csv\nfigures:\n  - id: a\n    data: aml\n    time: time\n    event: status\n    width: wide\n",
        "report.yaml:8:12: 'figures[0].width': 'width' expects a size in millimetres or a journal's column (single, one-and-a-half, double), found 'wide'"
      ),
      (
        "data:\n  aml: data/aml.csv\nfigures:\n  - id: a\n    endpoint: os\n",
        "report.yaml:5:15: 'figures[0].endpoint': unknown endpoint 'os'. (none is defined)"
      ),
      (
        "data:\n  aml: data/missing.csv\nfigures: []\n",
        "report.yaml:2:8: 'data.aml': the data file 'data/missing.csv' does not exist"
      ),
      (
        "data:\n  aml: data/aml.csv\nfigures:\n  - {id: a, data: aml, time: time, event: status}\n  - {id: a, data: aml, time: time, event: status}\n",
        "report.yaml:5:5: 'figures[1]': the figure id 'a' is used twice; ids name the output files and must be unique"
      ),
      (
        "data:\n  aml: data/aml.csv\nfigures:\n  - id: a\n    data: aml\n    time: time\n    event: status\n    conf-type: logit\n",
        "report.yaml:8:16: 'figures[0].conf-type': 'conf-type' must be one of 'log', 'log-log', 'plain', found 'logit'."
      ),
      (
        "data:\n  aml: data/aml.csv\nfigures:\n  - id: a\n    data: aml\n    event: status\n",
        "report.yaml:6:12: 'figures[0].event': 'event' needs 'time', the column of the follow-up time"
      ),
      (
        "data:\n  aml: data/aml.csv\nfigures:\n  - {id: a, data: aml, time: time, event: status, strata: x}\n",
        "report.yaml:4:59: 'figures[0].strata': 'strata' needs 'group': the stratified log-rank test compares the groups within each stratum, and without groups there is no test"
      ),
      (
        "data:\n  aml: data/aml.csv\ntables:\n  - {id: t, type: survival, data: aml, time: time, event: status, strata: x}\n",
        "report.yaml:4:75: 'tables[0].strata': 'strata' needs 'group': the stratified log-rank test compares the groups within each stratum, and without groups there is no test"
      ),
      (
        "data:\n  aml: data/aml.csv\nfigures:\n  - {id: a, data: aml, time: time, event: status, fun: cumhaz, median-lines: true}\n",
        "report.yaml:4:78: 'figures[0].median-lines': 'median-lines' marks where the survival or event curve crosses 0.5; there is no such line for 'fun: cumhaz'"
      ),
      (
        "data:\n  aml: data/aml.csv\ntables:\n  - {id: t, type: response, data: aml, id-column: x, response: status, death-time: time}\n",
        "report.yaml:4:84: 'tables[0].death-time': 'death-time' needs 'time': the duration of response runs from a dated response"
      ),
      (
        "data:\n  aml: data/aml.csv\ntables:\n  - {id: t, type: cox, data: aml, model: \"Surv(time, status) ~ x\", stay-p: 0.1}\n",
        "report.yaml:4:76: 'tables[0].stay-p': 'stay-p' sets up variable selection; add 'select: backward'"
      ),
      (
        "data:\n  aml: data/aml.csv\ntables:\n  - {id: t, type: cox, data: aml, model: \"Surv(time, status) ~ x\", select: backward, entry-p: 15}\n",
        "report.yaml:4:95: 'tables[0].entry-p': 'entry-p' must be greater than 0 and at most 1, found 15"
      ),
      (
        "data:\n  aml: data/aml.csv\nfigures:\n  - {id: f, type: forest, data: aml, time: time, event: status, treatment: x, subgroups: x, select: backward}\n",
        "report.yaml:4:101: 'figures[0].select': 'select' applies to the Cox-model form; give 'model'"
      ),
      (
        "data:\n  aml: data/aml.csv\nfigures:\n  - {id: f, type: forest, data: aml, model: \"Surv(time, status) ~ strata(x)\"}\n",
        "report.yaml:4:45: 'figures[0].model': no terms to plot: strata(x) only stratifies the baseline hazard and has no hazard ratio; add the covariates to plot before it, e.g. 'Surv(time, status) ~ <covariate> + strata(x)'"
      ),
      (
        "data:\n  aml: data/aml.csv\nfigures:\n  - {id: f, type: forest, data: aml, model: \"Surv(time, status) ~ 1\"}\n",
        "report.yaml:4:45: 'figures[0].model': no terms to plot: the model has no covariates, so no hazard ratios; add the covariates to plot, e.g. 'Surv(time, status) ~ <covariate>'"
      ),
      (
        "data:\n  aml: data/aml.csv\nfigures:\n  - id: p\n    type: panels\n    panels:\n      - {type: panels, panels: [{data: aml, time: time, event: status}]}\n",
        "report.yaml:7:16: 'figures[0].panels[0].type': a panel cannot itself hold panels; list them all in this figure's 'panels' (its 'columns' set the grid), or make the inner grid a figure of its own"
      ),
      (
        "data:\n  aml: data/aml.csv\nfigures:\n  - {id: a, data: aml, time: time, event: status, id: b}\n",
        "report.yaml:4:6: invalid YAML: the mapping here has the key 'id' more than once"
      ),
      (
        "data:\n  aml: data/aml.csv\nfigures:\n  - {id: f, type: forest, data: aml, model: \"Surv(time, status) ~ x\", x-breaks: [0, 1]}\n",
        "report.yaml:4:82: 'figures[0].x-breaks[0]': 'x-breaks' must be greater than 0, found 0"
      ),
      (
        "data:\n  aml: [data/aml.csv\nfigures: []\n",
        "report.yaml:3:8: invalid YAML: while parsing a flow sequence did not find expected ',' or ']'"
      ),
    ])
  func mistakes(yaml: String, message: String) throws {
    let folder = try TemplateFolder(template: yaml)
    let error = try #require(throws: TemplateError.self) {
      try ReportTemplate(yaml: yaml, file: folder.path + "/report.yaml")
    }
    let shown = error.description.replacingOccurrences(of: folder.path + "/", with: "")
      .replacingOccurrences(of: folder.path, with: "DIR")
    #expect(shown == message)
  }
}
