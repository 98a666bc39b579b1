/// One tumour assessment of a patient: when it took place and the overall response it found.
public struct ResponseAssessment: Hashable, Sendable {
  /// Time since treatment start, in any unit shared with the rules (days, weeks, months).
  public var time: Double
  public var response: ResponseCategory
  public init(time: Double, response: ResponseCategory) {
    self.time = time
    self.response = response
  }
}

/// How a best overall response is derived from a sequence of assessments.
///
/// Times are in the unit of the assessment times. With the defaults every CR and PR counts
/// unconfirmed and SD counts at any time (as most retrospective series report it).
public struct BestResponseRules: Hashable, Sendable {
  /// When set, a CR or PR counts only if a later assessment at least this long after it confirms
  /// it (CR by CR; PR by CR or PR), before any progression; unconfirmed responses fall back to
  /// SD. RECIST 1.1 asks for 4 weeks in non-randomised trials. nil: no confirmation (default).
  public var confirmationInterval: Double?
  /// When set, SD (or an unconfirmed response) counts only if assessed at least this long after
  /// treatment start (RECIST 1.1 §4.4: often 6–8 weeks); otherwise the best response is PD
  /// when progression follows, else NE. nil: no minimum (default).
  public var stableDiseaseMinimum: Double?

  public init(confirmationInterval: Double? = nil, stableDiseaseMinimum: Double? = nil) {
    self.confirmationInterval = confirmationInterval
    self.stableDiseaseMinimum = stableDiseaseMinimum
  }

  /// Checks that the intervals are finite and ≥ 0.
  func validate() throws(ResponseStatisticsError) {
    if let c = confirmationInterval, !(c >= 0 && c.isFinite) {
      throw .invalidRule(name: "confirmation interval", value: c)
    }
    if let m = stableDiseaseMinimum, !(m >= 0 && m.isFinite) {
      throw .invalidRule(name: "minimum duration of stable disease", value: m)
    }
  }
}

/// A patient's best overall response by RECIST 1.1, derived from the assessments, with the time of
/// the first objective response and of progression for the duration of response.
///
/// The assessments are sorted by time (ties keep their input order) and only those up to and
/// including the first PD count, as RECIST records the best response "from the start of the
/// treatment until disease progression". Then, from best to worst:
///
/// 1. CR — an assessment of CR (confirmed by a later CR when confirmation is on);
/// 2. PR — an assessment of CR or PR (confirmed by a later CR or PR when confirmation is on);
/// 3. SD — an SD or an unconfirmed CR/PR at or after the minimum SD duration (any time if no
///    minimum is set);
/// 4. PD — when the patient progressed;
/// 5. NE — otherwise (only NE assessments, or SD too early and no progression).
///
/// - Complexity: O(m log m) in the number of assessments m.
public struct BestOverallResponse: Hashable, Sendable {
  /// The best overall response.
  public let response: ResponseCategory
  /// The time of the first assessment of the qualifying CR or PR; nil for non-responders.
  public let responseTime: Double?
  /// The time of the first PD assessment; nil without progression.
  public let progressionTime: Double?
  /// The time of the last assessment considered (up to and including the first PD).
  public let lastAssessmentTime: Double?

  /// Derives the best overall response of one patient.
  ///
  /// - Parameters:
  ///   - assessments: the patient's assessments in any order; may be empty (NE).
  ///   - rules: confirmation and minimum SD duration.
  ///   - patient: the patient's identifier, for messages.
  /// - Throws: ``ResponseStatisticsError`` for a negative or non-finite time or rule value.
  public init(
    assessments: [ResponseAssessment], rules: BestResponseRules = .init(), patient: String = ""
  ) throws(ResponseStatisticsError) {
    try rules.validate()
    if let bad = assessments.first(where: { !($0.time >= 0 && $0.time.isFinite) }) {
      throw .invalidAssessmentTime(patient: patient, time: bad.time)
    }
    let ordered = assessments.enumerated().sorted {
      $0.element.time != $1.element.time ? $0.element.time < $1.element.time : $0.offset < $1.offset
    }.map(\.element)
    var counted: [ResponseAssessment] = []
    for assessment in ordered {
      counted.append(assessment)
      if assessment.response == .progressiveDisease { break }
    }
    let progression = counted.last.flatMap { $0.response == .progressiveDisease ? $0.time : nil }
    lastAssessmentTime = counted.last?.time
    progressionTime = progression

    func isConfirmed(_ index: Int, by accepted: Set<ResponseCategory>) -> Bool {
      guard let interval = rules.confirmationInterval else { return true }
      let start = counted[index].time
      return counted[(index + 1)...].contains {
        accepted.contains($0.response) && $0.time - start >= interval * (1 - 1e-12)
      }
    }
    let firstCR = counted.indices.first {
      counted[$0].response == .completeResponse && isConfirmed($0, by: [.completeResponse])
    }
    let firstPR = counted.indices.first {
      counted[$0].response.isObjectiveResponse
        && isConfirmed($0, by: [.completeResponse, .partialResponse])
    }
    let minimum = rules.stableDiseaseMinimum ?? 0
    let hasStable = counted.contains {
      $0.response.isDiseaseControl && $0.time >= minimum * (1 - 1e-12)
    }
    if let index = firstCR {
      response = .completeResponse
      responseTime = counted[firstPR ?? index].time
    } else if let index = firstPR {
      response = .partialResponse
      responseTime = counted[index].time
    } else {
      responseTime = nil
      if hasStable {
        response = .stableDisease
      } else if progression != nil {
        response = .progressiveDisease
      } else {
        response = .notEvaluable
      }
    }
  }

  /// A precomputed best overall response (one value per patient), without times.
  public init(precomputed response: ResponseCategory) {
    self.response = response
    self.responseTime = nil
    self.progressionTime = nil
    self.lastAssessmentTime = nil
  }
}
