import ArgumentParser
import Testing

@testable import SurvfigCLI

/// The usage messages the commands own (the option schema's are in `OptionParityTests`), each
/// asserted verbatim with its exit status 64.
@Suite("Usage messages of the commands themselves")
struct UsageMessageTests {
  static let lung = Survfig.data("lung.csv")
  static let cases: [(arguments: [String], message: String)] = [
    (
      ["km", "--data", lung, "--time", "time", "--event", "status"],
      "Nothing to do: give '--out <file>' for a figure, '--json' for statistics, or both."
    ),
    (
      ["forest", "--data", lung, "--model", "Surv(time, status) ~ age"],
      "Nothing to do: give '--out <file>', '--json', or both."
    ),
    (
      ["swimmer", "--data", lung, "--id", "inst", "--end", "time"], "Nothing to do: give '--out <file>' for the figure."
    ),
    (["ci", "--successes", "0", "--trials", "0"], "'--trials' must be at least 1."),
    (["ci", "--successes", "5", "--trials", "3"], "'--successes' must be between 0 and '--trials' (3)."),
    (
      ["ci", "--successes", "1", "--trials", "3", "--conf-level", "1"],
      "Please give a '--conf-level' between 0 and 1 (e.g. 0.95)."
    ),
    (["build", "t.yaml", "--jobs", "0"], "'--jobs' must be 1 or more."),
    (
      ["km", "--data", lung, "--event", "status", "--json"],
      "'--event' needs '--time', the column of the follow-up time"
    ),
    (
      ["km", "--data", lung, "--time", "time", "--json"],
      "'--time' needs '--event' or '--censor': the column that says which times are events"
    ),
    (
      ["km", "--data", lung, "--time", "AVAL", "--event", "CNSR", "--json"],
      "'--event CNSR' would count ADaM's censorings as events: CNSR is 0 for an event and 1 or more for a censoring. Write '--censor CNSR' instead, or give the codes: '--event-value 0'"
    ),
    (
      ["km", "--data", lung, "--time", "AVAL", "--event", "status", "--censor", "CNSR", "--json"],
      "give either '--event' (the events' column) or '--censor' (the censorings' column), not both"
    ),
    (
      ["cox", "--data", lung, "--model", "Surv(AVAL, CNSR) ~ AGE"],
      "the model's event CNSR would count ADaM's censorings as events: CNSR is 0 for an event and 1 or more for a censoring. Write Surv(AVAL, CNSR == 0), or give the codes: '--event-value 0'"
    ),
    (
      ["km", "--data", lung, "--where", "AGE >", "--json"],
      "'--where' is not a valid expression: expected a value, a column or '(', found the end of the expression\n    AGE >\n         ^"
    ),
    (["cox", "--data", lung], "missing '--model': the model, e.g. \"Surv(time, status) ~ age + factor(stage)\""),
  ]

  @Test("each usage error says what to write, with status 64", arguments: cases.indices)
  func message(_ index: Int) {
    let (arguments, message) = Self.cases[index]
    do {
      _ = try SurvfigCommand.parseAsRoot(arguments)
      Issue.record("\(arguments) was accepted")
    } catch {
      #expect(SurvfigCommand.exitCode(for: error) == .validationFailure)
      #expect(SurvfigCommand.message(for: error) == message)
    }
  }
}

@Suite("Bounded work: axis breaks and lint findings")
struct BoundedWorkTests {
  @Test("an axis step that makes more than 100 breaks is an error naming the step that fits, never a hang")
  func axisBreaks() throws {
    let lung = Survfig.data("lung.csv")
    let folder = try ScratchFolder()
    let fine = try Survfig.run(
      ["km", "--data", lung, "--time", "time", "--event", "status", "--x-by", "0.5", "--out", folder.path + "/k.pdf"])
    #expect(fine.status == 1)
    #expect(
      fine.standardError
        == "Error: an x-axis step of 0.5 up to the last time, 1022, makes 2044 breaks; an axis takes at most 100: use a step of at least 10.22\n"
    )
    let tiny = try Survfig.run(
      ["km", "--data", lung, "--time", "time", "--event", "status", "--x-by", "1e-9", "--x-max", "100", "--json"])
    #expect(tiny.status == 64)
    #expect(
      tiny.standardError.hasPrefix(
        "Error: '--x-by' 1e-09 up to 100 makes 1.0e+11 axis breaks; an axis takes at most 100: use a step of at least 1\n"
      ))
    #expect(folder.files.isEmpty)
  }
}
