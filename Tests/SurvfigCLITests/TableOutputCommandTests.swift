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
