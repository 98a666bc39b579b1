import Foundation
import Testing

@Suite("survfig build, end to end and under make")
struct BuildCommandTests {
  static func template(id: String, data: String) -> String {
    """
    title: Example \(id)
    data:
      cohort: data/\(data)
    figures:
      - id: \(id)
        data: cohort
        time: time
        event: status
        group: x
        formats: pdf
        caption: Log-rank {{logrank.p_text}}.

    """
  }

  static func folder() throws -> ScratchFolder {
    let folder = try ScratchFolder()
    try FileManager.default.createDirectory(atPath: folder.path + "/data", withIntermediateDirectories: true)
    let aml = try String(contentsOfFile: Survfig.data("aml.csv"), encoding: .utf8)
    try folder.write("data/a.csv", aml)
    try folder.write("data/b.csv", aml)
    try folder.write("a.yaml", template(id: "fig-a", data: "a.csv"))
    try folder.write("b.yaml", template(id: "fig-b", data: "b.csv"))
    return folder
  }

  static func make(_ arguments: [String], in folder: String) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["make"] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test("a build writes the figure, its sidecar, the report and the depfile; errors exit non-zero")
  func build() throws {
    let folder = try Self.folder()
    let ok = try Survfig.run(["build", "a.yaml", "--out", "out", "--depfile", "out/a.d", "--quiet"], in: folder.path)
    #expect(ok.status == 0, "\(ok.standardError)")
    #expect(ok.standardError == "")
    #expect(
      (try? FileManager.default.contentsOfDirectory(atPath: folder.path + "/out"))?.sorted()
        == ["a.d", "a.pdf", "fig-a.json", "fig-a.pdf"])
    try folder.write("bad.yaml", "data:\n  cohort: data/a.csv\nfigures:\n  - id: x\n    data: cohort\n    time: time\n    evnt: status\n")
    let bad = try Survfig.run(["build", "bad.yaml", "--out", "bad-out"], in: folder.path)
    #expect(bad.status != 0)
    #expect(bad.standardError == "Error: bad.yaml:7:5: 'figures[0].evnt': unknown key 'evnt'. Did you mean 'event'?\n")
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/bad-out"))
  }

  @Test("make -j4 builds two templates; a second make does nothing; a touched data file rebuilds only its template")
  func make() throws {
    let folder = try Self.folder()
    try folder.write(
      "Makefile",
      """
      SURVFIG := \(Survfig.binary)
      REPORTS := out/a.pdf out/b.pdf
      all: $(REPORTS)
      out/%.pdf: %.yaml $(SURVFIG)
      \t$(SURVFIG) build $< --out out --depfile out/$*.d --quiet
      -include $(REPORTS:.pdf=.d)

      """)
    let first = try Self.make(["-j4"], in: folder.path)
    #expect(first.status == 0, "\(first.output)")
    #expect(FileManager.default.fileExists(atPath: folder.path + "/out/fig-a.pdf"))
    #expect(FileManager.default.fileExists(atPath: folder.path + "/out/fig-b.pdf"))
    let upToDate = try Self.make(["-q"], in: folder.path)
    #expect(upToDate.status == 0, "make -q finds work after a complete build: \(upToDate.output)")
    // Make compares modification times with a resolution of the file system's; step past it.
    Thread.sleep(forTimeInterval: 1.1)
    try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: folder.path + "/data/b.csv")
    let dryRun = try Self.make(["-n"], in: folder.path)
    #expect(dryRun.output.contains("build b.yaml"))
    #expect(!dryRun.output.contains("build a.yaml"))
  }
}
