/// Best-overall-response counts of a group of patients with the objective response rate (ORR)
/// and the disease control rate (DCR).
///
///     ORR = #(CR + PR) / N        DCR = #(CR + PR + SD + NON-CR/NON-PD) / N
///
/// over N, the evaluable patients (best response other than NE and MISSING) or, as a clinical
/// study report counts them, every patient of the population (``Denominator``). Each rate carries a
/// two-sided interval (``ProportionInterval``, Clopper–Pearson by default, as in the IMT series:
/// 10/21 → 47.6 % (25.7–70.2)).
///
/// - Complexity: O(n).
public struct ResponseSummary: Hashable, Sendable {
  /// Patients per category, in ``ResponseCategory/allCases`` order (CR, PR, SD, PD, NE).
  public let counts: [ResponseCategory: Int]
  /// All patients, NE included.
  public let patientCount: Int
  /// Patients with a best response other than NE and MISSING.
  public let evaluableCount: Int
  /// Who the rates are over.
  public let denominator: Denominator

  /// Who the rates of a ``ResponseSummary`` are over.
  public enum Denominator: String, Hashable, Sendable, CaseIterable {
    /// Every patient: the intention-to-treat rate of a clinical study report.
    case all
    /// The patients whose best response is evaluated (not NE or MISSING).
    case evaluable
  }
  /// CR + PR over the evaluable patients.
  public let objectiveResponse: ProportionInterval
  /// CR + PR + SD over the evaluable patients.
  public let diseaseControl: ProportionInterval

  /// Summarises best overall responses.
  ///
  /// - Throws: ``ResponseStatisticsError/confidenceLevelOutOfRange(_:)``.
  public init(
    _ responses: [ResponseCategory], level: Double = 0.95,
    method: ProportionInterval.Method = .clopperPearson, denominator: Denominator = .evaluable
  ) throws(ResponseStatisticsError) {
    var counts = Dictionary(uniqueKeysWithValues: ResponseCategory.allCases.map { ($0, 0) })
    for response in responses { counts[response, default: 0] += 1 }
    let evaluable = responses.filter(\.isEvaluable).count
    let trials = denominator == .all ? responses.count : evaluable
    let responders = responses.filter(\.isObjectiveResponse).count
    let controlled = responses.filter(\.isDiseaseControl).count
    self.counts = counts
    self.patientCount = responses.count
    self.evaluableCount = evaluable
    self.denominator = denominator
    self.objectiveResponse = try ProportionInterval(
      successes: responders, trials: trials, level: level, method: method)
    self.diseaseControl = try ProportionInterval(
      successes: controlled, trials: trials, level: level, method: method)
  }

  /// The number of patients with this best response.
  public func count(_ category: ResponseCategory) -> Int { counts[category] ?? 0 }

  /// The share of all patients with this best response (NE included in the denominator, as a
  /// table of best responses prints it); NaN for no patients.
  public func percentage(_ category: ResponseCategory) -> Double {
    patientCount == 0 ? .nan : 100 * Double(count(category)) / Double(patientCount)
  }
}

extension ResponseSummary {
  /// Fisher's exact test of the objective response between groups: the 2 × k table of
  /// responders and non-responders of the rate's denominator per group (R:
  /// `fisher.test(rbind(r, n − r))`).
  ///
  /// - Throws: ``GroupComparisonError/invalidTable(_:)`` for fewer than one group.
  public static func objectiveResponseComparison(_ groups: [ResponseSummary]) throws(GroupComparisonError)
    -> FisherExactTest
  {
    let responders = groups.map(\.objectiveResponse.successes)
    let others = groups.map { $0.objectiveResponse.trials - $0.objectiveResponse.successes }
    return try FisherExactTest([responders, others])
  }
}
