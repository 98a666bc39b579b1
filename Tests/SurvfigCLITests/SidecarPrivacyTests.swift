import Foundation
import Testing

/// Files that circulate carry what is printed, not patient-level rows, identifiers or the
/// build machine's paths, unless asked.
@Suite("Sidecars and figures that circulate")
struct SidecarPrivacyTests {
  static func build(_ yaml: String, _ arguments: [String] = []) throws -> (ScratchFolder, [String: [String: Any]]) {
    let folder = try ScratchFolder()
    try FileManager.default.createDirectory(atPath: folder.path + "/templates/data", withIntermediateDirectories: true)
    for file in ["lung.csv", "swimmer-patients.csv", "swimmer-events.csv"] {
      try FileManager.default.copyItem(atPath: Survfig.data(file), toPath: folder.path + "/templates/data/" + file)
    }
    try yaml.write(toFile: folder.path + "/templates/report.yaml", atomically: true, encoding: .utf8)
    let result = try Survfig.run(
      ["build", folder.path + "/templates/report.yaml", "--out", folder.path + "/out", "--quiet"] + arguments)
    #expect(result.status == 0, "\(result.standardError)")
    var sidecars: [String: [String: Any]] = [:]
    for id in ["km", "swimmer"] where FileManager.default.fileExists(atPath: "\(folder.path)/out/\(id).json") {
      let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder.path)/out/\(id).json"))
      sidecars[id] = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    }
    return (folder, sidecars)
  }

  static let yaml = """
    data:
      lung: data/lung.csv
      patients: data/swimmer-patients.csv
    figures:
      - {id: km, data: lung, time: time, event: status, group: sex, formats: [pdf]}
      - {id: swimmer, type: swimmer, data: patients, id-column: patient, end: end, group: group, formats: [pdf]}

    """

  @Test("by default a sidecar has no step table, no lanes and no absolute paths; --sidecar full adds the rows")
  func summaryByDefault() throws {
    let (_, summary) = try Self.build(Self.yaml)
    let km = try #require(summary["km"])
    #expect(km["data"] as? [String] == ["data/lung.csv"])
    #expect(km["template"] as? String == "report.yaml:5")
    let groups = try #require((km["statistics"] as? [String: Any])?["groups"] as? [[String: Any]])
    #expect(groups.allSatisfy { $0["table"] is NSNull })
    #expect(groups.allSatisfy { $0["median"] != nil && $0["at_times"] != nil })
    let swimmer = try #require(summary["swimmer"])
    #expect(swimmer["lanes"] == nil)
    let printed = try #require(swimmer["printed"] as? [String: Any])
    #expect(printed["lane_labels"] as? String == "numbers")
    #expect(!((printed["lanes_top_to_bottom"] as? [String]) ?? []).contains("P01"))

    let (_, full) = try Self.build(Self.yaml, ["--sidecar", "full"])
    let fullGroups = try #require((full["km"]?["statistics"] as? [String: Any])?["groups"] as? [[String: Any]])
    #expect(fullGroups.allSatisfy { ($0["table"] as? [Any])?.isEmpty == false })
    let lanes = try #require(full["swimmer"]?["lanes"] as? [[String: Any]])
    #expect(lanes.count == 38 && lanes.allSatisfy { $0["id"] == nil && $0["label"] != nil })
  }

  @Test("a swimmer plot prints lane numbers unless --show-ids or ids: true")
  func laneNumbers() throws {
    let folder = try ScratchFolder()
    for (arguments, showsIds) in [([String](), false), (["--show-ids"], true)] {
      let run = try Survfig.run(
        [
          "swimmer", "--data", Survfig.data("swimmer-patients.csv"), "--id", "patient", "--end", "end", "--out",
          folder.path + "/s.pdf",
        ] + arguments)
      #expect(run.status == 0, "\(run.standardError)")
      let text = try ConventionTests.pdfText(folder.path + "/s.pdf")
      #expect(text.contains("P01") == showsIds)
    }
    let (_, sidecars) = try Self.build(
      Self.yaml.replacingOccurrences(of: "group: group,", with: "group: group, ids: true,"))
    let printed = try #require(sidecars["swimmer"]?["printed"] as? [String: Any])
    #expect(printed["lane_labels"] as? String == "identifiers")
    #expect(((printed["lanes_top_to_bottom"] as? [String]) ?? []).contains("P01"))
  }

  @Test("small-cell suppression: risk-table and Table 1 counts below N print as <N, stated in footnotes and sidecars")
  func smallCells() throws {
    let folder = try ScratchFolder()
    let run = try Survfig.run([
      "km", "--data", Survfig.data("lung.csv"), "--time", "time", "--event", "status", "--group", "sex",
      "--suppress-below", "10", "--out", folder.path + "/km.pdf",
    ])
    #expect(run.status == 0, "\(run.standardError)")
    let text = try ConventionTests.pdfText(folder.path + "/km.pdf")
    #expect(text.contains("<10") && !text.contains("\n7\n"))
    let yaml = """
      data:
        lung: data/lung.csv
      style: {preset: two-column, suppress-below: 5}
      figures:
        - {id: km, data: lung, time: time, event: status, group: sex, formats: [pdf]}
      tables:
        - {id: t1, type: characteristics, data: lung, group: sex, variables: [ph.ecog], formats: [md]}

      """
    let (built, sidecars) = try Self.build(
      yaml.replacingOccurrences(of: "patients: data/swimmer-patients.csv", with: ""))
    let table = try String(contentsOfFile: built.path + "/out/t1.md", encoding: .utf8)
    #expect(table.contains("| <5 |") || table.contains("<5 |"))
    #expect(table.contains("Counts from 1 to 4 are shown as <5, without their percentage."))
    let riskTable = try #require((sidecars["km"]?["printed"] as? [String: Any])?["risk_table"] as? [[String: Any]])
    #expect(riskTable.contains { ($0["counts"] as? [String])?.contains("<5") == true })
    #expect((sidecars["km"]?["methods"] as? String)?.contains("risk-table counts from 1 to 4 shown as <5") == true)
  }
}
