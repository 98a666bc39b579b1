/// The log-rank (G-ρ) test for trend over ordered groups.
///
/// With scores c (default 1, 2, …, k in group order) and O, E, V of the k-sample test (summed
/// over strata):
///
///     U = cᵀ (O − E),   Var U = cᵀ V c,   χ² = U² / Var U   on 1 degree of freedom
///
/// A positive U means more events than expected in the groups with high scores. R has no
/// single function for it; it equals
/// `f <- survdiff(...); w <- 1:k; sum(w * (f$obs - f$exp))^2 / (t(w) %*% f$var %*% w)`
/// (with row sums of `obs` and `exp` when stratified), which is what survminer's
/// `surv_pvalue(..., test.for.trend = TRUE)` reports for ρ = 0.
///
/// - Complexity: that of ``LogRankTest`` plus O(k²).
///
/// Reference: Collett, *Modelling Survival Data in Medical Research* (2015), §2.7.
public struct LogRankTrendTest: Equatable, Sendable {
  /// The scores, one per group in order.
  public let scores: [Double]
  /// The k-sample test the trend statistic is built from.
  public let logRank: LogRankTest
  /// U = cᵀ(O − E).
  public let scoreStatistic: Double
  /// cᵀ V c.
  public let scoreVariance: Double
  /// The standardised statistic U / √Var U; nil when the variance is 0.
  public var zStatistic: Double? {
    scoreVariance > 0 ? scoreStatistic / scoreVariance.squareRoot() : nil
  }
  /// The test on one degree of freedom; nil when the variance is 0 (for example fewer than two
  /// groups at risk at event times, or all scores equal).
  public let chiSquare: LogRankTest.ChiSquare?

  /// The trend test for a sample.
  ///
  /// - Parameters:
  ///   - scores: one finite score per group, in group order; default 1, 2, …, k.
  ///   - rho: the Fleming–Harrington exponent (0: log-rank).
  /// - Throws: ``SurvivalOptionError/scoreCountMismatch(count:groupCount:)``,
  ///   ``SurvivalOptionError/nonFiniteScore(index:value:)`` or ``SurvivalOptionError/invalidRho(_:)``.
  public init(_ sample: GroupedSample, scores: [Double]? = nil, rho: Double = 0)
    throws(SurvivalOptionError)
  {
    try self.init(LogRankTest(sample, rho: rho), scores: scores)
  }

  /// The trend test from an existing k-sample test.
  ///
  /// - Throws: ``SurvivalOptionError/scoreCountMismatch(count:groupCount:)`` or
  ///   ``SurvivalOptionError/nonFiniteScore(index:value:)``.
  public init(_ test: LogRankTest, scores: [Double]? = nil) throws(SurvivalOptionError) {
    let groupCount = test.groupLabels.count
    let scores = scores ?? (0..<groupCount).map { Double($0 + 1) }
    guard scores.count == groupCount else {
      throw .scoreCountMismatch(count: scores.count, groupCount: groupCount)
    }
    if let bad = scores.firstIndex(where: { !$0.isFinite }) {
      throw .nonFiniteScore(index: bad, value: scores[bad])
    }
    var u = 0.0
    var variance = 0.0
    var diagonalScale = 0.0
    for row in 0..<groupCount {
      u += scores[row] * (test.observed[row] - test.expected[row])
      diagonalScale += scores[row] * scores[row] * test.variance[row][row]
      for column in 0..<groupCount {
        variance += scores[row] * test.variance[row][column] * scores[column]
      }
    }
    self.scores = scores
    self.logRank = test
    self.scoreStatistic = u
    self.scoreVariance = variance
    // cᵀVc vanishes in exact arithmetic for equal scores (the rows of V sum to zero); treat
    // values at rounding level relative to the diagonal terms as zero.
    chiSquare =
      variance > 1e-10 * diagonalScale
      ? LogRankTest.ChiSquare(statistic: u * u / variance, degreesOfFreedom: 1) : nil
  }
}
