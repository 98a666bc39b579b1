/// The Kruskal–Wallis rank-sum test of k independent samples.
///
/// With midranks over all N values, rank sums R_g and sizes n_g,
///
///     H = [12 / (N(N + 1)) Σ_g R_g² / n_g − 3(N + 1)] / [1 − Σ(t³ − t)/(N³ − N)],
///
/// over the tie groups of sizes t; P = P(χ²_{k−1} > H). With two groups it is the Wilcoxon test
/// without continuity correction. R: `kruskal.test(x, g)`.
///
/// - Complexity: O(N log N).
///
/// Reference: Kruskal & Wallis, JASA 47 (1952); Hollander, Wolfe & Chicken (2014) §6.1.
public struct KruskalWallisTest: Hashable, Sendable {
  /// H (R: `statistic`).
  public let statistic: Double
  /// k − 1 (R: `parameter`).
  public let degreesOfFreedom: Int
  /// P(χ²_{k−1} > H) (R: `p.value`).
  public let pValue: Double

  /// Tests the groups' values, one array per group; empty groups are left out.
  ///
  /// - Throws: ``GroupComparisonError/tooFewObservations(test:needed:)`` for fewer than two
  ///   non-empty groups; ``GroupComparisonError/constantData(test:)`` when all values are tied;
  ///   ``GroupComparisonError/nonFiniteValue(_:)``.
  public init(_ groups: [[Double]]) throws(GroupComparisonError) {
    let name = "the Kruskal–Wallis test"
    let groups = groups.filter { !$0.isEmpty }
    guard groups.count >= 2 else {
      throw .tooFewObservations(test: name, needed: "values in at least two groups")
    }
    let values = Array(groups.joined())
    if let bad = values.first(where: { !$0.isFinite }) { throw .nonFiniteValue(bad) }
    let (ranks, ties) = _midRanks(values)
    let n = Double(values.count)
    var sum = 0.0
    var start = 0
    for group in groups {
      let rankSum = ranks[start..<start + group.count].reduce(0, +)
      sum += rankSum * rankSum / Double(group.count)
      start += group.count
    }
    let correction = 1 - ties.reduce(0.0) { $0 + Double($1 * $1 * $1 - $1) } / (n * n * n - n)
    guard correction > 0 else { throw .constantData(test: name) }
    statistic = (12 * sum / (n * (n + 1)) - 3 * (n + 1)) / correction
    degreesOfFreedom = groups.count - 1
    pValue = Distributions.chiSquareUpperTail(statistic, degreesOfFreedom: Double(degreesOfFreedom))
  }
}
