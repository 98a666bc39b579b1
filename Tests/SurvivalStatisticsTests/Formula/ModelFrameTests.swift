import SurvivalStatistics
import Testing

@Suite("Model frames and design matrices")
struct ModelFrameTests {
  private let small = ModelData(columns: [
    "time": .numeric([5, 8, 3, 9, 4, 7, 6, 2]),
    "status": .numeric([1, 2, 2, 1, 2, .nan, 2, 1]),
    "grade": .categorical(["b", "a", "B", "10", "2", "a", nil, "b"], levels: nil),
    "dose": .categorical(["10", "2", "1.5", "2", "10", "1.5", "2", "10"], levels: nil),
    "x": .numeric([1, 2, 3, 4, 5, 6, 7, 8]),
  ])

  @Test("factor levels: numeric codes numerically, text by code point; rows with NA dropped")
  func levelsAndMissing() throws {
    let frame = try ModelFrame(
      formula: ModelFormula(parsing: "Surv(time, status) ~ grade + dose"), data: small)
    #expect(frame.droppedRowCount == 2)
    #expect(frame.rows == [0, 1, 2, 3, 4, 7])
    // status 1/2 coding: 2 = event.
    #expect(frame.events == [false, true, true, false, true, false])
    #expect(
      frame.design.columnNames == ["grade2", "gradeB", "gradea", "gradeb", "dose2", "dose10"])
    #expect(frame.design.terms.map(\.label) == ["grade", "dose"])
    #expect(frame.design.terms.map(\.columns) == [0..<4, 4..<6])
    let label = frame.design.labels[4]
    #expect(label.term == "dose" && label.level == "2" && label.reference == "1.5")
  }

  @Test("coded columns make the same frame as their texts: levels, references, missing codes, strata")
  func codedColumns() throws {
    // The labels in another order than their levels, one unused, and a missing code.
    let grade = ModelData.Column.coded([2, 0, 3, 4, 1, 0, -1, 2], labels: ["a", "2", "b", "B", "10", "unused"])
    let dose = ModelData.Column.coded([0, 1, 2, 1, 0, 2, 1, 0], labels: ["10", "2", "1.5"])
    var columns: [String: ModelData.Column] = ["grade": grade, "dose": dose]
    for name in ["time", "status", "x"] { columns[name] = small[name] }
    let formulas = [
      "Surv(time, status) ~ grade + dose", "Surv(time, status) ~ relevel(grade, ref = \"b\") + x",
      "Surv(time, status) ~ factor(dose):x + strata(grade)", "Surv(time, grade == \"a\") ~ dose",
    ]
    for text in formulas {
      let formula = try ModelFormula(parsing: text)
      let coded = try ModelFrame(formula: formula, data: ModelData(columns: columns))
      let texts = try ModelFrame(formula: formula, data: small)
      #expect(coded.rows == texts.rows, "\(text)")
      #expect(coded.events == texts.events, "\(text)")
      #expect(coded.strata == texts.strata && coded.strataLabels == texts.strataLabels, "\(text)")
      #expect(coded.design.columnNames == texts.design.columnNames, "\(text)")
      #expect(coded.design.columns == texts.design.columns, "\(text)")
      #expect(coded.design.labels.map(\.reference) == texts.design.labels.map(\.reference), "\(text)")
    }
  }

  @Test("factor(), relevel() and interactions name columns as model.matrix")
  func names() throws {
    let frame = try ModelFrame(
      formula: ModelFormula(
        parsing: "Surv(time, status == 2) ~ relevel(factor(x > 4), ref = 2) + factor(dose):x"),
      data: ModelData(columns: [
        "time": .numeric([1, 2, 3, 4, 5, 6]), "status": .numeric([2, 2, 1, 2, 2, 1]),
        "dose": .categorical(["a", "b", "a", "b", "a", "b"], levels: nil),
        "x": .numeric([1, 2, 5, 6, 7, 3]),
      ]))
    // factor(dose):x without a factor(dose) main effect: x is in the model? No, so the factor is
    // fully indicator coded, as R does. factor() of a comparison has the levels FALSE, TRUE.
    // R: colnames(model.matrix(coxph(Surv(time, status == 2) ~ relevel(factor(x > 4), ref = 2)
    //   + factor(dose):x, data = d)))
    #expect(
      frame.design.columnNames == [
        "relevel(factor(x > 4), ref = 2)FALSE", "factor(dose)a:x", "factor(dose)b:x",
      ])
    #expect(frame.design.labels[1].components.map(\.reference) == [nil, nil])
    #expect(frame.design.labels[1].levels == "a" && frame.design.labels[1].references == nil)
  }

  @Test("an interaction column's levels and references join its factors' with ':'")
  func interactionLevels() throws {
    let frame = try ModelFrame(
      formula: ModelFormula(parsing: "Surv(time, status) ~ grade * dose + x + x:dose"), data: small)
    let labels = frame.design.labels.filter(\.isInteraction)
    #expect(labels.first?.name == "grade2:dose2")
    #expect(labels.first?.levels == "2:2" && labels.first?.references == "10:1.5")
    let slope = try #require(labels.first { $0.term == "dose:x" })
    #expect(slope.levels == "2" && slope.references == "1.5")
    #expect(frame.design.labels.first { $0.name == "x" }?.levels == nil)
  }

  @Test("an event named by a level: status == \"Dead\", != and a string on the left")
  func eventLevels() throws {
    let data = ModelData(columns: [
      "time": .numeric([1, 2, 3, 4, 5]), "x": .numeric([1, 2, 3, 4, 5]),
      "vital": .categorical(["Dead", "Alive", nil, "Dead", "Alive"], levels: nil),
      "status": .numeric([2, 1, 2, 1, 2]),
    ])
    func events(_ formula: String) throws -> [Bool] {
      try ModelFrame(formula: ModelFormula(parsing: formula), data: data).events
    }
    #expect(try events("Surv(time, vital == \"Dead\") ~ x") == [true, false, true, false])
    #expect(try events("Surv(time, vital != \"Alive\") ~ x") == [true, false, true, false])
    #expect(try events("Surv(time, \"Alive\" == vital) ~ x") == [false, true, false, true])
    #expect(try events("Surv(time, status == \"2\") ~ x") == [true, false, true, false, true])
    #expect(try events("Surv(time, 1 < status) ~ x") == [true, false, true, false, true])
  }

  @Test(
    "data errors name the offender",
    arguments: [
      ("Surv(time, status) ~ xx", "unknown variable 'xx'. Did you mean 'x'?"),
      (
        "Surv(time, status) ~ relevel(grade, ref = \"z\")",
        "'relevel(grade, ref = \"z\")': 'z' is not a level; the levels are '10', '2', 'B', 'a', 'b'"
      ),
      (
        "Surv(time, status) ~ relevel(x, \"1\")",
        "'relevel(x, \"1\")': relevel() needs a factor; use relevel(factor(x), ref = …)"
      ),
      (
        "Surv(time, grade) ~ x",
        "'grade': a categorical event needs a comparison naming the event value, e.g. grade == \"b\" (the levels are '10', '2', 'B', 'a', 'b')"
      ),
      (
        "Surv(time, x) ~ grade",
        "event 'x' must be coded 0/1 or 1/2 (1 or 2 = event), found '2' at row 2. Use a comparison such as x == 1 to choose the event value"
      ),
      ("Surv(time, status) ~ log(grade)", "'log(grade)': log() needs a numeric variable"),
      (
        "Surv(time, grade == \"c\") ~ x",
        "'grade == \"c\"': 'c' is not a level; the levels are '10', '2', 'B', 'a', 'b'"
      ),
      (
        "Surv(time, status == \"two\") ~ x",
        "'status == \"two\"': compares status with the text \"two\"; compare a numeric variable with a number, e.g. status == 1"
      ),
    ])
  func errors(_ formula: String, _ message: String) throws {
    let parsed = try ModelFormula(parsing: formula)
    #expect(throws: ModelFrameError.self) { try ModelFrame(formula: parsed, data: small) }
    do {
      _ = try ModelFrame(formula: parsed, data: small)
    } catch {
      #expect(error.message == message)
    }
  }

  @Test(
    "errors about one expression point at it with a caret, as syntax errors do",
    arguments: [
      (
        "Surv(time, status) ~ x + xx",
        "unknown variable 'xx' at column 26. Did you mean 'x'?\n  Surv(time, status) ~ x + xx\n                           ^"
      ),
      (
        "Surv(time, status) ~ factor(grade, 2)",
        "'factor(grade, 2)': factor() takes one argument, found 2 at column 22\n  Surv(time, status) ~ factor(grade, 2)\n                       ^"
      ),
      (
        "Surv(time, status) ~ x + log(grade)",
        "'log(grade)': log() needs a numeric variable at column 26\n  Surv(time, status) ~ x + log(grade)\n                           ^"
      ),
      (
        "Surv(time, x) ~ grade",
        "event 'x' must be coded 0/1 or 1/2 (1 or 2 = event), found '2' at row 2. Use a comparison such as x == 1 to choose the event value"
      ),
    ])
  func locatedErrors(_ formula: String, _ description: String) throws {
    do {
      _ = try ModelFrame(formula: ModelFormula(parsing: formula), data: small)
      Issue.record("expected an error")
    } catch let error as ModelFrameError {
      #expect(error.description == description)
    }
  }
}
