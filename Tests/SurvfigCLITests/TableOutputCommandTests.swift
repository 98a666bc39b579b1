import Foundation
import Testing

/// Tables from the commands without a template: `--out` with a table format's extension
/// (csv, md, tex, docx, rtf) writes the table a template's table of the same kind makes,
/// through the same writers.
@Suite("Table files from the commands")
struct TableOutputCommandTests {
  static let lung = Survfig.data("lung.csv")

  /// The text of a file (Word's stored ZIP keeps `word/document.xml` readable in its bytes).
  static func text(_ path: String) -> String {
    String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
  }

  @Test("km --out writes the survival table in each table format beside the figure")
  func kaplanMeier() throws {
    let folder = try ScratchFolder()
    let names = ["km.pdf", "km.csv", "km.md", "km.tex", "km.docx", "km.rtf"]
    let result = try Survfig.run(
      ["km", "--data", Self.lung, "--time", "time", "--event", "status", "--group", "sex", "--times", "365"]
        + names.flatMap { ["--out", folder.path + "/" + $0] })
    #expect(result.status == 0, "\(result.standardError)")
    #expect(folder.files == names.sorted())
    #expect(
      Self.text(folder.path + "/km.csv").hasPrefix(
        "Group,n,Events,Median (95% CI),\"At 365, % (95% CI)\"\n1,138,112,270 (212–310),33.6 (26.1–43.3)\n"))
    #expect(Self.text(folder.path + "/km.md").hasPrefix("**Kaplan–Meier estimates**\n"))
    #expect(Self.text(folder.path + "/km.tex").contains("\\caption{Kaplan--Meier estimates}"))
    let word = Self.text(folder.path + "/km.docx")
    #expect(word.hasPrefix("PK"))
    #expect(word.contains("<w:tbl>") && word.contains("270 (212–310)"))
    let rtf = Self.text(folder.path + "/km.rtf")
    #expect(rtf.hasPrefix("{\\rtf1"))
    #expect(rtf.contains("NUMPAGES") && rtf.contains("Kaplan\\u8211?Meier estimates"))
  }

  @Test("A table from a command has the same bytes run to run")
  func identical() throws {
    let folder = try ScratchFolder()
    for run in ["a", "b"] {
      let result = try Survfig.run(
        [
          "cox", "--data", Self.lung, "--model", "Surv(time, status) ~ age + sex + ph.ecog", "--out",
          folder.path + "/\(run).docx", "--out", folder.path + "/\(run).rtf",
        ])
      #expect(result.status == 0, "\(result.standardError)")
    }
    for ext in ["docx", "rtf"] {
      let a = FileManager.default.contents(atPath: folder.path + "/a.\(ext)")
      #expect(a != nil && a == FileManager.default.contents(atPath: folder.path + "/b.\(ext)"))
    }
  }

  @Test("cox --out writes the model's table, as a template's cox table of the multivariable model")
  func cox() throws {
    let folder = try ScratchFolder()
    let result = try Survfig.run(
      [
        "cox", "--data", Self.lung, "--model", "Surv(time, status) ~ age + sex", "--out", folder.path + "/cox.md",
        "--title", "Table 2",
      ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.hasPrefix("Cox model, 228 patients, 165 events (efron ties)"))
    let markdown = Self.text(folder.path + "/cox.md")
    #expect(markdown.hasPrefix("**Table 2**\n"))
    #expect(markdown.contains("| age | 1.02 (1.00–1.04) |"))
  }

  @Test("response --out writes the response table")
  func response() throws {
    let folder = try ScratchFolder()
    let result = try Survfig.run(
      [
        "response", "--data", Survfig.data("response-assessments.csv"), "--id", "patient", "--response", "recist",
        "--time", "week", "--time-unit", "weeks", "--group", "arm", "--out", folder.path + "/r.csv", "--out",
        folder.path + "/r.docx",
      ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(Self.text(folder.path + "/r.csv").hasPrefix("Best overall response,"))
    #expect(Self.text(folder.path + "/r.docx").contains("ORR, % (95% CI)"))
  }

  @Test("A table-only command refuses a figure extension; cif needs --fine-gray for its table")
  func refusals() throws {
    let folder = try ScratchFolder()
    let cox = try Survfig.run(
      ["cox", "--data", Self.lung, "--model", "Surv(time, status) ~ age", "--out", folder.path + "/cox.pdf"])
    #expect(cox.status == 64)
    #expect(
      cox.standardError.hasPrefix(
        "Error: '--out' cannot write '\(folder.path)/cox.pdf': the extension chooses the table's format; use 'csv', 'md', 'tex', 'docx' or 'rtf'\n"
      ))
    let cif = try Survfig.run(
      [
        "cif", "--data", Survfig.data("pbc.csv"), "--time", "time", "--status", "status", "--event-value", "2",
        "--competing-value", "1", "--out", folder.path + "/cif.docx",
      ])
    #expect(cif.status == 64)
    #expect(
      cif.standardError.hasPrefix(
        "Error: '--out \(folder.path)/cif.docx' writes the Fine–Gray table: give the model's terms with '--fine-gray', e.g. --fine-gray \"age + factor(edema)\".\n"
      ))
    #expect(folder.files.isEmpty)
  }
}

extension TableOutputCommandTests {
  static let pdftotext: String? = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// Runs `executable` with `arguments`, its output discarded; true when it exits with 0.
  static func succeeds(_ executable: String, _ arguments: [String]) throws -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus == 0
  }

  @Test(
    "In LibreOffice's PDF of a Word table, numbers of a column stand on one decimal point",
    .enabled(
      if: ManuscriptOutputTests.libreOffice != nil && TableOutputCommandTests.pdftotext != nil,
      "needs LibreOffice and pdftotext: apt-get install libreoffice-writer-nogui poppler-utils"))
  func decimalPointsAlignInLibreOffice() throws {
    let folder = try ScratchFolder()
    let result = try Survfig.run(
      [
        "km", "--data", Self.lung, "--time", "time", "--event", "status", "--group", "ph.ecog", "--times", "180",
        "--out", folder.path + "/km.docx",
      ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      try Self.succeeds(
        ManuscriptOutputTests.libreOffice!,
        [
          "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", "pdf", "--outdir",
          folder.path, folder.path + "/km.docx",
        ]))
    #expect(try Self.succeeds(Self.pdftotext!, ["-bbox", folder.path + "/km.pdf", folder.path + "/km.html"]))
    let html = Self.text(folder.path + "/km.html")
    // The right edge of a word: `<word xMin=".." yMin=".." xMax="x" ...>text</word>`.
    func right(_ word: String) -> Double? {
      guard let end = html.range(of: "\">\(word)</word>") else { return nil }
      let line = html[..<end.lowerBound]
      guard let xMax = line.range(of: "xMax=\"", options: .backwards) else { return nil }
      return Double(line[xMax.upperBound...].prefix { $0 != "\"" })
    }
    // 84.1 (75.5–93.6) in group 0 and 0.0 in group 3: one decimal each, so aligned decimal
    // points give the same right edge; right alignment would not.
    let wide = try #require(right("84.1"))
    let zero = try #require(right("0.0"))
    #expect(abs(wide - zero) < 0.5, "84.1 ends at \(wide) pt, 0.0 at \(zero) pt")
  }
}
