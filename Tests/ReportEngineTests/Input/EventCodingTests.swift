import ClinicalData
import Testing

@testable import Analyses
@testable import Expressions
@testable import ReportEngine
@testable import ReportTemplates
@testable import SurvivalSimulation

@Suite("Event coding")
struct EventCodingTests {
  func events(_ values: [String], _ coding: EventCoding = .automatic) throws -> (
    coding: EventCoding, events: [Bool]
  ) {
    let text =
      "time,status\n"
      + values.enumerated().map { "\($0.offset + 1),\($0.element)" }
      .joined(separator: "\n")
    let data = try survivalColumns(
      text, SurvivalColumnMapping(time: "time", event: "status", eventCoding: coding))
    return (data.eventCoding, data.events)
  }

  func error(_ values: [String], _ coding: EventCoding = .automatic) throws -> String? {
    let text =
      "time,status\n"
      + values.enumerated().map { "\($0.offset + 1),\($0.element)" }
      .joined(separator: "\n")
    return try mappingError(
      text, named: "trial.csv",
      SurvivalColumnMapping(time: "time", event: "status", eventCoding: coding))
  }

  @Test("Automatic: 0/1 means 1 = event (R: Surv(time, status), veteran, aml)")
  func zeroOne() throws {
    let result = try events(["0", "1", "1", "0"])
    #expect(result.coding == .zeroOne)
    #expect(result.events == [false, true, true, false])
    #expect(try events(["1", "1"]) == (.zeroOne, [true, true]))  // R: max(status) != 2
    #expect(try events(["0", "0"]) == (.zeroOne, [false, false]))
    #expect(try events(["0.0", "1.0"]) == (.zeroOne, [false, true]))
  }

  @Test("Automatic: 1/2 means 2 = event (R: lung)")
  func oneTwo() throws {
    #expect(try events(["2", "1", "2"]) == (.oneTwo, [true, false, true]))
    #expect(try events(["2", "2"]) == (.oneTwo, [true, true]))
  }

  @Test("Automatic: logical values, TRUE = event")
  func logical() throws {
    #expect(try events(["TRUE", "FALSE"]) == (.logical, [true, false]))
    #expect(
      try events(["T", "F", "true", "false", "True", "False"]) == (
        .logical, [true, false, true, false, true, false]
      ))
  }

  @Test("Only an event value: its complement in R's codings is censored")
  func eventValueOnly() throws {
    let lung = EventCoding(eventValue: "2", censorValues: [])
    #expect(lung == .values(event: "2", censored: []))
    let resolved = try events(["1", "2", "2.0"], lung)
    #expect(resolved.events == [false, true, true])
    #expect(resolved.coding == .values(event: "2", censored: ["1"]))
    #expect(
      try events(["0", "1", "1"], .values(event: "1", censored: [])) == (
        .values(event: "1", censored: ["0"]), [false, true, true]
      ))
    // CDISC ADaM CNSR: 0 = event, 1 = censored.
    #expect(try events(["0", "1"], .values(event: "0", censored: [])).events == [true, false])
    #expect(try events(["TRUE", "F", "false"], .values(event: "TRUE", censored: [])).events == [true, false, false])
    #expect(EventCoding.defaultCensoringCode(forEvent: "1") == "0")
    #expect(EventCoding.defaultCensoringCode(forEvent: "2.0") == "1")
    #expect(EventCoding.defaultCensoringCode(forEvent: "T") == "FALSE")
    #expect(EventCoding.defaultCensoringCode(forEvent: "dead") == nil)
  }

  @Test("Only an event value: any other code is an error proposing '--censor-value'")
  func eventValueOnlyRejectsOtherCodes() throws {
    #expect(
      try error(["0", "1", "7", "1", "7"], .values(event: "1", censored: []))
        == "trial.csv:4:2: column 'status' has event code '7' (and 1 more row), which is neither the event code '1' nor the default censoring code '0'; if it marks censoring, list every censoring code with '--censor-value 0,7'"
    )
    // pbc: 0 censored, 1 transplant, 2 dead; R's status == 2 would count 0 as censored silently.
    #expect(
      try error(["0", "1", "2"], .values(event: "2", censored: []))
        == "trial.csv:2:2: column 'status' has event code '0', which is neither the event code '2' nor the default censoring code '1'; if it marks censoring, list every censoring code with '--censor-value 0,1'"
    )
    #expect(
      try error(["alive", "dead", "lost"], .values(event: "dead", censored: []))
        == "trial.csv:2:2: column 'status' has event code 'alive' (and 1 more row), which is not the event code 'dead'; if it marks censoring, list every censoring code with '--censor-value alive,lost'"
    )
    #expect(try events(["alive", "dead"], .values(event: "dead", censored: ["alive"])).events == [false, true])
  }

  @Test("Only censoring values: everything else is an event (R: !(CNSR %in% c(1, 2)))")
  func censorValuesOnly() throws {
    let cnsr = EventCoding(eventValue: nil, censorValues: ["1", " 2"])
    #expect(cnsr == .values(event: nil, censored: ["1", "2"]))
    #expect(try events(["0", "1", "2", "0"], cnsr).events == [true, false, false, true])
  }

  @Test("Event and censoring values: exactly those are accepted")
  func eventAndCensorValues() throws {
    let pbc = EventCoding(eventValue: "2", censorValues: ["0", "1"])
    #expect(try events(["0", "1", "2"], pbc).events == [false, false, true])
    let cnsr = EventCoding(eventValue: "0", censorValues: ["1", "2", "3"])
    #expect(try events(["0", "3", "1"], cnsr).events == [true, false, false])
  }

  @Test("No values given means automatic detection")
  func automaticFromOptions() {
    #expect(EventCoding(eventValue: nil, censorValues: []) == .automatic)
    #expect(EventCoding(eventValue: " ", censorValues: [""]) == .automatic)
  }

  @Test("Descriptions")
  func descriptions() {
    #expect(EventCoding.automatic.description == "automatic")
    #expect(EventCoding.zeroOne.description == "0/1 (1 = event)")
    #expect(EventCoding.oneTwo.description == "1/2 (2 = event)")
    #expect(EventCoding.logical.description == "TRUE/FALSE (TRUE = event)")
    #expect(
      EventCoding.values(event: "2", censored: []).description
        == "'2' = event, other values censored")
    #expect(
      EventCoding.values(event: nil, censored: ["1", "2"]).description
        == "'1', '2' = censored, other values events")
    #expect(
      EventCoding.values(event: "0", censored: ["1", "2"]).description
        == "'0' = event, '1', '2' = censored")
  }

  @Test("Automatic detection fails on other codes, naming the first offending row")
  func undetectable() throws {
    // pbc's status: 0 censored, 1 transplant, 2 dead.
    #expect(
      try error(["0", "1", "2", "2"])
        == "trial.csv:4:2: column 'status' has event code '2', but automatic detection accepts only 0/1 (1 = event), 1/2 (2 = event) or TRUE/FALSE; the column has '0', '1', '2'. Give the event code with '--event-value' and any censoring codes with '--censor-value'"
    )
    #expect(
      try error(["2", "3", "1"])
        == "trial.csv:3:2: column 'status' has event code '3', but automatic detection accepts only 0/1 (1 = event), 1/2 (2 = event) or TRUE/FALSE; the column has '1', '2', '3'. Give the event code with '--event-value' and any censoring codes with '--censor-value'"
    )
    #expect(
      try error(["alive", "dead"])
        == "trial.csv:2:2: column 'status' has event code 'alive', but automatic detection accepts only 0/1 (1 = event), 1/2 (2 = event) or TRUE/FALSE; the column has 'alive', 'dead'. Give the event code with '--event-value' and any censoring codes with '--censor-value'"
    )
    #expect(
      try error(["0", "1", "TRUE"])
        == "trial.csv:4:2: column 'status' has event code 'TRUE', but automatic detection accepts only 0/1 (1 = event), 1/2 (2 = event) or TRUE/FALSE; the column has '0', '1', 'TRUE'. Give the event code with '--event-value' and any censoring codes with '--censor-value'"
    )
  }

  @Test("Given codes reject other values, naming the first row and counting the rest")
  func unexpectedCode() throws {
    let cnsr = EventCoding.values(event: "0", censored: ["1", "2"])
    #expect(
      try error(["0", "1", "3", "2", "4", "3"], cnsr)
        == "trial.csv:4:2: column 'status' has event code '3' (and 2 more rows); the accepted codes are '0' (event) and '1', '2' (censored). List it with '--censor-value' if it marks censoring"
    )
    #expect(
      try error(["0", "1", "9"], cnsr)
        == "trial.csv:4:2: column 'status' has event code '9'; the accepted codes are '0' (event) and '1', '2' (censored). List it with '--censor-value' if it marks censoring"
    )
  }

  @Test("A coding given as R's convention rejects other values too")
  func unexpectedCodeForConventions() throws {
    #expect(
      try error(["1", "2", "2"], .zeroOne)
        == "trial.csv:3:2: column 'status' has event code '2' (and 1 more row); the accepted codes are '0' (censored) and '1' (event). Give the event code with '--event-value' and any censoring codes with '--censor-value'"
    )
    #expect(
      try error(["0", "1"], .oneTwo)
        == "trial.csv:2:2: column 'status' has event code '0'; the accepted codes are '1' (censored) and '2' (event). Give the event code with '--event-value' and any censoring codes with '--censor-value'"
    )
    #expect(
      try error(["TRUE", "yes"], .logical)
        == "trial.csv:3:2: column 'status' has event code 'yes'; the accepted codes are TRUE (event) and FALSE (censored). Give the event code with '--event-value' and any censoring codes with '--censor-value'"
    )
    #expect(try events(["1", "2"], .oneTwo) == (.oneTwo, [false, true]))
    #expect(try events(["T", "FALSE"], .logical) == (.logical, [true, false]))
  }

  @Test("An event code that does not occur, or that is also a censoring code")
  func inconsistentCodes() throws {
    #expect(
      try error(["0", "1"], .values(event: "2", censored: []))
        == "trial.csv: the event code '2' does not occur in column 'status'; its values are '0', '1'"
    )
    #expect(
      try error(["0", "1"], .values(event: "1", censored: ["0", "1.0"]))
        == "the event code '1' is also listed as a censoring code; a code cannot mean both")
  }
}
