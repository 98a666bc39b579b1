import Foundation
import Testing

/// The three reference studies rebuilt from their templates: the key numbers in the sidecars stay
/// near what the papers report (the cohorts are synthetic, matched to the publications).
@Suite("Showcase templates")
struct ShowcaseTests {
  static func build(_ template: String) throws -> ScratchFolder {
    let folder = try ScratchFolder()
    let result = try Survfig.run([
      "build", "Templates/\(template).yaml", "--out", folder.path, "--quiet", "--strict", "--sidecar", "full",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    return folder
  }

  static func sidecar(_ folder: ScratchFolder, _ id: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder.path)/\(id).json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  static func groups(_ statistics: Any?) -> [[String: Any]] {
    ((statistics as? [String: Any])?["groups"] as? [[String: Any]]) ?? []
  }

  static func median(_ group: [String: Any]) -> Double? {
    (group["median"] as? [String: Any])?["estimate"] as? Double
  }

  /// Panel `index` of a panels sidecar.
  static func panel(_ sidecar: [String: Any], _ index: Int) throws -> [String: Any] {
    let panels = try #require(sidecar["panels"] as? [[String: Any]])
    return try #require(panels[index]["statistics"] as? [String: Any])
  }

  /// The group of `statistics` whose code (its value in the data) is `code`.
  static func group(_ statistics: [String: Any], _ code: String) throws -> [String: Any] {
    try #require(groups(statistics).first { $0["label"] as? String == code }, "group \(code)")
  }

  /// S(t) of a group at a requested time.
  static func survival(_ group: [String: Any], at time: Double) -> Double? {
    (group["at_times"] as? [[String: Any]])?.first { $0["time"] as? Double == time }?["survival"] as? Double
  }

  /// The quartile `p` (0.25 or 0.75) of a group; nil when not reached.
  static func quartile(_ group: [String: Any], _ p: Double) -> Double? {
    (group["quantiles"] as? [[String: Any]])?.first { $0["p"] as? Double == p }?["estimate"] as? Double
  }

  static func logrankP(_ statistics: [String: Any]) -> Double? {
    (statistics["logrank"] as? [String: Any])?["p"] as? Double
  }

  /// Within `tolerance` of the paper's value, relative to it.
  static func near(_ value: Double?, _ paper: Double, within tolerance: Double) -> Bool {
    guard let value else { return false }
    return abs(value - paper) / abs(paper) <= tolerance
  }

  /// Cells of a table sidecar by their row label, in `column`; a label used twice keeps its
  /// first row, so levels are looked up below their variable's header.
  static func cells(_ table: [String: Any], column: Int = 1, after header: String? = nil) throws -> [String: String] {
    var rows = try #require(table["rows"] as? [[String]])
    if let header, let start = rows.firstIndex(where: { $0[0] == header }) { rows = Array(rows[(start + 1)...]) }
    return Dictionary(rows.map { ($0[0], $0[column]) }, uniquingKeysWith: { a, _ in a })
  }

  static func labels(_ folder: ScratchFolder, _ ids: [String]) throws -> [String] {
    try ids.map { try sidecar(folder, $0)["label"] as? String ?? "" }
  }

  /// Paper: median OS 20.1 months (95% CI 14.7–25.6); 17.0 without and 35.6 with targeted
  /// therapy (P = 0.211); 17.0 without immunotherapy, not reached with it (P < 0.001);
  /// first-line PFS 5.0 without and 15.4 with targeted therapy (P = 0.045).
  @Test("IMA: median overall survival 20.1 months, by targeted therapy and immunotherapy, within a few percent")
  func ima() throws {
    let folder = try Self.build("ima")
    let all = try #require(Self.groups(try Self.sidecar(folder, "ima-os-all")["statistics"]).first)
    #expect(Self.near(Self.median(all), 20.1, within: 0.03), "median OS \(Self.median(all) ?? .nan)")
    #expect(Self.near((all["median"] as? [String: Any])?["lower"] as? Double, 14.7, within: 0.03))
    let figure3 = try Self.sidecar(folder, "ima-figure-3")
    let targeted = try Self.panel(figure3, 0)
    #expect(Self.near(Self.median(try Self.group(targeted, "no")), 17.0, within: 0.04))
    #expect(Self.near(Self.median(try Self.group(targeted, "yes")), 35.6, within: 0.04))
    #expect((Self.logrankP(targeted) ?? 0) > 0.05, "paper: P = 0.211")
    let immunotherapy = try Self.panel(figure3, 1)
    #expect(Self.near(Self.median(try Self.group(immunotherapy, "no")), 17.0, within: 0.06))
    #expect((Self.logrankP(immunotherapy) ?? 1) < 0.001, "paper: P < 0.001")
    let pfs = try Self.panel(try Self.sidecar(folder, "ima-figure-2"), 0)
    #expect(Self.near(Self.median(try Self.group(pfs, "no")), 5.0, within: 0.20))
    #expect(Self.near(Self.median(try Self.group(pfs, "yes")), 15.4, within: 0.06))
    #expect((Self.logrankP(pfs) ?? 1) < 0.05, "paper: P = 0.045")
    #expect(
      try Self.labels(
        folder, ["ima-os-all", "ima-figure-2", "ima-figure-3", "ima-table-3-forest", "ima-table-1", "ima-table-3"])
        == ["Supplementary Figure S1", "Figure 2", "Figure 3", "Table 3 (forest plot)", "Table 1", "Table 3"])
    #expect(FileManager.default.fileExists(atPath: folder.path + "/ima.pdf"))
  }

  /// The paper's Table 1 (n = 79): female 42 (53.2); ECOG PS 0 2 (3.3), 1 59 (96.7) of 61;
  /// smoking never 41 (51.9), former 36 (45.6), current 2 (2.5); M1a 58 (75.3), M1b 8 (10.4),
  /// M1c 11 (14.3) of 77; EGFR 8 (10.1), ALK 4 (5.8) of 69, KRAS 11 (91.7) of 12, PD-L1 14 (42.4)
  /// of 33. The cohort was drawn with these counts, so the table must print them exactly.
  @Test("IMA Table 1: the characteristics table prints the paper's counts and percentages")
  func imaTable1() throws {
    let folder = try Self.build("ima")
    let table = try Self.sidecar(folder, "ima-table-1")
    let rows = try #require(table["rows"] as? [[String]])
    let cells = Dictionary(rows.map { ($0[0], $0[1]) }, uniquingKeysWith: { a, _ in a })
    #expect(table["columns"] as? [String] == ["Characteristic", "All (n = 79)"])
    for (label, value) in [
      ("Female, n (%)", "42 (53.2)"), ("0", "2 (3.3)"), ("1", "59 (96.7)"), ("Never", "41 (51.9)"),
      ("Former", "36 (45.6)"), ("Current", "2 (2.5)"), ("M1a", "58 (75.3)"), ("M1b", "8 (10.4)"),
      ("M1c", "11 (14.3)"), ("EGFR mutation, n (%)", "8 (10.1)"), ("ALK rearrangement, n (%)", "4 (5.8)"),
      ("KRAS mutation, n (%)", "11 (91.7)"), ("PD-L1 expression, n (%)", "14 (42.4)"),
    ] {
      #expect(cells[label] == value, "\(label)")
    }
  }

  /// Paper, Table 3 (77 patients with an M stage): univariable M1c 2.37 (1.14–4.91, P = .021),
  /// pemetrexed 1.65 (P = .068), immunotherapy 0.28 (P = .006); the multivariable model keeps
  /// pemetrexed and immunotherapy. Here the univariable screen at P < 0.15 admits M stage,
  /// pemetrexed and immunotherapy and backward elimination (removal P > 0.10) keeps all three.
  /// The multivariable hazard ratio of immunotherapy agrees with lifelines 0.30.3 (`CoxPHFitter`,
  /// Efron ties, its default convergence tolerance: 0.1287149) to 1e-4.
  @Test("IMA Table 3: univariable screen at P < 0.15 and backward selection, steps in the sidecar")
  func imaTable3() throws {
    let folder = try Self.build("ima")
    let table = try Self.sidecar(folder, "ima-table-3")
    let statistics = try #require(table["statistics"] as? [String: Any])
    let steps = try #require(statistics["selection"] as? [[String: Any]])
    #expect(
      steps.filter { $0["action"] as? String == "entered" }.map { $0["term"] as? String } == [
        "m_stage", "pemetrexed", "immunotherapy",
      ])
    #expect(steps.filter { $0["action"] as? String == "removed" }.isEmpty)
    #expect(
      steps.filter { $0["action"] as? String == "retained" }.map { $0["term"] as? String } == [
        "m_stage", "pemetrexed", "immunotherapy",
      ])
    let models = try #require(statistics["models"] as? [[String: Any]])
    #expect(models.allSatisfy { $0["n"] as? Int == 77 })
    let estimates = try #require(statistics["estimates"] as? [[String: Any]])
    func estimate(_ model: String, _ name: String) -> [String: Any]? {
      estimates.first { $0["model"] as? String == model && $0["name"] as? String == name }
    }
    let m1c = try #require(estimate("univariable", "m_stageM1c"))
    #expect(Self.near(m1c["hr"] as? Double, 2.37, within: 0.05), "M1c \(m1c["hr"] ?? "")")
    #expect((m1c["p"] as? Double ?? 1) < 0.05, "paper: P = .021")
    let pemetrexed = try #require(estimate("univariable", "pemetrexedyes"))
    #expect(Self.near(pemetrexed["hr"] as? Double, 1.65, within: 0.10))
    let kept = estimates.filter { $0["model"] as? String == "multivariable" }.map { $0["name"] as? String }
    #expect(kept == ["m_stageM1b", "m_stageM1c", "pemetrexedyes", "immunotherapyyes"])
    #expect(abs((estimate("multivariable", "immunotherapyyes")?["hr"] as? Double ?? .nan) / 0.1287149 - 1) < 1e-4)
    let forest = try Self.sidecar(folder, "ima-table-3-forest")
    #expect(
      (forest["caption"] as? String)?.contains(
        "which kept M stage, Pemetrexed and Immunotherapy. All models use the 77 patients") == true)
  }

  /// Paper: 5-year OS 37.7 %; 3-year OS by stage 77.0/41.3/25.0 %; median follow-up 34 months;
  /// 5-year OS by surgical modality 33.0/38.7/45.5/37.4 %; 3-year OS 70.3 % (nasal cavity) and
  /// 10.6 % (oral cavity); immunologic/targeted therapy HR 0.671 (0.473–0.952), P = 0.025.
  @Test("HNMM: overall survival by stage, modality, site and immunologic/targeted therapy near the paper's")
  func hnmm() throws {
    let folder = try Self.build("hnmm")
    let all = try Self.sidecar(folder, "hnmm-os-all")
    let os = try #require(Self.groups(all["statistics"]).first)
    #expect(abs((Self.survival(os, at: 60) ?? 0) - 0.377) < 0.035, "5-year OS \(Self.survival(os, at: 60) ?? .nan)")
    let followUp = ((all["statistics"] as? [String: Any])?["follow_up"] as? [String: Any])?["median"] as? Double
    #expect(Self.near(followUp, 34, within: 0.03), "median follow-up \(followUp ?? .nan)")
    let stage = try Self.panel(try Self.sidecar(folder, "hnmm-figure-1"), 0)
    for (code, paper) in [("III", 0.770), ("IVA", 0.413)] {
      #expect(abs((Self.survival(try Self.group(stage, code), at: 36) ?? 0) - paper) < 0.03, "3-year OS, stage \(code)")
    }
    #expect((Self.logrankP(stage) ?? 1) < 0.001)
    let modality = try Self.panel(try Self.sidecar(folder, "hnmm-figure-2"), 0)
    #expect(
      Self.groups(modality).map { $0["label"] as? String } == [
        "Surgery alone", "Surgery + RT", "Surgery + CT", "Surgery + RT + CT",
      ])
    for (code, paper) in [
      ("Surgery alone", 0.330), ("Surgery + RT", 0.387), ("Surgery + CT", 0.455), ("Surgery + RT + CT", 0.374),
    ] {
      #expect(abs((Self.survival(try Self.group(modality, code), at: 60) ?? 0) - paper) < 0.04, "5-year OS, \(code)")
    }
    let site = try Self.panel(try Self.sidecar(folder, "hnmm-figure-3"), 0)
    #expect(Self.groups(site).map { $0["label"] as? String } == ["1", "2", "3", "4"])
    #expect(abs((Self.survival(try Self.group(site, "1"), at: 36) ?? 0) - 0.703) < 0.04, "nasal cavity")
    #expect(abs((Self.survival(try Self.group(site, "3"), at: 36) ?? 0) - 0.106) < 0.02, "oral cavity")
    let cox = try #require(try Self.sidecar(folder, "hnmm-table-2-os")["statistics"] as? [String: Any])
    let immunotherapy = try #require(
      (cox["estimates"] as? [[String: Any]])?.first {
        $0["model"] as? String == "univariable" && $0["name"] as? String == "immunotherapyyes"
      })
    #expect(Self.near(immunotherapy["hr"] as? Double, 0.671, within: 0.10), "HR \(immunotherapy["hr"] ?? "")")
    #expect(abs((immunotherapy["p"] as? Double ?? 1) - 0.025) < 0.005, "P \(immunotherapy["p"] ?? "")")
    #expect(
      try Self.labels(folder, ["hnmm-figure-1", "hnmm-figure-2", "hnmm-figure-3", "hnmm-figure-4", "hnmm-table-1"])
        == ["Figure 1", "Figure 2", "Figure 3", "Figure 4", "Table 1"])
  }

  /// The cumulative incidence figure is coherent with the Kaplan–Meier figures: by stage, the
  /// incidence of distant metastasis plus that of death first is 1 − DMFS at 3 years, and the
  /// same for locoregional recurrence and LRRFS (the same latent times, patient by patient).
  @Test("HNMM: distant metastasis and death first add up to 1 − DMFS, locoregional recurrence and death to 1 − LRRFS")
  func hnmmCompetingRisks() throws {
    let folder = try Self.build("hnmm")
    let figure = try Self.sidecar(folder, "hnmm-figure-cif")
    #expect(figure["label"] as? String == "Supplementary Figure S2")
    let survival = try Self.sidecar(folder, "hnmm-figure-1")
    for (cif, km) in [(0, 1), (1, 3)] {
      let incidence = try Self.panel(figure, cif)
      let freedom = try Self.panel(survival, km)
      #expect((incidence["gray"] as? [String: Any])?["p"] is Double)
      for code in ["III", "IVA", "IVB"] {
        let group = try Self.group(incidence, code)
        func at36(_ entry: [String: Any]?) -> Double? {
          (entry?["at_times"] as? [[String: Any]])?.first { $0["time"] as? Double == 36 }?["estimate"] as? Double
        }
        let event = try #require(at36(group))
        let death = try #require(at36((group["competing_causes"] as? [[String: Any]])?.first))
        let survived = try #require(Self.survival(try Self.group(freedom, code), at: 36))
        #expect(abs(event + death - (1 - survived)) < 1e-12, "panel \(cif), stage \(code)")
      }
    }
    let table = try Self.sidecar(folder, "hnmm-table-fine-gray-dm")
    #expect(table["label"] as? String == "Supplementary Table S2")
    #expect((table["columns"] as? [String])?.count == 3)
  }

  /// The paper's Table 1 (n = 262): the cohort was drawn with these counts, so they print exactly.
  @Test("HNMM Table 1: the characteristics table prints the paper's counts")
  func hnmmTable1() throws {
    let folder = try Self.build("hnmm")
    let table = try Self.sidecar(folder, "hnmm-table-1")
    #expect(table["columns"] as? [String] == ["Characteristic", "All (n = 262)"])
    let expected: [(String, [(String, String)])] = [
      ("Sex, n (%)", [("Male", "161 (61.5)"), ("Female", "101 (38.5)")]),
      ("Smoking, n (%)", [("Yes", "73 (27.9)"), ("No", "189 (72.1)")]),
      (
        "Primary tumour site, n (%)",
        [
          ("Nasal cavity", "139 (53.1)"), ("Paranasal sinus", "22 (8.4)"), ("Oral cavity", "67 (25.6)"),
          ("Others", "34 (13.0)"),
        ]
      ),
      ("Tumour classification, n (%)", [("T3", "114 (43.5)"), ("T4a", "136 (51.9)"), ("T4b", "12 (4.6)")]),
      ("Node classification, n (%)", [("N0", "195 (74.4)"), ("N1", "67 (25.6)")]),
      ("Overall stage, n (%)", [("III", "85 (32.4)"), ("IVA", "165 (63.0)"), ("IVB", "12 (4.6)")]),
      ("Reoperation (patients with surgery), n (%)", [("Yes", "107 (43.5)"), ("No", "139 (56.5)")]),
      ("Irradiation technique (patients with radiotherapy), n (%)", [("2DRT", "22 (20.8)"), ("IMRT", "84 (79.2)")]),
      ("Chemotherapy, n (%)", [("Yes", "149 (56.9)")]),
      ("Immunologic/targeted therapy, n (%)", [("Yes", "69 (26.3)")]),
      (
        "Treatment modality (patients with surgery), n (%)",
        [
          ("Surgery alone", "83 (33.7)"), ("Surgery + RT", "26 (10.6)"), ("Surgery + CT", "61 (24.8)"),
          ("Surgery + RT + CT", "76 (30.9)"),
        ]
      ),
    ]
    for (header, levels) in expected {
      let cells = try Self.cells(table, after: header)
      for (label, value) in levels { #expect(cells[label] == value, "\(header): \(label)") }
    }
  }

  /// Paper: anthracyclines, advanced disease: median PFS 6.3 months (IQR 1.9–13.4), median OS
  /// 21.2 (IQR 7.7–40.7), ORR 8/17; localized: 5-year RFS 50.0 %, ORR 2/4. MTX-V, advanced:
  /// PFS not reached (IQR 24.9–NR), 77.8 % (54.9–100 %) at 1 year and 62.2 % (35.5–100 %) at 5
  /// years, ORR 5/9; localized: ORR 2/4, no deaths. With 4 to 17 treatments per setting one
  /// event moves a median or a rate by 6–25 %, hence the wider tolerances on those.
  @Test("IMT: PFS/RFS and OS by regimen and setting; ORR by regimen and by setting; 36 episodes with response markers")
  func imt() throws {
    let folder = try Self.build("imt")
    let figure1 = try Self.sidecar(folder, "imt-figure-1")
    let pfs = try Self.group(try Self.panel(figure1, 0), "advanced")
    #expect(Self.near(Self.median(pfs), 6.3, within: 0.10), "median PFS \(Self.median(pfs) ?? .nan)")
    #expect(Self.near(Self.quartile(pfs, 0.75), 13.4, within: 0.05))
    // The curve reached 0 before 60 months: the JSON follows R's summary(fit, times) (null
    // beyond the last observation); the caption prints the 0 that R's extend = TRUE gives.
    #expect(Self.survival(pfs, at: 60) == nil)
    #expect((figure1["caption"] as? String)?.contains("60-month rate 0.0%. Relapse-free") == true)
    let localized = try Self.group(try Self.panel(figure1, 0), "localized")
    #expect(abs((Self.survival(localized, at: 60) ?? 0) - 0.5) < 0.04, "5-year RFS")
    let os = try Self.group(try Self.panel(figure1, 1), "advanced")
    #expect(Self.near(Self.median(os), 21.2, within: 0.20))
    #expect(Self.near(Self.quartile(os, 0.75), 40.7, within: 0.15))
    let figure3 = try Self.sidecar(folder, "imt-figure-3")
    let mtx = try Self.group(try Self.panel(figure3, 0), "advanced")
    #expect(Self.median(mtx) == nil, "MTX-V PFS not reached")
    #expect(Self.near(Self.quartile(mtx, 0.25), 24.9, within: 0.05))
    #expect(abs((Self.survival(mtx, at: 12) ?? 0) - 7.0 / 9) < 1e-12)
    #expect(abs((Self.survival(mtx, at: 60) ?? 0) - 0.622) < 0.001)
    #expect((try Self.group(try Self.panel(figure3, 1), "localized"))["events"] as? Int == 0)
    // Paper: anthracycline ORR 10/21, 47.6 % (25.7–70.2 %, Clopper–Pearson).
    let response = try Self.sidecar(folder, "imt-table-response")
    let groups = try #require((response["statistics"] as? [String: Any])?["groups"] as? [[String: Any]])
    let anthracycline = try #require(groups.first { $0["label"] as? String == "Anthracycline-based (A)" })
    let orr = try #require(anthracycline["orr"] as? [String: Any])
    #expect(abs((orr["estimate"] as? Double ?? 0) - 10.0 / 21) < 1e-12)
    #expect(abs((orr["lower"] as? Double ?? 0) - 0.257) < 0.0005)
    #expect(abs((orr["upper"] as? Double ?? 0) - 0.702) < 0.0005)
    let bySetting = try Self.sidecar(folder, "imt-table-response-setting")
    let settings = try #require((bySetting["statistics"] as? [String: Any])?["groups"] as? [[String: Any]])
    for (label, responders, evaluable, lower, upper) in [
      ("A, advanced", 8, 17, 0.230, 0.722), ("A, localized", 2, 4, 0.068, 0.932),
      ("M, advanced", 5, 9, 0.212, 0.863), ("M, localized", 2, 4, 0.068, 0.932),
    ] {
      let orr = try #require(settings.first { $0["label"] as? String == label }?["orr"] as? [String: Any])
      #expect(abs((orr["estimate"] as? Double ?? 0) - Double(responders) / Double(evaluable)) < 1e-12, "\(label)")
      #expect(
        abs((orr["lower"] as? Double ?? 0) - lower) < 0.0005 && abs((orr["upper"] as? Double ?? 0) - upper) < 0.0005,
        "\(label)")
    }
    let swimmer = try Self.sidecar(folder, "imt-figure-4")
    #expect(swimmer["patients"] as? Int == 36)
    let lanes = try #require(swimmer["lanes"] as? [[String: Any]])
    #expect(lanes.allSatisfy { ($0["events"] as? [Any])?.count == 1 }, "one best-response marker per treatment")
    #expect(swimmer["lint"] as? [String] == [])
    #expect(
      try Self.labels(folder, ["imt-figure-1", "imt-figure-3", "imt-figure-4", "imt-table-1"]) == [
        "Figure 1", "Figure 3", "Figure 4", "Table 1",
      ])
  }

  /// The paper's Table 1 by regimen group: counts exact, age medians within two years.
  @Test("IMT Table 1: characteristics by regimen group as the paper counts them")
  func imtTable1() throws {
    let folder = try Self.build("imt")
    let table = try Self.sidecar(folder, "imt-table-1")
    #expect(
      table["columns"] as? [String] == [
        "Characteristic", "Anthracycline-based (n = 25)", "MTX ± VNR/VNB (n = 13)", "Other regimens (n = 10)",
      ])
    for (column, values) in [
      (
        1,
        [
          ("Male", "15 (60.0)"), ("Positive", "18 (72.0)"), ("Metastatic", "14 (56.0)"), ("AI", "14 (56.0)"),
          ("First line", "21 (84.0)"),
        ]
      ),
      (
        2,
        [
          ("Male", "5 (38.5)"), ("Positive", "6 (46.2)"), ("Locally advanced", "5 (38.5)"), ("MTX + VNB", "9 (69.2)"),
          ("First line", "10 (76.9)"),
        ]
      ),
      (
        3,
        [
          ("Male", "6 (60.0)"), ("Positive", "7 (70.0)"), ("Locally advanced", "6 (60.0)"), ("CTX", "4 (40.0)"),
          ("Second line", "4 (40.0)"),
        ]
      ),
    ] {
      let cells = try Self.cells(table, column: column)
      for (label, value) in values { #expect(cells[label] == value, "column \(column): \(label)") }
    }
    let ages = try #require((table["rows"] as? [[String]])?.first { $0[0].hasPrefix("Age") })
    for (cell, paper) in zip(ages.dropFirst(), [31.0, 16.0, 38.0]) {
      let median = Double(cell.split(separator: " ").first ?? "") ?? .nan
      #expect(abs(median - paper) <= 2, "age \(cell)")
    }
  }

  /// Every showcase and example template builds with --strict: no lint finding, no caption name
  /// without a value.
  @Test("the lung example builds with --strict")
  func lung() throws {
    let folder = try Self.build("lung")
    #expect(FileManager.default.fileExists(atPath: folder.path + "/lung.pdf"))
  }
}
