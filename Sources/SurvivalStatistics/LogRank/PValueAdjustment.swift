/// Multiple-comparison adjustment of p-values, as R's `p.adjust`.
///
/// With m the number of available (non-nil) p-values and p₍₁₎ ≤ … ≤ p₍ₘ₎:
///
/// | Method | Adjusted p₍ᵢ₎ | R |
/// |---|---|---|
/// | Bonferroni | min(1, m p₍ᵢ₎) | `"bonferroni"` |
/// | Holm | min(1, max_{j ≤ i} (m − j + 1) p₍ⱼ₎) | `"holm"` |
/// | Benjamini–Hochberg | min(1, min_{j ≥ i} (m / j) p₍ⱼ₎) | `"BH"` |
///
/// Missing p-values stay missing and do not count in m (R's `n = sum(!is.na(p))`).
///
/// Reference: Holm, Scand. J. Statist. 6 (1979); Benjamini & Hochberg, JRSS B 57 (1995).
public enum PValueAdjustment: String, CaseIterable, Equatable, Sendable {
  /// No adjustment (R: `"none"`).
  case none = "none"
  /// Bonferroni (R: `"bonferroni"`).
  case bonferroni = "bonferroni"
  /// Holm's step-down (R: `"holm"`, the default of `p.adjust` and `pairwise_survdiff`).
  case holm = "holm"
  /// Benjamini–Hochberg false-discovery rate (R: `"BH"`).
  case benjaminiHochberg = "BH"

  /// The adjusted p-values, aligned with the input.
  ///
  /// - Complexity: O(m log m).
  public func adjust(_ pValues: [Double?]) -> [Double?] {
    let available = pValues.indices.filter { pValues[$0] != nil }
    let m = Double(available.count)
    var adjusted = pValues
    switch self {
    case .none:
      return pValues
    case .bonferroni:
      for index in available { adjusted[index] = Swift.min(1, m * pValues[index]!) }
    case .holm:
      let ascending = available.sorted { (pValues[$0]!, $0) < (pValues[$1]!, $1) }
      var running = -Double.infinity
      for (rank, index) in ascending.enumerated() {
        running = Swift.max(running, (m - Double(rank)) * pValues[index]!)
        adjusted[index] = Swift.min(1, running)
      }
    case .benjaminiHochberg:
      let descending = available.sorted { (pValues[$1]!, $0) < (pValues[$0]!, $1) }
      var running = Double.infinity
      for (offset, index) in descending.enumerated() {
        let rank = m - Double(offset)
        running = Swift.min(running, m / rank * pValues[index]!)
        adjusted[index] = Swift.min(1, running)
      }
    }
    return adjusted
  }
}
