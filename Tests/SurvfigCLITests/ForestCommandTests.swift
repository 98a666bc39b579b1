import Foundation
import Testing

@Suite("survfig forest, end to end")
struct ForestCommandTests {
  static func run(_ arguments: [String], in folder: ScratchFolder) throws -> [String: Any] {
    let result = try Survfig.run(["forest"] + arguments + ["--json"], in: folder.path)
    #expect(result.status == 0, "\(result.standardError)")
    return try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  /// R: `anova(coxph(Surv(time, status) ~ factor(sex) + factor(ph.ecog), lung),
  ///   coxph(Surv(time, status) ~ factor(sex) * factor(ph.ecog), lung))` → χ² 0.56140744941012599,
  /// 2 df, P 0.75525206486409613; `exp(coef(coxph(Surv(time, status) ~ factor(sex), lung,
  /// subset = ph.ecog == 0)))` = 0.54061047167379317.
  @Test("subgroups: hazard ratios within levels and the interaction P of nested models, as R")
  func subgroups() throws {
    let folder = try ScratchFolder()
    let json = try Self.run(
      [
        "--data", Survfig.data("lung.csv"), "--time", "time", "--event", "status", "--treatment", "sex",
        "--subgroups", "ph.ecog", "--out", "sub.pdf", "--out", "sub.png",
      ], in: folder)
    #expect(folder.files == ["sub.pdf", "sub.png"])
    let estimates = try #require(json["estimates"] as? [[String: Any]])
    let interaction = try #require(estimates.first { $0["interaction"] as? String == "ph.ecog" })
    #expect(abs((interaction["statistic"] as? Double ?? .nan) - 0.56140744941012599) < 1e-6)
    #expect(interaction["df"] as? Int == 2)
    #expect(abs((interaction["p"] as? Double ?? .nan) - 0.75525206486409613) < 1e-6)
    let ecog0 = try #require(estimates.first { $0["subgroup"] as? String == "0" })
    #expect(abs((ecog0["hr"] as? Double ?? .nan) / 0.54061047167379317 - 1) < 1e-8)
    #expect(ecog0["n"] as? Int == 63)
  }

  @Test("models: univariable and multivariable estimates for every level")
  func models() throws {
    let folder = try ScratchFolder()
    let json = try Self.run(
      ["--data", Survfig.data("veteran.csv"), "--model", "Surv(time, status) ~ trt + factor(celltype)", "--out", "m.svg"], in: folder)
    let estimates = try #require(json["estimates"] as? [[String: Any]])
    #expect(estimates.filter { $0["model"] as? String == "univariable" }.count == 4)
    #expect(estimates.filter { $0["model"] as? String == "multivariable" }.count == 4)
    #expect(folder.files == ["m.svg"])
  }

  @Test("published estimates: rows from a table; impossible intervals are errors at their cell")
  func estimates() throws {
    let folder = try ScratchFolder()
    try folder.write("hr.csv", "group,name,hr,lo,hi,p\nAge,<65,1,,,\nAge,≥65,1.4,1.1,1.9,0.01\nSex,Female,0.8,0.6,1.1,0.2\n")
    let json = try Self.run(
      ["--data", "hr.csv", "--label", "name", "--estimate", "hr", "--lower", "lo", "--upper", "hi", "--p", "p", "--group", "group", "--out", "e.pdf"],
      in: folder)
    #expect((json["estimates"] as? [[String: Any]])?.count == 2)
    try folder.write("bad.csv", "name,hr,lo,hi\nA,1.4,1.5,1.9\n")
    let bad = try Survfig.run(
      ["forest", "--data", "bad.csv", "--label", "name", "--estimate", "hr", "--lower", "lo", "--upper", "hi", "--out", "b.pdf"], in: folder.path)
    #expect(bad.status != 0)
    #expect(bad.standardError == "Error: bad.csv:2:2: estimates must be ratios with 0 < lower ≤ estimate ≤ upper, found 1.4 (1.5–1.9)\n")
    #expect(!folder.files.contains("b.pdf"))
  }
}
