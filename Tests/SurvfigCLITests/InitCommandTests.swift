import Foundation
import Testing

@testable import ReportTemplates

@Suite("survfig init")
struct InitCommandTests {
  /// A sample cohort with the starter's columns: two arms, dates of diagnosis, progression,
  /// death and last contact, drawn from a fixed linear congruential sequence.
  static func sampleCohort(patients: Int = 120) -> String {
    var state: UInt64 = 20_261_202
    func uniform() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return (Double(state >> 11) + 0.5) / 9_007_199_254_740_992
    }
    func date(_ day: Int) -> String {
      // Days after 2015-01-01 as an ISO date.
      var (year, rest) = (2015, day)
      func length(_ y: Int) -> Int { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 366 : 365 }
      while rest >= length(year) {
        rest -= length(year)
        year += 1
      }
      let months = [31, length(year) == 366 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
      var month = 0
      while rest >= months[month] {
        rest -= months[month]
        month += 1
      }
      return String(format: "%04d-%02d-%02d", year, month + 1, rest + 1)
    }
    var lines = [StarterTemplate.columns.joined(separator: ",")]
    for index in 0..<patients {
      let arm = index % 2 == 0 ? "A" : "B"
      let diagnosis = Int(uniform() * 1400)
      let scale = arm == "A" ? 500.0 : 700.0
      let death = diagnosis + Int(-log(uniform()) * scale * 1.8)
      let progression = diagnosis + Int(-log(uniform()) * scale * 0.8)
      let lastContact = diagnosis + 60 + Int(uniform() * 1500)
      let dies = death <= lastContact
      let progresses = progression < min(death, lastContact)
      lines.append(
        [
          String(format: "P%03d", index + 1), arm, String(Int(45 + uniform() * 35)), uniform() < 0.45 ? "F" : "M",
          ["I", "II", "III", "IV"][Int(uniform() * 4)], String(Int(uniform() * 3)), date(diagnosis),
          progresses ? date(progression) : "", dies ? date(death) : "", date(dies ? death : lastContact),
        ].joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test("init writes the starter; it builds as written, without lint findings, against the data it names")
  func starterBuilds() throws {
    let folder = try ScratchFolder()
    let result = try Survfig.run(["init", "report.yaml"], in: folder.path)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardOutput
        == "wrote report.yaml; put your data in data/cohort.csv (or edit 'data:') and run: survfig build report.yaml\n")
    let written = try String(contentsOfFile: folder.path + "/report.yaml", encoding: .utf8)
    #expect(written == StarterTemplate.text)
    try FileManager.default.createDirectory(atPath: folder.path + "/data", withIntermediateDirectories: true)
    try folder.write("data/cohort.csv", Self.sampleCohort())
    let build = try Survfig.run(["build", "report.yaml", "--out", "Output", "--strict", "--quiet"], in: folder.path)
    #expect(build.status == 0, "\(build.standardError)")
    #expect(build.standardError == "")
    let outputs = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path + "/Output")) ?? []).sorted()
    for id in ["os-by-arm", "figure-2", "forest-os", "swimmer-pfs"] {
      #expect(outputs.contains("\(id).pdf") && outputs.contains("\(id).json"), "\(id) was not built")
    }
    for id in ["table-1", "table-2", "table-3"] { #expect(outputs.contains("\(id).csv"), "\(id) was not built") }
    #expect(outputs.contains("report.pdf"))
  }

  @Test("an existing file is a plain error naming it (exit 1, no usage text) and is kept; --force replaces it")
  func existingFile() throws {
    let folder = try ScratchFolder()
    try folder.write("report.yaml", "mine\n")
    let again = try Survfig.run(["init", "report.yaml"], in: folder.path)
    #expect(again.status == 1)
    #expect(
      again.standardError
        == "Error: 'report.yaml' already exists and will not be overwritten; give another file name, or --force to replace it\n"
    )
    #expect(again.standardOutput == "")
    #expect(try String(contentsOfFile: folder.path + "/report.yaml", encoding: .utf8) == "mine\n")
    let forced = try Survfig.run(["init", "report.yaml", "--force"], in: folder.path)
    #expect(forced.status == 0, "\(forced.standardError)")
    #expect(try String(contentsOfFile: folder.path + "/report.yaml", encoding: .utf8) == StarterTemplate.text)
    #expect(folder.files == ["report.yaml"])
  }

  @Test("the starter shows derived dates, endpoints, every figure type, tables, captions and the Makefile")
  func starterContents() {
    let text = StarterTemplate.text
    for needle in [
      "months_between(diagnosis_date", "endpoints:", "type: km", "type: panels", "type: forest", "type: swimmer",
      "type: characteristics", "type: survival", "type: cox", "caption:", "--depfile", "-include Output/report.d",
    ] {
      #expect(text.contains(needle), "the starter lacks \(needle)")
    }
  }

  @Test("init --adam writes the ADaM starter; it builds as written on public pharmaverse ADSL, ADTTE and ADRS")
  func adamStarterBuilds() throws {
    let folder = try ScratchFolder()
    let result = try Survfig.run(["init", "--adam", "report.yaml"], in: folder.path)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardOutput
        == "wrote report.yaml; put your data in data/adsl.xpt, data/adtte.xpt, data/adrs.xpt (or edit 'data:') and run: survfig build report.yaml\n"
    )
    try FileManager.default.createDirectory(atPath: folder.path + "/data", withIntermediateDirectories: true)
    let fixtures = Survfig.packageRoot + "/Tests/SurvfigCLITests/Fixtures/adam/"
    for (source, target) in [
      ("pharmaverse-adsl.xpt", "adsl.xpt"), ("pharmaverse-adtte.xpt", "adtte.xpt"),
      ("pharmaverse-adrs-bor.xpt", "adrs.xpt"),
    ] {
      try FileManager.default.copyItem(atPath: fixtures + source, toPath: folder.path + "/data/" + target)
    }
    let build = try Survfig.run(["build", "report.yaml", "--out", "Output", "--strict", "--quiet"], in: folder.path)
    #expect(build.status == 0, "\(build.standardError)")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path + "/Output")) ?? []
    for id in ["os-by-arm", "pfs-by-arm", "forest-os", "swimmer-responders"] { #expect(files.contains(id + ".pdf")) }
    for id in ["table-1", "table-2", "table-3", "table-4"] { #expect(files.contains(id + ".md")) }
    let response = try String(contentsOfFile: folder.path + "/Output/table-4.md", encoding: .utf8)
    #expect(response.contains("| Responders (CR + PR), n/N | 2/86 | 1/84 | 1/84 | 4/254 |"))
  }
}
