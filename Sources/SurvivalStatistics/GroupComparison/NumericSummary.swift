/// The descriptive statistics of a continuous variable in a characteristics table: mean and
/// standard deviation, median and quartiles, range.
///
/// Quantiles are R's default (type 7): for sorted values x₁ ≤ … ≤ x_n and h = (n − 1)p,
/// Q(p) = x_{⌊h⌋+1} + (h − ⌊h⌋)(x_{⌊h⌋+2} − x_{⌊h⌋+1}). R: `quantile(x, c(.25, .5, .75))`,
/// `median(x)`, `mean(x)`, `sd(x)`, `range(x)`. (SAS's default, and some Table 1 packages, use
/// other quantile definitions; medians agree, quartiles can differ in small samples.)
///
/// - Complexity: O(n log n).
///
/// Reference: Hyndman & Fan, The American Statistician 50 (1996).
public struct NumericSummary: Hashable, Sendable {
  public let count: Int
  public let mean: Double
  /// Denominator n − 1; NaN for one value.
  public let standardDeviation: Double
  public let median: Double
  public let lowerQuartile: Double
  public let upperQuartile: Double
  public let minimum: Double
  public let maximum: Double

  /// Summarises `values`; all NaN for an empty sample.
  public init(_ values: [Double]) {
    let sorted = values.sorted()
    let moments = SampleMoments(values)
    count = values.count
    mean = moments.mean
    standardDeviation = moments.standardDeviation
    median = Self.quantile(sorted, 0.5)
    lowerQuartile = Self.quantile(sorted, 0.25)
    upperQuartile = Self.quantile(sorted, 0.75)
    minimum = sorted.first ?? .nan
    maximum = sorted.last ?? .nan
  }

  /// R's type 7 quantile of sorted values (NaN when empty).
  public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let h = Double(sorted.count - 1) * p
    let low = Int(h.rounded(.down))
    let high = min(low + 1, sorted.count - 1)
    let fraction = h - Double(low)
    return fraction == 0 ? sorted[low] : sorted[low] + fraction * (sorted[high] - sorted[low])
  }
}
