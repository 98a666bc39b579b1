import Foundation
import Testing

/// CDISC ADaM data read as pharma delivers them (SAS transport) and as academia keeps them
/// (SAS, Stata, SPSS), with ADaM's conventions applied and never inverted.
@Suite("ADaM data: SAS, Stata and SPSS files, CNSR, PARAMCD, populations")
struct ADaMTests {
  static func fixture(_ name: String) -> String { Survfig.packageRoot + "/Tests/SurvfigCLITests/Fixtures/adam/" + name }

  static func json(_ result: Survfig.Result) throws -> [String: Any] {
    #expect(result.status == 0, "\(result.standardError)")
    return try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
  }

  /// The CDISC pilot's published numbers (time to first dermatologic event by planned
  /// treatment: events 29/62/61; medians 33 (27–48) and 36 (24–46) days, linear CIs; log-rank
  /// p < 0.0001), and R 4.2.2, survival 3.5.3, haven 2.5.1 on each file:
  /// `d <- read_xpt(f)` (`read_sas`, `read_dta`, `read_sav`); `fit <- survfit(Surv(AVAL,
  /// 1 - CNSR) ~ TRTP, d, conf.type = "plain")`; `quantile(fit, 0.5, conf.int = TRUE)`;
  /// `survdiff(Surv(AVAL, 1 - CNSR) ~ TRTP, d)$chisq` = 60.269556739028054, p (2 df)
  /// 8.1777163138637021e-14; `summary(fit, times = seq(0, 200, 20), extend = TRUE)$n.risk`;
  /// `fit$surv[1:3]` = 0.98837209302325579, 0.9767441860465117, 0.95348837209302328.
  @Test(
    "the pilot's time to first dermatologic event without --time or --event, from every format",
    arguments: ["phuse-tdf-adtte.xpt", "phuse-tdf-adtte.sas7bdat", "phuse-tdf-adtte.dta", "phuse-tdf-adtte.sav"])
  func pilot(_ file: String) throws {
    let json = try Self.json(
      try Survfig.run([
        "km", "--data", Self.fixture(file), "--param", "TTDE", "--group", "TRTP", "--conf-type", "plain",
        "--times", "0,20,40,60,80,100,120,140,160,180,200", "--json",
      ]))
    let groups = try #require(json["groups"] as? [[String: Any]])
    #expect(groups.map { $0["label"] as? String } == ["Placebo", "Xanomeline High Dose", "Xanomeline Low Dose"])
    #expect(groups.map { $0["n"] as? Int } == [86, 84, 84])
    #expect(groups.map { $0["events"] as? Int } == [29, 61, 62])
    let medians = try groups.map { try #require($0["median"] as? [String: Any]) }
    #expect(medians[0]["estimate"] is NSNull && medians[0]["lower"] is NSNull)
    #expect(medians[1]["estimate"] as? Double == 36 && medians[1]["lower"] as? Double == 24)
    #expect(medians[1]["upper"] as? Double == 46)
    #expect(medians[2]["estimate"] as? Double == 33 && medians[2]["lower"] as? Double == 27)
    #expect(medians[2]["upper"] as? Double == 48)
    let logrank = try #require(json["logrank"] as? [String: Any])
    #expect(Self.close(logrank["chisq"] as? Double, 60.269556739028054, 1e-12))
    #expect(Self.close(logrank["p"] as? Double, 8.1777163138637021e-14, 1e-9))
    let atRisk = groups.map { ($0["at_times"] as? [[String: Any]] ?? []).map { $0["n_risk"] as? Int ?? -1 } }
    #expect(atRisk[0] == [86, 75, 65, 59, 50, 47, 45, 42, 40, 35, 0])
    #expect(atRisk[1] == [84, 48, 31, 14, 7, 4, 4, 4, 4, 3, 0])
    #expect(atRisk[2] == [84, 58, 31, 20, 14, 12, 8, 6, 6, 5, 0])
    let table = try #require(groups[0]["table"] as? [[String: Any]])
    let survival = table.prefix(3).compactMap { $0["survival"] as? Double }
    #expect(
      zip(survival, [0.98837209302325579, 0.9767441860465117, 0.95348837209302328]).allSatisfy { Self.close($0, $1) })
    #expect(json["event_coding"] as? String == "0 = event, 1 or more = censored (ADaM CNSR)")
  }

  @Test("CNSR read as an event is refused on the command line and in templates")
  func censorIndicatorAsEvent() throws {
    let run = try Survfig.run([
      "km", "--data", Self.fixture("phuse-tdf-adtte.xpt"), "--time", "AVAL", "--event", "CNSR", "--json",
    ])
    #expect(run.status == 64)
    #expect(
      run.standardError.hasPrefix(
        "Error: '--event CNSR' would count ADaM's censorings as events: CNSR is 0 for an event and 1 or more for a censoring. Write '--censor CNSR' instead, or give the codes: '--event-value 0'\n"
      ))
    let folder = try ScratchFolder()
    try folder.write(
      "t.yaml",
      "data:\n  adtte: \(Self.fixture("phuse-tdf-adtte.xpt"))\nfigures:\n  - {id: km, data: adtte, time: AVAL, event: CNSR}\n"
    )
    let build = try Survfig.run(["build", "t.yaml", "--out", "out"], in: folder.path)
    #expect(build.status == 1)
    #expect(
      build.standardError
        == "Error: t.yaml:4:46: 'figures[0].event': 'event: CNSR' would count ADaM's censorings as events: CNSR is 0 for an event and 1 or more for a censoring. Write 'censor: CNSR' instead, or give the codes: 'event-value: 0'\n"
    )
    // The explicit forms agree with the default.
    let explicit = try Self.json(
      try Survfig.run([
        "km", "--data", Self.fixture("phuse-tdf-adtte.xpt"), "--time", "AVAL", "--censor", "CNSR", "--group", "TRTP",
        "--json",
      ]))
    let coded = try Self.json(
      try Survfig.run([
        "km", "--data", Self.fixture("phuse-tdf-adtte.xpt"), "--time", "AVAL", "--event", "CNSR", "--event-value", "0",
        "--censor-value", "1", "--group", "TRTP", "--json",
      ]))
    for json in [explicit, coded] {
      #expect((json["groups"] as? [[String: Any]])?.map { $0["events"] as? Int } == [29, 61, 62])
    }
  }

  @Test("several parameters without --param is an error listing them; --param keeps one")
  func parameters() throws {
    let pooled = try Survfig.run(["km", "--data", Self.fixture("pharmaverse-adtte.xpt"), "--json"])
    #expect(pooled.status == 1)
    #expect(
      pooled.standardError
        == "Error: \(Self.fixture("pharmaverse-adtte.xpt")) holds 3 parameters (PARAMCD OS (254), PFS (254), RSD (4)); analysing them together would pool different endpoints. Keep one with param (--param OS on the command line, param: OS in a template)\n"
    )
    let os = try Self.json(
      try Survfig.run(["km", "--data", Self.fixture("pharmaverse-adtte.xpt"), "--param", "OS", "--json"]))
    #expect(os["n"] as? Int == 254)
  }

  @Test("a selection that keeps no row shows the values present in the columns it names")
  func emptySelection() throws {
    let run = try Survfig.run([
      "km", "--data", Self.fixture("pharmaverse-adtte.xpt"), "--param", "TTD", "--where", "ARM == \"Placebo\"",
      "--json",
    ])
    #expect(run.status == 1)
    #expect(
      run.standardError
        == "Error: \(Self.fixture("pharmaverse-adtte.xpt")): no row meets PARAMCD == \"TTD\" and ARM == \"Placebo\"; PARAMCD has OS (254), PFS (254), RSD (4); ARM has Placebo (174), Xanomeline High Dose (169), Xanomeline Low Dose (169)\n"
    )
  }

  /// R 4.2.2, haven 2.5.1: `b <- subset(read_xpt("pharmaverse-adrs-bor.xpt"), PARAMCD == "BOR" &
  /// SAFFL == "Y")`; per ARM `binom.test(sum(AVALC %in% c("CR", "PR")), nrow(x))$conf.int`:
  /// Placebo 2/86, 0.0028289005097233148–0.081494449522612422; Xanomeline High Dose and Low Dose
  /// 1/84, 0.00030135705884024386–0.064551968432040252; DCR (CR, PR, SD, NON-CR/NON-PD) Placebo
  /// 3/86, 0.0072524564283030554–0.098576163988532195, High Dose 2/84,
  /// 0.0028965629705329909–0.083374466566905503.
  @Test("best overall response of the safety population: every subject in the denominator, as R counts")
  func bestOverallResponse() throws {
    let json = try Self.json(
      try Survfig.run([
        "response", "--data", Self.fixture("pharmaverse-adrs-bor.xpt"), "--param", "BOR", "--population", "SAFFL",
        "--group", "ARM", "--json",
      ]))
    let groups = try #require(json["groups"] as? [[String: Any]])
    #expect(groups.map { $0["label"] as? String } == ["Placebo", "Xanomeline High Dose", "Xanomeline Low Dose", "All"])
    #expect(groups.map { $0["n"] as? Int } == [86, 84, 84, 254])
    #expect(groups.map { $0["denominator"] as? String } == ["all", "all", "all", "all"])
    let counts = try #require(groups[1]["counts"] as? [String: Int])
    #expect(counts == ["CR": 1, "PR": 0, "SD": 0, "NON-CR/NON-PD": 1, "PD": 1, "NE": 0, "MISSING": 81])
    let orr = groups.map { $0["orr"] as? [String: Any] ?? [:] }
    #expect(
      orr.map { $0["successes"] as? Int } == [2, 1, 1, 4] && orr.map { $0["trials"] as? Int } == [86, 84, 84, 254])
    #expect(Self.close(orr[0]["lower"] as? Double, 0.0028289005097233148, 1e-10))
    #expect(Self.close(orr[0]["upper"] as? Double, 0.081494449522612422, 1e-10))
    #expect(Self.close(orr[1]["lower"] as? Double, 0.00030135705884024386, 1e-10))
    #expect(Self.close(orr[1]["upper"] as? Double, 0.064551968432040252, 1e-10))
    let dcr = groups.map { $0["dcr"] as? [String: Any] ?? [:] }
    #expect(dcr.map { $0["successes"] as? Int } == [3, 2, 1, 6])
    #expect(Self.close(dcr[0]["lower"] as? Double, 0.0072524564283030554, 1e-10))
    #expect(Self.close(dcr[1]["upper"] as? Double, 0.083374466566905503, 1e-10))
    let evaluable = try Self.json(
      try Survfig.run([
        "response", "--data", Self.fixture("pharmaverse-adrs-bor.xpt"), "--param", "BOR", "--population", "SAFFL",
        "--group", "ARM", "--denominator", "evaluable", "--json",
      ]))
    let placebo = try #require((evaluable["groups"] as? [[String: Any]])?.first)
    #expect((placebo["orr"] as? [String: Any])?["trials"] as? Int == 3)
  }

  @Test("every command takes --param, --population and --where")
  func everyCommandSelects() throws {
    for command in ["km", "cox", "forest", "response", "swimmer"] {
      let help = try Survfig.run([command, "--help"]).standardOutput
      for option in ["--param", "--population", "--where"] { #expect(help.contains(option), "\(command) \(option)") }
    }
    let cox = try Self.json(
      try Survfig.run([
        "cox", "--data", Self.fixture("phuse-tdf-adtte.xpt"), "--param", "TTDE", "--population", "SAFFL",
        "--where", "AGE >= 65", "--model", "Surv(AVAL, CNSR == 0) ~ TRTP", "--json",
      ]))
    #expect((cox["n"] as? Int).map { $0 < 254 } == true)
  }

  @Test("templates take param, population and where in endpoints, figures and tables; PARAM titles the axis")
  func template() throws {
    let folder = try ScratchFolder()
    try folder.write(
      "t.yaml",
      """
      data:
        adtte: \(Self.fixture("phuse-tdf-adtte.xpt"))
        adrs: \(Self.fixture("pharmaverse-adrs-bor.xpt"))
      endpoints:
        ttde: {data: adtte, param: TTDE, population: SAFFL}
      figures:
        - id: ttde
          endpoint: ttde
          group: TRTP
          conf-type: plain
          formats: [pdf]
          caption: "{{#groups}}{{label}} {{events}}/{{n}}, median {{median_text}}{{sep}}{{/groups}}."
      tables:
        - {id: bor, type: response, data: adrs, param: BOR, population: SAFFL, group: ARM, formats: [md]}
        - {id: older, type: survival, endpoint: ttde, where: 'AGE >= 80', group: TRTP, formats: [md]}

      """)
    let build = try Survfig.run(["build", "t.yaml", "--out", "out", "--quiet"], in: folder.path)
    #expect(build.status == 0, "\(build.standardError)")
    let sidecar = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/ttde.json")))
        as? [String: Any])
    #expect(
      sidecar["caption"] as? String
        == "Placebo 29/86, median NR; Xanomeline High Dose 61/84, median 36 (95% CI 24–46); Xanomeline Low Dose 62/84, median 33 (95% CI 27–48)."
    )
    #expect(
      (sidecar["methods"] as? String)?.hasPrefix(
        "times from 'AVAL', an event where 'CNSR' is 0 and a censoring where it is 1 or more (CDISC ADaM)") == true)
    let text = try ConventionTests.pdfText(folder.path + "/out/ttde.pdf")
    #expect(text.contains("Time to First Dermatologic Event"))
    let table = try String(contentsOfFile: folder.path + "/out/bor.md", encoding: .utf8)
    #expect(table.contains("rates are over all patients (N includes NE and MISSING)"))
    #expect(table.contains("| Responders (CR + PR), n/N | 2/86 | 1/84 | 1/84 | 4/254 |"))
    let older = try String(contentsOfFile: folder.path + "/out/older.md", encoding: .utf8)
    #expect(older.contains("Placebo") && !older.contains("| 86 |"))
  }
}
