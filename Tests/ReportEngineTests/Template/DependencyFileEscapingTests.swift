import Foundation
import Testing

@testable import ReportEngine
@testable import ReportTemplates

@Suite("Dependency files name paths as GNU make reads them")
struct DependencyFileEscapingTests {
  @Test(
    "'$' doubled; spaces, '#', ':' and wildcards after a backslash; backslashes before them doubled",
    arguments: [
      ("Output/km.pdf", "Output/km.pdf"),
      ("data/lung: arm #1 $x.csv", "data/lung\\:\\ arm\\ \\#1\\ $$x.csv"),
      ("C:/data/a.csv", "C\\:/data/a.csv"),
      ("data/*?[1].csv", "data/\\*\\?\\[1].csv"),
      ("a\\ b", "a\\\\\\ b"),
      ("a\\b", "a\\b"),
      ("a\\\\#b", "a\\\\\\\\\\#b"),
    ])
  func escaping(path: String, escaped: String) {
    #expect(ReportBuilder.makeEscaped(path) == escaped)
  }

  @Test("a tab, a line break, '%', ';', '=', '|', and a final '\\' or '&' cannot be named")
  func unnameable() {
    for (path, character) in [
      ("a\tb", "\t"), ("a\nb", "\n"), ("50%.csv", "%"), ("a;b", ";"), ("a=b", "="), ("a|b", "|"), ("a\\", "\\"),
      ("a&", "&"),
    ] as [(String, Character)] {
      #expect(ReportBuilder.unnameableCharacter(in: path) == character, "\(path)")
    }
    for path in ["data/lung: arm #1 $x.csv", "a&b", "a\\b", "(final).csv", "~x", "é"] {
      #expect(ReportBuilder.unnameableCharacter(in: path) == nil, "\(path)")
    }
    #expect(
      OutputError.unnameableInDependencyFile(depfile: "out/r.d", path: "data/50%.csv", character: "%").description
        == "out/r.d: make cannot read the file name 'data/50%.csv' in a dependency file: it has no way to escape '%'; rename the file, or build without '--depfile'"
    )
    #expect(
      OutputError.unnameableInDependencyFile(depfile: "out/r.d", path: "a\tb.csv", character: "\t").description
        == "out/r.d: make cannot read the file name 'a\tb.csv' in a dependency file: it has no way to escape a tab; rename the file, or build without '--depfile'"
    )
  }
}
