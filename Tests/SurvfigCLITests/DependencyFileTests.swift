import Foundation
import Testing

/// Dependency files that GNU make reads, whatever characters the data and output paths have.
@Suite("survfig build --depfile under make, with ':', '#', spaces and '$' in paths")
struct DependencyFileTests {
  /// The data file and output folder of the test: every character make gives a meaning to.
  static let data = "data/aml: arm #1 $x.csv"
  static let out = "out: #2 $y"

  @Test("make builds, finds everything up to date, and rebuilds when the data file changes")
  func make() throws {
    let folder = try ScratchFolder()
    try FileManager.default.createDirectory(atPath: folder.path + "/data", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: folder.path + "/deps", withIntermediateDirectories: true)
    try folder.write(Self.data, try String(contentsOfFile: Survfig.data("aml.csv"), encoding: .utf8))
    try folder.write(
      "r.yaml",
      """
      data:
        cohort: "\(Self.data)"
      figures:
        - {id: km, data: cohort, time: time, event: status, group: x, formats: pdf}

      """)
    // The report's rule names the folder as make reads it; the recipe quotes it for the shell.
    try folder.write(
      "Makefile",
      """
      SURVFIG := \(Survfig.binary)
      REPORT := out\\:\\ \\#2\\ $$y/r.pdf
      all: $(REPORT)
      $(REPORT): r.yaml
      \t$(SURVFIG) build r.yaml --out 'out: #2 $$y' --depfile deps/r.d --quiet
      -include deps/r.d

      """)
    let first = try BuildCommandTests.make([], in: folder.path)
    #expect(first.status == 0, "\(first.output)")
    #expect(
      folder.snapshot(Self.out).names == [
        "km.json", "km.pdf", "r-methods.bib", "r-methods.md", "r-methods.tex", "r.docx", "r.pdf", "r.rtf",
      ])
    let depfile = try String(contentsOfFile: folder.path + "/deps/r.d", encoding: .utf8)
    let inputs = "r.yaml data/aml\\:\\ arm\\ \\#1\\ $$x.csv \(Survfig.binary)"
    #expect(
      depfile == """
        out\\:\\ \\#2\\ $$y/km.pdf out\\:\\ \\#2\\ $$y/km.json: \(inputs)
        \(["r.pdf", "r.docx", "r.rtf", "r-methods.md", "r-methods.tex", "r-methods.bib"].map { "out\\:\\ \\#2\\ $$y/" + $0 }.joined(separator: " ")): \(inputs)

        data/aml\\:\\ arm\\ \\#1\\ $$x.csv:

        """)
    let upToDate = try BuildCommandTests.make(["-q"], in: folder.path)
    #expect(upToDate.status == 0, "make -q finds work after a complete build: \(upToDate.output)")
    Thread.sleep(forTimeInterval: 1.1)
    try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: folder.path + "/" + Self.data)
    #expect(try BuildCommandTests.make(["-q"], in: folder.path).status == 1)
    let again = try BuildCommandTests.make([], in: folder.path)
    #expect(again.status == 0, "\(again.output)")
    #expect(again.output.contains("build r.yaml"))
    #expect(try BuildCommandTests.make(["-q"], in: folder.path).status == 0)
  }

  @Test("a path make cannot name is refused before the build, naming it; without --depfile it builds")
  func unnameable() throws {
    let folder = try ScratchFolder()
    try FileManager.default.createDirectory(atPath: folder.path + "/data", withIntermediateDirectories: true)
    try folder.write("data/50%.csv", try String(contentsOfFile: Survfig.data("aml.csv"), encoding: .utf8))
    try folder.write(
      "r.yaml", "data:\n  cohort: data/50%.csv\nfigures:\n  - {id: km, data: cohort, time: time, event: status}\n")
    let before = folder.snapshot(".")
    let refused = try Survfig.run(["build", "r.yaml", "--out", "out", "--depfile", "out/r.d"], in: folder.path)
    #expect(refused.status == 1)
    #expect(
      refused.standardError
        == "Error: out/r.d: make cannot read the file name 'data/50%.csv' in a dependency file: it has no way to escape '%'; rename the file, or build without '--depfile'\n"
    )
    #expect(folder.snapshot(".") == before)
    #expect(try Survfig.run(["build", "r.yaml", "--out", "out", "--quiet"], in: folder.path).status == 0)
  }
}
