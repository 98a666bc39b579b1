import Foundation
import OptionSchema

/// A file format a report table is written in: CSV, Markdown, LaTeX, a Word document (`docx`)
/// or an RTF TLF page (`rtf`). A template's `formats` and the command line's `--out` name the
/// same formats, written by the same writers.
public enum TableFormat: String, Sendable, CaseIterable, Hashable {
  case csv, md, tex, docx, rtf

  /// The format a file's extension names (any letter case); nil for another extension.
  public init?(path: String) {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    self.init(rawValue: name[name.index(after: dot)...].lowercased())
  }

  /// "'csv', 'md', 'tex', 'docx' or 'rtf'", for messages.
  public static var list: String {
    let names = allCases.map { "'\($0.rawValue)'" }
    return names.dropLast().joined(separator: ", ") + " or " + names.last!
  }
}

/// The table files a command writes (`--out` with a table format's extension) and the table's
/// title in them.
public struct TableOutput: Hashable, Sendable {
  /// Files to write; the extension chooses the format.
  public var paths: [String] = []
  /// The title above the table (in RTF, the title line); nil: the command's own.
  public var title: String?

  public init() {}

  /// `paths` split into figure files and table files by extension; a path with neither kind of
  /// extension stays a figure file, whose writer names the formats it takes.
  static func split(_ paths: [String]) -> (figures: [String], tables: [String]) {
    var figures: [String] = []
    var tables: [String] = []
    for path in paths {
      if TableFormat(path: path) != nil { tables.append(path) } else { figures.append(path) }
    }
    return (figures, tables)
  }

  /// `--out` of a command whose only output is `table` (`the Cox model's table`), and
  /// `--title`: command-line options that templates do not take (a template's tables name
  /// their `formats` and `title`).
  public static func declarations<Request>(
    _ path: WritableKeyPath<Request, TableOutput> & Sendable, table: String, defaultTitle: String
  ) -> [OptionDeclaration<Request>] {
    [
      OptionDeclaration(
        "out", isInTemplates: false, section: .output,
        summary:
          "File to write \(table) to; the extension chooses the format: csv, md (Markdown), tex (LaTeX booktabs), docx (a Word table) or rtf (an RTF TLF page with \"Page X of Y\"). Repeat for several formats.",
        valueDescription: "", valueName: "file", example: "--out table.docx --out table.rtf"
      ) { value, name, request throws(OptionError) in
        let paths = try value.texts(name)
        for path in paths where TableFormat(path: path) == nil {
          throw OptionError(
            "\(name) cannot write '\(path)': the extension chooses the table's format; use \(TableFormat.list)",
            at: value.origin)
        }
        request[keyPath: path].paths = paths
      },
      OptionDeclaration(
        "title", isInTemplates: false, section: .output, summary: "Title of the table files.",
        valueDescription: "", valueName: "text", defaultText: "'\(defaultTitle)'", example: "--title 'Table 2'"
      ) { value, name, request throws(OptionError) in request[keyPath: path].title = try value.text(name) },
    ]
  }
}
