/// Log-rank (G-ρ) tests between every pair of groups with adjusted p-values.
///
/// Each pair is tested on the subjects of its two groups only (strata kept), as survminer's
/// `pairwise_survdiff(Surv(time, status) ~ group, data, rho = ρ, p.adjust.method = …)`, which
/// runs `survdiff` on each two-group subset; the p-values are then adjusted with
/// ``PValueAdjustment`` over all pairs whose test is defined. (Where a pair's test is undefined,
/// R reports p = 1 from χ² = 0; here its p-value is nil and it does not count in the adjustment.)
///
/// - Complexity: O(k² n) for k groups.
public struct PairwiseLogRankTests: Equatable, Sendable {
  /// The test between two groups.
  public struct Comparison: Equatable, Sendable {
    /// The index of the first group (the smaller one).
    public let firstGroup: Int
    /// The index of the second group.
    public let secondGroup: Int
    /// The two-group test (its labels are the two group labels).
    public let test: LogRankTest
    /// The unadjusted p-value; nil when the pair's test is undefined.
    public var pValue: Double? { test.chiSquare?.pValue }
  }

  /// The group labels of the whole sample.
  public let groupLabels: [String]
  /// All pairs (i, j) with i < j, ordered by i then j.
  public let comparisons: [Comparison]

  /// Tests all pairs of groups of `sample`.
  ///
  /// - Throws: ``SurvivalOptionError/invalidRho(_:)`` when ρ is not finite.
  public init(_ sample: GroupedSample, rho: Double = 0) throws(SurvivalOptionError) {
    groupLabels = sample.groupLabels
    var comparisons: [Comparison] = []
    let groupCount = sample.groupLabels.count
    for first in 0..<groupCount {
      for second in (first + 1)..<max(groupCount, first + 1) {
        let pair = sample.restricted(toGroups: [first, second])
        comparisons.append(
          Comparison(
            firstGroup: first, secondGroup: second, test: try LogRankTest(pair, rho: rho)))
      }
    }
    self.comparisons = comparisons
  }

  /// The p-values adjusted by `method`, aligned with ``comparisons``.
  ///
  /// R: `pairwise_survdiff(..., p.adjust.method = method)` (Holm is its default).
  public func adjustedPValues(_ method: PValueAdjustment) -> [Double?] {
    method.adjust(comparisons.map(\.pValue))
  }
}
