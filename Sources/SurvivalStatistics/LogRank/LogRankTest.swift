/// The k-sample log-rank test and its Fleming–Harrington G-ρ generalisation, optionally
/// stratified.
///
/// With O, E and V the weighted observed and expected events and their hypergeometric variance
/// (see `_LogRankKernel`, weights w = S(t−)^ρ from the pooled Kaplan–Meier estimate within each
/// stratum), summed over strata, and the groups with E > 0 retained:
///
///     χ² = (O − E)ᵀ V⁻ (O − E)    on   df = (number of groups with E > 0) − 1
///
/// computed after dropping the first retained group, as R's `survdiff` (any group gives the
/// same χ², since the rows of V sum to zero). V⁻ is a generalized inverse, so a singular reduced
/// matrix (for example when all events happen at one time with everyone at risk dying) gives
/// df = its rank and a ``Diagnostic/singularVariance(rank:expectedRank:)`` note instead of an
/// error. ρ = 0 is the log-rank (Mantel–Haenszel) test, ρ = 1 the Peto–Peto–Prentice test.
///
/// R: `survdiff(Surv(time, status) ~ group + strata(stratum), rho = ρ)`; p =
/// `pchisq(chisq, df, lower.tail = FALSE)`.
///
/// - Complexity: O(n + T k² + k³) for n subjects, T distinct times and k groups (the sample is
///   already sorted; strata are separated by an O(n) counting sort).
///
/// Reference: Harrington & Fleming, Biometrika 69 (1982); Peto & Peto, JRSS A 135 (1972).
public struct LogRankTest: Equatable, Sendable {
  /// A chi-square statistic with its degrees of freedom and upper-tail p-value.
  public struct ChiSquare: Equatable, Sendable {
    /// The statistic (R: `chisq`).
    public let statistic: Double
    /// The degrees of freedom.
    public let degreesOfFreedom: Int
    /// P(χ²(df) > statistic).
    public let pValue: Double

    init(statistic: Double, degreesOfFreedom: Int) {
      self.statistic = statistic
      self.degreesOfFreedom = degreesOfFreedom
      self.pValue = Distributions.chiSquareUpperTail(
        statistic, degreesOfFreedom: Double(degreesOfFreedom))
    }
  }

  /// The Fleming–Harrington exponent ρ (0: log-rank, 1: Peto–Peto).
  public let rho: Double
  /// The group labels, in the order of all per-group arrays.
  public let groupLabels: [String]
  /// The stratum labels (empty when unstratified).
  public let strataLabels: [String]
  /// Subjects per group (R: `n`).
  public let groupSizes: [Int]
  /// Unweighted events per group.
  public let eventCounts: [Int]
  /// Weighted observed events per group, summed over strata (R: `obs`, row sums when stratified).
  public let observed: [Double]
  /// Weighted expected events per group (R: `exp`).
  public let expected: [Double]
  /// Observed events `[group][stratum]` (one column when unstratified; R: `obs` matrix).
  public let observedByStratum: [[Double]]
  /// Expected events `[group][stratum]`.
  public let expectedByStratum: [[Double]]
  /// The k × k variance matrix of O − E, summed over strata (R: `var`).
  public let variance: [[Double]]
  /// The test; nil when it is not defined (fewer than two groups with expected events, or a
  /// variance of rank 0). ``diagnostics`` says why.
  public let chiSquare: ChiSquare?
  /// Statistical caveats.
  public let diagnostics: [Diagnostic]

  /// O − E per group.
  public var observedMinusExpected: [Double] { zip(observed, expected).map { $0 - $1 } }

  /// Tests equality of the survival distributions of the groups of `sample` (within strata when
  /// the sample is stratified).
  ///
  /// - Parameters:
  ///   - sample: the grouped (and possibly stratified) subjects.
  ///   - rho: the Fleming–Harrington exponent; 0 (default) for the log-rank test.
  /// With entry times (left truncation) the risk sets are {entry < t ≤ time}: the number at
  /// risk counts only those who have entered. R's `survdiff` refuses such data ("Right
  /// censored data only"); the statistic is then the score test of the Cox model with the
  /// group as a factor and the exact partial likelihood, which is the log-rank test for
  /// right-censored data (R: `coxph(Surv(entry, time, status) ~ factor(group) +
  /// strata(stratum), ties = "exact")$score`). Only ρ = 0 is defined there.
  ///
  /// - Throws: ``SurvivalOptionError/invalidRho(_:)`` when ρ is not finite,
  ///   ``SurvivalOptionError/rhoWithEntryTimes(_:)`` for ρ ≠ 0 with entry times,
  ///   ``SurvivalOptionError/caseWeightsInLogRankTest`` for a weighted sample (R's `survdiff`
  ///   has no weights).
  public init(_ sample: GroupedSample, rho: Double = 0) throws(SurvivalOptionError) {
    guard rho.isFinite else { throw .invalidRho(rho) }
    if sample.weights != nil { throw .caseWeightsInLogRankTest }
    if sample.entryTimes != nil && rho != 0 { throw .rhoWithEntryTimes(rho) }
    let sums = _LogRankKernel.sums(sample, rho: rho)
    let groupCount = sample.groupLabels.count
    self.rho = rho
    groupLabels = sample.groupLabels
    strataLabels = sample.strataLabels
    groupSizes = sample.groupSizes
    eventCounts = sums.eventCounts
    observedByStratum = sums.observed
    expectedByStratum = sums.expected
    observed = sums.observed.map { $0.reduce(0, +) }
    expected = sums.expected.map { $0.reduce(0, +) }
    variance = (0..<groupCount).map { row in
      Array(sums.variance[(row * groupCount)..<((row + 1) * groupCount)])
    }
    let (test, notes) = Self.chiSquare(
      observed: observed, expected: expected, variance: sums.variance,
      eventCounts: sums.eventCounts, labels: sample.groupLabels)
    chiSquare = test
    diagnostics = notes
  }

  private static func chiSquare(
    observed: [Double], expected: [Double], variance: [Double], eventCounts: [Int],
    labels: [String]
  ) -> (ChiSquare?, [Diagnostic]) {
    let groupCount = labels.count
    var notes: [Diagnostic] = []
    if groupCount < 2 { return (nil, [.fewerThanTwoGroups(groupCount: groupCount)]) }
    if eventCounts.allSatisfy({ $0 == 0 }) { return (nil, [.noEvents]) }
    for group in 0..<groupCount where eventCounts[group] == 0 {
      notes.append(.groupWithoutEvents(label: labels[group]))
    }
    let retained = (0..<groupCount).filter { expected[$0] > 0 }
    for group in 0..<groupCount where expected[group] <= 0 {
      notes.append(.groupNeverAtRiskAtEvents(label: labels[group]))
    }
    if retained.count < 2 {
      notes.append(.fewerThanTwoGroupsAtRisk)
      return (nil, notes)
    }
    let reduced = Array(retained.dropFirst())
    let size = reduced.count
    var matrix = [Double](repeating: 0, count: size * size)
    for (row, group) in reduced.enumerated() {
      for (column, other) in reduced.enumerated() {
        matrix[row * size + column] = variance[group * groupCount + other]
      }
    }
    let difference = reduced.map { observed[$0] - expected[$0] }
    let (solution, rank) = _SymmetricSolver.solve(matrix, difference)
    if rank < size { notes.append(.singularVariance(rank: rank, expectedRank: size)) }
    if rank == 0 { return (nil, notes) }
    var statistic = 0.0
    for index in 0..<size { statistic += solution[index] * difference[index] }
    return (ChiSquare(statistic: max(statistic, 0), degreesOfFreedom: rank), notes)
  }
}
