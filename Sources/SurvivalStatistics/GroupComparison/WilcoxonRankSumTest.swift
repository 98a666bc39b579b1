import Foundation

/// The Wilcoxon rank-sum (Mann–Whitney) test of two independent samples.
///
/// With midranks over both samples, W = Σ ranks of x − n₁(n₁ + 1)/2, the Mann–Whitney U of the
/// first sample (R: `statistic`, named `W`). The two-sided P value is, as in R's default:
///
/// * exact, when both samples have fewer than 50 values and no value is tied:
///   P = min(1, 2 P(U ≤ W)) for W ≤ n₁n₂/2, else min(1, 2 P(U ≥ W)), from the permutation
///   distribution of U (the number of rank subsets of size n₁ with each sum);
/// * otherwise the normal approximation with the tie-corrected variance and a continuity
///   correction: z = (W − n₁n₂/2 − ½ sign(W − n₁n₂/2)) / σ,
///   σ² = n₁n₂/12 · (N + 1 − Σ(t³ − t)/(N(N − 1))), P = 2 P(Z > |z|).
///
/// R: `wilcox.test(x, y)` (`exact = NULL`, `correct = TRUE`).
///
/// - Complexity: O(N log N) with the normal approximation; O(N · min(n₁, n₂) · N²) for the
///   exact distribution (N < 100: a few milliseconds).
///
/// Reference: Hollander, Wolfe & Chicken, Nonparametric Statistical Methods (2014) §4.1.
public struct WilcoxonRankSumTest: Hashable, Sendable {
  /// W, the Mann–Whitney U of the first sample (R: `statistic`).
  public let statistic: Double
  /// The two-sided P value (R: `p.value`).
  public let pValue: Double
  /// Whether P comes from the exact permutation distribution (no ties, both samples < 50).
  public let isExact: Bool

  /// Tests `x` against `y`.
  ///
  /// - Throws: ``GroupComparisonError/tooFewObservations(test:needed:)`` when a sample is empty;
  ///   ``GroupComparisonError/constantData(test:)`` when all values are tied (σ = 0);
  ///   ``GroupComparisonError/nonFiniteValue(_:)``.
  public init(_ x: [Double], _ y: [Double]) throws(GroupComparisonError) {
    let name = "the Wilcoxon rank-sum test"
    guard !x.isEmpty, !y.isEmpty else {
      throw .tooFewObservations(test: name, needed: "at least one value in each group")
    }
    if let bad = (x + y).first(where: { !$0.isFinite }) { throw .nonFiniteValue(bad) }
    let (ranks, ties) = _midRanks(x + y)
    let (n1, n2) = (Double(x.count), Double(y.count))
    let w = ranks[..<x.count].reduce(0, +) - n1 * (n1 + 1) / 2
    statistic = w
    if x.count < 50, y.count < 50, ties.isEmpty {
      isExact = true
      let distribution = _MannWhitneyDistribution(x.count, y.count)
      let one =
        w > n1 * n2 / 2
        ? distribution.upperTail(atLeast: Int(w)) : distribution.lowerTail(atMost: Int(w))
      pValue = min(1, 2 * one)
      return
    }
    isExact = false
    let total = n1 + n2
    let tieTerm = ties.reduce(0.0) { $0 + Double($1 * $1 * $1 - $1) } / (total * (total - 1))
    let sigma = (n1 * n2 / 12 * (total + 1 - tieTerm)).squareRoot()
    guard sigma > 0 else { throw .constantData(test: name) }
    let centred = w - n1 * n2 / 2
    let corrected = centred - (centred > 0 ? 0.5 : centred < 0 ? -0.5 : 0)
    let z = corrected / sigma
    pValue = min(1, 2 * Distributions.normalUpperTail(abs(z)))
  }
}

/// The permutation distribution of the Mann–Whitney U for samples of m and n values without ties
/// (R: `dwilcox`, `pwilcox`).
///
/// The number of ways U = u is the number of subsets of size k = min(m, n) of the ranks 1…m + n
/// whose sum is u + k(k + 1)/2, counted by adding one rank at a time; U of the other sample is
/// mn − U, and the distribution is symmetric, so either sample's counts serve.
struct _MannWhitneyDistribution {
  /// counts[u] for u = 0 … mn, as doubles (exact up to 2⁵³, then to 16 digits).
  let counts: [Double]
  let total: Double

  init(_ m: Int, _ n: Int) {
    let k = min(m, n)
    let ranks = m + n
    let maxSum = (ranks - k + 1...ranks).reduce(0, +)
    // ways[j][s]: subsets of size j of the ranks seen so far with sum s.
    var ways = [[Double]](repeating: [Double](repeating: 0, count: maxSum + 1), count: k + 1)
    ways[0][0] = 1
    for rank in 1...ranks {
      for j in stride(from: min(rank, k), through: 1, by: -1) {
        let upper = min(maxSum, j * (2 * rank - j + 1) / 2)
        guard upper >= rank else { continue }
        for s in stride(from: upper, through: rank, by: -1) { ways[j][s] += ways[j - 1][s - rank] }
      }
    }
    let shift = k * (k + 1) / 2
    counts = (0...(m * n)).map { u in u + shift <= maxSum ? ways[k][u + shift] : 0 }
    total = counts.reduce(0, +)
  }

  /// P(U ≤ u).
  func lowerTail(atMost u: Int) -> Double {
    guard u >= 0 else { return 0 }
    return counts[...min(u, counts.count - 1)].reduce(0, +) / total
  }

  /// P(U ≥ u).
  func upperTail(atLeast u: Int) -> Double {
    guard u < counts.count else { return 0 }
    return counts[max(u, 0)...].reduce(0, +) / total
  }
}
