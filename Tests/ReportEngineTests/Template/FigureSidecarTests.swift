import ClinicalData
import FigureCore
import Foundation
import Testing

@testable import Analyses
@testable import Expressions
@testable import ReportEngine
@testable import ReportTemplates
@testable import SurvivalSimulation

/// Forest and swimmer sidecars: the methods and every value printed on the figure.
@Suite("survfig build: forest and swimmer sidecars")
struct FigureSidecarTests {
  static let yaml = """
    data:
      lung: \(FigureStyleTests.root)/Templates/data/lung.csv
      patients: \(FigureStyleTests.root)/Templates/data/swimmer-patients.csv
      events: \(FigureStyleTests.root)/Templates/data/swimmer-events.csv
    figures:
      - id: forest
        type: forest
        data: lung
        model: Surv(time, status) ~ age + factor(ph.ecog)
        labels: {age: Age, ph.ecog: ECOG PS}
        ties: breslow
        conf-level: 0.9
        formats: pdf

    """ + FigureStyleTests.swimmer("swimmer", "\n    ongoing: ongoing\n    time-unit: months")

  static func sidecars() throws -> [String: [String: Any]] {
    let folder = try TemplateFolder(template: yaml)
    let template = try ReportTemplate(contentsOfFile: folder.templatePath)
    _ = try ReportBuilder(template: template, options: ReportBuildOptions(outputFolder: folder.path + "/out", jobs: 2))
      .run()
    var out: [String: [String: Any]] = [:]
    for id in ["forest", "swimmer"] {
      let data = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/\(id).json"))
      out[id] = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    }
    return out
  }

  /// R: `coxph(Surv(time, status) ~ age + factor(ph.ecog), lung, ties = "breslow")` uses 227
  /// patients (one has no ECOG score) with 164 deaths.
  @Test("a forest sidecar states its methods and what the plot prints, header P values and model counts included")
  func forest() throws {
    let json = try #require(try Self.sidecars()["forest"])
    #expect(
      json["methods"] as? String
        == "Cox proportional hazards models (Breslow ties, R coxph ties = \"breslow\") on the patients with complete data; hazard ratios with 90% Wald confidence intervals, exp(β ± z·SE); univariable models: each variable alone, with the formula's strata; multivariable model: all variables together; P values by Wald tests; on a factor's line the joint Wald test of its levels; computed with survfig 0.1.0."
    )
    let printed = try #require(json["printed"] as? [String: Any])
    #expect(printed["columns"] as? [String] == ["Variable", "HR (90% CI)", "P", "HR (90% CI)", "P"])
    #expect(printed["series"] as? [String] == ["Univariable", "Multivariable"])
    #expect(printed["n"] as? Int == 227)
    #expect(printed["events"] as? Int == 164)
    #expect(printed["excluded"] as? Int == 1)
    let rows = try #require(printed["rows"] as? [[String: Any]])
    #expect(rows.map { $0["label"] as? String } == ["Age", "ECOG PS", "0", "1", "2", "3"])
    let header = try #require(rows.first { $0["kind"] as? String == "header" })
    #expect((header["series"] as? [[String: String]])?.map { $0["p"] } == ["<0.001", "<0.001"])
    let reference = try #require(rows.first { $0["kind"] as? String == "reference" })
    #expect((reference["series"] as? [[String: String]])?.map { $0["estimate"] } == ["Reference", "Reference"])
    #expect((printed["x_ticks"] as? [String])?.contains("1") == true)
  }

  @Test("a swimmer sidecar states how the bars were drawn and what the plot prints")
  func swimmer() throws {
    let json = try #require(try Self.sidecars()["swimmer"])
    #expect(
      json["methods"] as? String
        == "One bar per patient from 0 to 'end' in months; lanes grouped by 'group', the longest bar first within each group; arrows mark patients ongoing at the end ('ongoing'); lines above the bars span the response, from 'response_start' to 'response_end' (the bar's end when missing); markers at the events of the events file ('month', 'event'); descriptive: no estimates or tests; drawn with survfig 0.1.0."
    )
    let printed = try #require(json["printed"] as? [String: Any])
    #expect(printed["x_title"] as? String == "Time (months)")
    #expect(printed["y_title"] as? String == "Patients")
    // Lanes are numbered, not labelled with patient identifiers, unless `ids: true`.
    #expect(printed["lane_labels"] as? String == "numbers")
    #expect((printed["lanes_top_to_bottom"] as? [String])?.prefix(3) == ["1", "2", "3"])
    #expect((printed["lanes_top_to_bottom"] as? [String])?.count == 38)
    // Row-level lanes only with `--sidecar full`.
    #expect(json["lanes"] == nil)
    let legend = try #require(printed["legend"] as? [String])
    #expect(Array(legend.prefix(3)) == ["A", "M", "O"])
    #expect(legend.suffix(2) == ["Response duration", "Ongoing"])
  }
}

@Suite("survfig build: swimmer filters")
struct SwimmerFilterTests {
  @Test("a filtered swimmer plot keeps the events of its patients; an event of an unknown patient is still an error")
  func filterDropsOthersEvents() throws {
    let yaml = """
      data:
        patients: \(FigureStyleTests.root)/Templates/data/swimmer-patients.csv
        events: data/events.csv

      """ + "figures:\n" + FigureStyleTests.swimmer("swimmer", "\n    filter: group == \"A\"\n    ids: true")
    let folder = try TemplateFolder(template: yaml)
    let events = try String(
      contentsOfFile: FigureStyleTests.root + "/Templates/data/swimmer-events.csv", encoding: .utf8)
    try events.write(toFile: folder.path + "/data/events.csv", atomically: true, encoding: .utf8)
    let template = try ReportTemplate(contentsOfFile: folder.templatePath)
    var options = ReportBuildOptions(outputFolder: folder.path + "/out", jobs: 1)
    options.sidecarDetail = .full
    _ = try ReportBuilder(template: template, options: options).run()
    let data = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/swimmer.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let lanes = try #require(json["lanes"] as? [[String: Any]])
    #expect(lanes.allSatisfy { $0["group"] as? String == "A" })
    #expect(lanes.first { $0["id"] as? String == "P01" }.flatMap { ($0["events"] as? [Any])?.count } == 2)
    try (events + "P99,3.0,PD\n").write(toFile: folder.path + "/data/events.csv", atomically: true, encoding: .utf8)
    let unknown = try ReportTemplate(contentsOfFile: folder.templatePath)
    let error = try #require(throws: FigureBuildError.self) {
      try ReportBuilder(template: unknown, options: ReportBuildOptions(outputFolder: folder.path + "/out2", jobs: 1))
        .run()
    }
    #expect(
      error.description.hasSuffix(
        "data/events.csv:\(events.split(separator: "\n").count + 1):1: patient 'P99' is not in \(FigureStyleTests.root)/Templates/data/swimmer-patients.csv"
      ))
  }
}
