import Testing

@testable import SurvivalStatistics

/// Assessments from "time:code" pairs, e.g. `seq("6:SD", "12:PR")`.
private func seq(_ items: String...) -> [ResponseAssessment] {
  items.map { item in
    let parts = item.split(separator: ":")
    return ResponseAssessment(
      time: Double(parts[0]) ?? .nan, response: ResponseCategory(code: String(parts[1])) ?? .notEvaluable)
  }
}

private func best(_ a: [ResponseAssessment], _ rules: BestResponseRules = .init()) throws
  -> BestOverallResponse
{
  try BestOverallResponse(assessments: a, rules: rules, patient: "P1")
}

@Suite("Best overall response (RECIST 1.1)")
struct BestOverallResponseTests {
  @Test("without confirmation the best assessment wins; CR > PR > SD > PD > NE")
  func ordering() throws {
    #expect(try best(seq("6:SD", "12:PR", "18:SD", "24:PD")).response == .partialResponse)
    #expect(try best(seq("6:PR", "12:CR", "18:PD")).response == .completeResponse)
    #expect(try best(seq("6:SD", "12:SD")).response == .stableDisease)
    #expect(try best(seq("6:PD")).response == .progressiveDisease)
    #expect(try best(seq("6:NE", "12:NE")).response == .notEvaluable)
    #expect(try best([]).response == .notEvaluable)
    #expect(ResponseCategory.allCases.sorted(by: >) == ResponseCategory.allCases)
  }

  @Test("unordered input is sorted by time; assessments after the first PD do not count")
  func unorderedAndAfterProgression() throws {
    let r = try best(seq("24:PR", "6:SD", "12:PD"))
    #expect(r.response == .stableDisease)
    #expect(r.progressionTime == 12)
    #expect(r.lastAssessmentTime == 12)
  }

  @Test("confirmation: a CR or PR needs a later CR/PR at least N weeks after it")
  func confirmation() throws {
    let rules = BestResponseRules(confirmationInterval: 4)
    // PR confirmed 6 weeks later.
    #expect(try best(seq("6:PR", "12:PR", "18:PD"), rules).response == .partialResponse)
    // PR confirmed by a CR; the CR itself is not confirmed: PR.
    let pr = try best(seq("6:PR", "12:CR", "18:PD"), rules)
    #expect(pr.response == .partialResponse)
    #expect(pr.responseTime == 6)
    // CR confirmed by CR; the response starts at the first PR.
    let cr = try best(seq("6:PR", "12:CR", "16:CR"), rules)
    #expect(cr.response == .completeResponse)
    #expect(cr.responseTime == 6)
    // Too early a confirmation (3 weeks) and then progression: an unconfirmed PR is SD.
    #expect(try best(seq("6:PR", "9:PR", "12:PD"), rules).response == .stableDisease)
    // Confirmation exactly N weeks later counts; an NE in between does not break it.
    #expect(try best(seq("6:PR", "8:NE", "10:PR"), rules).response == .partialResponse)
    // Progression before the confirming scan: SD.
    #expect(try best(seq("6:PR", "8:PD", "12:PR"), rules).response == .stableDisease)
    // Without confirmation the same sequence is a PR.
    #expect(try best(seq("6:PR", "9:PR", "12:PD")).response == .partialResponse)
  }

  @Test("SD minimum duration: SD before it gives PD if progression follows, else NE")
  func stableDiseaseMinimum() throws {
    let rules = BestResponseRules(stableDiseaseMinimum: 6)
    #expect(try best(seq("4:SD", "8:PD"), rules).response == .progressiveDisease)
    #expect(try best(seq("4:SD"), rules).response == .notEvaluable)
    #expect(try best(seq("4:SD", "6:SD"), rules).response == .stableDisease)
    #expect(try best(seq("4:SD", "7:NE", "10:SD", "14:PD"), rules).response == .stableDisease)
    // Both rules: an unconfirmed early PR is SD only once the minimum is reached.
    let both = BestResponseRules(confirmationInterval: 4, stableDiseaseMinimum: 6)
    #expect(try best(seq("4:PR", "8:PD"), both).response == .progressiveDisease)
    #expect(try best(seq("4:PR", "7:SD", "9:PD"), both).response == .stableDisease)
  }

  @Test("response and progression times feed the duration of response")
  func durationOfResponse() throws {
    let patients = [
      try best(seq("8:PR", "16:PR", "24:PD")),  // event at 16
      try best(seq("8:SD", "16:CR", "40:CR")),  // censored at 24
      try best(seq("8:SD", "16:PD")),  // not a responder
      try best(seq("8:PR", "12:PR")),  // dies at 20: event at 12
    ]
    let dor = try #require(DurationOfResponse(patients, deathTimes: [nil, nil, nil, 20]))
    #expect(dor.sample.times == [12, 16, 24])
    #expect(dor.sample.isEvent == [true, true, false])
    let expected: [Double] = [2.0 / 3, 1.0 / 3, 1.0 / 3]
    #expect(dor.estimate.survival == expected)
    #expect(DurationOfResponse([try best(seq("8:SD"))]) == nil)
  }

  @Test("negative times and rule values throw with their messages")
  func invalid() {
    #expect(throws: ResponseStatisticsError.invalidAssessmentTime(patient: "P1", time: -1)) {
      try best(seq("-1:PR"))
    }
    #expect(
      ResponseStatisticsError.invalidAssessmentTime(patient: "P1", time: -1).description
        == "patient 'P1' has assessment time '-1.0'; times must be finite and ≥ 0")
    #expect(throws: ResponseStatisticsError.invalidRule(name: "confirmation interval", value: -4)) {
      try best(seq("6:PR"), BestResponseRules(confirmationInterval: -4))
    }
  }

  @Test("codes are read case-insensitively; anything else is not a category")
  func codes() {
    #expect(ResponseCategory(code: " cr ") == .completeResponse)
    #expect(ResponseCategory(code: "Pd") == .progressiveDisease)
    #expect(ResponseCategory(code: "CRu") == nil)
  }
}

@Suite("Response summary")
struct ResponseSummaryTests {
  @Test("counts, evaluable patients, ORR and DCR of the IMT anthracycline series")
  func imtSeries() throws {
    let responses =
      [ResponseCategory](repeating: .partialResponse, count: 10)
      + [ResponseCategory](repeating: .stableDisease, count: 6)
      + [ResponseCategory](repeating: .progressiveDisease, count: 5)
      + [.notEvaluable, .notEvaluable]
    let summary = try ResponseSummary(responses)
    #expect(summary.patientCount == 23)
    #expect(summary.evaluableCount == 21)
    #expect(summary.count(.partialResponse) == 10)
    #expect(summary.count(.completeResponse) == 0)
    #expect(summary.objectiveResponse.successes == 10)
    #expect(summary.diseaseControl.successes == 16)
    let reference = try #require(ResponseReference.clopperPearson.first)
    let lower: Double = summary.objectiveResponse.lower
    #expect(abs(lower - reference.lower) < 1e-14)
    #expect(abs(summary.percentage(.notEvaluable) - 200.0 / 23) < 1e-12)
  }

  @Test("groups are compared with Fisher's test on responders vs evaluable non-responders")
  func comparison() throws {
    let a = try ResponseSummary(
      [ResponseCategory](repeating: .partialResponse, count: 10)
        + [ResponseCategory](repeating: .stableDisease, count: 11) + [.notEvaluable])
    let b = try ResponseSummary(
      [ResponseCategory](repeating: .completeResponse, count: 7)
        + [ResponseCategory](repeating: .progressiveDisease, count: 6))
    let test = try ResponseSummary.objectiveResponseComparison([a, b])
    #expect(test.table == [[10, 7], [11, 6]])
    #expect(test.pValue == 1)
  }
}
