import ArgumentParser
import Foundation
import ManuscriptDocuments

/// `survfig check-text`: the numbers a manuscript quotes, checked against a build's named
/// numbers.
struct CheckTextCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check-text",
    abstract: "Check that a manuscript quotes a build's named numbers as the build has them.",
    discussion: """
      Reads the named numbers a build wrote (Output/<template>-numbers.json, from the template's \
      'numbers' key) and the manuscript (Markdown, LaTeX, plain text or a Word .docx). Wherever \
      the words of a number's 'quoted-after' phrases occur, the value that follows is compared \
      with the build's: its numbers in order and their signs, not its layout (0.13 (0.04–0.37) \
      matches 0.13; 95% CI 0.04–0.37). Each stale quote is reported as file:line:column (a Word \
      document's paragraph number as its line) and the command fails with status 1.

      Examples:
        survfig build Templates/ima.yaml
        survfig check-text paper.md --numbers Output/ima-numbers.json
        survfig check-text paper.docx --numbers Output/ima-numbers.json
      """)

  @Argument(help: ArgumentHelp("The manuscript: .md, .tex, .txt or .docx.", valueName: "file"))
  var file: String

  @Option(help: ArgumentHelp("The named numbers of a build (Output/<template>-numbers.json).", valueName: "file"))
  var numbers: String

  /// A file that cannot be read or is not what it should be: exit 1.
  struct InputError: Error, CustomStringConvertible {
    var description: String
  }

  /// At least one quote does not match the build.
  struct StaleText: Error, CustomStringConvertible {
    var count: Int
    var file: String
    var description: String {
      "\(file) quotes \(count) number\(count == 1 ? "" : "s") that the build no longer has; update the text"
    }
  }

  func run() throws {
    let values = try Self.namedValues(numbers)
    guard let data = FileManager.default.contents(atPath: file) else {
      throw InputError(description: "\(file): cannot read the manuscript (\(String(cString: strerror(errno))))")
    }
    let text: ManuscriptText
    do {
      text = try ManuscriptText(bytes: Array(data), fileExtension: (file as NSString).pathExtension)
    } catch {
      throw InputError(description: "\(file): cannot read the Word document: \(error.message)")
    }
    let check = QuotedNumberCheck(text: text, values: values)
    let sources = Dictionary(values.map { ($0.name, $0.source) }, uniquingKeysWith: { a, _ in a })
    for quote in check.staleQuotes {
      FileHandle.standardError.write(
        Data(
          "\(file):\(quote.line):\(quote.column): '\(quote.name)' is \(quote.expected) in the build (\(sources[quote.name] ?? "")); the text says \(quote.found)\n"
            .utf8))
    }
    for name in check.unquoted {
      FileHandle.standardError.write(
        Data("warning: '\(name)' is not quoted in \(file): none of its 'quoted-after' phrases occurs\n".utf8))
    }
    let current = check.quotes.count - check.staleQuotes.count
    var summary =
      "checked \(check.quotes.count) quote\(check.quotes.count == 1 ? "" : "s") of \(values.count) named number\(values.count == 1 ? "" : "s") in \(file): \(current) current, \(check.staleQuotes.count) stale"
    if !check.unanchored.isEmpty {
      summary += "; \(check.unanchored.count) without 'quoted-after' not looked for"
    }
    print(summary)
    if !check.staleQuotes.isEmpty { throw StaleText(count: check.staleQuotes.count, file: file) }
  }

  /// The named numbers of a build's `-numbers.json`.
  static func namedValues(_ path: String) throws -> [QuotedNumberCheck.NamedValue] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(
        description:
          "\(path): cannot read the named numbers (\(String(cString: strerror(errno)))); run survfig build on a template with 'numbers' first"
      )
    }
    guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let texts = root["numbers"] as? [String: String]
    else {
      throw InputError(
        description:
          "\(path): not the named numbers of a build; expected the JSON survfig build writes to <template>-numbers.json"
      )
    }
    let sources = root["sources"] as? [String: String] ?? [:]
    let anchors = root["quoted_after"] as? [String: [String]] ?? [:]
    // The order of the file (JSONSerialization forgets it): by the order of the names in the text.
    let text = String(decoding: data, as: UTF8.self)
    let names = texts.keys.sorted { a, b in
      (text.range(of: "\"\(a)\"")?.lowerBound ?? text.endIndex)
        < (text.range(of: "\"\(b)\"")?.lowerBound ?? text.endIndex)
    }
    return names.map { name in
      QuotedNumberCheck.NamedValue(
        name: name, text: texts[name]!, source: sources[name] ?? "", quotedAfter: anchors[name] ?? [])
    }
  }
}
