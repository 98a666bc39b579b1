import ClinicalData
import Foundation
import SurvivalStatistics
import Testing

@testable import Analyses
@testable import Expressions
@testable import ReportEngine
@testable import ReportTemplates
@testable import SurvivalSimulation

// Reference values from R 4.2.2 on Templates/data/lung.csv (R's survival::lung), printed with
// sprintf("%.17g"):
//
//   lung <- read.csv("Templates/data/lung.csv")
//   wilcox.test(age ~ sex, lung)$p.value                      # 0.057006281451711542
//   t.test(age ~ sex, lung)$p.value                           # 0.063943361198874601
//   fisher.test(table(lung$ph.ecog, lung$sex))$p.value        # 0.82251022144159591
//   wilcox.test(wt.loss ~ sex, lung)$p.value                  # 0.0288873453763402
//   chisq.test(table(lung$status, lung$sex))$p.value          # 0.00042466787638555516
//   chisq.test(table(lung$inst, lung$sex))$p.value            # 0.5065640609323725
//   (fisher.test(table(lung$inst, lung$sex)) fails with R's default workspace: FEXACT error 7;
//   with workspace = 2e7 it takes 2 s and gives 0.52236988218251801)
//   quantile(lung$wt.loss[lung$sex == 1], c(.25, .5, .75), na.rm = TRUE)   # 0.75 8 18.5
//   kruskal.test(age ~ ph.ecog, lung)$p.value                 # (three and more groups, below)

private func expectClose(
  _ actual: Double?, _ expected: Double, relativeTolerance: Double, _ what: String
) {
  guard let actual, abs(actual - expected) <= relativeTolerance * abs(expected) else {
    Issue.record("\(what): expected \(expected), observed \(String(describing: actual))")
    return
  }
}

@Suite("Characteristics tables (Table 1) on the NCCTG lung data")
struct CharacteristicsAnalysisTests {
  static let lungPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "Templates/data/lung.csv"
    ).path

  static func variable(
    _ column: String, kind: CharacteristicsRequest.Kind? = nil,
    summary: CharacteristicsRequest.Summary = .medianIQR,
    show: String? = nil, test: CharacteristicsRequest.Test = .automatic
  ) -> CharacteristicsRequest.Variable {
    var v = CharacteristicsRequest.Variable(column: column)
    v.kind = kind
    v.summary = summary
    v.shownLevel = show
    v.test = test
    return v
  }

  static func analysis(_ variables: [CharacteristicsRequest.Variable], group: String? = "sex")
    throws -> CharacteristicsAnalysis
  {
    var request = CharacteristicsRequest(dataPath: lungPath, variables: variables)
    request.groupColumn = group
    request.groupLabels = ["1": "Male", "2": "Female"]
    return try CharacteristicsAnalysis(
      table: DataTable(contentsOfFile: lungPath, displayName: "lung.csv"), request: request)
  }

  @Test("P values by the automatic choice of test are R's")
  func testsMatchR() throws {
    let a = try Self.analysis([
      Self.variable("age"), Self.variable("age", summary: .meanSD), Self.variable("ph.ecog"),
      Self.variable("wt.loss"),
      Self.variable("status", show: "2"), Self.variable("inst", kind: .categorical),
    ])
    let expected: [(CharacteristicsRequest.Test, Double)] = [
      (.wilcoxon, 0.057006281451711542), (.tTest, 0.063943361198874601),
      (.fisher, 0.82251022144159591),
      (.wilcoxon, 0.0288873453763402), (.chiSquare, 0.00042466787638555516),
      (.chiSquare, 0.5065640609323725),
    ]
    for (variable, (test, p)) in zip(a.variables, expected) {
      #expect(variable.test?.test == test, "\(variable.label)")
      expectClose(variable.test?.pValue, p, relativeTolerance: 1e-9, variable.label)
    }
    #expect(a.variables[4].test?.isContinuityCorrected == true)
    // 18 institutions × 2: expected counts below 5, and Fisher's exact test beyond its work
    // limit (as R's with its default workspace): the χ² test, said so in the footnote.
    #expect(a.variables[5].test?.note == "Fisher's exact test beyond its work limit")
    #expect(
      a.table(title: nil).footnotes[1].hasSuffix(
        "χ² test (Fisher's exact test beyond its work limit), inst."))
  }

  @Test("counts, percentages of known values, missing rows and quartiles, all patients first")
  func table() throws {
    let a = try Self.analysis([Self.variable("ph.ecog"), Self.variable("wt.loss")])
    #expect(a.columns.map(\.label) == ["All", "Male", "Female"])
    #expect(a.columns.map(\.patientCount) == [228, 138, 90])
    let table = a.table(title: "Table 1")
    #expect(
      table.columns.map(\.title) == [
        "Characteristic", "All\n(n = 228)", "Male\n(n = 138)", "Female\n(n = 90)", "P",
      ])
    let text = table.rows.map { row in table.columns.indices.map { table.cell(row, $0) } }
    #expect(text[0] == ["ph.ecog, n (%)", "", "", "", "0.82"])
    #expect(text[1] == ["0", "63 (27.8)", "36 (26.3)", "27 (30.0)", ""])
    #expect(text[4] == ["3", "1 (0.4)", "1 (0.7)", "0 (0.0)", ""])
    #expect(text[5] == ["Missing", "1", "1", "0", ""])
    #expect(
      text[6] == [
        "wt.loss, median [IQR]", "7.0 [0.0–15.8]", "8.0 [0.8–18.5]", "4.0 [0.0–11.0]", "0.029",
      ])
    #expect(text[7] == ["Missing", "14", "10", "4", ""])
    #expect(
      table.footnotes == [
        "Values are n (%) or median [IQR]; percentages are of patients with a known value. IQR, interquartile range.",
        "Two-sided P values: Fisher's exact test, ph.ecog. Wilcoxon rank-sum test, wt.loss.",
      ])
  }

  @Test("without a group: one column of all patients and no P values")
  func ungrouped() throws {
    let a = try Self.analysis([Self.variable("age"), Self.variable("sex", show: "2")], group: nil)
    let table = a.table(title: nil)
    #expect(table.columns.map(\.title) == ["Characteristic", "All\n(n = 228)"])
    #expect(
      table.rows.map { $0.cells } == [
        ["age, median [IQR]", "63.0 [56.0–69.0]"], ["sex, n (%)", "90 (39.5)"],
      ])
  }

  @Test("three groups: Kruskal–Wallis for medians, ANOVA for means, Fisher for sparse counts")
  func threeGroups() throws {
    var request = CharacteristicsRequest(
      dataPath: Self.lungPath,
      variables: [
        Self.variable("age"), Self.variable("age", summary: .meanSD), Self.variable("sex"),
      ])
    request.groupColumn = "ph.ecog"
    let a = try CharacteristicsAnalysis(
      table: DataTable(contentsOfFile: Self.lungPath, displayName: "lung.csv"), request: request)
    #expect(a.excludedCount == 1)
    #expect(a.variables.map { $0.test?.test } == [.kruskal, .anova, .fisher])
    #expect(a.table(title: nil).footnotes.last == "1 patient with a missing 'ph.ecog' not shown.")
  }

  @Test("tests that do not fit the variable are refused with the variable and the choices")
  func refusals() throws {
    var wrong = Self.variable("age", test: .fisher)
    wrong.location = "t.yaml:12"
    #expect(throws: CharacteristicsError.self) { try Self.analysis([wrong]) }
    do {
      _ = try Self.analysis([wrong])
    } catch let error as CharacteristicsError {
      #expect(
        error.description
          == "t.yaml:12: variable 'age' is continuous; test 'fisher' compares counts. Use 't-test', 'wilcoxon', 'anova', 'kruskal', 'auto' or 'none', or 'type: categorical'"
      )
    }
    var level = Self.variable("sex", show: "3")
    level.location = "t.yaml:14"
    do {
      _ = try Self.analysis([level])
      Issue.record("expected an error")
    } catch let error as CharacteristicsError {
      #expect(
        error.description
          == "t.yaml:14: variable 'sex': level '3' to show is not in the data; its levels are '1', '2'"
      )
    }
  }
}
