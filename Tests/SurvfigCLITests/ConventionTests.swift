import Foundation
import Testing

/// R's conventions, implemented once, read the same through the command line and templates.
@Suite("R conventions: the same through the command line and templates")
struct ConventionTests {
  /// Group codes of 100000 and more: R's `read.csv` makes an integer column, so the levels are
  /// `100000` and `200000` in survfit's strata and in coxph's coefficient name.
  /// R 4.2.2, survival 3.5.3: `d <- read.csv("codes.csv"); exp(coef(coxph(Surv(time, status) ~
  /// factor(g), d)))` → `factor(g)200000` 0.2591351694872297; `names(survfit(Surv(time, status)
  /// ~ g, d)$strata)` → `g=100000`, `g=200000`.
  static let codes = """
    time,status,g
    5,1,100000
    8,1,100000
    12,0,100000
    3,1,100000
    9,1,100000
    15,0,100000
    7,1,100000
    20,1,200000
    25,0,200000
    6,1,200000
    30,1,200000
    18,0,200000
    11,1,200000
    22,1,200000

    """

  static func hazardRatios(_ statistics: [String: Any]) throws -> (
    labels: [String], model: String, group: String, hr: Double
  ) {
    let groups = try #require(statistics["groups"] as? [[String: Any]])
    let ratios = try #require(statistics["hazard_ratios"] as? [String: Any])
    let first = try #require((ratios["groups"] as? [[String: Any]])?.first)
    return (
      groups.compactMap { $0["label"] as? String }, try #require(ratios["model"] as? String),
      try #require(first["group"] as? String), try #require(first["hr"] as? Double)
    )
  }

  @Test("group codes of 100000 and more: hazard ratios against the first group on the command line and in a template")
  func largeGroupCodes() throws {
    let folder = try ScratchFolder()
    try folder.write("codes.csv", Self.codes)
    let run = try Survfig.run(
      ["km", "--data", "codes.csv", "--time", "time", "--event", "status", "--group", "g", "--hazard-ratio", "--json"],
      in: folder.path)
    #expect(run.status == 0, "\(run.standardError)")
    let cli = try Self.hazardRatios(
      try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]))
    try folder.write(
      "t.yaml",
      "data:\n  codes: codes.csv\nfigures:\n  - {id: km, data: codes, time: time, event: status, group: g, hazard-ratio: true, formats: [pdf]}\n"
    )
    let build = try Survfig.run(["build", "t.yaml", "--out", "out", "--quiet"], in: folder.path)
    #expect(build.status == 0, "\(build.standardError)")
    let sidecar = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/km.json")))
        as? [String: Any])
    let template = try Self.hazardRatios(try #require(sidecar["statistics"] as? [String: Any]))
    for result in [cli, template] {
      #expect(result.labels == ["100000", "200000"])
      #expect(result.model == "Surv(time, status) ~ relevel(factor(g), ref = \"100000\")")
      #expect(result.group == "200000")
      #expect(abs(result.hr - 0.2591351694872297) < 1e-9 * 0.26)
    }
  }

  /// Group a's events all fall at time 5: its median is 5 and neither limit exists.
  static let tiedMedian = "time,status,g\n5,1,a\n5,1,a\n5,1,a\n5,1,a\n3,0,b\n4,1,b\n6,1,b\n8,0,b\n"

  @Test(
    "a median without estimable limits reads 5.0 (NE) in the figure and 5.0 (95% CI NE) in captions, through both front ends"
  )
  func medianWithoutLimits() throws {
    let folder = try ScratchFolder()
    try folder.write("d.csv", Self.tiedMedian)
    let run = try Survfig.run(
      ["km", "--data", "d.csv", "--time", "time", "--event", "status", "--group", "g", "--out", "km.pdf"],
      in: folder.path)
    #expect(run.status == 0, "\(run.standardError)")
    if let text = try? Self.pdfText(folder.path + "/km.pdf") {
      #expect(text.contains("a: 5.0 (NE)"), "\(text)")
      #expect(text.contains("b: 6.0 (4.0–NR)"))
    }
    try folder.write(
      "t.yaml",
      """
      data:
        d: d.csv
      figures:
        - id: km
          data: d
          time: time
          event: status
          group: g
          formats: [pdf]
          caption: "Medians: {{#groups}}{{label}} {{median_text}}{{sep}}{{/groups}}."

      """)
    let build = try Survfig.run(["build", "t.yaml", "--out", "out", "--quiet"], in: folder.path)
    #expect(build.status == 0, "\(build.standardError)")
    let sidecar = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/km.json")))
        as? [String: Any])
    #expect(sidecar["caption"] as? String == "Medians: a 5.0 (95% CI NE); b 6.0 (95% CI 4.0–NR).")
    let printed = try #require(sidecar["printed"] as? [String: Any])
    let annotations = try #require(printed["annotations"] as? [String])
    #expect(annotations.contains("a: 5.0 (NE)") && annotations.contains("b: 6.0 (4.0–NR)"), "\(annotations)")
    #expect(sidecar["time_unit"] is NSNull && sidecar["display_unit"] is NSNull)
  }

  @Test("a sidecar names the unit of its statistics and of its printed texts")
  func sidecarUnits() throws {
    let folder = try ScratchFolder()
    try folder.write("d.csv", Self.tiedMedian)
    try folder.write(
      "t.yaml",
      "data:\n  d: d.csv\nfigures:\n  - {id: km, data: d, time: time, event: status, time-unit: days, display-unit: weeks, formats: [pdf]}\n"
    )
    let build = try Survfig.run(["build", "t.yaml", "--out", "out", "--quiet"], in: folder.path)
    #expect(build.status == 0, "\(build.standardError)")
    let sidecar = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/km.json")))
        as? [String: Any])
    #expect(sidecar["time_unit"] as? String == "days")
    #expect(sidecar["display_unit"] as? String == "weeks")
  }

  /// The text of a PDF by pdftotext (poppler-utils, which `make` installs).
  static func pdfText(_ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
    process.arguments = [path, "-"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
