/// Gray's k-sample test of equal cumulative incidence of one cause across groups, optionally
/// stratified.
///
/// The score s compares, at each time, the observed failures from the cause in each group with
/// those expected under a common subdistribution hazard, with the risk sets inflated by the
/// inverse of the group's all-cause Kaplan–Meier estimate (see `_GrayKernel` for the formulas).
/// With s the scores of the first k − 1 groups and V their variance, both summed over strata,
///
///     χ² = sᵀ V⁻¹ s   on   df = k − 1
///
/// R: `cuminc(ftime, fstatus, group, strata, rho = ρ)$Tests[cause, ]` — `stat`, `pv`, `df`.
/// Differences from R, documented rather than copied: R reports the p-value as
/// `1 - pchisq(stat, df)`, which loses all relative precision below about 1e-15; here it is the
/// upper tail computed directly (R: `pchisq(stat, df, lower.tail = FALSE)`). When V is singular R
/// reports the statistic −1 (and p = 1); here the statistic and p are nil with a
/// ``Diagnostic/singularVariance`` note.
///
/// - Complexity: O(n + T k³) for n subjects, T distinct times and k groups (the sample is
///   already sorted; strata are separated in one pass).
///
/// Reference: Gray, Ann. Statist. 16 (1988) 1141–1154.
public struct GrayTest: Equatable, Sendable {
  /// The cause tested.
  public let cause: Int
  /// The weight exponent ρ: each time is weighted by (1 − F⁰(t−))^ρ, F⁰ the pooled cumulative
  /// incidence (R: `rho`, default 0).
  public let rho: Double
  /// The group labels; the score covers all but the last.
  public let groupLabels: [String]
  /// The stratum labels (empty when unstratified).
  public let strataLabels: [String]
  /// The scores of the first k − 1 groups, summed over strata (cmprsk's `crstm` `s`).
  public let score: [Double]
  /// Their (k − 1) × (k − 1) variance, summed over strata (cmprsk's `vs`).
  public let variance: DenseMatrix
  /// The statistic sᵀ V⁻¹ s (R: `stat`); nil when the test is not defined (see ``diagnostics``).
  public let statistic: Double?
  /// The degrees of freedom, k − 1 (R: `df`).
  public let degreesOfFreedom: Int
  /// P(χ²(df) > statistic) (R: `pv`); nil with the statistic.
  public let p: Double?
  /// Statistical caveats.
  public let diagnostics: [Diagnostic]

  /// A caveat about the data of a Gray test.
  public enum Diagnostic: Equatable, Sendable, CustomStringConvertible {
    /// Fewer than two groups: nothing to compare (no test; R reports no `$Tests`).
    case fewerThanTwoGroups(groupCount: Int)
    /// A group has no failures from the cause; the test is still valid.
    case groupWithoutEvents(label: String)
    /// V is singular (R reports `stat = -1`); no test.
    case singularVariance(rank: Int, expectedRank: Int)

    /// A one-sentence explanation for a `warning:` line.
    public var description: String {
      switch self {
      case .fewerThanTwoGroups(let groupCount):
        return "Gray's test needs at least two groups; the sample has \(groupCount)"
      case .groupWithoutEvents(let label):
        return "group '\(label)' has no events of the cause tested"
      case .singularVariance(let rank, let expectedRank):
        return
          "the variance of Gray's test has rank \(rank) instead of \(expectedRank), so the test is undefined"
      }
    }
  }

  /// Tests equality of the cumulative incidence of `cause` across the groups of `sample`,
  /// within its strata when it is stratified.
  ///
  /// - Parameters:
  ///   - sample: the grouped (and possibly stratified) subjects.
  ///   - cause: the cause code; it must have at least one failure.
  ///   - rho: the weight exponent; 0 (default) weights all times equally.
  /// - Throws: ``CompetingRisksError/unknownCause(_:causes:)`` or
  ///   ``CompetingRisksError/invalidRho(_:)``.
  /// - Complexity: O(n + T k³).
  public init(_ sample: CompetingRisksSample, cause: Int, rho: Double = 0)
    throws(CompetingRisksError)
  {
    guard rho.isFinite else { throw .invalidRho(rho) }
    guard let position = sample.position(ofCause: cause) else {
      throw .unknownCause(cause, causes: sample.causes)
    }
    let k = sample.groupLabels.count
    self.cause = cause
    self.rho = rho
    self.groupLabels = sample.groupLabels
    self.strataLabels = sample.strataLabels
    self.degreesOfFreedom = k - 1
    guard k >= 2 else {
      score = []
      variance = DenseMatrix(rowCount: 0, columnCount: 0)
      statistic = nil
      p = nil
      diagnostics = [.fewerThanTwoGroups(groupCount: k)]
      return
    }
    var notes: [Diagnostic] = []
    var eventsPerGroup = [Int](repeating: 0, count: k)
    for index in sample.times.indices where sample.causePositions[index] == position {
      eventsPerGroup[sample.groupIndices[index]] += 1
    }
    for group in 0..<k where eventsPerGroup[group] == 0 {
      notes.append(.groupWithoutEvents(label: sample.groupLabels[group]))
    }

    // Observations of each stratum, in time order.
    let stratumCount = max(sample.strataLabels.count, 1)
    var members = [[Int]](repeating: [], count: stratumCount)
    for index in sample.times.indices {
      members[sample.stratumIndices?[index] ?? 0].append(index)
    }
    var total = [Double](repeating: 0, count: k - 1)
    var totalVariance = [Double](repeating: 0, count: (k - 1) * (k - 1))
    for stratum in members where !stratum.isEmpty {
      let outcomes = stratum.map { index -> _GrayKernel.Outcome in
        let cause = sample.causePositions[index]
        return cause < 0 ? .censored : (cause == position ? .cause : .otherCause)
      }
      let part = _GrayKernel.stratum(
        times: stratum.map { sample.times[$0] }, outcomes: outcomes,
        groups: stratum.map { sample.groupIndices[$0] }, groupCount: k, rho: rho)
      for i in total.indices { total[i] += part.score[i] }
      for i in totalVariance.indices { totalVariance[i] += part.variance[i] }
    }
    score = total
    variance = DenseMatrix(rowCount: k - 1, columnCount: k - 1, elements: totalVariance)

    // R: full rank by `qr()` (tolerance 1e-7), then sᵀ V⁻¹ s.
    let cholesky = _Cholesky(symmetric: totalVariance, size: k - 1, tolerance: 1e-7)
    if cholesky.rank < k - 1 {
      notes.append(.singularVariance(rank: cholesky.rank, expectedRank: k - 1))
      statistic = nil
      p = nil
    } else {
      let value = cholesky.quadraticFormOfInverse(total)
      statistic = value
      p = Distributions.chiSquareUpperTail(value, degreesOfFreedom: Double(k - 1))
    }
    diagnostics = notes
  }

  /// One test per cause of the sample, in ascending cause order (R: the rows of `$Tests`).
  ///
  /// - Throws: ``CompetingRisksError/invalidRho(_:)``.
  /// - Complexity: O(c (n + T k³)) for c causes.
  public static func forEachCause(_ sample: CompetingRisksSample, rho: Double = 0)
    throws(CompetingRisksError) -> [GrayTest]
  {
    var tests: [GrayTest] = []
    for cause in sample.causes { tests.append(try GrayTest(sample, cause: cause, rho: rho)) }
    return tests
  }
}
