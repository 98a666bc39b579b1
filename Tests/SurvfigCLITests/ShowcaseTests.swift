import Foundation
import Testing

/// The three reference studies rebuilt from their templates: the key numbers in the sidecars stay
/// near what the papers report (the cohorts are synthetic, matched to the publications).
@Suite("Showcase templates")
struct ShowcaseTests {
  static func build(_ template: String) throws -> ScratchFolder {
    let folder = try ScratchFolder()
    let result = try Survfig.run([
      "build", "Templates/\(template).yaml", "--out", folder.path, "--quiet", "--strict",
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

  @Test("IMA: median overall survival about 20 months (paper 20.1), immunotherapy better")
  func ima() throws {
    let folder = try Self.build("ima")
    let all = try Self.sidecar(folder, "ima-os-all")
    let median = try #require(Self.groups(all["statistics"]).first.flatMap(Self.median))
    #expect(abs(median - 20.1) / 20.1 < 0.15, "median OS \(median)")
    let figure3 = try Self.sidecar(folder, "ima-figure-3")
    let panels = try #require(figure3["panels"] as? [[String: Any]])
    let immunotherapy = (panels[1]["statistics"] as? [String: Any])?["logrank"] as? [String: Any]
    #expect((immunotherapy?["p"] as? Double ?? 1) < 0.05, "paper: P = 0.003")
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

  /// R, on the 77 patients with an M stage (`cc`): the univariable screen at P < 0.15 admits
  /// disease_setting (Wald P 0.0290881) and immunotherapy (0.00650692); backward elimination
  /// at P > 0.10 removes disease_setting (P 0.12513) and keeps immunotherapy,
  /// `exp(coef(coxph(Surv(os_months, os_event) ~ immunotherapy, cc)))` = 0.27395235617490571.
  @Test("IMA Table 3: univariable screen at P < 0.15 and backward selection, steps in the sidecar")
  func imaTable3() throws {
    let folder = try Self.build("ima")
    let table = try Self.sidecar(folder, "ima-table-3")
    let statistics = try #require(table["statistics"] as? [String: Any])
    let steps = try #require(statistics["selection"] as? [[String: Any]])
    #expect(steps.filter { $0["action"] as? String == "entered" }.map { $0["term"] as? String } == ["disease_setting", "immunotherapy"])
    #expect(steps.filter { $0["action"] as? String == "removed" }.map { $0["term"] as? String } == ["disease_setting"])
    #expect(steps.filter { $0["action"] as? String == "retained" }.map { $0["term"] as? String } == ["immunotherapy"])
    let models = try #require(statistics["models"] as? [[String: Any]])
    #expect(models.allSatisfy { $0["n"] as? Int == 77 })
    let kept = (statistics["estimates"] as? [[String: Any]])?.filter { $0["model"] as? String == "multivariable" } ?? []
    #expect(kept.map { $0["name"] as? String } == ["immunotherapyyes"])
    #expect(abs((kept.first?["hr"] as? Double ?? .nan) / 0.27395235617490571 - 1) < 1e-8)
    let forest = try Self.sidecar(folder, "ima-table-3-forest")
    #expect((forest["caption"] as? String)?.contains("which kept Immunotherapy. All models use the 77 patients") == true)
  }

  @Test("HNMM: 5-year overall survival about 38 % (paper 37.7 %), stage separates the curves")
  func hnmm() throws {
    let folder = try Self.build("hnmm")
    let all = try Self.sidecar(folder, "hnmm-os-all")
    let atTimes = try #require(Self.groups(all["statistics"]).first?["at_times"] as? [[String: Any]])
    let fiveYear = try #require(atTimes.first { $0["time"] as? Double == 60 }?["survival"] as? Double)
    #expect(abs(fiveYear - 0.377) < 0.05, "5-year OS \(fiveYear)")
    let figure1 = try Self.sidecar(folder, "hnmm-figure-1")
    let panels = try #require(figure1["panels"] as? [[String: Any]])
    #expect(panels.count == 4)
    let stageP = ((panels[0]["statistics"] as? [String: Any])?["logrank"] as? [String: Any])?["p"] as? Double
    #expect((stageP ?? 1) < 0.001)
  }

  @Test("IMT: anthracycline median PFS in advanced disease about 6.3 months; 36 episodes in the swimmer plot")
  func imt() throws {
    let folder = try Self.build("imt")
    let figure1 = try Self.sidecar(folder, "imt-figure-1")
    let panels = try #require(figure1["panels"] as? [[String: Any]])
    let advanced = try #require(Self.groups(panels[0]["statistics"]).first { $0["label"] as? String == "Advanced" })
    let median = try #require(Self.median(advanced))
    #expect(abs(median - 6.3) / 6.3 < 0.15, "median PFS \(median)")
    // Paper: anthracycline ORR 10/21, 47.6 % (25.7–70.2 %, Clopper–Pearson).
    let response = try Self.sidecar(folder, "imt-table-response")
    let groups = try #require((response["statistics"] as? [String: Any])?["groups"] as? [[String: Any]])
    let anthracycline = try #require(groups.first { $0["label"] as? String == "Anthracycline-based (A)" })
    let orr = try #require(anthracycline["orr"] as? [String: Any])
    #expect(abs((orr["estimate"] as? Double ?? 0) - 10.0 / 21) < 1e-12)
    #expect(abs((orr["lower"] as? Double ?? 0) - 0.257) < 0.0005)
    #expect(abs((orr["upper"] as? Double ?? 0) - 0.702) < 0.0005)
    let swimmer = try Self.sidecar(folder, "imt-figure-4")
    #expect(swimmer["patients"] as? Int == 36)
    #expect(swimmer["lint"] as? [String] == [])
  }
}
