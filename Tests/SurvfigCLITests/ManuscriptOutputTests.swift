import Foundation
import Testing

/// The manuscript outputs of the showcase templates: the Word report, RTF tables, the methods
/// paragraph, the named numbers and `check-text`.
@Suite("Manuscript outputs", .serialized)
struct ManuscriptOutputTests {
  static let templates = ["ima", "hnmm", "imt", "lung"]

  static func build(_ template: String, into folder: ScratchFolder, _ out: String = "out") throws -> String {
    let result = try Survfig.run(["build", "Templates/\(template).yaml", "--out", folder.path + "/" + out, "--quiet"])
    #expect(result.status == 0, "\(result.standardError)")
    return folder.path + "/" + out
  }

  @Test(
    "Each showcase template writes a Word report, RTF tables and the methods paragraph, the same bytes run to run",
    arguments: templates)
  func identical(template: String) throws {
    let folder = try ScratchFolder()
    let first = try Self.build(template, into: folder, "a")
    let second = try Self.build(template, into: folder, "b")
    let names = try FileManager.default.contentsOfDirectory(atPath: first).sorted()
    for name in ["\(template).docx", "\(template).rtf", "\(template)-methods.md", "\(template)-methods.tex"] {
      #expect(names.contains(name), "\(name) missing")
    }
    #expect(names.contains { $0.hasSuffix(".rtf") && $0 != "\(template).rtf" })
    #expect(names.contains { $0.hasSuffix(".docx") && $0 != "\(template).docx" })
    for name in names where [".docx", ".rtf", ".md", ".tex", ".bib", ".csv", ".json"].contains(where: name.hasSuffix) {
      let a = FileManager.default.contents(atPath: first + "/" + name)
      let b = FileManager.default.contents(atPath: second + "/" + name)
      #expect(a != nil && a == b, "\(name) differs between two builds")
    }
  }

  @Test("The methods paragraph names the estimators, tests, ties, selection and software, and cites them")
  func methods() throws {
    let folder = try ScratchFolder()
    let out = try Self.build("ima", into: folder)
    let text = try String(contentsOfFile: out + "/ima-methods.md", encoding: .utf8)
    #expect(
      text.contains(
        "Survival was estimated by the Kaplan–Meier method [1] with Greenwood's variance [2]; pointwise 95% confidence intervals were computed on the log scale"
      ))
    #expect(text.contains("with tied event times handled by Efron's approximation [6]"))
    #expect(
      text.contains(
        "variables with a univariable *P* below 0.15 entered, and the variable with the largest Wald *P* above 0.1 was removed"
      ))
    #expect(
      text.contains(
        "1. Kaplan EL, Meier P. Nonparametric estimation from incomplete observations. J Am Stat Assoc. 1958;53:457–481."
      ))
    #expect(text.contains("Analyses, figures and tables were produced with survfig "))
    let latex = try String(contentsOfFile: out + "/ima-methods.tex", encoding: .utf8)
    #expect(latex.contains("Kaplan--Meier method~\\cite{kaplan1958}"))
    #expect(try String(contentsOfFile: out + "/ima-methods.bib", encoding: .utf8).contains("@article{efron1977,"))
    let imt = try String(
      contentsOfFile: try Self.build("imt", into: folder, "imt") + "/imt-methods.md", encoding: .utf8)
    #expect(imt.contains("exact Clopper–Pearson ["))
    #expect(imt.contains("Fisher's exact test ["))
    let hnmm = try String(
      contentsOfFile: try Self.build("hnmm", into: folder, "hnmm") + "/hnmm-methods.md", encoding: .utf8)
    #expect(hnmm.contains("Aalen–Johansen estimator ["))
    #expect(hnmm.contains("Fine–Gray models ["))
  }

  @Test("The IMA template's named numbers: LaTeX macros, JSON and CSV, as the captions print them")
  func numbers() throws {
    let folder = try ScratchFolder()
    let out = try Self.build("ima", into: folder)
    let tex = try String(contentsOfFile: out + "/ima-numbers.tex", encoding: .utf8)
    #expect(tex.contains("\\newcommand{\\osMedianAll}{19.9}"))
    #expect(tex.contains("\\newcommand{\\hrImmunoMultivariable}{0.13 (0.04--0.37)}"))
    #expect(tex.contains("\\expandafter\\def\\csname survfignumber@pfs1_p_targeted\\endcsname{P = 0.002}"))
    let csv = try String(contentsOfFile: out + "/ima-numbers.csv", encoding: .utf8)
    #expect(csv.hasPrefix("name,text,value,source\nn_patients,79,,ima-os-all.n\nos_median_all,19.9,19.9,"))
    let json =
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/ima-numbers.json")))
      as? [String: Any]
    #expect((json?["numbers"] as? [String: String])?["os_p_immuno"] == "P < 0.001")
  }

  @Test("check-text passes on the IMA results paragraph and fails, naming the line, when a number in it is stale")
  func checkText() throws {
    let folder = try ScratchFolder()
    let out = try Self.build("ima", into: folder)
    let manuscript = Survfig.packageRoot + "/Templates/manuscripts/ima-results.md"
    let current = try Survfig.run(["check-text", manuscript, "--numbers", out + "/ima-numbers.json"])
    #expect(current.status == 0, "\(current.standardError)")
    #expect(current.standardOutput == "checked 16 quotes of 16 named numbers in \(manuscript): 16 current, 0 stale\n")
    let text = try String(contentsOfFile: manuscript, encoding: .utf8)
    let stale = text.replacingOccurrences(
      of: "immunotherapy (HR 0.13; 95% CI 0.04–0.37)", with: "immunotherapy (HR 0.28; 95% CI 0.11–0.74)")
    #expect(stale != text)
    let copy = try folder.write("results.md", stale)
    let result = try Survfig.run(["check-text", copy, "--numbers", out + "/ima-numbers.json"])
    #expect(result.status == 1)
    #expect(
      result.standardError == """
        \(copy):21:19: 'hr_immuno_multivariable' is 0.13 (0.04–0.37) in the build (ima-table-3.rows[Immunotherapy/Yes][Multivariable: HR (95% CI)]); the text says 0.28; 95% CI 0.11–0.74
        Error: \(copy) quotes 1 number that the build no longer has; update the text

        """)
  }

  @Test("check-text reads a Word manuscript; a missing numbers file is an error naming it")
  func checkTextErrors() throws {
    let folder = try ScratchFolder()
    let missing = try Survfig.run(["check-text", "README.md", "--numbers", folder.path + "/none.json"])
    #expect(missing.status == 1)
    #expect(
      missing.standardError
        == "Error: \(folder.path)/none.json: cannot read the named numbers (No such file or directory); run survfig build on a template with 'numbers' first\n"
    )
    try folder.write("n.json", "{\"numbers\": {\"x\": \"1.5\"}, \"quoted_after\": {\"x\": [\"median\"]}}")
    try folder.write("paper.docx", "not a zip")
    let notWord = try Survfig.run(["check-text", folder.path + "/paper.docx", "--numbers", folder.path + "/n.json"])
    #expect(notWord.status == 1)
    #expect(
      notWord.standardError
        == "Error: \(folder.path)/paper.docx: cannot read the Word document: it is not a ZIP archive (too short)\n")
  }

  @Test("A named number the build does not have is an error at its template key")
  func unknownNumber() throws {
    let folder = try ScratchFolder()
    try folder.write(
      "r.yaml",
      "data:\n  a: \(Survfig.data("aml.csv"))\nfigures:\n  - {id: km, data: a, time: time, event: status, group: x}\nnumbers:\n  m: km.group.Maintainedd.median\n  n: kn.n\n"
    )
    let result = try Survfig.run(["build", folder.path + "/r.yaml", "--out", folder.path + "/out"])
    #expect(result.status == 1)
    #expect(
      result.standardError.contains(
        "r.yaml:7:6: 'numbers.n': unknown figure or table id 'kn'. Did you mean 'km'? (defined: 'km'); a number is '<id>.<name>…'"
      ))
    try folder.write(
      "r.yaml",
      "data:\n  a: \(Survfig.data("aml.csv"))\nfigures:\n  - {id: km, data: a, time: time, event: status, group: x}\nnumbers:\n  m: km.group.3.median\n"
    )
    let second = try Survfig.run(["build", folder.path + "/r.yaml", "--out", folder.path + "/out"])
    #expect(second.status == 1)
    #expect(
      second.standardError.contains(
        "r.yaml:6:6: 'numbers.m': 'km.group.3.median': km.group has no value '3'; it is a mapping ('1', '2')."))
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
  }

  @Test(
    "LibreOffice opens the Word report and an RTF table and converts them to PDF",
    .enabled(
      if: ManuscriptOutputTests.libreOffice != nil, "needs LibreOffice: apt-get install libreoffice-writer-nogui"))
  func libreOfficeConverts() throws {
    let folder = try ScratchFolder()
    let out = try Self.build("ima", into: folder)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.libreOffice!)
    process.arguments = [
      "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", "pdf", "--outdir",
      folder.path + "/pdf", out + "/ima.docx", out + "/ima-table-3.rtf",
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    for name in ["ima.pdf", "ima-table-3.pdf"] {
      let pdf = FileManager.default.contents(atPath: folder.path + "/pdf/" + name)
      #expect((pdf?.count ?? 0) > 10_000, "\(name) was not converted")
      #expect(pdf.map { $0.prefix(5) == Data("%PDF-".utf8) } == true)
    }
  }

  static let libreOffice: String? = {
    for candidate in ["/usr/bin/libreoffice", "/usr/bin/soffice", "/usr/local/bin/libreoffice"]
    where FileManager.default.isExecutableFile(atPath: candidate) {
      return candidate
    }
    return nil
  }()
}
