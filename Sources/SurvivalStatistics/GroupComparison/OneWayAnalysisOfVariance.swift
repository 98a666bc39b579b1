/// One-way analysis of variance: the F test of equal means in k groups with a common variance.
///
/// With group sizes n_g, means x̄_g, grand mean x̄ and N values in all,
///
///     F = [Σ_g n_g (x̄_g − x̄)² / (k − 1)] / [Σ_g Σ_i (x_gi − x̄_g)² / (N − k)],
///
/// P = P(F_{k−1, N−k} > F). R: `summary(aov(y ~ factor(g)))`, `oneway.test(y ~ g, var.equal =
/// TRUE)`. With two groups F is the square of Student's t.
///
/// - Complexity: O(N).
///
/// Reference: Armitage, Berry & Matthews, Statistical Methods in Medical Research (2002) §8.1.
public struct OneWayAnalysisOfVariance: Hashable, Sendable {
  /// F (R: `F value`).
  public let statistic: Double
  /// k − 1 (R: `Df` of the groups).
  public let betweenDegreesOfFreedom: Int
  /// N − k (R: `Df` of the residuals).
  public let withinDegreesOfFreedom: Int
  /// P(F > statistic) (R: `Pr(>F)`).
  public let pValue: Double

  /// Tests the groups' values, one array per group; empty groups are left out.
  ///
  /// - Throws: ``GroupComparisonError/tooFewObservations(test:needed:)`` for fewer than two
  ///   non-empty groups or no degrees of freedom within groups;
  ///   ``GroupComparisonError/constantData(test:)`` when every group is constant;
  ///   ``GroupComparisonError/nonFiniteValue(_:)``.
  public init(_ groups: [[Double]]) throws(GroupComparisonError) {
    let name = "the analysis of variance"
    let groups = groups.filter { !$0.isEmpty }
    let total = groups.reduce(0) { $0 + $1.count }
    guard groups.count >= 2, total > groups.count else {
      throw .tooFewObservations(test: name, needed: "two groups and more values than groups")
    }
    if let bad = groups.joined().first(where: { !$0.isFinite }) { throw .nonFiniteValue(bad) }
    let moments = groups.map(SampleMoments.init)
    let grand = SampleMoments(Array(groups.joined())).mean
    var between = 0.0
    var within = 0.0
    for (group, m) in zip(groups, moments) {
      between += Double(group.count) * (m.mean - grand) * (m.mean - grand)
      within += group.reduce(0) { $0 + ($1 - m.mean) * ($1 - m.mean) }
    }
    guard within > 0 else { throw .constantData(test: name) }
    let df1 = groups.count - 1
    let df2 = total - groups.count
    statistic = (between / Double(df1)) / (within / Double(df2))
    betweenDegreesOfFreedom = df1
    withinDegreesOfFreedom = df2
    pValue = Distributions.fUpperTail(statistic, degreesOfFreedom: Double(df1), Double(df2))
  }
}
