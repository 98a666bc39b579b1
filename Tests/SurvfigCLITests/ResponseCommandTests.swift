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
    #expect(result.standardOutput.contains("\"groups\": [\n    {\n      \"label\": \"A\",\n      \"n\": 16,\n      \"evaluable\": 16,\n      \"counts\": {\n        \"CR\": 1,"))
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
      try ResponseCLI.run(["response", "--data", folder.path + "/best.csv", "--id", "id", "--response", "best", "--json"]))
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
        Group   n  Evaluable  CR  PR  SD  PD  NE  ORR % (95% CI)    DCR % (95% CI)
        A      16         16   1   7   4   4   0  50.0 (24.7–75.3)  75.0 (47.6–92.7)
        M      12         12   0   5   4   3   0  41.7 (15.2–72.3)  75.0 (42.8–94.5)
        O      10          8   0   3   3   2   2  37.5 (8.5–75.5)   75.0 (34.9–96.8)
        All    38         36   1  15  11   9   2  44.4 (27.9–61.9)  75.0 (57.8–87.9)
        Fisher's exact test of the ORR between groups: P = 0.83

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
      ("id,bor\n1,PR\n2,XR\n", ["--id", "id", "--response", "bor"],
       "Error: bad.csv:3:2: column 'bor' has unknown response 'XR'; the accepted codes are 'CR', 'PR', 'SD', 'PD', 'NE'\n"),
      ("id,bor\n1,PR\n2,SD\n1,PD\n", ["--id", "id", "--response", "bor"],
       "Error: bad.csv:4:1: patient '1' has a second row (the first is on line 2); give '--time' when the file has one row per assessment, or one row per patient with the best response\n"),
      ("id,bor\n1,PR\n,SD\n", ["--id", "id", "--response", "bor"],
       "Error: bad.csv:3:1: column 'id' is empty; every row needs a patient identifier\n"),
      ("id,arm,bor\n1,A,PR\n1,B,SD\n", ["--id", "id", "--response", "bor", "--time", "arm"],
       "Error: bad.csv:2:2: column 'arm' expects a number, found 'A' (and 1 more row)\n"),
      ("id,arm,t,bor\n1,A,2,PR\n1,B,4,SD\n", ["--id", "id", "--response", "bor", "--time", "t", "--group", "arm"],
       "Error: bad.csv:3:2: column 'arm' is 'B' for patient '1' here but 'A' on line 2; it must be the same on every row of a patient\n"),
      ("id,t,bor\n1,2,PR\n1,-4,SD\n", ["--id", "id", "--response", "bor", "--time", "t"],
       "Error: bad.csv:3:2: column 't' has the time '-4'; times must be finite and ≥ 0\n"),
      ("id,t,bor\n1,2,PR\n1,,SD\n", ["--id", "id", "--response", "bor", "--time", "t"],
       "Error: bad.csv:3:2: column 't' is empty for patient '1'\n"),
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
    #expect(result.standardError.hasPrefix("Error: '--confirm-weeks' needs '--time': the rules apply to dated assessments.\n"))
    let ci = try ResponseCLI.run(["ci", "--successes", "5", "--trials", "3"])
    #expect(ci.status == 64)
    #expect(ci.standardError.hasPrefix("Error: '--successes' must be between 0 and '--trials' (3).\n"))
  }

  @Test("ci prints the interval as text and as JSON")
  func ci() throws {
    let text = try ResponseCLI.run(["ci", "--successes", "10", "--trials", "21"])
    #expect(text.status == 0)
    #expect(text.standardOutput == "10/21 = 47.6% (95% CI 25.7–70.2%; Clopper–Pearson)\n")
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
