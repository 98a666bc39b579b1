extension NiceBreaks {
  /// Breaks for a time axis `plotWidth` points long that starts at `lower` (0 or below) and
  /// ends at the first break at or after `upper`, the last observation; `fits` says whether a
  /// set of breaks has room for its labels.
  ///
  /// 1. The finest step with ticks at least 28 pt (about 10 mm) apart, at most 10 intervals —
  ///    from `steps` (steps that read well in the axis's unit: months 1, 3, 6, 12, 24, …) when
  ///    one is fine enough, else from 1, 2, 2.5, 5 × 10^k — coarsened until labels fit.
  /// 2. When that leaves more than `maximumOvershoot` of the axis past `upper` (lung data
  ///    ending at 1022 days on an axis to 2000), the step from `steps` and
  ///    1, 2, 2.5, 3, 4, 5 × 10^k whose labels fit, ticks at least 20 pt apart, that leaves
  ///    the least axis past the data is taken instead (0, 400, 800, 1200); among equals, the
  ///    one with about as many breaks as the first choice, then the fewer. nil keeps the first
  ///    choice (an axis whose end the user set).
  ///
  /// Breaks beyond `limit` are dropped. Kaplan–Meier figures and swimmer plots share this, so
  /// their axes end as close to the data.
  ///
  /// - Complexity: O(number of breaks) label measurements per candidate step, about 20 steps.
  public static func axisBreaks(
    from lower: Double = 0, through upper: Double, plotWidth: Double, steps: [Double] = [],
    maximumOvershoot: Double? = 0.25, limit: Double? = nil, fits: ([Double]) -> Bool
  ) -> [Double] {
    let span = upper - lower
    guard span > 0, span.isFinite, plotWidth > 0 else { return [min(lower, 0)] }
    let preferred = steps.filter { $0 > 0 }.sorted()
    func within(_ b: Double) -> Bool { limit.map { b <= $0 + 1e-9 * max(abs($0), 1) } ?? true }
    func breaks(every step: Double) -> [Double] {
      let first = min((lower / step + 1e-9).rounded(.down), 0)
      let last = max((upper / step - 1e-9).rounded(.up), first + 1)
      return stride(from: first, through: last, by: 1).map { clean($0 * step) }.filter(within)
    }
    let maxIntervals = Double(max(2, min(10, Int(plotWidth / 28))))
    var step = preferred.first { span / $0 <= maxIntervals * (1 + 1e-12) } ?? niceStep(for: span / maxIntervals)
    var chosen = breaks(every: step)
    while !fits(chosen), chosen.count > 2 {
      step = preferred.first { $0 > step * (1 + 1e-12) } ?? niceStep(for: step * 1.000001)
      chosen = breaks(every: step)
    }
    guard let maximumOvershoot, let end = chosen.last, end - upper > maximumOvershoot * (end - lower) else {
      return chosen
    }
    let magnitude = pow(10, floor(log10(span / 10)))
    let family = [magnitude, magnitude * 10, magnitude * 100].flatMap { decade in
      [1.0, 2, 2.5, 3, 4, 5].map { clean($0 * decade) }
    }
    var best = (waste: end - upper, breaks: chosen)
    func isCloser(_ b: [Double], than other: [Double]) -> Bool {
      let (x, y) = (abs(b.count - chosen.count), abs(other.count - chosen.count))
      return x != y ? x < y : b.count < other.count
    }
    for candidate in Set(preferred + family).sorted() where candidate >= span / 10 * (1 - 1e-12) {
      let b = breaks(every: candidate)
      guard b.count >= 3, plotWidth / Double(b.count - 1) >= 20, fits(b), let last = b.last else { continue }
      let waste = last - upper
      let tolerance = 1e-9 * span
      if waste < best.waste - tolerance || (abs(waste - best.waste) <= tolerance && isCloser(b, than: best.breaks)) {
        best = (waste, b)
      }
    }
    return best.breaks
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
