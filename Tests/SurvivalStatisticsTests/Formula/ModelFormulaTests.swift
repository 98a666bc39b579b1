import SurvivalStatistics
import Testing

@Suite("R model formulas")
struct ModelFormulaTests {
  private func labels(_ text: String) throws -> [String] {
    try ModelFormula(parsing: text).terms.map(\.label)
  }

  @Test("crossing, interactions, powers, removal and nesting expand as R's terms()")
  func termAlgebra() throws {
    #expect(
      try labels("Surv(time, status) ~ age + sex * ph.ecog") == [
        "age", "sex", "ph.ecog", "sex:ph.ecog",
      ])
    // R: attr(terms(~ b:a + a + b + c), "term.labels")
    #expect(try labels("Surv(t, s) ~ b:a + a + b + c") == ["a", "b", "c", "b:a"])
    // R: attr(terms(~ (a + b + c)^2 - a:b), "term.labels")
    #expect(try labels("Surv(t, s) ~ (a + b + c)^2 - a:b") == ["a", "b", "c", "a:c", "b:c"])
    #expect(try labels("Surv(t, s) ~ a/b") == ["a", "a:b"])
    #expect(try labels("Surv(t, s) ~ a + b - a + 1") == ["b"])
    #expect(try labels("Surv(t, s) ~ -1 + a") == ["a"])
  }

  @Test("term labels deparse like R")
  func deparse() throws {
    // R: attr(terms(~ I(x /10) + I((x-50)/10) + log(x) + I(x^2) + I(-x) + I(x*100000)
    //   + relevel(factor(x), ref="B") + I(x-0.0001) + `weird name`), "term.labels")
    let text =
      "Surv(t, s) ~ I(x /10) + I((x-50)/10) + log(x) + I(x^2) + I(-x) + I(x*100000) + relevel(factor(x), ref='B') + I(x-0.0001) + `weird name`"
    #expect(
      try labels(text) == [
        "I(x/10)", "I((x - 50)/10)", "log(x)", "I(x^2)", "I(-x)", "I(x * 1e+05)",
        "relevel(factor(x), ref = \"B\")", "I(x - 1e-04)", "`weird name`",
      ])
  }

  @Test("response and strata")
  func responseAndStrata() throws {
    let formula = try ModelFormula(
      parsing: "Surv(time, status == 2) ~ age + strata(sex) + strata(ph.ecog, inst)")
    #expect(formula.time.description == "time")
    #expect(formula.event.description == "status == 2")
    #expect(formula.terms.map(\.label) == ["age"])
    #expect(formula.strata.map(\.description) == ["sex", "ph.ecog", "inst"])
    #expect(formula.description == "Surv(time, status == 2) ~ age + strata(sex, ph.ecog, inst)")
  }

  @Test(
    "parse errors point at the offending character",
    arguments: [
      (
        "Surv(time, status ~ age",
        "expected ')' at column 19\n  Surv(time, status ~ age\n                    ^"
      ),
      (
        "Surv(time, status) ~ age +",
        "unexpected end of formula at column 27\n  Surv(time, status) ~ age +\n                            ^"
      ),
      (
        "Surv(time, status) age",
        "unexpected 'age' at column 20\n  Surv(time, status) age\n                     ^"
      ),
      (
        "time ~ age", "the left-hand side must be Surv(time, status) at column 1\n  time ~ age\n  ^"
      ),
      (
        "Surv(time, status) ~ age + strata(inst):sex",
        "strata() cannot be part of an interaction at column 28\n  Surv(time, status) ~ age + strata(inst):sex\n                             ^"
      ),
      (
        "Surv(time, status) ~ age + `sex",
        "unterminated backquoted name at column 28\n  Surv(time, status) ~ age + `sex\n                             ^"
      ),
      (
        "Surv(time, status) ~ age $ sex",
        "unexpected character '$' at column 26\n  Surv(time, status) ~ age $ sex\n                           ^"
      ),
      (
        "Surv(time, status) ~ (age + sex",
        "expected ')' at column 32\n  Surv(time, status) ~ (age + sex\n                                 ^"
      ),
      (
        "Surv(time, status) ~ age + 2",
        "invalid model term '2' at column 28\n  Surv(time, status) ~ age + 2\n                             ^"
      ),
      (
        "Surv(time, status) ~ age + foo(sex)",
        "unknown function 'foo'; supported functions are 'Surv', 'strata', 'cluster', 'factor', 'relevel', 'I', 'log', 'log2', 'log10', 'log1p', 'sqrt', 'exp', 'abs' at column 28\n  Surv(time, status) ~ age + foo(sex)\n                             ^"
      ),
    ])
  func parseErrors(_ text: String, _ message: String) {
    #expect(throws: FormulaParseError.self) { try ModelFormula(parsing: text) }
    do {
      _ = try ModelFormula(parsing: text)
    } catch {
      #expect(error.description == message)
    }
  }

  @Test("numbers print as R prints them")
  func numbers() {
    #expect(FormulaExpression.formatNumber(50) == "50")
    #expect(FormulaExpression.formatNumber(0.5) == "0.5")
    #expect(FormulaExpression.formatNumber(100_000) == "1e+05")
    #expect(FormulaExpression.formatNumber(123_456) == "123456")
    #expect(FormulaExpression.formatNumber(0.001) == "0.001")
    #expect(FormulaExpression.formatNumber(0.0001) == "1e-04")
    #expect(FormulaExpression.formatNumber(1.0 / 3) == "0.333333333333333")
  }
}
