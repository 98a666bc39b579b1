import Foundation
import Testing

/// The inputs that crashed or hung survfig, run through the binary: each now ends with status 1
/// and a message, never a signal.
@Suite("Hostile input through the command line")
struct HostileInputCommandTests {
  @Test("a model formula 8,000 parentheses deep (a stack overflow) is an error naming the column")
  func deepModel() throws {
    let data = Survfig.data("aml.csv")
    let model =
      "Surv(time, status) ~ " + String(repeating: "(", count: 8_000) + "x" + String(repeating: ")", count: 8_000)
    let run = try Survfig.run(["cox", "--data", data, "--model", model])
    #expect(run.status == 1)
    #expect(
      run.standardError
        == "Error: \(data): model '\(model)': the formula nests more than 100 levels deep here (parentheses, function calls, signs and powers inside each other); write it with fewer parentheses at column 122\n  \(model)\n  \(String(repeating: " ", count: 121))^\n"
    )
  }

  @Test("--where past 10,000 terms (20,000 overflowed the stack) is an error at the option")
  func longWhere() throws {
    let data = Survfig.data("aml.csv")
    let condition = Array(repeating: "x", count: 10_001).joined(separator: "+") + " > 0"
    let run = try Survfig.run([
      "km", "--data", data, "--time", "time", "--event", "status", "--json", "--where", condition,
    ])
    #expect(run.status == 64)
    // The message shows the last 80 characters, the caret under the 10,001st term.
    #expect(
      run.standardError.hasPrefix(
        "Error: '--where' is not a valid expression: the expression holds more than 10,000 values and columns; split it into derived columns\n    …\(String(condition.suffix(80)))\n    \(String(repeating: " ", count: 1 + 80 - 5))^\n"
      ))
  }

  @Test("two billion simulated patients (an abort allocating 48 GB) are an error naming the limit")
  func hugeCohort() throws {
    let folder = try ScratchFolder()
    let spec = try folder.write("spec.yaml", "patients: 2000000000\n")
    let run = try Survfig.run(["simulate", "--spec", spec, "--out", folder.path + "/cohort.csv"])
    #expect(run.status == 1)
    #expect(
      run.standardError
        == "Error: \(spec):1:11: 'patients' must be at most 10,000,000, found '2000000000': survfig holds a simulated cohort in memory whole\n"
    )
    #expect(folder.files == ["spec.yaml"])
  }

  @Test("caption sections over groups nested 22 deep (a hang) are an error at the caption")
  func nestedCaption() throws {
    let folder = try ScratchFolder()
    try folder.write("aml.csv", try String(contentsOfFile: Survfig.data("aml.csv"), encoding: .utf8))
    let caption = String(repeating: "{{#groups}}", count: 22) + "x" + String(repeating: "{{/groups}}", count: 22)
    let template = try folder.write(
      "report.yaml",
      """
      data:
        aml: aml.csv
      figures:
        - id: nested
          data: aml
          time: time
          event: status
          group: x
          caption: '\(caption)'

      """)
    let run = try Survfig.run(["build", template, "--out", folder.path + "/out", "--quiet"])
    #expect(run.status == 1)
    #expect(
      run.standardError
        == "Error: while building figure 'nested' (\(template):4): \(template):9:14: 'figures[0].caption': the caption could render to more than 100,000 characters: a section over a list repeats its text for every item, and sections over lists inside each other for every combination of items; nest fewer of them\n"
    )
  }
}
