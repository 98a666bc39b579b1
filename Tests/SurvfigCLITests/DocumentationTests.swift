import Foundation
import Testing

@Suite("README against the command line")
struct DocumentationTests {
  static let commands = ["km", "cox", "forest", "response", "ci", "swimmer", "build", "init", "simulate"]

  /// Every `--option` spelled in `text`.
  static func options(in text: String) -> Set<String> {
    var found: Set<String> = []
    var rest = Substring(text)
    while let range = rest.range(of: "--") {
      let name = rest[range.upperBound...].prefix { $0.isLowercase || $0.isNumber || $0 == "-" }
      if let first = name.first, first.isLowercase { found.insert("--" + name) }
      rest = rest[range.upperBound...]
    }
    return found
  }

  @Test("every option the README names is an option of some command's --help")
  func readmeOptionsExist() throws {
    let readme = try String(contentsOfFile: Survfig.packageRoot + "/README.md", encoding: .utf8)
    var known: Set<String> = []
    for command in Self.commands {
      let help = try Survfig.run([command, "--help"])
      #expect(help.status == 0)
      known.formUnion(Self.options(in: help.standardOutput))
    }
    let documented = Self.options(in: readme)
    #expect(documented.contains("--no-p-value"))
    #expect(documented.subtracting(known).sorted() == [])
  }

  @Test("each km option in the README's option table is an option of km")
  func kmTable() throws {
    let readme = try String(contentsOfFile: Survfig.packageRoot + "/README.md", encoding: .utf8)
    let section = try #require(readme.components(separatedBy: "## `survfig km`").dropFirst().first)
    let table = section.components(separatedBy: "\n\n").dropFirst().first ?? ""
    let help = try Survfig.run(["km", "--help"])
    #expect(Self.options(in: table).count > 40)
    #expect(Self.options(in: table).subtracting(Self.options(in: help.standardOutput)).sorted() == [])
  }
}
