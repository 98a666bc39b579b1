import Foundation
import Testing

/// `survfig cif` end to end: codes, ADaM input, row selection, refusals with their messages,
/// and the figure files.
@Suite("survfig cif, end to end")
struct CumulativeIncidenceCommandTests {
  static let codes = """
    time,status,arm
    1,1,A
    2,2,A
    3,0,A
    4,3,B
    5,1,B
    6,0,B

    """

  static let adam = """
    USUBJID,PARAMCD,AVAL,AVALU,CNSR,EVNTDESC,TRTP,SAFFL
    1,DM,3,MONTHS,0,DISTANT METASTASIS,A,Y
    2,DM,5,MONTHS,0,DEATH,A,Y
    3,DM,8,MONTHS,1,,A,Y
    4,DM,2,MONTHS,0,DISTANT METASTASIS,B,Y
    5,DM,6,MONTHS,1,LAST CONTACT,B,Y
    6,DM,7,MONTHS,0,DEATH,B,N
    1,OS,9,MONTHS,0,DEATH,A,Y

    """

  static func run(_ arguments: [String], data: String = codes, name: String = "codes.csv") throws -> Survfig.Result {
    let folder = try ScratchFolder()
    try folder.write(name, data)
    return try Survfig.run(["cif", "--data", name] + arguments, in: folder.path)
  }

  static func json(_ result: Survfig.Result) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  @Test("every status code is listed: the event, each competing code a cause of its own, the censoring")
  func codesAreCauses() throws {
    let result = try Self.run([
      "--time", "time", "--status", "status", "--event-value", "1", "--competing-value", "2,3", "--group", "arm",
      "--json",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let json = try Self.json(result)
    #expect(json["event"] as? String == "1")
    #expect(json["competing"] as? [String] == ["2", "3"])
    let groups = try #require(json["groups"] as? [[String: Any]])
    #expect(groups.map { $0["events"] as? Int } == [1, 1])
    #expect(groups.map { $0["competing"] as? Int } == [1, 1])
    let table = try #require(groups[1]["table"] as? [[String: Any]])
    #expect(
      table.map { $0["events"] as? [String: Int] } == [
        ["1": 0, "2": 0, "3": 1], ["1": 1, "2": 0, "3": 0], ["1": 0, "2": 0, "3": 0],
      ])
  }

  @Test("a status nobody listed is an error at its first row, naming the codes and the options")
  func unlistedStatus() throws {
    let result = try Self.run([
      "--time", "time", "--status", "status", "--event-value", "1", "--competing-value", "2", "--json",
    ])
    #expect(result.status == 1)
    #expect(
      result.standardError
        == "Error: codes.csv:5:2: column 'status' has status '3', which is neither the event of interest '1', a competing event ('2') nor a censoring ('0'); list it with '--competing-value' (competing-value: in a template) if it is a competing event, or with '--censor-value' (censor-value: in a template) if it marks censoring\n"
    )
    let none = try Self.run(["--time", "time", "--status", "status", "--event-value", "1", "--json"])
    #expect(
      none.standardError
        == "Error: codes.csv:3:2: column 'status' has status '2' (and 1 more row), which is neither the event of interest '1', a competing event (none listed) nor a censoring ('0'); list it with '--competing-value' (competing-value: in a template) if it is a competing event, or with '--censor-value' (censor-value: in a template) if it marks censoring\n"
    )
  }

  @Test("an event code that does not occur is an error listing the column's values")
  func absentEvent() throws {
    let result = try Self.run(["--time", "time", "--status", "status", "--event-value", "7", "--json"])
    #expect(result.status == 1)
    #expect(
      result.standardError
        == "Error: codes.csv: the event code '7' does not occur in column 'status'; its values are '0', '1', '2', '3'\n"
    )
  }

  @Test("times are checked as km checks them")
  func negativeTime() throws {
    let json = try Self.run(
      ["--time", "time", "--status", "status", "--event-value", "1", "--json"], data: "time,status\n1,1\n-2,0\n",
      name: "t.csv")
    #expect(json.status == 1)
    #expect(json.standardError == "Error: t.csv:3:1: column 'time' has a negative time '-2'; times must be ≥ 0\n")
  }

  @Test("options that contradict each other are usage errors")
  func usageErrors() throws {
    let missing = try Self.run(["--time", "time", "--status", "status", "--json"])
    #expect(missing.status == 64)
    #expect(
      missing.standardError.hasPrefix(
        "Error: missing '--event-value': code of the event of interest in the status column (R cmprsk: failcode)\n"))
    let terms = try Self.run([
      "--time", "time", "--status", "status", "--event-value", "1", "--competing-value", "2,3", "--fine-gray", "age +",
      "--json",
    ])
    #expect(terms.status == 64)
    #expect(
      terms.standardError.hasPrefix(
        "Error: '--fine-gray' 'age +' is not a list of model terms: unexpected end of formula at column 27\n"))
  }

  @Test("ADaM: AVAL and CNSR by default, the event type from the status column, --param and --population")
  func adam() throws {
    let result = try Self.run(
      [
        "--param", "DM", "--population", "SAFFL", "--status", "EVNTDESC", "--event-value", "DISTANT METASTASIS",
        "--competing-value", "DEATH", "--group", "TRTP", "--json",
      ], data: Self.adam, name: "adtte.csv")
    #expect(result.status == 0, "\(result.standardError)")
    let json = try Self.json(result)
    #expect(json["n"] as? Int == 5)
    #expect(
      json["status_coding"] as? String
        == "'DISTANT METASTASIS' = event of interest, 'DEATH' = competing events, censored where 'CNSR' is 1 or more")
    let groups = try #require(json["groups"] as? [[String: Any]])
    #expect(groups.map { $0["events"] as? Int } == [1, 1])
    #expect(groups.map { $0["competing"] as? Int } == [1, 0])
    let other = try Self.run(
      ["--param", "DM", "--status", "EVNTDESC", "--event-value", "DEATH", "--json"], data: Self.adam, name: "adtte.csv")
    #expect(other.status == 1)
    #expect(
      other.standardError
        == "Error: adtte.csv:2:6: column 'EVNTDESC' has event type 'DISTANT METASTASIS' on a row that 'CNSR' marks as an event (and 1 more row), but it is neither the event of interest 'DEATH' nor a competing event (none listed); list it with '--competing-value' (competing-value: in a template)\n"
    )
  }

  @Test("--where keeps rows; no row left for analysis is an error")
  func rowSelection() throws {
    let kept = try Self.run([
      "--time", "time", "--status", "status", "--event-value", "1", "--competing-value", "2,3", "--where",
      "arm == \"B\"", "--json",
    ])
    #expect(kept.status == 0, "\(kept.standardError)")
    #expect(try Self.json(kept)["n"] as? Int == 3)
    let empty = try Self.run(
      ["--time", "time", "--status", "status", "--event-value", "1", "--group", "arm", "--json"],
      data: "time,status,arm\n1,1,\n2,0,\n", name: "e.csv")
    #expect(empty.status == 1)
    #expect(
      empty.standardError
        == "Error: e.csv: no rows left for analysis: all 2 rows have a missing value in 'time', 'status' or 'arm'\n")
  }

  @Test("the event of interest only in rows left out, no time column outside ADaM, a group without events")
  func moreMessages() throws {
    let onlyMissing = try Self.run(
      ["--time", "time", "--status", "status", "--event-value", "1", "--group", "arm", "--json"],
      data: "time,status,arm\n1,1,\n2,0,A\n3,0,B\n", name: "x.csv")
    #expect(onlyMissing.status == 1)
    #expect(
      onlyMissing.standardError
        == "Error: x.csv: no analysed row has the event of interest '1' in column 'status': every row with it has a missing value in another column\n"
    )
    let noTime = try Self.run(["--status", "status", "--event-value", "1", "--json"])
    #expect(noTime.status == 1)
    #expect(
      noTime.standardError
        == "Error: codes.csv: give the time column (--time on the command line, time: in a template); the data have no AVAL and CNSR columns of an ADaM time-to-event data set. Columns: time, status, arm\n"
    )
    let groups = try Self.run(
      [
        "--time", "time", "--status", "status", "--event-value", "1", "--competing-value", "2", "--group", "arm",
        "--json",
      ],
      data: "time,status,arm\n1,1,A\n2,2,A\n3,0,B\n4,2,B\n", name: "g.csv")
    #expect(groups.status == 0)
    #expect(groups.standardError == "warning: Gray's test: group 'B' has no events of the cause tested\n")
  }

  @Test("rows with a missing value are left out with a warning")
  func missingValues() throws {
    let result = try Self.run(
      ["--time", "time", "--status", "status", "--event-value", "1", "--json"], data: "time,status\n1,1\n2,\n3,0\n",
      name: "m.csv")
    #expect(result.status == 0)
    #expect(result.standardError == "warning: m.csv: 1 row with a missing value left out\n")
    #expect(try Self.json(result)["excluded"] as? Int == 1)
  }

  @Test(
    "two runs give byte-identical PDF, SVG, PNG and EPS files, for each kind of curves",
    arguments: ["event", "causes", "stacked"])
  func deterministic(_ curves: String) throws {
    let folders = try [ScratchFolder(), ScratchFolder()]
    let formats = ["pdf", "svg", "png", "eps"]
    var arguments = [
      "cif", "--data", Survfig.data("pbc.csv"), "--time", "time", "--status", "status", "--event-value", "2",
      "--competing-value", "1", "--times", "3652", "--curves", curves, "--width", "89", "--dpi", "150",
    ]
    if curves != "stacked" { arguments += ["--group", "trt"] }
    for folder in folders {
      let result = try Survfig.run(arguments + formats.flatMap { ["--out", "cif.\($0)"] }, in: folder.path)
      #expect(result.status == 0, "\(result.standardError)")
    }
    for format in formats {
      let a = try Data(contentsOf: URL(fileURLWithPath: folders[0].path + "/cif." + format))
      let b = try Data(contentsOf: URL(fileURLWithPath: folders[1].path + "/cif." + format))
      #expect(a.count > 1000, "\(format) is suspiciously small")
      #expect(a == b, "\(format) differs between two runs")
    }
  }
}
