import Foundation
import Testing

@Suite("survfig cox, end to end")
struct CoxCommandTests {
  static func json(_ arguments: [String]) throws -> [String: Any] {
    let result = try Survfig.run(["cox"] + arguments + ["--json"])
    #expect(result.status == 0, "\(result.standardError)")
    return try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  /// R: `fit <- coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung, ties = "efron")`;
  /// `coef(fit)`, `fit$loglik`, `concordance(fit)` (sprintf("%.17g")).
  @Test("coefficients, log-likelihoods and concordance of lung ~ age + sex + ph.ecog as R's coxph")
  func lung() throws {
    let json = try Self.json([
      "--data", Survfig.data("lung.csv"), "--model", "Surv(time, status) ~ age + sex + ph.ecog",
    ])
    #expect(json["n"] as? Int == 227)
    #expect(json["excluded"] as? Int == 1)
    #expect(json["converged"] as? Bool == true)
    let terms = try #require(json["terms"] as? [[String: Any]])
    #expect(terms.map { $0["term"] as? String } == ["age", "sex", "ph.ecog"])
    let coefficients = [0.011066764560073482, -0.552612395703631, 0.46372847537042766]
    for (term, expected) in zip(terms, coefficients) {
      #expect(abs((term["coef"] as? Double ?? .nan) / expected - 1) < 1e-8)
      #expect(term["level"] is NSNull)
    }
    let loglik = try #require(json["loglik"] as? [String: Any])
    #expect(abs((loglik["null"] as? Double ?? .nan) - -744.4804557614402) < 1e-9)
    #expect(abs((loglik["model"] as? Double ?? .nan) - -729.2301213748619) < 1e-8)
    let concordance = try #require(json["concordance"] as? [String: Any])
    #expect(abs((concordance["estimate"] as? Double ?? .nan) - 0.6371354930004549) < 1e-12)
    #expect(json["ph_test"] is NSNull)
    #expect(json["selection"] is NSNull)
  }

  /// R: `cox.zph(coxph(Surv(futime, fustat) ~ age + rx, ovarian))$table[, "chisq"]`.
  @Test("the proportional-hazards test as R's cox.zph")
  func proportionalHazards() throws {
    let json = try Self.json([
      "--data", Survfig.data("ovarian.csv"), "--model", "Surv(futime, fustat) ~ age + rx", "--ph-test",
    ])
    let ph = try #require(json["ph_test"] as? [String: Any])
    let terms = try #require(ph["terms"] as? [[String: Any]])
    let expected = [0.22426564219798073, 0.77960687988451915]
    for (row, chisq) in zip(terms, expected) {
      #expect(abs((row["chisq"] as? Double ?? .nan) / chisq - 1) < 1e-6)
    }
    let global = try #require(ph["global"] as? [String: Any])
    #expect(abs((global["chisq"] as? Double ?? .nan) / 0.9186699285160882 - 1) < 1e-6)
  }

  @Test("factor terms name their level and reference; backward selection records its steps")
  func factorsAndSelection() throws {
    let json = try Self.json([
      "--data", Survfig.data("veteran.csv"), "--model",
      "Surv(time, status) ~ trt + factor(celltype) + karno + age + prior", "--select", "backward",
    ])
    let terms = try #require(json["terms"] as? [[String: Any]])
    let celltype = terms.filter { $0["term"] as? String == "factor(celltype)" }
    #expect(celltype.map { $0["level"] as? String } == ["2", "3", "4"])
    #expect(celltype.allSatisfy { $0["reference"] as? String == "1" })
    let steps = try #require(json["selection"] as? [[String: Any]])
    #expect(steps.contains { $0["action"] as? String == "retained" && $0["term"] as? String == "karno" })
    #expect(!terms.contains { $0["term"] as? String == "prior" })
  }

  /// R: `fit <- coxph(Surv(time, status) ~ factor(trt) * factor(celltype) + karno, veteran)`;
  /// `names(coef(fit))`, `sprintf("%.17g", coef(fit))`.
  @Test("interaction rows name their levels and reference, and each row has R's coefficient name")
  func interactionRows() throws {
    let json = try Self.json([
      "--data", Survfig.data("veteran.csv"), "--model", "Surv(time, status) ~ factor(trt)*factor(celltype) + karno",
    ])
    let terms = try #require(json["terms"] as? [[String: Any]])
    let interaction = terms.filter { $0["term"] as? String == "factor(trt):factor(celltype)" }
    #expect(interaction.map { $0["level"] as? String } == ["2:2", "2:3", "2:4"])
    #expect(interaction.allSatisfy { $0["reference"] as? String == "1:1" })
    #expect(
      interaction.map { $0["name"] as? String } == [
        "factor(trt)2:factor(celltype)2", "factor(trt)2:factor(celltype)3", "factor(trt)2:factor(celltype)4",
      ])
    let expected = [1.1518114317524271, 0.11127179800370776, 0.85020506087580749]
    for (row, coef) in zip(interaction, expected) {
      #expect(abs((row["coef"] as? Double ?? .nan) / coef - 1) < 1e-8)
    }
    let keys = terms.map { "\($0["term"] ?? "")|\($0["level"] ?? "")" }
    #expect(Set(keys).count == terms.count)
    let karno = try #require(terms.first { $0["term"] as? String == "karno" })
    #expect(karno["level"] is NSNull && karno["reference"] is NSNull && karno["name"] as? String == "karno")
  }

  /// R: `coxph(Surv(time, status == "Dead") ~ x, d)` equals `coxph(Surv(time, dead) ~ x, d)`
  /// with `dead` the 0/1 code of the same rows.
  @Test("a text status column: Surv(time, status == \"Dead\") and != select the event")
  func textEvent() throws {
    let folder = try ScratchFolder()
    try folder.write(
      "t.csv", "time,status,dead,x\n5,Dead,1,1\n8,Alive,0,2\n3,Dead,1,1\n9,Dead,1,3\n4,Alive,0,1\n7,Dead,1,2\n")
    func coef(_ model: String) throws -> Double? {
      let result = try Survfig.run(["cox", "--data", "t.csv", "--model", model, "--json"], in: folder.path)
      #expect(result.status == 0, "\(result.standardError)")
      let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
      return ((json?["terms"] as? [[String: Any]])?.first?["coef"]) as? Double
    }
    let reference = try #require(try coef("Surv(time, dead) ~ x"))
    #expect(try coef("Surv(time, status == \"Dead\") ~ x") == reference)
    #expect(try coef("Surv(time, status != \"Alive\") ~ x") == reference)
  }

  @Test("the text table sizes its columns to their content, so a diverging coefficient cannot run into the next")
  func textTable() throws {
    let folder = try ScratchFolder()
    try folder.write(
      "m.csv", "t,e,g,x\n1,1,1,3\n2,0,0,1\n3,1,1,2\n4,0,0,5\n5,1,1,4\n6,0,0,2\n7,1,1,1\n8,0,0,3\n9,1,1,6\n10,0,0,4\n")
    let result = try Survfig.run(["cox", "--data", "m.csv", "--model", "Surv(t, e) ~ g + x"], in: folder.path)
    #expect(result.status == 0)
    let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let table = Array(lines[1...3])
    #expect(table[0] == "      coef          se        HR  lower 95%  upper 95%        z      p")
    #expect(Set(table.map(\.count)).count == 1)
    for row in table.dropFirst() {
      #expect(row.split(separator: " ").count == 8, "\(row)")
    }
    #expect(table[1].contains("  1.89e+09  ") && table[1].contains("  Inf  "))
  }

  @Test("formula errors point at the character: syntax, an unknown column, a wrong call")
  func errors() throws {
    let folder = try ScratchFolder()
    try folder.write("d.csv", "t,e,x\n1,1,2\n2,0,3\n3,1,1\n")
    let syntax = try Survfig.run(["cox", "--data", "d.csv", "--model", "Surv(t, e) ~ x +"], in: folder.path)
    #expect(syntax.status != 0)
    #expect(
      syntax.standardError
        == "Error: d.csv: model 'Surv(t, e) ~ x +': unexpected end of formula at column 17\n  Surv(t, e) ~ x +\n                  ^\n"
    )
    let unknown = try Survfig.run(["cox", "--data", "d.csv", "--model", "Surv(t, e) ~ y"], in: folder.path)
    #expect(unknown.status != 0)
    #expect(
      unknown.standardError
        == "Error: d.csv: model 'Surv(t, e) ~ y': unknown variable 'y' at column 14\n  Surv(t, e) ~ y\n               ^\n"
    )
    let arguments = try Survfig.run(
      ["cox", "--data", "d.csv", "--model", "Surv(t, e) ~ factor(x, 2)"], in: folder.path)
    #expect(arguments.status != 0)
    #expect(
      arguments.standardError
        == "Error: d.csv: model 'Surv(t, e) ~ factor(x, 2)': 'factor(x, 2)': factor() takes one argument, found 2 at column 14\n  Surv(t, e) ~ factor(x, 2)\n               ^\n"
    )
  }

  /// R: `fit <- coxph(Surv(time, status) ~ strata(sex), lung)` is a null model (class
  /// `coxph.null`): `print(fit)` gives "Null model / log likelihood= -643.437 / n= 228";
  /// `sprintf("%.17g", fit$loglik)` = -643.43701866939364, `fit$nevent` = 165; with
  /// `ties = "breslow"` -643.6166945052172; `~ 1` gives -749.9098013903947.
  /// `cox.zph(fit)` fails: "there are no score residuals for a Null model".
  @Test("a model with only strata() is R's null model: n, events and log-likelihood, no tests")
  func nullModel() throws {
    let lung = Survfig.data("lung.csv")
    let text = try Survfig.run(["cox", "--data", lung, "--model", "Surv(time, status) ~ strata(sex)"])
    #expect(text.status == 0)
    #expect(
      text.standardOutput == """
        Cox null model (no covariates, 2 strata), 228 patients, 165 events (efron ties)
        Log likelihood = -643.437
        No coefficients and no tests: the model has no covariates.

        """)
    #expect(text.standardError == "")
    let json = try Self.json(["--data", lung, "--model", "Surv(time, status) ~ strata(sex)"])
    #expect(json["null_model"] as? Bool == true)
    #expect(json["n"] as? Int == 228 && json["events"] as? Int == 165)
    #expect((json["terms"] as? [Any])?.isEmpty == true && (json["factor_tests"] as? [Any])?.isEmpty == true)
    #expect(json["tests"] is NSNull && json["concordance"] is NSNull && json["ph_test"] is NSNull)
    let loglik = try #require(json["loglik"] as? [String: Any])
    #expect(abs((loglik["model"] as? Double ?? .nan) - -643.43701866939364) < 1e-9)
    #expect(loglik["null"] as? Double == loglik["model"] as? Double)
    let breslow = try Self.json(["--data", lung, "--model", "Surv(time, status) ~ strata(sex)", "--ties", "breslow"])
    #expect(abs(((breslow["loglik"] as? [String: Any])?["model"] as? Double ?? .nan) - -643.6166945052172) < 1e-9)
    let intercept = try Self.json(["--data", lung, "--model", "Surv(time, status) ~ 1"])
    #expect(intercept["null_model"] as? Bool == true)
    #expect(abs(((intercept["loglik"] as? [String: Any])?["model"] as? Double ?? .nan) - -749.9098013903947) < 1e-9)
    // A model with covariates says it is not one.
    let full = try Self.json(["--data", lung, "--model", "Surv(time, status) ~ age + strata(sex)"])
    #expect(full["null_model"] as? Bool == false && full["tests"] is [String: Any])

    let ph = try Survfig.run(["cox", "--data", lung, "--model", "Surv(time, status) ~ strata(sex)", "--ph-test"])
    #expect(ph.status == 1)
    #expect(
      ph.standardError
        == "Error: \(lung): model 'Surv(time, status) ~ strata(sex)': the model has no covariates, so there is nothing to test for proportional hazards (R's cox.zph: \"there are no score residuals for a Null model\"); add a covariate or drop the proportional-hazards test\n"
    )
  }
}
