import Foundation
import Testing

@testable import Analyses
@testable import Expressions
@testable import ReportEngine
@testable import ReportTemplates
@testable import SurvivalSimulation

@Suite("survfig build: outputs, sidecars, dependency file")
struct ReportBuilderTests {
  func build(_ folder: TemplateFolder, out: String = "out", _ configure: (inout ReportBuildOptions) -> Void = { _ in })
    throws -> ReportBuildResult
  {
    let template = try ReportTemplate(contentsOfFile: folder.templatePath)
    var options = ReportBuildOptions(
      outputFolder: folder.path + "/" + out, jobs: 2, depfile: folder.path + "/" + out + "/report.d",
      executable: "/usr/local/bin/survfig")
    configure(&options)
    return try ReportBuilder(template: template, options: options).run()
  }

  func files(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
  }

  @Test("every figure in its formats, a sidecar per figure, the report PDF and the depfile")
  func outputs() throws {
    let folder = try TemplateFolder(template: ReportTemplateTests.valid)
    let result = try build(folder)
    #expect(
      files(folder.path + "/out") == [
        "panels.json", "panels.pdf", "panels.png", "remission-by-arm.json", "remission-by-arm.pdf",
        "remission-by-arm.png", "report-methods.bib", "report-methods.md", "report-methods.tex", "report.d",
        "report.docx", "report.pdf", "report.rtf",
      ])
    #expect(result.files.count == 13)
    let depfile = try String(contentsOfFile: folder.path + "/out/report.d", encoding: .utf8)
    let out = folder.path + "/out/"
    let inputs = "\(folder.path)/report.yaml \(folder.path)/data/aml.csv /usr/local/bin/survfig"
    #expect(
      depfile == """
        \(out)remission-by-arm.pdf \(out)remission-by-arm.png \(out)remission-by-arm.json: \(inputs)
        \(out)panels.pdf \(out)panels.png \(out)panels.json: \(inputs)
        \(out)report.pdf \(out)report.docx \(out)report.rtf \(out)report-methods.md \(out)report-methods.tex \(out)report-methods.bib: \(inputs)

        \(folder.path)/data/aml.csv:

        """)
  }

  /// Two data files, each read by one figure and one table.
  static let twoDataFiles = """
    data:
      a: data/aml.csv
      b: data/b.csv
    derive:
      b: {weeks: time}
    figures:
      - {id: fig-a, data: a, time: time, event: status, formats: pdf}
      - id: fig-both
        type: panels
        panels:
          - {data: a, time: time, event: status}
          - {data: b, time: weeks, event: status}
        formats: pdf
    tables:
      - {id: table-b, type: survival, data: b, time: weeks, event: status, formats: csv}
    """

  @Test("each figure's and table's outputs depend on the data files it reads; the report on all")
  func depfilePerOutput() throws {
    let folder = try TemplateFolder(template: Self.twoDataFiles)
    try TemplateFolder.aml.write(toFile: folder.path + "/data/b.csv", atomically: true, encoding: .utf8)
    _ = try build(folder) { $0.executable = nil }
    let depfile = try String(contentsOfFile: folder.path + "/out/report.d", encoding: .utf8)
    let (out, data, yaml) = (folder.path + "/out/", folder.path + "/data/", folder.path + "/report.yaml")
    #expect(
      depfile == """
        \(out)fig-a.pdf \(out)fig-a.json: \(yaml) \(data)aml.csv
        \(out)fig-both.pdf \(out)fig-both.json: \(yaml) \(data)aml.csv \(data)b.csv
        \(out)table-b.csv \(out)table-b.json: \(yaml) \(data)b.csv
        \(out)report.pdf \(out)report.docx \(out)report.rtf \(out)report-methods.md \(out)report-methods.tex \(out)report-methods.bib: \(yaml) \(data)aml.csv \(data)b.csv

        \(data)aml.csv:
        \(data)b.csv:

        """)
  }

  @Test("a second build leaves current files alone; a touched data file rewrites only what reads it")
  func unchangedOutputsKeepTheirTimes() throws {
    let folder = try TemplateFolder(template: Self.twoDataFiles)
    try TemplateFolder.aml.write(toFile: folder.path + "/data/b.csv", atomically: true, encoding: .utf8)
    let first = try build(folder)
    #expect(first.unchanged == [])
    func modified(_ name: String) throws -> Date {
      try #require(
        try FileManager.default.attributesOfItem(atPath: folder.path + "/out/" + name)[.modificationDate] as? Date)
    }
    let names = ["fig-a.pdf", "fig-both.pdf", "table-b.csv", "report.pdf"]
    let before = try names.map(modified)
    let second = try build(folder)
    #expect(second.unchanged.count == second.files.count)
    #expect(try names.map(modified) == before)
    // Touching b.csv (same bytes) makes every output that reads it out of date for make.
    Thread.sleep(forTimeInterval: 0.05)
    try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: folder.path + "/data/b.csv")
    let third = try build(folder)
    let out = folder.path + "/out/"
    let report: [String] = [
      "report.pdf", "report.docx", "report.rtf", "report-methods.md", "report-methods.tex", "report-methods.bib",
    ]
    let rewritten: [String] = ["fig-both.pdf", "fig-both.json", "table-b.csv", "table-b.json"] + report
    let expected: Set<String> = Set(rewritten.map { out + $0 })
    #expect(Set(third.files).subtracting(third.unchanged) == expected)
    let after = try names.map(modified)
    #expect(after[0] == before[0])
    #expect(zip(after, before).dropFirst().allSatisfy { $0 > $1 })
  }

  /// R: `survdiff(Surv(time, status) ~ x, aml)$chisq` = 3.3963886989776011; medians from
  /// `survfit(Surv(time, status) ~ x, aml)`: 31 (18–NA) and 23 (8–NA) weeks.
  @Test("the sidecar holds the statistics, the printed values and the filled caption")
  func sidecar() throws {
    let folder = try TemplateFolder(template: ReportTemplateTests.valid)
    _ = try build(folder)
    let data = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/remission-by-arm.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(json["id"] as? String == "remission-by-arm")
    #expect(json["type"] as? String == "km")
    let statistics = try #require(json["statistics"] as? [String: Any])
    let logrank = try #require(statistics["logrank"] as? [String: Any])
    #expect(abs((logrank["chisq"] as? Double ?? 0) - 3.3963886989776011) < 1e-12)
    #expect(
      json["caption"] as? String
        == "Median Maintained 31.0 (95% CI 18.0–NR); Not maintained 23.0 (95% CI 8.0–NR); log-rank P = 0.065.")
    let printed = try #require(json["printed"] as? [String: Any])
    #expect((printed["annotations"] as? [String])?.first == "Log-rank P = 0.065")
    let riskTable = try #require(printed["risk_table"] as? [[String: Any]])
    #expect(riskTable.map { ($0["counts"] as? [Int])?.first } == [11, 12])
    #expect((json["methods"] as? String)?.contains("log-rank test (R survdiff)") == true)
    #expect(json["lint"] as? [String] == [])
  }

  @Test("two builds give byte-identical files")
  func deterministic() throws {
    let folder = try TemplateFolder(template: ReportTemplateTests.valid)
    _ = try build(folder, out: "a") { $0.depfile = nil }
    _ = try build(folder, out: "b") { $0.depfile = nil }
    for name in files(folder.path + "/a") {
      let a = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/a/" + name))
      let b = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/b/" + name))
      #expect(a == b, "\(name) differs between two builds")
    }
  }

  @Test("a failing figure names itself and its line, and nothing is written")
  func failureWritesNothing() throws {
    let yaml = ReportTemplateTests.valid.replacingOccurrences(of: "group: x\n", with: "group: arm\n")
    let folder = try TemplateFolder(template: yaml)
    let error = try #require(throws: FigureBuildError.self) { try build(folder) }
    #expect(
      error.description.replacingOccurrences(of: folder.path + "/", with: "")
        == "while building figure 'remission-by-arm' (report.yaml:11): report.yaml:13:12: 'figures[0].group': unknown column 'arm' in data/aml.csv. Available columns: time, status, x"
    )
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
  }

  @Test(
    "an unknown time, event, group or strata column points at the template key that names it",
    arguments: [
      (
        "endpoints: {os: {data: aml, time: tiem, event: status}}\nfigures:\n  - {id: a, endpoint: os}\n",
        "while building figure 'a' (report.yaml:5): report.yaml:3:35: 'endpoints.os.time': unknown column 'tiem' in data/aml.csv. Did you mean 'time'? Available columns: time, status, x"
      ),
      (
        "endpoints: {os: {data: aml, time: tiem, event: status}}\nfigures:\n  - {id: a, endpoint: os, time: time, event: stat}\n",
        "while building figure 'a' (report.yaml:5): report.yaml:5:46: 'figures[0].event': unknown column 'stat' in data/aml.csv. Did you mean 'status'? Available columns: time, status, x"
      ),
      (
        "figures:\n  - id: p\n    type: panels\n    panels:\n      - {data: aml, time: time, event: status, group: arm}\n",
        "while building figure 'p' (report.yaml:4): report.yaml:7:55: 'figures[0].panels[0].group': unknown column 'arm' in data/aml.csv. Available columns: time, status, x"
      ),
      (
        "tables:\n  - {id: t, type: survival, data: aml, time: time, event: status, group: x, strata: centre}\n",
        "while building table 't' (report.yaml:4): report.yaml:4:85: 'tables[0].strata': unknown column 'centre' in data/aml.csv. Available columns: time, status, x"
      ),
    ])
  func unknownColumnAtKey(body: String, message: String) throws {
    let folder = try TemplateFolder(template: "data:\n  aml: data/aml.csv\n" + body)
    let error = try #require(throws: FigureBuildError.self) { try build(folder) }
    #expect(error.description.replacingOccurrences(of: folder.path + "/", with: "") == message)
  }

  @Test("a misspelt caption name is a warning at the caption's key, and an error under --strict")
  func captionNames() throws {
    let yaml = """
      data:
        aml: data/aml.csv
      figures:
        - id: a
          data: aml
          time: time
          event: status
          group: x
          caption: Median {{#groups}}{{medain}} {{/groups}}(log-rank {{logrank.p_txt}}).
        - {id: b, data: aml, time: time, event: status, caption: "{{logrank.p_text}}{{#logrank}}never{{/logrank}}"}
      """
    let folder = try TemplateFolder(template: yaml)
    let result = try build(folder) { $0.depfile = nil }
    #expect(
      result.warnings.map { $0.replacingOccurrences(of: folder.path + "/", with: "") } == [
        "a: report.yaml:9:14: 'figures[0].caption': unknown name 'medain' in the caption; it renders as nothing. Did you mean 'median'?",
        "a: report.yaml:9:14: 'figures[0].caption': unknown name 'logrank.p_txt' in the caption; it renders as nothing. Did you mean 'logrank.p_text'?",
        "b: report.yaml:10:60: 'figures[1].caption': 'logrank.p_text' in the caption has no value for this figure; it renders as nothing",
      ])
    let sidecar = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/a.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: sidecar) as? [String: Any])
    #expect((json["lint"] as? [String])?.count == 2)
    let strict = try #require(throws: LintError.self) { try build(folder, out: "strict") { $0.isStrict = true } }
    #expect(strict.findings.count == 3)
    #expect(strict.description.hasPrefix("figure lint found 3 problems (--strict):\n  a: "))
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/strict"))
  }

  @Test("--only builds the named figures and no report; unknown ids are errors")
  func only() throws {
    let folder = try TemplateFolder(template: ReportTemplateTests.valid)
    _ = try build(folder) {
      $0.only = ["panels"]
      $0.depfile = nil
    }
    #expect(files(folder.path + "/out") == ["panels.json", "panels.pdf", "panels.png"])
    let error = try #require(throws: TemplateError.self) { try build(folder) { $0.only = ["panel"] } }
    #expect(
      error.message
        == "--only names an unknown figure id 'panel'. Did you mean 'panels'? (defined: 'panels', 'remission-by-arm')")
  }

  @Test("statistical caveats of a figure's models are build warnings, named by figure, and not lint")
  func modelWarnings() throws {
    let yaml = """
      data:
        sep: data/sep.csv
      figures:
        - {id: forest-sep, type: forest, data: sep, model: "Surv(t, e) ~ sep + x"}
      """
    let folder = try TemplateFolder(template: yaml)
    try
      "t,e,sep,x\n1,1,1,3\n2,0,0,1\n3,1,1,2\n4,0,0,5\n5,1,1,4\n6,0,0,2\n7,1,1,1\n8,0,0,3\n9,1,1,6\n10,0,0,4\n11,1,1,2\n12,0,0,5\n"
      .write(toFile: folder.path + "/data/sep.csv", atomically: true, encoding: .utf8)
    let monotone =
      "the log-likelihood converged before the coefficient of 'sep'; the coefficient may be infinite (monotone likelihood). Use the likelihood-ratio or score test rather than the Wald test"
    let result = try build(folder) { $0.isStrict = true }
    #expect(
      result.warnings == [
        "forest-sep: univariable model of 'sep': \(monotone)", "forest-sep: multivariable model: \(monotone)",
      ])
  }

  @Test("--strict turns figure-lint findings into an error")
  func strict() throws {
    let yaml = ReportTemplateTests.valid.replacingOccurrences(
      of: "title: AML", with: "style: {font-size: 5}\ntitle: AML")
    let folder = try TemplateFolder(template: yaml)
    let relaxed = try build(folder) {
      $0.depfile = nil
      $0.allowsLint = true
    }
    #expect(
      relaxed.warnings.contains { $0.hasPrefix("remission-by-arm: text ") && $0.hasSuffix("below the minimum of 6 pt") }
    )
    #expect(throws: LintError.self) {
      try build(folder, out: "strict") {
        $0.isStrict = true
        $0.allowsLint = true
      }
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/strict"))
  }

  @Test("figure lint's findings fail the build unless --allow-lint or the figure's or style's allow-lint allows them")
  func lintIsAnError() throws {
    let small = ReportTemplateTests.valid.replacingOccurrences(
      of: "title: AML", with: "style: {font-size: 5}\ntitle: AML")
    let folder = try TemplateFolder(template: small)
    do {
      _ = try build(folder, out: "refused") { $0.depfile = nil }
      Issue.record("expected figure lint to fail the build")
    } catch let error as FigureLintError {
      #expect(error.description.hasPrefix("figure lint found "))
      #expect(
        error.description.contains(
          "; fix them, or set 'allow-lint: true' on the figure (or in the style), or build with --allow-lint, to write it anyway:\n  remission-by-arm: text "
        ))
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/refused"))
    let allowed = try TemplateFolder(
      template: ReportTemplateTests.valid.replacingOccurrences(
        of: "title: AML", with: "style: {font-size: 5, allow-lint: true}\ntitle: AML"))
    #expect(try build(allowed) { $0.depfile = nil }.warnings.contains { $0.hasSuffix("below the minimum of 6 pt") })
  }
}

@Suite("survfig build: swimmer plots")
struct SwimmerTemplateTests {
  @Test("a swimmer figure from patients and events data, with every lane in the sidecar")
  func swimmer() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().path
    let yaml = """
      data:
        patients: \(root)/Templates/data/swimmer-patients.csv
        events: \(root)/Templates/data/swimmer-events.csv
      figures:
        - id: swimmer
          type: swimmer
          data: patients
          events: events
          id-column: patient
          end: end
          group: group
          ongoing: ongoing
          event-id: patient
          event-time: month
          event-type: event
          time-unit: months
          ids: true
          caption: "{{patients}} patients."
      """
    let folder = try TemplateFolder(template: yaml)
    let template = try ReportTemplate(contentsOfFile: folder.templatePath)
    var options = ReportBuildOptions(outputFolder: folder.path + "/out", jobs: 1)
    options.sidecarDetail = .full
    _ = try ReportBuilder(template: template, options: options).run()
    let data = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/swimmer.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(json["type"] as? String == "swimmer")
    #expect(json["patients"] as? Int == 38)
    #expect(json["caption"] as? String == "38 patients.")
    let lanes = try #require(json["lanes"] as? [[String: Any]])
    let first = try #require(lanes.first { $0["id"] as? String == "P01" })
    #expect(first["end"] as? Double == 8.8)
    #expect((first["events"] as? [[String: Any]])?.compactMap { $0["type"] as? String } == ["PR", "PD"])
    #expect(json["lint"] as? [String] == [])
  }
}

@Suite("survfig build: derived variables and filters")
struct DerivedVariableTemplateTests {
  static let yaml = """
    data:
      aml: data/aml.csv
    derive:
      aml:
        arm: recode(x, 1 = "Maintained", 2 = "Not maintained")
        months: time * 7 / 30.4375
        late: if time > 20 then 1 else 0
    figures:
      - id: late
        data: aml
        time: months
        event: status
        group: arm
        filter: late == 1 and arm != "none"
        caption: "{{n}} patients"
    """

  @Test("derived columns feed the analysis; the filter selects rows; the sidecar says which")
  func derivedAndFiltered() throws {
    let folder = try TemplateFolder(template: Self.yaml)
    let template = try ReportTemplate(contentsOfFile: folder.templatePath)
    _ = try ReportBuilder(template: template, options: ReportBuildOptions(outputFolder: folder.path + "/out", jobs: 1))
      .run()
    let data = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/late.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    // aml rows with time > 20: 7 in the maintained arm, 6 in the other.
    #expect(json["caption"] as? String == "13 patients")
    #expect(json["filter"] as? String == "late == 1 and arm != \"none\"")
    let groups = try #require((json["statistics"] as? [String: Any])?["groups"] as? [[String: Any]])
    #expect(groups.map { $0["label"] as? String } == ["Maintained", "Not maintained"])
    #expect(groups.map { $0["n"] as? Int } == [7, 6])
  }

  @Test("an expression error points at the character in the template, with a caret")
  func expressionError() throws {
    let yaml = Self.yaml.replacingOccurrences(of: "late == 1 and", with: "lat == 1 and")
    let folder = try TemplateFolder(template: yaml)
    let template = try ReportTemplate(contentsOfFile: folder.templatePath)
    let error = try #require(throws: FigureBuildError.self) {
      try ReportBuilder(template: template, options: ReportBuildOptions(outputFolder: folder.path + "/out", jobs: 1))
        .run()
    }
    #expect(
      error.description.replacingOccurrences(of: folder.path + "/", with: "")
        == """
        while building figure 'late' (report.yaml:9): report.yaml:14:13: 'figures[0].filter': unknown column 'lat' in data/aml.csv. Did you mean 'late'? Available columns: time, status, x, arm, months, late
            lat == 1 and arm != "none"
            ^
        """)
    let syntax = try #require(throws: TemplateError.self) {
      try ReportTemplate(
        yaml: Self.yaml.replacingOccurrences(of: "time > 20 then", with: "time > 20 than"), file: folder.templatePath)
    }
    let date = try #require(throws: TemplateError.self) {
      try ReportTemplate(
        yaml: Self.yaml.replacingOccurrences(of: "time > 20", with: "time > 2019-12-31"), file: folder.templatePath)
    }
    #expect(
      date.description.replacingOccurrences(of: folder.path + "/", with: "")
        == "report.yaml:7:21: 'derive.aml.late': an unquoted date reads as arithmetic (2019 - 12 - 31); write dates in quotes: \"2019-12-31\"\n    if time > 2019-12-31 then 1 else 0\n              ^"
    )
    // "    late: if time > 20 than 1 else 0": the value starts in column 11, 'than' 13 further.
    #expect(syntax.line == 7)
    #expect(syntax.column == 24)
    #expect(syntax.message.hasPrefix("expected 'then', found 'than'"))
  }
}

@Suite("survfig build: style")
struct StyleTemplateTests {
  @Test("the methods statement can follow each caption; line width and type size apply")
  func methodsInCaption() throws {
    let yaml = """
      data:
        aml: data/aml.csv
      style: {preset: single-column, methods-in-caption: true, line-width: 1.5, font-size: 7}
      figures:
        - {id: a, data: aml, time: time, event: status, group: x, caption: Remission.}
      """
    let folder = try TemplateFolder(template: yaml)
    let template = try ReportTemplate(contentsOfFile: folder.templatePath)
    #expect(template.style.width == 85)
    #expect(template.style.lineWidth == 1.5)
    guard let request = template.figures[0].request(of: KaplanMeierKind.self) else {
      Issue.record("expected a Kaplan–Meier figure")
      return
    }
    #expect(request.figure.output.lineWidth == 1.5)
    #expect(request.figure.output.fontSize == 7)
    #expect(request.figure.output.widthMillimetres == 85)
    _ = try ReportBuilder(template: template, options: ReportBuildOptions(outputFolder: folder.path + "/out", jobs: 1))
      .run()
    let data = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/a.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let caption = try #require(json["caption"] as? String)
    #expect(caption.hasPrefix("Remission. Methods: Kaplan–Meier estimates with Greenwood variance;"))
    #expect(caption.hasSuffix("computed with survfig 0.1.0."))
  }
}
