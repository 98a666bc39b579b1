import Foundation
import Testing

@Suite("survfig km, end to end")
struct KaplanMeierCommandTests {
  @Test("--version and --help")
  func versionAndHelp() throws {
    let version = try Survfig.run(["--version"])
    #expect(version.status == 0)
    #expect(version.standardOutput == "0.1.0\n")
    let help = try Survfig.run(["--help"])
    #expect(help.status == 0)
    #expect(help.standardOutput.contains("km"))
    let kmHelp = try Survfig.run(["km", "--help"])
    #expect(kmHelp.status == 0)
    #expect(kmHelp.standardOutput.contains("--risk-table"))
  }

  /// R 4.2, survival 3.5:
  /// `f <- survfit(Surv(time, status) ~ x, aml); summary(f)$table; summary(f, times = c(12, 36))`
  /// `survdiff(Surv(time, status) ~ x, aml)$chisq` (sprintf("%.17g")).
  @Test("--json prints the statistics of aml by x as R gives them")
  func jsonMatchesR() throws {
    let result = try Survfig.run([
      "km", "--data", Survfig.data("aml.csv"), "--time", "time", "--event", "status",
      "--group", "x", "--times", "12,36", "--json",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect(json["n"] as? Int == 23)
    #expect(json["excluded"] as? Int == 0)
    #expect(json["conf_type"] as? String == "log")
    let groups = try #require(json["groups"] as? [[String: Any]])
    #expect(groups.map { $0["label"] as? String } == ["1", "2"])
    #expect(groups.map { $0["events"] as? Int } == [7, 11])
    let medians = groups.map { $0["median"] as? [String: Any] }
    #expect(medians[0]?["estimate"] as? Double == 31)
    #expect(medians[0]?["lower"] as? Double == 18)
    #expect(medians[0]?["upper"] is NSNull)
    #expect(medians[1]?["estimate"] as? Double == 23)
    let atTimes = try #require(groups[1]["at_times"] as? [[String: Any]])
    let expectedSurvival = [0.58333333333333337, 0.19444444444444448]
    let expectedLower = [0.36161370521038472, 0.056921552571604174]
    for (row, (s, l)) in zip(atTimes, zip(expectedSurvival, expectedLower)) {
      #expect(abs((row["survival"] as? Double ?? .nan) - s) <= 1e-12)
      #expect(abs((row["lower"] as? Double ?? .nan) - l) <= 1e-12)
    }
    let logrank = try #require(json["logrank"] as? [String: Any])
    #expect(abs((logrank["chisq"] as? Double ?? .nan) - 3.3963886989776011) <= 1e-12)
    #expect(logrank["df"] as? Int == 1)
  }

  /// R: `for (p in combn(1:4, 2, simplify = FALSE)) survdiff(Surv(time, status) ~ celltype,
  /// veteran, subset = celltype %in% p)`, P from `pchisq(chisq, 1, lower.tail = FALSE)`, then
  /// `p.adjust(ps, "holm")` (sprintf("%.17g")).
  @Test("pairwise log-rank tests with Holm-adjusted P values as R's p.adjust gives them")
  func pairwise() throws {
    let result = try Survfig.run([
      "km", "--data", Survfig.data("veteran.csv"), "--time", "time", "--event", "status",
      "--group", "celltype", "--pairwise", "holm", "--trend", "--json",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    let pairwise = try #require(json["pairwise"] as? [String: Any])
    #expect(pairwise["adjustment"] as? String == "holm")
    let comparisons = try #require(pairwise["comparisons"] as? [[String: Any]])
    #expect(
      comparisons.map { $0["groups"] as? [String] ?? [] } == [
        ["1", "2"], ["1", "3"], ["1", "4"], ["2", "3"], ["2", "4"], ["3", "4"],
      ])
    let p = [
      0.00066892122504147032, 0.00051918014928395797, 0.36442283748410292, 0.75565132868712115,
      0.0022045675189617852, 2.628316878476322e-05,
    ]
    let holm = [
      0.0026756849001658813, 0.0025959007464197896, 0.72884567496820585, 0.75565132868712115,
      0.0066137025568853555, 0.00015769901270857933,
    ]
    for (comparison, (raw, adjusted)) in zip(comparisons, zip(p, holm)) {
      #expect(abs((comparison["p"] as? Double ?? .nan) / raw - 1) < 1e-9)
      #expect(abs((comparison["p_adjusted"] as? Double ?? .nan) / adjusted - 1) < 1e-9)
    }
    let trend = try #require(json["trend"] as? [String: Any])
    #expect(trend["scores"] as? [Double] == [1, 2, 3, 4])
    #expect(trend["df"] as? Int == 1)
  }

  /// R: `summary(coxph(Surv(time, status == 2) ~ factor(sex), lung))$conf.int[1, c(1, 3, 4)]` and
  /// `exp(coef(coxph(Surv(time, status == 2) ~ factor(sex) + age + ph.ecog, lung)))[1]`.
  @Test("hazard ratios against the first group, crude and adjusted, as R's coxph")
  func hazardRatios() throws {
    let arguments = [
      "km", "--data", Survfig.data("lung.csv"), "--time", "time", "--event", "status", "--event-value", "2",
      "--group", "sex", "--json",
    ]
    let crude = try Survfig.run(arguments + ["--hazard-ratio"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(crude.standardOutput.utf8)) as? [String: Any])
    let ratio = try #require(((json["hazard_ratios"] as? [String: Any])?["groups"] as? [[String: Any]])?.first)
    #expect(ratio["group"] as? String == "2")
    #expect(ratio["reference"] as? String == "1")
    for (key, expected) in [
      ("hr", 0.5880028185635886), ("lower", 0.42371783035391491), ("upper", 0.81598481317138638),
      ("p", 0.0014912292048807547),
    ] {
      #expect(abs((ratio[key] as? Double ?? .nan) / expected - 1) < 1e-9, "\(key)")
    }
    let adjusted = try Survfig.run(arguments + ["--hr-adjust", "age + ph.ecog"])
    #expect(
      adjusted.standardError
        == "warning: hazard-ratio model: 1 row with a missing value in the model's columns left out\n")
    let adjustedJSON = try #require(
      try JSONSerialization.jsonObject(with: Data(adjusted.standardOutput.utf8)) as? [String: Any])
    let model = try #require(adjustedJSON["hazard_ratios"] as? [String: Any])
    #expect(model["model"] as? String == "Surv(time, status) ~ relevel(factor(sex), ref = \"1\") + age + ph.ecog")
    let adjustedRatio = try #require((model["groups"] as? [[String: Any]])?.first?["hr"] as? Double)
    #expect(abs(adjustedRatio / 0.57544455619049217 - 1) < 1e-9)
  }

  @Test("without a group there is one group and no log-rank test")
  func singleGroup() throws {
    let result = try Survfig.run([
      "km", "--data", Survfig.data("aml.csv"), "--time", "time", "--event", "status", "--json",
    ])
    #expect(result.status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect((json["groups"] as? [Any])?.count == 1)
    #expect(json["logrank"] is NSNull)
  }

  @Test("a missing value leaves the row out, counted and reported")
  func missingValues() throws {
    let folder = try ScratchFolder()
    try folder.write("missing.csv", "time,status,arm\n10,1,A\n3,,B\n5,0,A\n4,1,B\n")
    let result = try Survfig.run(
      ["km", "--data", "missing.csv", "--time", "time", "--event", "status", "--json"],
      in: folder.path)
    #expect(result.status == 0)
    #expect(result.standardError == "warning: missing.csv: 1 row with a missing value left out\n")
    #expect(result.standardOutput.contains("\"excluded\": 1"))
  }

  @Test(
    "bad input: a clear message, a non-zero exit code and no figure file",
    arguments: [
      (
        "time,status\n10,1\nabc,0\n", ["--out", "km.pdf"],
        "Error: data.csv:3:1: column 'time' expects a number, found 'abc'\n"
      ),
      (
        "time,status\n10,1\n-3,0\n", ["--out", "km.pdf"],
        "Error: data.csv:3:1: column 'time' has a negative time '-3'; times must be ≥ 0\n"
      ),
      (
        "time,status\n10,1\n3,7\n5,0\n", ["--out", "km.pdf"],
        "Error: data.csv:3:2: column 'status' has event code '7', but automatic detection accepts only 0/1 (1 = event), 1/2 (2 = event) or TRUE/FALSE; the column has '0', '1', '7'. Give the event code with '--event-value' and any censoring codes with '--censor-value'\n"
      ),
      (
        "time,status\n10,1\n3,7\n5,0\n", ["--event-value", "1", "--json"],
        "Error: data.csv:3:2: column 'status' has event code '7', which is neither the event code '1' nor the default censoring code '0'; if it marks censoring, list every censoring code with '--censor-value 0,7'\n"
      ),
      ("", ["--out", "km.pdf"], "Error: data.csv:1: the file is empty; expected a header row of column names\n"),
      (
        "time,status,arm\n10,1,A\n5,0,B\n", ["--group", "arm", "--group-order", "A,C", "--out", "km.pdf"],
        "Error: unknown group 'C' in the group order for column 'arm' of data.csv. Did you mean 'A'? Groups in the data: 'A', 'B'\n"
      ),
      (
        "time,status\n10,1\n5,0\n", ["--out", "km.xyz"],
        "Error: unknown output format 'xyz' for 'km.xyz'. Please use one of 'pdf', 'svg', 'png', 'eps', 'tif' or 'tiff'.\n"
      ),
      (
        "time,status\n10,1\n5,0\n", ["--out", "figures/km.pdf"],
        "Error: figures/km.pdf: the folder 'figures' does not exist; create it first, or choose another folder\n"
      ),
    ])
  func badInput(csv: String, options: [String], message: String) throws {
    let folder = try ScratchFolder()
    try folder.write("data.csv", csv)
    let result = try Survfig.run(
      ["km", "--data", "data.csv", "--time", "time", "--event", "status"] + options, in: folder.path)
    #expect(result.status != 0)
    #expect(result.standardError == message)
    #expect(folder.files == ["data.csv"])
  }

  @Test(
    "options that do nothing together are usage errors",
    arguments: [
      (
        ["--strata", "inst", "--json"],
        "Error: '--strata' needs '--group': the stratified log-rank test compares the groups within each stratum, and without groups there is no test\n"
      ),
      (
        ["--fun", "cumhaz", "--median-lines", "--out", "km.pdf"],
        "Error: '--median-lines' marks where the survival or event curve crosses 0.5; there is no such line for '--fun cumhaz'\n"
      ),
      // An axis ending at or before 0 would show no curve at all.
      (["--x-max=0", "--out", "km.pdf"], "Error: '--x-max' must be greater than 0, found 0\n"),
    ])
  func uselessCombinations(options: [String], message: String) throws {
    let result = try Survfig.run(
      ["km", "--data", Survfig.data("lung.csv"), "--time", "time", "--event", "status"] + options)
    #expect(result.status == 64)
    #expect(result.standardError.hasPrefix(message))
  }

  @Test("an unknown column suggests the near match")
  func unknownColumn() throws {
    let result = try Survfig.run([
      "km", "--data", "Templates/data/lung.csv", "--time", "tme", "--event", "status", "--json",
    ])
    #expect(result.status != 0)
    #expect(
      result.standardError
        == "Error: Templates/data/lung.csv:1: unknown column 'tme'. Did you mean 'time'? Available columns: inst, time, status, age, sex, ph.ecog, ph.karno, pat.karno, meal.cal, wt.loss\n"
    )
  }

  @Test("--censor-value 0,2 is two codes, as the message that proposes it means, and as repeating the option")
  func censorValuesSplitAtCommas() throws {
    let folder = try ScratchFolder()
    let data = try folder.write("codes.csv", "time,status\n1,1\n2,2\n3,0\n4,2\n5,1\n")
    for codes in [["--censor-value", "0,2"], ["--censor-value", "0", "--censor-value", "2"]] {
      let result = try Survfig.run(["km", "--data", data, "--time", "time", "--event", "status", "--json"] + codes)
      #expect(result.status == 0, "\(result.standardError)")
      let json = try #require(
        try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
      #expect(json["event_coding"] as? String == "'0', '2' = censored, other values events")
      let groups = try #require(json["groups"] as? [[String: Any]])
      #expect(groups.first?["events"] as? Int == 2)
    }
  }
}
