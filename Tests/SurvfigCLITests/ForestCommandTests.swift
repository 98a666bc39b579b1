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
      [
        "--data", Survfig.data("veteran.csv"), "--model", "Surv(time, status) ~ trt + factor(celltype)", "--out",
        "m.svg",
      ], in: folder)
    let estimates = try #require(json["estimates"] as? [[String: Any]])
    #expect(estimates.filter { $0["model"] as? String == "univariable" }.count == 4)
    #expect(estimates.filter { $0["model"] as? String == "multivariable" }.count == 4)
    #expect(folder.files == ["m.svg"])
  }

  @Test("axis breaks at or below 0 are refused: the hazard-ratio axis is logarithmic")
  func logBreaks() throws {
    let folder = try ScratchFolder()
    _ = try folder.write("est.csv", "label,est,lo,hi\nA,0.5,0.3,0.8\nB,1.5,0.9,2.9\n")
    let result = try Survfig.run(
      [
        "forest", "--data", "est.csv", "--label", "label", "--estimate", "est", "--lower", "lo", "--upper", "hi",
        "--x-breaks", "0,1,2", "--out", "f.pdf",
      ], in: folder.path)
    #expect(result.status == 64)
    #expect(result.standardError.hasPrefix("Error: '--x-breaks' must be greater than 0, found 0\n"))
    #expect(folder.files == ["est.csv"])
  }

  /// R: `exp(coef(coxph(Surv(time, status) ~ age, lung)))` = 1.0188965002948611.
  @Test("models: a one-term model has one column of estimates (its two fits would agree)")
  func oneTerm() throws {
    let folder = try ScratchFolder()
    let one = try Self.run(["--data", Survfig.data("lung.csv"), "--model", "Surv(time, status) ~ age"], in: folder)
    let estimates = try #require(one["estimates"] as? [[String: Any]])
    #expect(estimates.map { $0["model"] as? String } == ["univariable"])
    #expect(abs((estimates[0]["hr"] as? Double ?? .nan) / 1.0188965002948611 - 1) < 1e-8)
    let two = try Self.run(
      ["--data", Survfig.data("lung.csv"), "--model", "Surv(time, status) ~ age + sex"], in: folder)
    #expect(
      (two["estimates"] as? [[String: Any]])?.map { $0["model"] as? String } == [
        "univariable", "multivariable", "univariable", "multivariable",
      ])
  }

  @Test("monotone likelihood: warnings on stderr as cox prints them, and in the JSON")
  func monotoneWarnings() throws {
    let folder = try ScratchFolder()
    // Events only where sep = 1: the coefficient of sep diverges.
    try folder.write(
      "sep.csv",
      "t,e,sep,x\n1,1,1,3\n2,0,0,1\n3,1,1,2\n4,0,0,5\n5,1,1,4\n6,0,0,2\n7,1,1,1\n8,0,0,3\n9,1,1,6\n10,0,0,4\n11,1,1,2\n12,0,0,5\n"
    )
    let result = try Survfig.run(
      ["forest", "--data", "sep.csv", "--model", "Surv(t, e) ~ sep + x", "--json"], in: folder.path)
    #expect(result.status == 0)
    let monotone =
      "the log-likelihood converged before the coefficient of 'sep'; the coefficient may be infinite (monotone likelihood). Use the likelihood-ratio or score test rather than the Wald test"
    #expect(
      result.standardError
        == "warning: univariable model of 'sep': \(monotone)\nwarning: multivariable model: \(monotone)\n")
    let lines = result.standardError.split(separator: "\n").map(String.init)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect((json["warnings"] as? [String])?.map { "warning: " + $0 } == lines)
    let sep = (json["estimates"] as? [[String: Any]])?.filter { $0["term"] as? String == "sep" } ?? []
    #expect(sep.count == 2 && sep.allSatisfy { $0["estimable"] as? Bool == false })
  }

  @Test("subgroups: a continuous variable is refused, naming it and suggesting a derived grouping")
  func continuousSubgroup() throws {
    let folder = try ScratchFolder()
    var csv = "t,e,arm,age\n"
    for i in 0..<30 { csv += "\(i + 1),\(i % 3 == 0 ? 0 : 1),\(i % 2 + 1),\(40 + i)\n" }
    try folder.write("trial.csv", csv)
    let result = try Survfig.run(
      [
        "forest", "--data", "trial.csv", "--time", "t", "--event", "e", "--treatment", "arm", "--subgroups", "age",
        "--json",
      ], in: folder.path)
    #expect(result.status == 1)
    #expect(
      result.standardError
        == "Error: trial.csv: subgroup variable 'age' has 30 distinct values; subgroups need a categorical variable (at most 6 distinct numeric codes). Derive one with a few groups, e.g. under a template's derive: age_group: if age >= 54 then \"54 or more\" else \"under 54\"\n"
    )
  }

  /// Height of an SVG file's page in millimetres.
  static func svgHeight(_ path: String) throws -> Double {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let match = try #require(text.firstMatch(of: /height="([0-9.]+)pt"/))
    return try #require(Double(match.1)) / (72 / 25.4)
  }

  @Test("without --height the figure is as tall as its rows; --height sets it")
  func heightFromRows() throws {
    let folder = try ScratchFolder()
    func height(_ model: String, _ extra: [String] = []) throws -> Double {
      let result = try Survfig.run(
        ["forest", "--data", Survfig.data("lung.csv"), "--model", model, "--out", "f.svg"] + extra, in: folder.path)
      #expect(result.status == 0, "\(result.standardError)")
      return try Self.svgHeight(folder.path + "/f.svg")
    }
    let one = try height("Surv(time, status) ~ sex")
    let five = try height("Surv(time, status) ~ age + sex + ph.ecog + ph.karno + wt.loss")
    #expect(one < five, "\(one) mm, \(five) mm")
    #expect(abs(one - 120) > 5 && abs(five - 120) > 5, "\(one) mm, \(five) mm")
    #expect(abs(try height("Surv(time, status) ~ sex", ["--height", "150"]) - 150) < 1e-6)
  }

  @Test("a model with strata only has no terms to plot: an error naming the model, nothing written")
  func strataOnly() throws {
    let folder = try ScratchFolder()
    try folder.write("d.csv", "time,status,sex\n1,1,1\n2,0,2\n3,1,1\n4,1,2\n")
    let result = try Survfig.run(
      ["forest", "--data", "d.csv", "--model", "Surv(time, status) ~ strata(sex)", "--out", "f.pdf"], in: folder.path)
    #expect(result.status == 64)
    #expect(
      result.standardError.hasPrefix(
        "Error: no terms to plot: strata(sex) only stratifies the baseline hazard and has no hazard ratio; add the covariates to plot before it, e.g. 'Surv(time, status) ~ <covariate> + strata(sex)'\n"
      ))
    #expect(folder.files == ["d.csv"])
  }

  @Test("selection options belong to the Cox-model form")
  func selectionValidation() throws {
    let result = try Survfig.run([
      "forest", "--data", "x.csv", "--label", "l", "--estimate", "e", "--lower", "a", "--upper", "b", "--select",
      "backward", "--json",
    ])
    #expect(result.status == 64)
    #expect(result.standardError.contains("'--select' applies to the Cox-model form; give '--model'"))
  }

  @Test("published estimates: rows from a table; impossible intervals are errors at their cell")
  func estimates() throws {
    let folder = try ScratchFolder()
    try folder.write(
      "hr.csv", "group,name,hr,lo,hi,p\nAge,<65,1,,,\nAge,≥65,1.4,1.1,1.9,0.01\nSex,Female,0.8,0.6,1.1,0.2\n")
    let json = try Self.run(
      [
        "--data", "hr.csv", "--label", "name", "--estimate", "hr", "--lower", "lo", "--upper", "hi", "--p", "p",
        "--group", "group", "--out", "e.pdf",
      ],
      in: folder)
    #expect((json["estimates"] as? [[String: Any]])?.count == 2)
    try folder.write("bad.csv", "name,hr,lo,hi\nA,1.4,1.5,1.9\n")
    let bad = try Survfig.run(
      [
        "forest", "--data", "bad.csv", "--label", "name", "--estimate", "hr", "--lower", "lo", "--upper", "hi", "--out",
        "b.pdf",
      ], in: folder.path)
    #expect(bad.status != 0)
    #expect(
      bad.standardError
        == "Error: bad.csv:2:2: estimates must be ratios with 0 < lower ≤ estimate ≤ upper, found 1.4 (1.5–1.9)\n")
    #expect(!folder.files.contains("b.pdf"))
  }
}
