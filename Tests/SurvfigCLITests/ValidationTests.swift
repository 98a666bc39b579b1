import Foundation
import Testing

/// The same checks of times, covariates and values in every analysis: input that would give a
/// wrong answer is refused at its cell, with a sentence that says what to write instead.
@Suite("One validation for every analysis")
struct ValidationTests {
  /// 24 patients: two arms, an age, a weight and a sex.
  static func rows(
    time: (Int) -> String = { "\($0 * 3 % 41 + 2)" }, weight: (Int) -> String = { "\(50 + $0 * 7 % 31)" }
  )
    -> String
  {
    var text = "id,time,status,age,weight,arm,sex\n"
    for i in 0..<24 {
      text +=
        "\(i + 1),\(time(i)),\(i % 3 == 0 ? 0 : 1),\(40 + i * 11 % 37),\(weight(i)),\(i % 2 == 0 ? "A" : "B"),\(i % 4 < 2 ? "F" : "M")\n"
    }
    return text
  }

  static func run(_ arguments: [String], _ folder: ScratchFolder) throws -> Survfig.Result {
    try Survfig.run(arguments, in: folder.path)
  }

  @Test(
    "cox and every forest form refuse a negative or NaN time at its cell, as km does",
    arguments: [("-3", "negative time '-3'"), ("NaN", "non-finite time 'NaN'"), ("Inf", "non-finite time 'Inf'")])
  func badTimes(value: String, message: String) throws {
    let folder = try ScratchFolder()
    try folder.write("d.csv", Self.rows(time: { $0 == 6 ? value : "\($0 * 3 % 41 + 2)" }))
    let commands: [[String]] = [
      ["km", "--data", "d.csv", "--time", "time", "--event", "status", "--json"],
      ["cox", "--data", "d.csv", "--model", "Surv(time, status) ~ age"],
      ["forest", "--data", "d.csv", "--model", "Surv(time, status) ~ age + arm", "--out", "f.pdf"],
      [
        "forest", "--data", "d.csv", "--time", "time", "--event", "status", "--treatment", "arm", "--subgroups", "sex",
        "--out", "f.pdf",
      ],
    ]
    for command in commands {
      let run = try Self.run(command, folder)
      #expect(run.status != 0, "\(command)")
      #expect(
        run.standardError.contains("d.csv:8:2: column 'time' has a \(message)"), "\(command): \(run.standardError)")
      #expect(!FileManager.default.fileExists(atPath: folder.path + "/f.pdf"))
    }
  }

  @Test("a counting-process start may be negative; its stop must still be finite")
  func countingProcessStart() throws {
    let folder = try ScratchFolder()
    func data(stop: (Int) -> String) -> String {
      var text = "id,start,stop,status,age\n"
      for i in 0..<20 { text += "\(i),\(i % 4 == 0 ? -2 : 0),\(stop(i)),\(i % 3 == 0 ? 0 : 1),\(40 + i * 7 % 23)\n" }
      return text
    }
    try folder.write("cp.csv", data { "\($0 * 3 % 17 + 1)" })
    let run = try Self.run(["cox", "--data", "cp.csv", "--model", "Surv(start, stop, status) ~ age"], folder)
    #expect(run.status == 0, "\(run.standardError)")
    try folder.write("cp.csv", data { $0 == 3 ? "NaN" : "\($0 * 3 % 17 + 1)" })
    let bad = try Self.run(["cox", "--data", "cp.csv", "--model", "Surv(start, stop, status) ~ age"], folder)
    #expect(bad.status != 0)
    #expect(bad.standardError.contains("cp.csv:5:3: column 'stop' has a non-finite time 'NaN'"), "\(bad.standardError)")
  }

  /// One typo in a numeric column made it a factor with a level per value.
  @Test("a numeric column with a stray text is an error at the cell; factor() asks for categories")
  func mostlyNumericColumn() throws {
    let folder = try ScratchFolder()
    try folder.write("d.csv", Self.rows(weight: { $0 == 4 ? "15kg" : "\(50 + $0 * 7 % 31)" }))
    let cox = try Self.run(["cox", "--data", "d.csv", "--model", "Surv(time, status) ~ age + weight"], folder)
    #expect(cox.status != 0)
    #expect(
      cox.standardError.contains(
        "d.csv:6:5: column 'weight' has numbers in 23 cells but '15kg' is not a number; correct the value, leave the cell empty (or NA) if it is missing, or, to use its values as categories, write 'factor(weight)' in the model"
      ), "\(cox.standardError)")
    let transformed = try Self.run(
      ["cox", "--data", "d.csv", "--model", "Surv(time, status) ~ I(weight / 10)"], folder)
    #expect(transformed.standardError.contains("d.csv:6:5: column 'weight' has numbers in 23 cells"))
    let forest = try Self.run(
      ["forest", "--data", "d.csv", "--model", "Surv(time, status) ~ age + weight", "--out", "f.pdf"], folder)
    #expect(forest.standardError.contains("d.csv:6:5: column 'weight' has numbers in 23 cells"))
    // Asked for explicitly, the column is categories (R: factor(weight)).
    let factor = try Self.run(
      ["cox", "--data", "d.csv", "--model", "Surv(time, status) ~ factor(weight)", "--json"], folder)
    #expect(factor.status == 0, "\(factor.standardError)")
    // A column of texts with a few numbers is text, as R reads it: arm compared with a level.
    let compared = try Self.run(["cox", "--data", "d.csv", "--model", "Surv(time, status) ~ I(arm == \"B\")"], folder)
    #expect(compared.status == 0, "\(compared.standardError)")

    try folder.write(
      "t1.yaml",
      "data:\n  d: d.csv\ntables:\n  - {id: table1, type: characteristics, data: d, group: arm, variables: [age, weight]}\n"
    )
    let table = try Self.run(["build", "t1.yaml", "--out", "out"], folder)
    #expect(table.status != 0)
    #expect(
      table.standardError.contains(
        "d.csv:6:5: column 'weight' has numbers in 23 cells but '15kg' is not a number; correct the value, leave the cell empty (or NA) if it is missing, or, to count its values as categories, give the variable 'type: categorical'"
      ), "\(table.standardError)")
    try folder.write(
      "t1.yaml",
      "data:\n  d: d.csv\ntables:\n  - id: table1\n    type: characteristics\n    data: d\n    variables: [{column: weight, type: categorical}]\n"
    )
    #expect(try Self.run(["build", "t1.yaml", "--out", "out", "--quiet"], folder).status == 0)
  }

  /// R 4.2.2, survival 3.5.3: `coxph(Surv(t, s) ~ x)` with x = rnorm(100) * 1e200 prints
  /// se(coef) 0 and p < 2e-16; with x * 1e-400 (1e-200) an infinite coefficient: both wrong.
  @Test("a covariate whose scale double precision cannot fit is refused with the units to use")
  func extremeCovariateScale() throws {
    let folder = try ScratchFolder()
    var text = "time,status,x,z\n"
    for i in 0..<30 {
      let x = i % 2 == 0 ? -1.0 : 1.0
      text += "\(i * 5 % 23 + 1),\(i % 4 == 0 ? 0 : 1),\(x)e200,\(x)e-200\n"
    }
    try folder.write("x.csv", text)
    let large = try Self.run(["cox", "--data", "x.csv", "--model", "Surv(time, status) ~ x"], folder)
    #expect(large.status != 0)
    #expect(large.standardError.contains("covariate 'x' varies by about 1e200"), "\(large.standardError)")
    #expect(large.standardError.contains("'I(x / 1e200)'"))
    let small = try Self.run(["cox", "--data", "x.csv", "--model", "Surv(time, status) ~ z"], folder)
    #expect(small.standardError.contains("covariate 'z' varies by about 1e-200"), "\(small.standardError)")
    let rescaled = try Self.run(["cox", "--data", "x.csv", "--model", "Surv(time, status) ~ I(x / 1e200)"], folder)
    #expect(rescaled.status == 0, "\(rescaled.standardError)")
  }

  @Test("estimates for a forest plot: P outside [0, 1] and ratios outside their domain are errors at the cell")
  func estimateDomains() throws {
    let folder = try ScratchFolder()
    let cases: [(String, String)] = [
      ("A,0.8,0.6,1.1,7", "e.csv:2:5: column 'p' has the P value 7; P values lie between 0 and 1"),
      ("A,0.8,0.6,1.1,-0.1", "e.csv:2:5: column 'p' has the P value -0.1"),
      ("A,0.8,0.6,1.1,NaN", "e.csv:2:5: column 'p' has the P value NaN"),
      ("A,-0.8,0.6,1.1,0.2", "e.csv:2:2: estimates must be ratios with 0 < lower ≤ estimate ≤ upper"),
      ("A,0.8,0.9,1.1,0.2", "e.csv:2:2: estimates must be ratios with 0 < lower ≤ estimate ≤ upper"),
    ]
    for (row, message) in cases {
      try folder.write("e.csv", "label,hr,lo,hi,p\n\(row)\nB,1.2,0.9,1.5,0.3\n")
      let run = try Self.run(
        [
          "forest", "--data", "e.csv", "--label", "label", "--estimate", "hr", "--lower", "lo", "--upper", "hi",
          "--p", "p", "--out", "f.pdf",
        ],
        folder)
      #expect(run.status != 0, "\(row)")
      #expect(run.standardError.contains(message), "\(row): \(run.standardError)")
      #expect(!FileManager.default.fileExists(atPath: folder.path + "/f.pdf"))
    }
  }

  @Test("text that is not UTF-8 is an error naming the cell and showing its bytes")
  func invalidUTF8() throws {
    let folder = try ScratchFolder()
    var bytes = Array("name,time,status\nA,5,1\n".utf8)
    bytes += [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72] + Array(",3,0\nB,4,1\n".utf8)
    FileManager.default.createFile(atPath: folder.path + "/l.csv", contents: Data(bytes))
    let run = try Self.run(["km", "--data", "l.csv", "--time", "time", "--event", "status", "--json"], folder)
    #expect(run.status != 0)
    #expect(
      run.standardError.contains(
        "l.csv:3:1: column 'name' has text that is not UTF-8, 'M\\xFCller'; save the file as UTF-8"),
      "\(run.standardError)")
  }

  @Test("a file named as data by mistake: its first line is not echoed")
  func firstLineNotEchoed() throws {
    let folder = try ScratchFolder()
    try folder.write("secrets", "root:$6$saltsalt$hashhashhash:19000:0:99999:7:::\nother:*:19000:0:99999:7:::\n")
    let run = try Self.run(["km", "--data", "secrets", "--time", "time", "--event", "status", "--json"], folder)
    #expect(run.status != 0)
    #expect(!run.standardError.contains("saltsalt"), "\(run.standardError)")
    #expect(run.standardError.contains("secrets:1: unknown column 'time': the file's first line has no comma"))
  }

  @Test("a figure or table id equal to the template's name is a template error: the report PDF would overwrite it")
  func idEqualToTemplateName() throws {
    let folder = try ScratchFolder()
    try folder.write("d.csv", Self.rows())
    try folder.write(
      "study.yaml",
      "data:\n  d: d.csv\nfigures:\n  - id: study\n    type: km\n    data: d\n    time: time\n    event: status\n")
    let run = try Self.run(["build", "study.yaml", "--out", "out"], folder)
    #expect(run.status != 0)
    #expect(
      run.standardError.contains(
        "study.yaml:4:9: 'figures[0].id': the id 'study' is the template's name: the report is written to study.pdf"),
      "\(run.standardError)")
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
  }

  @Test("a template or cohort specification that is not UTF-8 is an error at the byte, not 'cannot read'")
  func nonUTF8Template() throws {
    let folder = try ScratchFolder()
    try folder.write("d.csv", Self.rows())
    let template =
      Array("data:\n  d: d.csv\nfigures:\n  - id: a\n    title: \"\u{E9}t\u{E9} ".utf8) + [0xFF] + Array("\"\n".utf8)
    FileManager.default.createFile(atPath: folder.path + "/t.yaml", contents: Data(template))
    let run = try Self.run(["build", "t.yaml", "--out", "out"], folder)
    #expect(run.status != 0)
    #expect(
      run.standardError.contains("t.yaml:5:17: the template is not UTF-8 text (byte 0xFF here); save it as UTF-8"),
      "\(run.standardError)")
    let spec = Array("patients: 10\ntitle: Caf".utf8) + [0xE9] + Array("\n".utf8)
    FileManager.default.createFile(atPath: folder.path + "/c.yaml", contents: Data(spec))
    let simulate = try Self.run(["simulate", "--spec", "c.yaml", "--out", "c.csv"], folder)
    #expect(simulate.status != 0)
    #expect(
      simulate.standardError.contains("c.yaml:2: the cohort specification is not UTF-8 text"),
      "\(simulate.standardError)")
  }
}
