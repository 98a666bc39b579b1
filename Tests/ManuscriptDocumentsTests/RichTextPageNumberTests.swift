import Foundation
import ManuscriptDocuments
import SurvivalFigures
import Testing

/// "Page X of Y" as LibreOffice prints it on a section that runs over several pages, and through
/// a document of several sections.
@Suite("RTF page numbers in LibreOffice")
struct RichTextPageNumberTests {
  static func tool(_ names: [String]) -> String? {
    names.flatMap { ["/usr/bin/\($0)", "/usr/local/bin/\($0)"] }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }
  static let libreOffice = tool(["libreoffice", "soffice"])
  static let pdftotext = tool(["pdftotext"])

  /// Runs `executable`; its standard output.
  static func run(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  @Test(
    "A listing of 150 rows and a second output are numbered 'Page 1 of N' to 'Page N of N'",
    .enabled(
      if: libreOffice != nil && pdftotext != nil,
      "needs LibreOffice and pdftotext: apt-get install libreoffice-writer-nogui poppler-utils"))
  func multiPageSection() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("survfig-rtf-pages-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let listing = ReportTable(
      columns: [.init("Patient"), .init("Time (months)", alignment: .trailing), .init("Event", alignment: .trailing)],
      rows: (1...150).map {
        ReportTable.Row(["P\($0)", String(format: "%.1f", Double($0) / 3), $0 % 3 == 0 ? "1" : "0"])
      })
    let summary = ReportTable(
      columns: [.init("Group"), .init("n", alignment: .trailing)], rows: [.init(["All", "150"])])
    let document = RichTextDocument(sections: [
      .init(titles: ["Listing 1", "Follow-up per patient"], blocks: [.table(listing)]),
      .init(titles: ["Table 1", "Patients"], blocks: [.table(summary)]),
    ])
    let rtf = folder.appendingPathComponent("tlf.rtf")
    try Data(document.bytes).write(to: rtf)
    _ = try Self.run(
      Self.libreOffice!,
      [
        "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", "pdf", "--outdir",
        folder.path, rtf.path,
      ])
    let pdf = folder.appendingPathComponent("tlf.pdf").path
    let pages = try Self.run(Self.pdftotext!, [pdf, "-"]).split(separator: "\u{0C}", omittingEmptySubsequences: false)
      .map(String.init).filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    #expect(pages.count >= 3, "\(pages.count) pages")
    // The title lines are in each page's header. (LibreOffice's RTF import does not repeat
    // `\trhdr` header rows, so they are not checked here.)
    for (index, page) in pages.dropLast().enumerated() {
      #expect(page.contains("Page \(index + 1) of \(pages.count)"), "page \(index + 1): \(page.prefix(120))")
      #expect(page.contains("Follow-up per patient"))
    }
    #expect(pages.last?.contains("Page \(pages.count) of \(pages.count)") == true, "\(pages.last?.prefix(120) ?? "")")
  }
}
