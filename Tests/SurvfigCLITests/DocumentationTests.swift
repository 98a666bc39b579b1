import Foundation
import ReportTemplates
import Testing

/// README.md and the hand-written guides in `Documentation/` against the command line and the
/// files they point to. The generated pages under `Documentation/reference/` are checked by
/// ``ReferenceDocumentationTests``.
@Suite("README and guides against the command line")
struct DocumentationTests {
  static let commands = [
    "km", "cif", "cox", "forest", "response", "ci", "swimmer", "build", "check-text", "init", "simulate", "reference",
  ]

  /// A Markdown file, by its path from the package root.
  struct Document {
    var path: String
    var text: String

    /// The folder links are taken from, relative to the package root ("" for the root).
    var folder: String { (path as NSString).deletingLastPathComponent }
  }

  /// README.md and every `Documentation/*.md`.
  static func documents() throws -> [Document] {
    let guides = try FileManager.default.contentsOfDirectory(atPath: Survfig.packageRoot + "/Documentation")
      .filter { $0.hasSuffix(".md") }.sorted()
    return try (["README.md"] + guides.map { "Documentation/" + $0 }).map { path in
      Document(path: path, text: try String(contentsOfFile: Survfig.packageRoot + "/" + path, encoding: .utf8))
    }
  }

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

  /// The fenced code blocks of `text` whose opening fence names `language`, and the text
  /// outside every fenced block.
  static func fencedBlocks(_ text: String, language: String) -> (blocks: [String], prose: String) {
    var blocks: [String] = []
    var prose: [Substring] = []
    var block: [Substring]?
    var isWanted = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if block == nil, trimmed.hasPrefix("```") {
        block = []
        isWanted = trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces) == language
      } else if let lines = block, trimmed == "```" {
        if isWanted { blocks.append(lines.joined(separator: "\n") + "\n") }
        block = nil
      } else if block != nil {
        block?.append(line)
      } else {
        prose.append(line)
      }
    }
    return (blocks, prose.joined(separator: "\n"))
  }

  /// The targets of the Markdown links and images in `text` (`[text](target)`,
  /// `![alt](target "title")`).
  static func linkTargets(in text: String) -> [String] {
    var targets: [String] = []
    var rest = Substring(text)
    while let range = rest.range(of: "](") {
      let after = rest[range.upperBound...]
      if let end = after.firstIndex(of: ")") {
        let target = after[..<end].split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        targets.append(target.trimmingCharacters(in: CharacterSet(charactersIn: "<>")))
      }
      rest = after
    }
    return targets
  }

  /// The anchors GitHub gives the headings of a Markdown text: lowercased, punctuation and
  /// code marks dropped, spaces as hyphens, repeated headings numbered (`-1`, `-2`).
  static func anchors(in text: String) -> Set<String> {
    var anchors: Set<String> = []
    var seen: [String: Int] = [:]
    for line in fencedBlocks(text, language: "").prose.split(separator: "\n") where line.hasPrefix("#") {
      let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
      let slug = String(
        title.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == " " }
          .map { $0 == " " ? "-" : $0 })
      let count = seen[slug, default: 0]
      anchors.insert(count == 0 ? slug : "\(slug)-\(count)")
      seen[slug] = count + 1
    }
    return anchors
  }

  @Test("the README and the guides are found")
  func documentsFound() throws {
    let paths = try Self.documents().map(\.path)
    #expect(paths.contains("README.md"))
    #expect(paths.contains("Documentation/guide-templates.md"))
    #expect(!paths.contains { $0.hasPrefix("Documentation/reference/") })
  }

  @Test("every option the README and the guides name is an option of some command's --help")
  func optionsExist() throws {
    var known: Set<String> = []
    for command in Self.commands {
      let help = try Survfig.run([command, "--help"])
      #expect(help.status == 0, "survfig \(command) --help: \(help.standardError)")
      known.formUnion(Self.options(in: help.standardOutput))
    }
    var all: Set<String> = []
    for document in try Self.documents() {
      let documented = Self.options(in: document.text)
      all.formUnion(documented)
      #expect(documented.subtracting(known).sorted() == [], "\(document.path) names options no command has")
    }
    #expect(all.contains("--no-p-value") && all.contains("--depfile"))
  }

  @Test("every relative link of the README and the guides leads to an existing file and heading")
  func relativeLinksExist() throws {
    var checked = 0
    for document in try Self.documents() {
      for target in Self.linkTargets(in: Self.fencedBlocks(document.text, language: "").prose) {
        if target.isEmpty || target.contains("://") || target.hasPrefix("mailto:") { continue }
        let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let file =
          parts[0].isEmpty ? document.path : NSString(string: document.folder).appendingPathComponent(String(parts[0]))
        let path = NSString(string: Survfig.packageRoot + "/" + file).standardizingPath
        checked += 1
        guard FileManager.default.fileExists(atPath: path) else {
          Issue.record("\(document.path): the link '\(target)' leads to no file (\(file))")
          continue
        }
        if parts.count == 2, file.hasSuffix(".md") {
          let anchors = Self.anchors(in: try String(contentsOfFile: path, encoding: .utf8))
          #expect(anchors.contains(String(parts[1])), "\(document.path): '\(target)' names no heading of \(file)")
        }
      }
    }
    #expect(checked > 30)
  }

  @Test("every yaml block of the README and the guides is valid YAML")
  func yamlBlocksParse() throws {
    var parsed = 0
    for document in try Self.documents() {
      for (index, block) in Self.fencedBlocks(document.text, language: "yaml").blocks.enumerated() {
        parsed += 1
        // The template reader parses with Yams first; a block that is valid YAML but not a
        // whole template (a fragment, a cohort specification, data files absent) fails later.
        do throws(TemplateError) {
          _ = try ReportTemplate(yaml: block, file: document.path)
        } catch {
          if error.message.hasPrefix("invalid YAML") {
            Issue.record("\(document.path), yaml block \(index + 1): \(error)")
          }
        }
      }
    }
    #expect(parsed >= 6)
  }
}
