import Foundation
import Testing

@Suite("survfig response and ci")
struct ResponseCommandTests {
  let assessments = [
    "--data", "Templates/data/response-assessments.csv", "--id", "patient", "--response", "recist",
    "--time", "week", "--time-unit", "weeks",
  ]

  @Test("response --json: counts, ORR and DCR per group and overall, Fisher's P, as R computes")
  func responseJSON() throws {
    let result = try ResponseCLI.run(["response"] + assessments + ["--group", "arm", "--json"])
    #expect(result.status == 0)
    let json = try ResponseCLI.json(result)
    let groups = try #require(json["groups"] as? [[String: Any]])
    #expect(groups.map { $0["label"] as? String } == ["A", "M", "O", "All"])
    #expect(groups.map { $0["n"] as? Int } == [16, 12, 10, 38])
    #expect(groups.map { $0["evaluable"] as? Int } == [16, 12, 8, 36])
    let all = try #require(groups.last)
    let counts = try #require(all["counts"] as? [String: Int])
    #expect(counts == ["CR": 1, "PR": 15, "SD": 11, "PD": 9, "NE": 2])
    // binom.test(16, 36)$conf.int: CR + PR = 16 of 36 evaluable.
    let orr = try #require(all["orr"] as? [String: Any])
    #expect(orr["method"] as? String == "clopper-pearson")
    #expect(abs((orr["lower"] as? Double ?? 0) - 0.27935419196684758) < 1e-13)
    #expect(abs((orr["upper"] as? Double ?? 0) - 0.61902320591061633) < 1e-13)
    let a = try #require(groups.first?["orr"] as? [String: Any])
    // binom.test(8, 16)$conf.int
    #expect(abs((a["lower"] as? Double ?? 0) - 0.24651011149057533) < 1e-13)
    // fisher.test(matrix(c(8, 8, 5, 7, 3, 5), nrow = 2))$p.value
    let comparison = try #require(json["comparison"] as? [String: Any])
    #expect(comparison["test"] as? String == "fisher")
    #expect(abs((comparison["p"] as? Double ?? 0) - 0.83221039701528354) < 1e-12)
    #expect(
      result.standardOutput.contains(
        "\"groups\": [\n    {\n      \"label\": \"A\",\n      \"n\": 16,\n      \"evaluable\": 16,\n      \"counts\": {\n        \"CR\": 1,"
      ))
  }

  @Test("percentages of all patients per category sit beside the counts")
  func percentages() throws {
    let json = try ResponseCLI.json(try ResponseCLI.run(["response"] + assessments + ["--group", "arm", "--json"]))
    let groups = try #require(json["groups"] as? [[String: Any]])
    let all = try #require(groups.last?["percentages"] as? [String: Double])
    #expect(all.keys.sorted() == ["CR", "NE", "PD", "PR", "SD"])
    // 1, 15, 11, 9 and 2 of 38 patients.
    for (code, count) in [("CR", 1.0), ("PR", 15), ("SD", 11), ("PD", 9), ("NE", 2)] {
      #expect(abs((all[code] ?? 0) - 100 * count / 38) < 1e-12)
    }
    #expect(groups[2]["percentages"] as? [String: Double] == ["CR": 0, "PR": 30, "SD": 30, "PD": 20, "NE": 20])
  }

  @Test("duration of response per group, as R's survfit among each group's responders")
  func durationOfResponseByGroup() throws {
    let json = try ResponseCLI.json(try ResponseCLI.run(["response"] + assessments + ["--group", "arm", "--json"]))
    let groups = try #require(json["groups"] as? [[String: Any]])
    // Responders' durations from the first CR/PR to the first PD (censored at the last
    // assessment), then quantile(survfit(Surv(dor, event) ~ arm), 0.5, conf.int = TRUE):
    // A 24.3 (20.9–NA), M 32.6 (23.5–NA), O 11.55 (6.1–NA); all: 24.3 (23–NA).
    let expected: [(Int, Int, Double, Double)] = [
      (8, 7, 24.3, 20.9), (5, 4, 32.6, 23.5), (3, 2, 11.55, 6.1), (16, 13, 24.3, 23),
    ]
    for (group, (responders, events, median, lower)) in zip(groups, expected) {
      let dor = try #require(group["duration_of_response"] as? [String: Any])
      #expect(dor["responders"] as? Int == responders)
      #expect(dor["events"] as? Int == events)
      let m = try #require(dor["median"] as? [String: Any])
      #expect(abs((m["estimate"] as? Double ?? 0) - median) < 1e-9)
      #expect(abs((m["lower"] as? Double ?? 0) - lower) < 1e-9)
      #expect(m["upper"] is NSNull)
    }
    let overall = try #require(json["duration_of_response"] as? [String: Any])
    #expect(overall["responders"] as? Int == 16)
  }

  static let deaths = """
    id,arm,t,bor,death
    1,A,4,PR,
    1,A,8,PR,
    1,A,12,PR,14
    2,A,4,SD,
    2,A,8,PR,
    2,A,12,PD,
    3,A,4,PR,20
    3,A,8,PR,20
    4,B,4,CR,
    4,B,8,CR,
    5,B,4,PR,6
    5,B,10,PD,

    """

  @Test("--death-time ends a response at death when it comes before progression")
  func deathTime() throws {
    let folder = try ResponseCLI.folder(["deaths.csv": Self.deaths])
    let options = [
      "response", "--data", "deaths.csv", "--id", "id", "--response", "bor", "--time", "t", "--group", "arm",
    ]
    let json = try ResponseCLI.json(try ResponseCLI.run(options + ["--death-time", "death", "--json"], in: folder))
    let groups = try #require(json["groups"] as? [[String: Any]])
    // Durations 10, 4, 16 (A, all events) and 4 (censored), 2 (B):
    // quantile(survfit(Surv(dor, event) ~ arm), 0.5, conf.int = TRUE): A 10 (4–NA), B 3 (2–NA).
    let medians = groups.map { (($0["duration_of_response"] as? [String: Any])?["median"] as? [String: Any]) }
    #expect(medians.map { $0?["estimate"] as? Double } == [10, 3, 10])
    #expect(medians.map { $0?["lower"] as? Double } == [4, 2, 4])
    #expect(groups.map { (($0["duration_of_response"] as? [String: Any])?["events"] as? Int) } == [3, 1, 4])
    // Without deaths: 8 (censored), 4, 4 (censored) and 4 (censored), 6: A NA (4–NA), B 6.
    let progression = try ResponseCLI.json(try ResponseCLI.run(options + ["--json"], in: folder))
    let plain = try #require(progression["groups"] as? [[String: Any]])
    #expect(plain.map { (($0["duration_of_response"] as? [String: Any])?["events"] as? Int) } == [1, 1, 2])
    let text = try ResponseCLI.run(options + ["--death-time", "death"], in: folder)
    #expect(text.status == 0)
    #expect(
      text.standardOutput.hasSuffix(
        """
        Duration of response (days), from the first CR/PR to progression or death, Kaplan–Meier:
          A: 3 responders, 3 events, median 10.0 (95% CI 4.0–NR)
          B: 2 responders, 1 event, median 3.0 (95% CI 2.0–NR)
          All: 5 responders, 4 events, median 10.0 (95% CI 4.0–NR)

        """))
  }

  @Test("duration of response: Kaplan–Meier among the CR and PR patients")
  func durationOfResponse() throws {
    let result = try ResponseCLI.run(["response"] + assessments + ["--json"])
    let json = try ResponseCLI.json(result)
    let dor = try #require(json["duration_of_response"] as? [String: Any])
    // 1 CR + 15 PR responders (see the counts above).
    #expect(dor["responders"] as? Int == 16)
    let events = try #require(dor["events"] as? Int)
    #expect(events > 0 && events <= 16)
    let median = try #require(dor["median"] as? [String: Any])
    #expect((median["estimate"] as? Double ?? 0) > 0)
    let folder = try ScratchFolder()
    try folder.write("best.csv", "id,best\n1,PR\n2,SD\n")
    let withoutTimes = try ResponseCLI.json(
      try ResponseCLI.run([
        "response", "--data", folder.path + "/best.csv", "--id", "id", "--response", "best", "--json",
      ]))
    #expect(withoutTimes["duration_of_response"] is NSNull)
  }

  @Test("without a group column there is one group, 'All', and no comparison")
  func responseWithoutGroups() throws {
    let folder = try ResponseCLI.folder(["bor.csv": "id,bor\n1,PR\n2,sd\n3,PD\n4,\n5,CR\n"])
    let result = try ResponseCLI.run(
      ["response", "--data", "bor.csv", "--id", "id", "--response", "bor", "--method", "wilson", "--json"],
      in: folder)
    #expect(result.status == 0)
    let json = try ResponseCLI.json(result)
    #expect(json["comparison"] is NSNull)
    let groups = try #require(json["groups"] as? [[String: Any]])
    #expect(groups.count == 1)
    #expect(groups[0]["evaluable"] as? Int == 4)
    let dcr = try #require(groups[0]["dcr"] as? [String: Any])
    #expect(dcr["estimate"] as? Double == 0.75)
    #expect(dcr["method"] as? String == "wilson")
  }

  @Test("the text table prints counts and percentages with their intervals")
  func responseText() throws {
    let result = try ResponseCLI.run(["response"] + assessments + ["--group", "arm"])
    #expect(result.status == 0)
    #expect(
      result.standardOutput == """
        Group   n  Evaluable  CR n (%)   PR n (%)   SD n (%)  PD n (%)  NE n (%)  ORR % (95% CI)    DCR % (95% CI)
        A      16         16   1 (6.3)   7 (43.8)   4 (25.0)  4 (25.0)   0 (0.0)  50.0 (24.7–75.3)  75.0 (47.6–92.7)
        M      12         12   0 (0.0)   5 (41.7)   4 (33.3)  3 (25.0)   0 (0.0)  41.7 (15.2–72.3)  75.0 (42.8–94.5)
        O      10          8   0 (0.0)   3 (30.0)   3 (30.0)  2 (20.0)  2 (20.0)  37.5 (8.5–75.5)   75.0 (34.9–96.8)
        All    38         36   1 (2.6)  15 (39.5)  11 (28.9)  9 (23.7)   2 (5.3)  44.4 (27.9–61.9)  75.0 (57.8–87.9)
        Fisher's exact test of the ORR between groups: P = 0.83
        Duration of response (weeks), from the first CR/PR to progression, Kaplan–Meier:
          A: 8 responders, 7 events, median 24.3 (95% CI 20.9–NR)
          M: 5 responders, 4 events, median 32.6 (95% CI 23.5–NR)
          O: 3 responders, 2 events, median 11.6 (95% CI 6.1–NR)
          All: 16 responders, 13 events, median 24.3 (95% CI 23.0–NR)

        """)
  }

  @Test("confirmation and the SD minimum change the best responses")
  func rules() throws {
    let result = try ResponseCLI.run(
      ["response"] + assessments + ["--confirm-weeks", "4", "--sd-min-weeks", "6", "--json"])
    #expect(result.status == 0)
    let groups = try #require(try ResponseCLI.json(result)["groups"] as? [[String: Any]])
    let counts = try #require(groups[0]["counts"] as? [String: Int])
    #expect(counts == ["CR": 1, "PR": 11, "SD": 15, "PD": 9, "NE": 2])
    let strict = try ResponseCLI.run(
      ["response"] + assessments + ["--confirm-weeks", "30", "--sd-min-weeks", "10", "--json"])
    let strictGroups = try #require(try ResponseCLI.json(strict)["groups"] as? [[String: Any]])
    #expect(strictGroups[0]["counts"] as? [String: Int] == ["CR": 0, "PR": 4, "SD": 19, "PD": 10, "NE": 5])
  }

  @Test(
    "bad input fails with a located message and exit status 1",
    arguments: [
      (
        "id,bor\n1,PR\n2,XR\n", ["--id", "id", "--response", "bor"],
        "Error: bad.csv:3:2: column 'bor' has unknown response 'XR'; the accepted codes are 'CR', 'PR', 'SD', 'PD', 'NE'\n"
      ),
      (
        "id,bor\n1,PR\n2,SD\n1,PD\n", ["--id", "id", "--response", "bor"],
        "Error: bad.csv:4:1: patient '1' has a second row (the first is on line 2); give '--time' when the file has one row per assessment, or one row per patient with the best response\n"
      ),
      (
        "id,bor\n1,PR\n,SD\n", ["--id", "id", "--response", "bor"],
        "Error: bad.csv:3:1: column 'id' is empty; every row needs a patient identifier\n"
      ),
      (
        "id,arm,bor\n1,A,PR\n1,B,SD\n", ["--id", "id", "--response", "bor", "--time", "arm"],
        "Error: bad.csv:2:2: column 'arm' expects a number, found 'A' (and 1 more row)\n"
      ),
      (
        "id,arm,t,bor\n1,A,2,PR\n1,B,4,SD\n", ["--id", "id", "--response", "bor", "--time", "t", "--group", "arm"],
        "Error: bad.csv:3:2: column 'arm' is 'B' for patient '1' here but 'A' on line 2; it must be the same on every row of a patient\n"
      ),
      (
        "id,t,bor\n1,2,PR\n1,-4,SD\n", ["--id", "id", "--response", "bor", "--time", "t"],
        "Error: bad.csv:3:2: column 't' has the time '-4'; times must be finite and ≥ 0\n"
      ),
      (
        "id,t,bor\n1,2,PR\n1,,SD\n", ["--id", "id", "--response", "bor", "--time", "t"],
        "Error: bad.csv:3:2: column 't' is empty for patient '1'\n"
      ),
      (
        "id,t,bor,dead\n1,2,PR,9\n1,4,SD,8\n",
        ["--id", "id", "--response", "bor", "--time", "t", "--death-time", "dead"],
        "Error: bad.csv:3:4: column 'dead' is '8' for patient '1' here but '9' on line 2; it must be the same on every row of a patient\n"
      ),
      (
        "id,t,bor,dead\n1,2,PR,\n1,4,SD,-1\n",
        ["--id", "id", "--response", "bor", "--time", "t", "--death-time", "dead"],
        "Error: bad.csv:3:4: column 'dead' has the time '-1'; times must be finite and ≥ 0\n"
      ),
      (
        "id,t,bor,dead\n1,2,SD,3\n1,4,PR,\n",
        ["--id", "id", "--response", "bor", "--time", "t", "--death-time", "dead"],
        "Error: bad.csv:2:4: patient '1' died at 3 (column 'dead'), before the first response (PR at 4); a response cannot follow death: correct the time of death or the assessments\n"
      ),
    ])
  func badInput(csv: String, options: [String], message: String) throws {
    let folder = try ResponseCLI.folder(["bad.csv": csv])
    let result = try ResponseCLI.run(["response", "--data", "bad.csv"] + options + ["--json"], in: folder)
    #expect(result.status == 1)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError == message)
  }

  @Test("usage errors exit with status 64")
  func usageErrors() throws {
    let result = try ResponseCLI.run(
      ["response", "--data", "x.csv", "--id", "id", "--response", "bor", "--confirm-weeks", "4"])
    #expect(result.status == 64)
    #expect(
      result.standardError.hasPrefix("Error: '--confirm-weeks' needs '--time': the rules apply to dated assessments\n"))
    let death = try ResponseCLI.run(
      ["response", "--data", "x.csv", "--id", "id", "--response", "bor", "--death-time", "dead"])
    #expect(death.status == 64)
    #expect(
      death.standardError.hasPrefix(
        "Error: '--death-time' needs '--time': the duration of response runs from a dated response\n"))
    let ci = try ResponseCLI.run(["ci", "--successes", "5", "--trials", "3"])
    #expect(ci.status == 64)
    #expect(ci.standardError.hasPrefix("Error: '--successes' must be between 0 and '--trials' (3).\n"))
  }

  @Test("ci prints the interval as text and as JSON")
  func ci() throws {
    let text = try ResponseCLI.run(["ci", "--successes", "10", "--trials", "21"])
    #expect(text.status == 0)
    #expect(text.standardOutput == "10/21 = 47.6% (95% CI 25.7–70.2%; Clopper–Pearson)\n")
    // binom.test(0, 10000)$conf.int[2] = 0.00036881991461876223; binom.test(10000, 10000)$conf.int[1] = 0.99963118008538121
    let none = try ResponseCLI.run(["ci", "--successes", "0", "--trials", "10000"])
    #expect(none.standardOutput == "0/10000 = 0.0% (95% CI 0.0–0.037%; Clopper–Pearson)\n")
    let all = try ResponseCLI.run(["ci", "--successes", "10000", "--trials", "10000"])
    #expect(all.standardOutput == "10000/10000 = 100.0% (95% CI 99.963–100.0%; Clopper–Pearson)\n")
    let result = try ResponseCLI.run(
      ["ci", "--successes", "0", "--trials", "10000", "--conf-level", "0.999", "--json"])
    #expect(result.status == 0)
    #expect(result.standardOutput.hasPrefix("{\n  \"estimate\": 0,\n  \"lower\": 0,\n  \"upper\": "))
    let json = try ResponseCLI.json(result)
    // binom.test(0, 10000, conf.level = 0.999)$conf.int[2]
    #expect(abs((json["upper"] as? Double ?? 0) - 0.00075980145053804898) < 1e-17)
    #expect(json["method"] as? String == "clopper-pearson")
  }
}
