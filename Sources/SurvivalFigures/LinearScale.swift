/// Maps a data interval linearly onto a device interval; the one place where data values
/// become page coordinates.
public struct LinearScale: Hashable, Sendable {
  public var domain: ClosedRange<Double>
  /// Device coordinates of `domain.lowerBound` and `domain.upperBound` (may be decreasing,
  /// as for a y axis).
  public var range: (Double, Double) { (rangeStart, rangeEnd) }
  private var rangeStart: Double
  private var rangeEnd: Double

  public init(domain: ClosedRange<Double>, range: (Double, Double)) {
    self.domain = domain
    self.rangeStart = range.0
    self.rangeEnd = range.1
  }

  /// Device coordinate of a data value (values outside the domain extrapolate).
  public func map(_ value: Double) -> Double {
    let span = domain.upperBound - domain.lowerBound
    guard span > 0 else { return rangeStart }
    return rangeStart + (value - domain.lowerBound) / span * (rangeEnd - rangeStart)
  }

  public static func == (a: LinearScale, b: LinearScale) -> Bool {
    a.domain == b.domain && a.rangeStart == b.rangeStart && a.rangeEnd == b.rangeEnd
  }
  public func hash(into h: inout Hasher) {
    h.combine(domain.lowerBound)
    h.combine(domain.upperBound)
    h.combine(rangeStart)
    h.combine(rangeEnd)
  }
}

/// "Nice" axis breaks: multiples of 1, 2, 2.5 or 5 × 10^k covering an interval.
public enum NiceBreaks {
  /// About `target` evenly spaced round numbers from `lower` (rounded down to a multiple of the
  /// step) up to the first multiple ≥ `upper`.
  ///
  /// - Complexity: O(number of breaks).
  public static func breaks(covering lower: Double, _ upper: Double, target: Int = 6) -> [Double] {
    guard upper > lower, lower.isFinite, upper.isFinite else { return [lower] }
    let step = niceStep(for: (upper - lower) / Double(max(target - 1, 1)))
    let first = (lower / step).rounded(.down)
    let last = (upper / step - 1e-9).rounded(.up)
    return stride(from: first, through: last, by: 1).map { clean($0 * step) }
  }

  /// The smallest step of the form {1, 2, 2.5, 5} × 10^k that is at least `raw`.
  public static func niceStep(for raw: Double) -> Double {
    guard raw > 0, raw.isFinite else { return 1 }
    let magnitude = pow10(floor(log10(raw)))
    for m in [1.0, 2, 2.5, 5, 10] where m * magnitude >= raw * (1 - 1e-12) {
      return m * magnitude
    }
    return 10 * magnitude
  }

  /// Breaks every `step` from 0 through the first multiple ≥ `upper`.
  public static func breaks(every step: Double, through upper: Double) -> [Double] {
    guard step > 0, upper.isFinite else { return [0] }
    let last = (upper / step - 1e-9).rounded(.up)
    return stride(from: 0.0, through: max(last, 1), by: 1).map { clean($0 * step) }
  }

  /// Rounds away binary noise such as 0.30000000000000004.
  static func clean(_ v: Double) -> Double {
    guard v != 0 else { return 0 }
    let digits = 12 - Int(floor(log10(abs(v))))
    let f = pow10(Double(max(min(digits, 300), -300)))
    return (v * f).rounded() / f
  }

  private static func pow10(_ e: Double) -> Double { pow(10, e) }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
