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

@Suite("Forest plots from Cox models and subgroups")
struct ForestAnalysisTests {
  /// `Templates/data/<name>`.
  static func shipped(_ name: String) throws -> DataTable {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return try DataTable(contentsOfFile: url.path + "/Templates/data/" + name, displayName: name)
  }

  /// R's ovarian data with `sep = fustat`, a covariate that separates events from censorings.
  static let ovarianSeparated = """
    futime,fustat,age,rx,sep
    59,1,72.3315,1,1
    115,1,74.4932,1,1
    156,1,66.4658,1,1
    421,0,53.3644,2,0
    431,1,50.3397,1,1
    448,0,56.4301,1,0
    464,1,56.937,2,1
    475,1,59.8548,2,1
    477,0,64.1753,1,0
    563,1,55.1781,2,1
    638,1,56.7562,1,1
    744,0,50.1096,2,0
    769,0,59.6301,2,0
    770,0,57.0521,2,0
    803,0,39.2712,1,0
    855,0,43.1233,1,0
    1040,0,38.8932,2,0
    1106,0,44.6,1,0
    1129,0,53.9068,2,0
    1206,0,44.2055,2,0
    1227,0,59.589,2,0
    268,1,74.5041,1,1
    329,1,43.137,1,1
    353,1,63.2219,2,1
    365,1,64.4247,2,1
    377,0,58.3096,2,0

    """

  static let monotone =
    "the log-likelihood converged before the coefficient of 'sep'; the coefficient may be infinite (monotone likelihood). Use the likelihood-ratio or score test rather than the Wald test"

  @Test("monotone likelihood: the warnings name each model, the rows show NE, the JSON says not estimable")
  func monotoneModels() throws {
    let table = try inputTable(Self.ovarianSeparated, named: "ov.csv")
    let request = ForestRequest(
      dataPath: "ov.csv",
      source: .models(formula: "Surv(futime, fustat) ~ sep + age", univariable: true, multivariable: true))
    let analysis = try ForestAnalysis(table: table, request: request)
    #expect(
      analysis.warnings == ["univariable model of 'sep': " + Self.monotone, "multivariable model: " + Self.monotone])
    let sep = try #require(analysis.rows.first { $0.label == "sep" })
    #expect(sep.estimates == [nil, nil] && sep.note(forSeries: 0) == "NE" && sep.note(forSeries: 1) == "NE")
    let texts = analysis.figure(request).layout(measurer: MonospaceTextMeasurer()).scene.texts.map(\.0.text.plainText)
    #expect(texts.filter { $0 == "NE" }.count == 2)
    guard case .object(let pairs) = analysis.json else {
      Issue.record("JSON is not an object")
      return
    }
    let json = Dictionary(pairs, uniquingKeysWith: { a, _ in a })
    #expect(json["warnings"] == .array(analysis.warnings.map { .string($0) }))
    guard case .array(let estimates)? = json["estimates"] else {
      Issue.record("no estimates")
      return
    }
    let flags = estimates.map { Dictionary($0.objectPairs, uniquingKeysWith: { a, _ in a }) }.map {
      ($0["name"], $0["estimable"])
    }
    #expect(flags.map(\.1) == [.bool(false), .bool(false), .bool(true), .bool(true)])
  }

  /// R (`d` = the CSV below): `coxph(Surv(time, status) ~ factor(arm), d, subset = site == "Y")`
  /// warns "Loglik converged before variable 1"; `anova(coxph(… ~ factor(arm) + factor(site)),
  /// coxph(… ~ factor(arm) * factor(site)))` gives χ² 9.0755222439436452, 1 df,
  /// P 0.002590535838428902.
  @Test("subgroups: per-arm events/n, the interaction P in its own column, NE and a warning for a separated subgroup")
  func monotoneSubgroup() throws {
    let csv = """
      time,status,arm,site
      5,1,1,X
      8,1,1,X
      12,0,1,X
      3,1,1,X
      9,1,1,X
      14,0,1,X
      7,1,2,X
      11,0,2,X
      6,1,2,X
      10,1,2,X
      4,1,2,X
      13,0,2,X
      2,1,1,Y
      6,1,1,Y
      9,1,1,Y
      4,1,1,Y
      15,0,2,Y
      18,0,2,Y
      20,0,2,Y
      16,0,2,Y
      22,0,2,Y
      19,0,2,Y

      """
    let table = try inputTable(csv, named: "sub.csv")
    var request = ForestRequest(
      dataPath: "sub.csv", source: .subgroups(time: "time", event: "status", treatment: "arm", subgroups: ["site"]))
    request.labels = ["arm:1": "Control", "arm:2": "Drug"]
    let analysis = try ForestAnalysis(table: table, request: request)
    #expect(analysis.extraColumns == ["Control\nevents/n", "Drug\nevents/n"])
    #expect(analysis.pTitle == "P for interaction")
    #expect(analysis.rows.map(\.label) == ["All patients", "site", "X", "Y"])
    #expect(analysis.rows.map(\.cells) == [["8/10", "4/12"], ["", ""], ["4/6", "4/6"], ["4/4", "0/6"]])
    let header = analysis.rows[1]
    #expect(abs((header.headerP ?? .nan) - 0.002590535838428902) < 1e-6)
    #expect(analysis.rows[3].estimates == [nil])
    #expect(analysis.rows[2].estimates.first??.p == nil)
    #expect(
      analysis.warnings.contains(
        "subgroup site = Y: the log-likelihood converged before the coefficient of 'factor(arm)2'; the coefficient may be infinite (monotone likelihood). Use the likelihood-ratio or score test rather than the Wald test"
      ))
    let layout = analysis.figure(request).layout(measurer: MonospaceTextMeasurer())
    let texts = layout.scene.texts.map(\.0.text.plainText)
    #expect(texts.contains("P for") && texts.contains("interaction") && texts.contains("NE") && texts.contains("0/6"))
    let table3 = analysis.table(title: nil, confidenceLevel: 0.95)
    #expect(
      table3.columns.map(\.title) == [
        "Variable", "Control\nevents/n", "Drug\nevents/n", "HR (95% CI)", "P for interaction",
      ])
  }

  /// R: `u <- coxph(Surv(time, status) ~ factor(celltype), veteran)`: `u$wald.test`
  /// 24.094136596366965, P 2.3874673633985309e-05;
  /// `m <- coxph(Surv(time, status) ~ factor(trt) * factor(celltype) + karno, veteran)`: joint
  /// Wald test of the three `factor(celltype)` columns 9.7434136244413576, P 0.020877988873552147;
  /// of the interaction columns 6.8557880240448474, P 0.076639143069416993;
  /// `exp(coef(m))[6:8]` 3.1639189452022118, 1.1176986538365363, 2.3401266711529214.
  @Test("models: the overall P per model, interactions in the multivariable model only, readable labels, counts")
  func models() throws {
    let table = try Self.shipped("veteran.csv")
    var request = ForestRequest(
      dataPath: "veteran.csv",
      source: .models(
        formula: "Surv(time, status) ~ factor(trt)*factor(celltype) + karno", univariable: true, multivariable: true))
    request.labels = [
      "trt": "Treatment", "celltype": "Cell type", "celltype:4": "Large cell",
      "factor(trt)2:factor(celltype)3": "Treatment 2 × Adeno", "karno": "Karnofsky",
    ]
    request.showsCounts = true
    let analysis = try ForestAnalysis(table: table, request: request)
    let rows = Dictionary(analysis.rows.map { ($0.label, $0) }, uniquingKeysWith: { a, _ in a })
    let celltype = try #require(rows["Cell type"])
    #expect(celltype.headerPValues.count == 2)
    #expect(abs((celltype.headerP(forSeries: 0) ?? .nan) / 2.3874673633985309e-05 - 1) < 1e-6)
    #expect(abs((celltype.headerP(forSeries: 1) ?? .nan) / 0.020877988873552147 - 1) < 1e-6)
    let interaction = try #require(rows["Treatment × Cell type"])
    #expect(interaction.kind == .header && interaction.headerP(forSeries: 0) == nil)
    #expect(abs((interaction.headerP(forSeries: 1) ?? .nan) / 0.076639143069416993 - 1) < 1e-6)
    let labels = analysis.rows.map(\.label)
    #expect(
      Array(labels.suffix(3)) == ["Treatment 2 × Cell type 2", "Treatment 2 × Adeno", "Treatment 2 × Large cell"])
    let large = try #require(rows["Treatment 2 × Large cell"])
    #expect(large.estimates.first! == nil && large.note(forSeries: 0) == "")
    #expect(abs((large.estimates.last??.value ?? .nan) / 2.3401266711529214 - 1) < 1e-8)
    // n and events per level (R: table(veteran$celltype, veteran$status)).
    #expect(rows["Large cell"]?.cells == ["27", "26"])
    let header = try #require(analysis.rows.firstIndex { $0.label == "Cell type" })
    #expect(analysis.rows[header + 1].kind == .reference && analysis.rows[header + 1].cells == ["35", "31"])
    #expect(rows["Karnofsky"]?.cells == ["137", "128"])
    #expect(
      analysis.footnotes == [
        "Interaction terms are estimated in the multivariable model only; their univariable cells are empty."
      ])
    guard case .object(let pairs) = analysis.json,
      case .array(let tests)? = pairs.first(where: { $0.0 == "factor_tests" })?.1
    else {
      Issue.record("no factor tests")
      return
    }
    let univariable = tests.map { Dictionary($0.objectPairs, uniquingKeysWith: { a, _ in a }) }
      .first { $0["model"] == .string("univariable") && $0["term"] == .string("factor(celltype)") }
    #expect(univariable?["df"] == .int(3))
    if case .number(let statistic)? = univariable?["statistic"] {
      #expect(abs(statistic / 24.094136596366965 - 1) < 1e-6)
    }
  }
}
