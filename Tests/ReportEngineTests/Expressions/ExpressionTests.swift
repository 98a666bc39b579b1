import ClinicalData
import Testing

@testable import Analyses
@testable import Expressions
@testable import ReportEngine
@testable import ReportTemplates
@testable import SurvivalSimulation

@Suite("Template expressions")
struct ExpressionTests {
  static let csv = """
    id,age,sex,stage,diagnosis,death,last_contact,ecog
    1,71,1,III,2019-03-14,2020-03-13,,1
    2,58,2,IV,14/03/2019,,2021-03-14,
    3,,2,II,14 Mar 2019,,15.09.2019,0

    """

  func evaluate(_ source: String) throws -> [ExpressionValue] {
    let table = try DataTable(text: Self.csv, file: "cohort.csv")
    var evaluator = ExpressionEvaluator(table: table)
    return try evaluator.values(of: try ExpressionParser.parse(source), source: source)
  }

  @Test("arithmetic, comparisons and if-then-else, with missing values propagating")
  func arithmetic() throws {
    #expect(try evaluate("age / 10 + 1") == [.number(8.1), .number(6.8), .missing])
    #expect(try evaluate("if age >= 65 then \"65+\" else \"<65\"") == [.text("65+"), .text("<65"), .missing])
    #expect(try evaluate("-age * 2") == [.number(-142), .number(-116), .missing])
    #expect(try evaluate("age is missing") == [.boolean(false), .boolean(false), .boolean(true)])
    #expect(try evaluate("ecog is not missing") == [.boolean(true), .boolean(false), .boolean(true)])
  }

  @Test("three-valued and/or as R's, in with lists, recode with else")
  func logic() throws {
    #expect(try evaluate("age > 60 and sex == 1") == [.boolean(true), .boolean(false), .boolean(false)])
    #expect(try evaluate("age > 60 and sex == 2") == [.boolean(false), .boolean(false), .missing])
    #expect(try evaluate("age > 60 or sex == 2") == [.boolean(true), .boolean(true), .boolean(true)])
    #expect(try evaluate("age > 80 or age is missing") == [.boolean(false), .boolean(false), .boolean(true)])
    #expect(try evaluate("stage in (\"III\", \"IV\")") == [.boolean(true), .boolean(true), .boolean(false)])
    #expect(try evaluate("not stage in (\"III\", \"IV\")") == [.boolean(false), .boolean(false), .boolean(true)])
    #expect(try evaluate("stage not in (\"IV\")") == [.boolean(true), .boolean(false), .boolean(true)])
    #expect(
      try evaluate("recode(sex, 1: \"Male\", 2: \"Female\")") == [.text("Male"), .text("Female"), .text("Female")])
    #expect(
      try evaluate("recode(stage, \"IV\": \"metastatic\", else: \"local\")") == [
        .text("local"), .text("metastatic"), .text("local"),
      ])
    #expect(
      try evaluate("recode(stage, \"IV\" = \"metastatic\", else = \"local\")") == [
        .text("local"), .text("metastatic"), .text("local"),
      ])
    #expect(try evaluate("max(age, 60) > 65 and sex == 1") == [.boolean(true), .boolean(false), .boolean(false)])
  }

  @Test("dates in ISO and day-first forms; durations in days, weeks, months (30.4375 d) and years")
  func dates() throws {
    #expect(try evaluate("date(diagnosis)") == [.date(17969), .date(17969), .date(17969)])
    #expect(
      try evaluate("days_between(diagnosis, coalesce(death, last_contact))") == [
        .number(365), .number(731), .number(185),
      ])
    #expect(
      try evaluate("months_between(diagnosis, coalesce(death, last_contact))") == [
        .number(365 / 30.4375), .number(731 / 30.4375), .number(185 / 30.4375),
      ])
    #expect(try evaluate("years_between(diagnosis, death)") == [.number(365 / 365.25), .missing, .missing])
    #expect(try evaluate("weeks_between(\"2020-01-01\", \"2020-01-15\")") == [.number(2), .number(2), .number(2)])
    #expect(
      try evaluate("date(\"03/14/2019\", \"MM/DD/YYYY\") == date(diagnosis)") == [
        .boolean(true), .boolean(true), .boolean(true),
      ])
    #expect(ExpressionValue.date(17969).cell == "2019-03-14")
  }

  @Test("functions: min, max, round, log, coalesce")
  func functions() throws {
    #expect(try evaluate("round(age / 7, 2)") == [.number(10.14), .number(8.29), .missing])
    #expect(try evaluate("max(age, 60)") == [.number(71), .number(60), .missing])
    #expect(try evaluate("coalesce(age, 0)") == [.number(71), .number(58), .number(0)])
    #expect(try evaluate("log(1)") == [.number(0), .number(0), .number(0)])
  }

  @Test(
    "errors point at the offending character",
    arguments: [
      ("age >= ", "expected a value, a column or '(', found the end of the expression", 7),
      ("age = 65", "'=' is not an operator; compare with '=='", 4),
      ("if age > 65 then 1", "expected 'else' (every 'if' needs one), found the end of the expression", 18),
      ("\"open", "the text starting here has no closing \"", 0),
      ("age 65", "unexpected the number 65 after the end of the expression", 4),
      (
        "months_between(start, coalesce(end, 2019-12-31))",
        "an unquoted date reads as arithmetic (2019 - 12 - 31); write dates in quotes: \"2019-12-31\"", 36
      ),
      (
        "date_of_death < 2020-03-05",
        "an unquoted date reads as arithmetic (2020 - 3 - 5); write dates in quotes: \"2020-03-05\"", 16
      ),
      (
        "days_between(start, 31/12/2019)",
        "an unquoted date reads as arithmetic (31 / 12 / 2019); write dates in quotes: \"31/12/2019\"", 20
      ),
    ])
  func syntaxErrors(source: String, message: String, offset: Int) {
    #expect(throws: ExpressionError(message, offset: offset, source: source)) { try ExpressionParser.parse(source) }
  }

  @Test("arithmetic that merely looks like a date is left alone")
  func notDates() throws {
    #expect(try evaluate("2019 - 12 - 31") == [.number(1976), .number(1976), .number(1976)])
    #expect(try evaluate("age - 12-31") == [.number(28), .number(15), .missing])
    #expect(try evaluate("2019-13-01") == [.number(2005), .number(2005), .number(2005)])
    #expect(try evaluate("10/4/2") == [.number(1.25), .number(1.25), .number(1.25)])
  }

  @Test("evaluation errors name the column, function or row")
  func evaluationErrors() throws {
    let unknown = try #require(throws: ExpressionError.self) { try evaluate("agee > 60") }
    #expect(
      unknown.message
        == "unknown column 'agee' in cohort.csv. Did you mean 'age'? Available columns: id, age, sex, stage, diagnosis, death, last_contact, ecog"
    )
    #expect(unknown.offset == 0)
    let function = try #require(throws: ExpressionError.self) { try evaluate("mean(age)") }
    #expect(function.message == "unknown function 'mean'.")
    let types = try #require(throws: ExpressionError.self) { try evaluate("stage + 1") }
    #expect(types.message == "'+' needs numbers, found text and a number (row at cohort.csv:2)")
    #expect(types.offset == 6)
    let date = try #require(throws: ExpressionError.self) { try evaluate("days_between(stage, death)") }
    #expect(
      date.message
        == "'III' is not a date (use YYYY-MM-DD, DD/MM/YYYY, DD.MM.YYYY or date(x, \"MM/DD/YYYY\")) (row at cohort.csv:2)"
    )
  }

  @Test("derived columns and row subsets keep each row's source line")
  func derivedTable() throws {
    let table = try DataTable(text: Self.csv, file: "cohort.csv")
    var evaluator = ExpressionEvaluator(table: table)
    let rows = try evaluator.rows(where: try ExpressionParser.parse("sex == 2"), source: "sex == 2")
    #expect(rows == [1, 2])
    let derived = table.rows(rows).appending(DataTable.NewColumn(name: "older", texts: [nil, "no"]))
    #expect(derived.rowCount == 2)
    #expect(derived.columnNames.last == "older")
    #expect(try derived.column(named: "older").textValues() == [nil, "no"])
    #expect(try derived.column(named: "id").textValues() == ["2", "3"])
    #expect(derived.line(ofRow: 1) == 4)
    #expect(derived.location(row: 1, column: 1).description == "cohort.csv:4:2")
    // A derived value is at its row's line; no field of the file holds it.
    #expect(derived.location(row: 1, column: derived.columnNames.count - 1).description == "cohort.csv:4")
    // Views of views compose.
    let last = derived.rows([1])
    #expect(try last.column(named: "older").textValues() == ["no"] && last.line(ofRow: 0) == 4)
  }
}
