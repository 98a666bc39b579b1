import SurvivalStatistics
import Testing

/// Hostile model formulas: nesting, length and term expansion past the limits are errors at a
/// column, and formulas within them parse without running out of stack or time.
@Suite("R model formulas: limits")
struct FormulaLimitTests {
  private func error(_ text: String) throws -> FormulaParseError {
    try #require(throws: FormulaParseError.self) { try ModelFormula(parsing: text) }
  }

  @Test("8,000 nested parentheses are an error at the first level past 100, not a stack overflow")
  func deepParentheses() throws {
    let text =
      "Surv(time, status) ~ " + String(repeating: "(", count: 8_000) + "x" + String(repeating: ")", count: 8_000)
    #expect(
      try error(text)
        == FormulaParseError(
          message:
            "the formula nests more than 100 levels deep here (parentheses, function calls, signs and powers inside each other); write it with fewer parentheses",
          column: 122, formula: text))
    let deepest = "Surv(time, status) ~ " + String(repeating: "(", count: 99) + "x" + String(repeating: ")", count: 99)
    #expect(try ModelFormula(parsing: deepest).terms.map(\.label) == ["x"])
  }

  @Test("signs and calls nest as levels too")
  func deepSignsAndCalls() throws {
    let signs = "Surv(time, status) ~ " + String(repeating: "-", count: 5_000) + "x"
    #expect(try error(signs).column == 22 + 99)
    let calls =
      "Surv(time, status) ~ " + String(repeating: "log(", count: 5_000) + "x" + String(repeating: ")", count: 5_000)
    #expect(try error(calls).column == 22 + 100 * 4)
  }

  @Test("more than 1,000 names and numbers are an error at the first one past the limit")
  func tooManyOperands() throws {
    let text = "Surv(time, status) ~ " + (1...2_000).map { "x\($0)" }.joined(separator: " + ")
    // Surv, time and status count: the 1,001st is x998.
    let column = text.distance(from: text.startIndex, to: try #require(text.range(of: " x998 ")).lowerBound) + 2
    #expect(
      try error(text)
        == FormulaParseError(
          message: "the formula holds more than 1,000 names and numbers; a model needs far fewer", column: column,
          formula: text))
  }

  @Test("crossing ten variables makes 1,023 terms: an error at the tenth, before the terms are built")
  func tooManyTerms() throws {
    let text = "Surv(t, s) ~ a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*q*r*s*t*u*v*w*x*y*z"
    #expect(
      try error(text)
        == FormulaParseError(
          message:
            "the formula expands to more than 1,000 model terms here (crossing with '*', ':', '/' and '^' multiplies terms); write out the interactions the model needs",
          column: 32, formula: text))
    // Nine variables crossed are 511 terms, within the limit.
    #expect(try ModelFormula(parsing: "Surv(t, s) ~ a*b*c*d*e*f*g*h*i").terms.count == 511)
  }

  @Test("interactions that combine more than 1,000,000 pairs of terms are an error, however few terms result")
  func tooManyCombinations() throws {
    // Each factor is all 511 interactions of nine variables; each ':' combines 511 × 511 pairs
    // into the same 511 terms.
    let factor = "(x1+x2+x3+x4+x5+x6+x7+x8+x9)^9"
    let text = "Surv(t, s) ~ " + Array(repeating: factor, count: 6).joined(separator: ":")
    #expect(
      try error(text)
        == FormulaParseError(
          message:
            "crossing terms here combines more than 1,000,000 pairs of terms; write out the interactions the model needs",
          column: 14 + 4 * 31, formula: text))
  }

  @Test("a huge or infinite power adds nothing once every interaction is there, and does not trap")
  func hugePowers() throws {
    #expect(try ModelFormula(parsing: "Surv(t, s) ~ (a + b)^1e999").terms.map(\.label) == ["a", "b", "a:b"])
    #expect(
      try ModelFormula(parsing: "Surv(t, s) ~ (a + b + c)^1e18").terms.map(\.label) == [
        "a", "b", "c", "a:b", "a:c", "b:c", "a:b:c",
      ])
    #expect(try ModelFormula(parsing: "Surv(t, s) ~ (a + b)^4").terms.map(\.label) == ["a", "b", "a:b"])
  }

  @Test("a reference level given as a number too large for an index is an unknown level, not a trap")
  func hugeReferenceLevel() throws {
    let data = ModelData(columns: [
      "time": .numeric([1, 2, 3]), "status": .numeric([1, 0, 1]), "grade": .categorical(["a", "b", "a"], levels: nil),
    ])
    // Was a trap: Int(1e300) before the range check.
    for (reference, shown) in [("1e300", "1e+300"), ("1e999", "Inf"), ("0", "0"), ("3", "3"), ("1.5", "1.5")] {
      let formula = try ModelFormula(parsing: "Surv(time, status) ~ relevel(grade, \(reference))")
      let error = try #require(throws: ModelFrameError.self) { try ModelFrame(formula: formula, data: data) }
      #expect(
        error.message == "'relevel(grade, \(shown))': '\(shown)' is not a level; the levels are 'a', 'b'")
    }
    let formula = try ModelFormula(parsing: "Surv(time, status) ~ relevel(grade, 2)")
    #expect(try ModelFrame(formula: formula, data: data).design.labels.map(\.name) == ["relevel(grade, 2)a"])
  }

  @Test("a chain of 996 terms, as deep as it is long, parses, deparses and evaluates")
  func longestChain() throws {
    let formula = try ModelFormula(
      parsing: "Surv(time, status) ~ I(" + Array(repeating: "x", count: 996).joined(separator: " + ") + ")")
    #expect(formula.terms.count == 1)
    #expect(formula.terms[0].label.count == 3 + 996 + 995 * 3)
    let data = ModelData(columns: [
      "time": .numeric([1, 2, 3]), "status": .numeric([1, 0, 1]), "x": .numeric([1, 2, 3]),
    ])
    let frame = try ModelFrame(formula: formula, data: data)
    #expect(frame.design.columns == [[996, 1_992, 2_988]])
  }
}
