import Foundation
import Testing

/// `survfig simulate` end to end: the built binary, its exit codes, messages and files.
@Suite("survfig simulate (end to end)")
struct SimulateCommandTests {
  /// The `survfig` executable built beside the test bundle.
  static let executable: URL = {
    var folder = Bundle.main.bundleURL
    for _ in 0..<3 {
      let candidate = folder.appendingPathComponent("survfig")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(".build/debug/survfig")
  }()

  struct Run {
    let status: Int32
    let standardError: String
  }

  func survfig(_ arguments: [String]) throws -> Run {
    let process = Process()
    process.executableURL = Self.executable
    process.arguments = arguments
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = Pipe()
    try process.run()
    let data = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, standardError: String(decoding: data, as: UTF8.self))
  }

  func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "survfig-simulate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  static let specification = """
    patients: 30
    seed: 8
    groups:
      - {proportion: 0.5, arm: control}
      - {proportion: 0.5, arm: treatment}
    covariates:
      age: {normal: {mean: 60, sd: 8}, round: 0}
    events:
      death: {baseline: {median: 10}, hazard_ratios: {arm: {treatment: 0.5}}}
    endpoints:
      os: {events: [death], date_column: os_date}
    censoring: {accrual: 12, follow_up: 12}
    dates: {start: 2020-01-01, column: entry_date}

    """

  @Test("writes the CSV, identical for the same seed, different for another")
  func writes() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let spec = folder.appendingPathComponent("cohort.yaml")
    try Self.specification.write(to: spec, atomically: true, encoding: .utf8)
    let a = folder.appendingPathComponent("a.csv").path
    let b = folder.appendingPathComponent("b.csv").path
    let c = folder.appendingPathComponent("c.csv").path
    let first = try survfig(["simulate", "--spec", spec.path, "--out", a])
    #expect(first.status == 0)
    #expect(first.standardError == "\(a): 30 rows, 7 columns (seed 8)\n")
    #expect(
      try survfig(["simulate", "--spec", spec.path, "--out", b, "--seed", "8", "--quiet"]).status
        == 0)
    #expect(
      try survfig(["simulate", "--spec", spec.path, "--out", c, "--seed", "9", "--quiet"]).status
        == 0)
    let bytesA = try Data(contentsOf: URL(fileURLWithPath: a))
    #expect(bytesA == (try Data(contentsOf: URL(fileURLWithPath: b))))
    #expect(bytesA != (try Data(contentsOf: URL(fileURLWithPath: c))))
    #expect(
      String(decoding: bytesA, as: UTF8.self).hasPrefix(
        "id,arm,age,entry_date,os_months,os_event,os_date\n"))
  }

  @Test("a specification error exits 1 with the location and leaves no file")
  func specificationError() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let spec = folder.appendingPathComponent("bad.yaml")
    try Self.specification.replacingOccurrences(of: "hazard_ratios", with: "hazrd_ratios")
      .write(to: spec, atomically: true, encoding: .utf8)
    let out = folder.appendingPathComponent("out.csv")
    let run = try survfig(["simulate", "--spec", spec.path, "--out", out.path])
    #expect(run.status == 1)
    #expect(
      run.standardError
        == "Error: \(spec.path):9:35: unknown key 'hazrd_ratios'. Did you mean 'hazard_ratios'?\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bad.yaml"])
  }

  @Test("a missing output folder and usage errors are refused")
  func refusals() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let spec = folder.appendingPathComponent("cohort.yaml")
    try Self.specification.write(to: spec, atomically: true, encoding: .utf8)
    let missing = folder.appendingPathComponent("nowhere/out.csv").path
    let run = try survfig(["simulate", "--spec", spec.path, "--out", missing])
    #expect(run.status == 1)
    #expect(
      run.standardError
        == "Error: \(missing): the folder '\(folder.path)/nowhere' does not exist; create it first, or choose another folder\n"
    )
    #expect(try survfig(["simulate", "--spec", spec.path]).status == 64)
    #expect(
      try survfig(["simulate", "--spec", spec.path, "--out", "x.csv", "--seed", "-1"]).status == 64)
  }
}
