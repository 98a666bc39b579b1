import ClinicalData
import Foundation
import Testing

@testable import Expressions
@testable import ReportTemplates

/// Hostile expressions: nesting and length past the limits are located errors, and everything
/// within them parses, walks and evaluates without running out of stack.
@Suite("Template expressions: limits")
struct ExpressionLimitTests {
  func evaluate(_ source: String) throws -> [ExpressionValue] {
    let table = try DataTable(text: ExpressionTests.csv, file: "cohort.csv")
    var evaluator = ExpressionEvaluator(table: table)
    return try evaluator.values(of: try ExpressionParser.parse(source), source: source)
  }

  static let tooDeep =
    "the expression nests more than 200 levels deep here (parentheses, function calls, 'if', 'not' and '-' inside each other); split it into derived columns"

  @Test("10,000 nested parentheses are an error at the first level past 200, not a stack overflow")
  func deepParentheses() throws {
    let source = String(repeating: "(", count: 10_000) + "age" + String(repeating: ")", count: 10_000)
    #expect(throws: ExpressionError(Self.tooDeep, offset: 200, source: source)) { try ExpressionParser.parse(source) }
    // The whole expression is the first level: 199 parentheses are the deepest allowed.
    let deepest = String(repeating: "(", count: 199) + "age" + String(repeating: ")", count: 199)
    #expect(try evaluate(deepest) == [.number(71), .number(58), .missing])
    let over = String(repeating: "(", count: 200) + "age" + String(repeating: ")", count: 200)
    #expect(throws: ExpressionError(Self.tooDeep, offset: 200, source: over)) { try ExpressionParser.parse(over) }
  }

  @Test("'not', unary minus, function calls and if-then-else nest as levels too")
  func otherNesting() throws {
    let nots = String(repeating: "not ", count: 300) + "age > 60"
    #expect(throws: ExpressionError(Self.tooDeep, offset: 199 * 4, source: nots)) { try ExpressionParser.parse(nots) }
    let minus = String(repeating: "-", count: 300) + "age"
    #expect(throws: ExpressionError(Self.tooDeep, offset: 199, source: minus)) { try ExpressionParser.parse(minus) }
    let calls = String(repeating: "abs(", count: 300) + "age" + String(repeating: ")", count: 300)
    #expect(throws: ExpressionError(Self.tooDeep, offset: 200 * 4, source: calls)) { try ExpressionParser.parse(calls) }
    let ifs = String(repeating: "if age > 60 then 1 else ", count: 300) + "0"
    #expect(throws: ExpressionError(Self.tooDeep, offset: 199 * 24 + 3, source: ifs)) {
      try ExpressionParser.parse(ifs)
    }
    // Within the limit every one evaluates.
    #expect(
      try evaluate(String(repeating: "not ", count: 198) + "age > 60") == [.boolean(true), .boolean(false), .missing])
    #expect(try evaluate(String(repeating: "-", count: 198) + "age") == [.number(71), .number(58), .missing])
    #expect(
      try evaluate(String(repeating: "abs(", count: 198) + "-age" + String(repeating: ")", count: 198)) == [
        .number(71), .number(58), .missing,
      ])
  }

  @Test("a 20,000-term sum is an error at the 10,001st term, not a stack overflow")
  func tooManyTerms() throws {
    let source = Array(repeating: "age", count: 20_000).joined(separator: "+")
    #expect(
      throws: ExpressionError(
        "the expression holds more than 10,000 values and columns; split it into derived columns", offset: 40_000,
        source: source)
    ) { try ExpressionParser.parse(source) }
  }

  @Test("a chain of 10,000 terms, as deep as it is long, walks and evaluates in a loop")
  func longestChain() throws {
    let sum = Array(repeating: "age", count: ExpressionParser.maximumTerms).joined(separator: " + ")
    let expression = try ExpressionParser.parse(sum)
    #expect(expression.columns.count == 10_000)
    #expect(expression.columns.last?.offset == 9_999 * 6)
    #expect(try evaluate(sum) == [.number(710_000), .number(580_000), .missing])
    let conjunction = Array(repeating: "age > 60", count: 5_000).joined(separator: " and ")
    #expect(try evaluate(conjunction) == [.boolean(true), .boolean(false), .missing])
    // Left to right, as written: 1 - 1 - 1 - … is 1 − 9,999.
    #expect(
      try evaluate(Array(repeating: "1", count: 10_000).joined(separator: " - "))
        == Array(repeating: .number(-9_998), count: 3))
  }

  @Test("the columns of an expression come in the order they are written")
  func columnOrder() throws {
    let expression = try ExpressionParser.parse(
      "if not (age is missing) then recode(stage, \"IV\": ecog, else: sex) else -death in (id, 2)")
    #expect(expression.columns.map(\.name) == ["age", "stage", "ecog", "sex", "death", "id"])
  }

  @Test("a date-like literal too long for a number of days is arithmetic, not a crash")
  func longDateLikeLiteral() throws {
    // Was a trap: the parts were converted with Int(…)! before their length was checked.
    #expect(try evaluate("age > 2020-99999999999999999999-01") == [.boolean(true), .boolean(true), .missing])
    #expect(try evaluate("2020-99999-01") == [.number(2020 - 99_999 - 1), .number(-97_980), .number(-97_980)])
    #expect(ExpressionParser.unquotedDate(Array("99999999999999999999/12/2019"), at: 0) == nil)
  }

  @Test("a filter too deep in a template is located at its key, line and column")
  func templateFilter() throws {
    let filter = String(repeating: "(", count: 250) + "time > 0" + String(repeating: ")", count: 250)
    let yaml = """
      data:
        aml: data/aml.csv
      figures:
        - id: deep
          data: aml
          time: time
          event: status
          filter: '\(filter)'
      """
    let folder = try TemplateFolder(template: yaml)
    let error = try #require(throws: TemplateError.self) { try ReportTemplate(contentsOfFile: folder.templatePath) }
    // The 80 characters around the 201st parenthesis, under which the caret stands.
    let shown = "…" + String(Array(filter)[160..<240]) + "…"
    #expect(
      error.description
        == "\(folder.templatePath):8:214: 'figures[0].filter': \(Self.tooDeep)\n    \(shown)\n    \(String(repeating: " ", count: 41))^"
    )
  }

  @Test("a long expression's caret display shows the 80 characters around the error, cut ends marked")
  func longPointer() {
    let source = Array(repeating: "age", count: 60).joined(separator: " + ") + " > 3 and (sex == 1"
    let error = ExpressionError("expected ')'", offset: source.count, source: source)
    let lines = error.pointer.split(separator: "\n").map(String.init)
    #expect(lines[0] == "…" + String(source.suffix(80)))
    #expect(lines[1] == String(repeating: " ", count: 81) + "^")
    let middle = ExpressionError("x", offset: 100, source: source).pointer.split(separator: "\n").map(String.init)
    #expect(middle[0].hasPrefix("…") && middle[0].hasSuffix("…") && middle[0].count == 82)
    #expect(middle[1].count - 1 == 1 + 40)
    #expect(Array(middle[0])[41] == Array(source)[100])
    let short = ExpressionError("x", offset: 4, source: "age > ").pointer
    #expect(short == "age > \n    ^")
  }
}
