import Foundation
import Testing

/// The template's `documents` key and `build --documents`: a build writes the manuscript
/// outputs asked for and no others.
@Suite("Which manuscript outputs a build writes", .serialized)
struct ManuscriptDocumentChoiceTests {
  /// The files of the lung build but the figures' and tables' own.
  static func reportFiles(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
      $0.hasPrefix("lung.") || $0.hasPrefix("lung-methods") || $0.hasPrefix("lung-numbers")
    }.sorted()
  }

  /// The lung template with `line` added at the top, in `folder` beside a link to its data.
  static func lungTemplate(_ line: String, in folder: ScratchFolder) throws -> String {
    let text = try String(contentsOfFile: Survfig.packageRoot + "/Templates/lung.yaml", encoding: .utf8)
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/data", withDestinationPath: Survfig.packageRoot + "/Templates/data")
    return try folder.write("lung.yaml", line + "\n" + text)
  }

  @Test("documents: [docx, methods] writes the Word report and the methods, not the RTF or the numbers")
  func templateKey() throws {
    let folder = try ScratchFolder()
    let template = try Self.lungTemplate("documents: [docx, methods]", in: folder)
    let result = try Survfig.run(["build", template, "--out", folder.path + "/out", "--quiet"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      Self.reportFiles(folder.path + "/out") == [
        "lung-methods.bib", "lung-methods.md", "lung-methods.tex", "lung.docx", "lung.pdf",
      ])
  }

  @Test("--documents none writes the report PDF alone; --documents rtf overrides the template")
  func commandLine() throws {
    let folder = try ScratchFolder()
    let none = try Survfig.run(
      ["build", "Templates/lung.yaml", "--out", folder.path + "/none", "--quiet", "--documents", "none"])
    #expect(none.status == 0, "\(none.standardError)")
    #expect(Self.reportFiles(folder.path + "/none") == ["lung.pdf"])
    let template = try Self.lungTemplate("documents: none", in: folder)
    let rtf = try Survfig.run(["build", template, "--out", folder.path + "/rtf", "--quiet", "--documents", "rtf"])
    #expect(rtf.status == 0, "\(rtf.standardError)")
    #expect(Self.reportFiles(folder.path + "/rtf") == ["lung.pdf", "lung.rtf"])
  }

  @Test("An unknown document is an error at the template key and on the command line")
  func unknown() throws {
    let folder = try ScratchFolder()
    let template = try Self.lungTemplate("documents: [docx, pdf]", in: folder)
    let key = try Survfig.run(["build", template, "--out", folder.path + "/out"])
    #expect(key.status == 1)
    #expect(
      key.standardError.hasPrefix(
        "Error: \(template):1:12: 'documents': unknown document 'pdf'; use 'docx', 'rtf', 'methods' or 'numbers', or 'all' or 'none'"
      ), "\(key.standardError)")
    let option = try Survfig.run(["build", "Templates/lung.yaml", "--documents", "word"])
    #expect(option.status == 64)
    #expect(
      option.standardError.hasPrefix(
        "Error: '--documents': unknown document 'word'; use 'docx', 'rtf', 'methods' or 'numbers', or 'all' or 'none'.\n"
      ))
  }
}
