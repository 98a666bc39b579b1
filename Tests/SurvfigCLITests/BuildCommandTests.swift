import Analyses
import Foundation
import ReportTemplates
import Testing

@testable import SurvfigCLI

@Suite("survfig build, end to end and under make")
struct BuildCommandTests {
  /// The keys of a Kaplan–Meier figure, as an unknown key's message lists them.
  static let kaplanMeierKeys =
    (FigureSpec.keyDescriptions.map(\.key).filter { $0 != "title" }
    + KaplanMeierRequest.options.templateKeys).joined(separator: ", ")

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
        == [
          "a-methods.bib", "a-methods.md", "a-methods.tex", "a.d", "a.docx", "a.pdf", "a.rtf", "fig-a.json",
          "fig-a.pdf",
        ])
    try folder.write(
      "bad.yaml",
      "data:\n  cohort: data/a.csv\nfigures:\n  - id: x\n    data: cohort\n    time: time\n    evnt: status\n")
    let bad = try Survfig.run(["build", "bad.yaml", "--out", "bad-out"], in: folder.path)
    #expect(bad.status != 0)
    #expect(
      bad.standardError
        == "Error: bad.yaml:7:5: 'figures[0].evnt': unknown key 'evnt'. Did you mean 'event'? Valid keys: \(Self.kaplanMeierKeys)\n"
    )
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/bad-out"))
  }

  static let figureAndTable = """
    data:
      cohort: data/a.csv
    figures:
      - {id: fig-a, data: cohort, time: time, event: status, group: x, formats: pdf}
    tables:
      - {id: table-a, type: survival, data: cohort, time: time, event: status, group: x, formats: csv}

    """

  @Test("progress counts figures and tables: [1/2], [2/2]")
  func progressCountsTables() throws {
    let folder = try Self.folder()
    try folder.write("both.yaml", Self.figureAndTable)
    let result = try Survfig.run(["build", "both.yaml", "--out", "out"], in: folder.path)
    #expect(result.status == 0, "\(result.standardError)")
    let lines = result.standardError.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("[1/2] built fig-a (pdf, rendered in "))
    #expect(lines[1] == "[2/2] built table-a (csv)")
    #expect(lines[2].hasPrefix("wrote 10 files to out/ in "))
  }

  @Test(
    "on a terminal the bar grows with figures and tables and the build succeeds",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
  func progressBarOnTerminal() throws {
    let folder = try Self.folder()
    try folder.write("both.yaml", Self.figureAndTable)
    // script(1) runs the build with a pseudo-terminal as its standard error.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qec", "\(Survfig.binary) build both.yaml --out out", "/dev/null"]
    process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(output)")
    #expect(
      output.contains(String(repeating: "█", count: 10) + String(repeating: "·", count: 10) + " [1/2] built fig-a"))
    #expect(output.contains(String(repeating: "█", count: 20) + " [2/2] built table-a (csv)"))
  }

  @Test("the progress bar stays within its width for any step and total")
  func progressBar() {
    #expect(ProgressCounter.bar(step: 0, total: 4, width: 4) == "····")
    #expect(ProgressCounter.bar(step: 1, total: 4, width: 4) == "█···")
    #expect(ProgressCounter.bar(step: 4, total: 4, width: 4) == "████")
    #expect(ProgressCounter.bar(step: 6, total: 5, width: 4) == "████")
    #expect(ProgressCounter.bar(step: -1, total: 5, width: 4) == "····")
    #expect(ProgressCounter.bar(step: 1, total: 0, width: 4) == "████")
  }

  @Test(
    "with the README's Makefile a second make does nothing; a touched data file gives new times only to what reads it")
  func makeRewritesOnlyWhatChanged() throws {
    let folder = try Self.folder()
    try folder.write(
      "c.yaml",
      """
      data:
        a: data/a.csv
        b: data/b.csv
      figures:
        - {id: fig-a, data: a, time: time, event: status, formats: pdf}
        - {id: fig-b, data: b, time: time, event: status, formats: pdf}

      """)
    // The snippet of the README, with the template and output folders of this test.
    try folder.write(
      "Makefile",
      """
      SURVFIG  := \(Survfig.binary)
      REPORTS  := out/c.pdf

      figures: $(REPORTS)
      out/%.pdf: %.yaml
      \t$(SURVFIG) build $< --out out --depfile out/$*.d --quiet
      -include $(REPORTS:.pdf=.d)

      """)
    let first = try Self.make([], in: folder.path)
    #expect(first.status == 0, "\(first.output)")
    #expect(try Self.make(["-q"], in: folder.path).status == 0)
    let second = try Self.make([], in: folder.path)
    #expect(second.status == 0 && !second.output.contains("build c.yaml"), "\(second.output)")
    func modified(_ name: String) throws -> Date {
      try #require(
        try FileManager.default.attributesOfItem(atPath: folder.path + "/out/" + name)[.modificationDate] as? Date)
    }
    let before = try ["fig-a.pdf", "fig-b.pdf", "c.pdf"].map(modified)
    Thread.sleep(forTimeInterval: 1.1)
    try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: folder.path + "/data/a.csv")
    let third = try Self.make([], in: folder.path)
    #expect(third.status == 0, "\(third.output)")
    #expect(third.output.contains("build c.yaml"))
    let after = try ["fig-a.pdf", "fig-b.pdf", "c.pdf"].map(modified)
    #expect(after[0] > before[0])
    #expect(after[1] == before[1], "fig-b.pdf does not read a.csv and keeps its time")
    #expect(after[2] > before[2])
    #expect(try Self.make(["-q"], in: folder.path).status == 0)
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
