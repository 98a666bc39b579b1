/// Quantiles of the event-time distribution and their confidence intervals, as R's
/// `quantile.survfit`.
extension KaplanMeierEstimate {
  /// A quantile of the event-time distribution with its confidence interval.
  public struct Quantile: Equatable, Sendable {
    /// The probability p of an event by the quantile: the time at which S falls to 1 − p
    /// (R's `probs`; 0.5 is the median).
    public let probability: Double
    /// The quantile; nil when the curve does not reach 1 − p ("not reached").
    public let estimate: Double?
    /// The lower limit, the same rule applied to the lower confidence curve; nil when not reached.
    public let lower: Double?
    /// The upper limit, from the upper confidence curve; nil when it does not reach 1 − p.
    public let upper: Double?
  }

  /// The time by which a fraction `probability` of subjects has had the event, with its interval.
  ///
  /// R: `quantile(fit, probs = p, conf.int = TRUE)`. With y = 1 − S on the curve (0 at time 0):
  /// the quantile is the first time at which y ≥ p; when y equals p within √ε on an interval, it is
  /// the midpoint between the start of that interval and the next time the curve drops (the
  /// end of follow-up when it never drops again). The limits apply the same rule to 1 − lower and
  /// 1 − upper of the pointwise band, so they depend on ``confidence``.
  ///
  /// R's exact rules are kept: curve values are matched after removing repeated values (also
  /// non-adjacent ones, which matters for a non-monotone upper curve), the crossing is the point
  /// whose value is the smallest at or above p − √ε, and NA points of the band are skipped.
  ///
  /// - Parameter probability: p in [0, 1]; p = 0 gives time 0.
  /// - Throws: ``SurvivalOptionError/probabilityOutOfRange(_:)`` unless 0 ≤ p ≤ 1.
  /// - Complexity: O(m) for m rows.
  public func quantile(_ probability: Double) throws(SurvivalOptionError) -> Quantile {
    try quantiles([probability])[0]
  }

  /// Several quantiles at once (each curve is prepared once).
  ///
  /// R: `quantile(fit, probs = c(.25, .5, .75), conf.int = TRUE)`.
  /// - Throws: ``SurvivalOptionError/probabilityOutOfRange(_:)`` for the first invalid p.
  /// - Complexity: O(m + k) for k probabilities.
  public func quantiles(_ probabilities: [Double]) throws(SurvivalOptionError) -> [Quantile] {
    for p in probabilities where !(p >= 0 && p <= 1) { throw .probabilityOutOfRange(p) }
    // Curves y = 1 − S, 1 − lower and 1 − upper, with NaN marking R's NA.
    let rowCount = times.count
    var lower = [Double](repeating: .nan, count: rowCount)
    var upper = [Double](repeating: .nan, count: rowCount)
    var central = [Double](repeating: 0, count: rowCount)
    for row in 0..<rowCount {
      let interval = confidence.interval(
        survival: survival[row], standardErrorOfLogSurvival: standardErrorOfLogSurvival[row])
      central[row] = 1 - survival[row]
      if let value = interval.lower { lower[row] = 1 - value }
      if let value = interval.upper { upper[row] = 1 - value }
    }
    let centralCurve = _QuantileCurve(times: times, values: central)
    let lowerCurve = _QuantileCurve(times: times, values: lower)
    let upperCurve = _QuantileCurve(times: times, values: upper)
    return probabilities.map { p in
      Quantile(
        probability: p, estimate: centralCurve.crossing(p), lower: lowerCurve.crossing(p),
        upper: upperCurve.crossing(p))
    }
  }

  /// The median survival time with its interval (R: `quantile(fit, 0.5)`; `print(fit)` shows
  /// the same numbers).
  public var median: Quantile {
    // 0.5 is always a valid probability.
    (try? quantile(0.5)) ?? Quantile(probability: 0.5, estimate: nil, lower: nil, upper: nil)
  }
}

/// A cumulative-incidence curve y = 1 − S prepared for R's `findq` rule.
///
/// Points: (0, 0) followed by (tᵢ, yᵢ) with yᵢ possibly NA (nil). R removes repeated y values
/// (keeping the first occurrence, NA counting as one value), then interpolates with
/// `approx(y ± tol, index, p, method = "constant", f = 1)`, i.e. picks the point with the smallest
/// y ± tol that is ≥ p (NA when p is below the smallest or above the largest such value).
struct _QuantileCurve {
  private static let tolerance = Double.ulpOfOne.squareRoot()
  /// Distinct non-NA points in curve order.
  private var knotTimes: [Double] = []
  private var knotValues: [Double] = []
  /// The last kept point (R's `y[n]`), nil when it is the NA point.
  private var lastKeptValue: Double?
  /// The largest y (R's `max(y, na.rm = TRUE)`).
  private var maximum = 0.0
  /// The last time of the curve (R's `xmax`).
  private var lastTime: Double

  /// Prepares the curve with points (0, 0), (tᵢ, yᵢ); NaN in `values` marks NA.
  ///
  /// One pass when the non-NA values are non-decreasing (repeated values are then adjacent);
  /// otherwise a second pass with a set of seen values, as R's `duplicated`.
  init(times: [Double], values: [Double]) {
    lastTime = times.last ?? 0
    if !prepare(times: times, values: values, assumingMonotone: true) {
      knotTimes.removeAll(keepingCapacity: true)
      knotValues.removeAll(keepingCapacity: true)
      maximum = 0
      _ = prepare(times: times, values: values, assumingMonotone: false)
    }
  }

  /// Fills the knots; returns false (unfinished) when `assumingMonotone` turns out to be wrong.
  private mutating func prepare(times: [Double], values: [Double], assumingMonotone: Bool) -> Bool {
    knotTimes.reserveCapacity(times.count + 1)
    knotValues.reserveCapacity(times.count + 1)
    knotTimes.append(0)
    knotValues.append(0)
    lastKeptValue = 0
    var hasKeptNil = false
    var previous = 0.0
    var seen: Set<UInt64> = assumingMonotone ? [] : [Double(0).bitPattern]
    for index in times.indices {
      let y = values[index]
      if y.isNaN {
        if !hasKeptNil {
          hasKeptNil = true
          lastKeptValue = nil
        }
        continue
      }
      if y > maximum { maximum = y }
      let isNew: Bool
      if assumingMonotone {
        if y < previous { return false }
        previous = y
        isNew = y != knotValues[knotValues.count - 1]
      } else {
        isNew = seen.insert((y + 0).bitPattern).inserted
      }
      if isNew {
        knotTimes.append(times[index])
        knotValues.append(y)
        lastKeptValue = y
      }
    }
    return true
  }

  /// The quantile time for probability p by R's rule, or nil.
  func crossing(_ p: Double) -> Double? {
    if p == 0 { return 0 }
    if maximum < p { return nil }
    let tolerance = Self.tolerance
    guard let first = nearestKnot(atOrAbove: p, offset: tolerance) else { return nil }
    if let last = lastKeptValue, abs(p - last) < tolerance {
      return Self.midpoint(knotTimes[first], lastTime)
    }
    guard let second = nearestKnot(atOrAbove: p, offset: -tolerance) else { return nil }
    return Self.midpoint(knotTimes[first], knotTimes[second])
  }

  /// (a + b)/2 as R computes it, without overflowing to ∞ for times near the largest double.
  static func midpoint(_ a: Double, _ b: Double) -> Double {
    let sum = a + b
    return sum.isFinite ? sum / 2 : a / 2 + b / 2
  }

  /// The knot whose value + offset is the smallest one ≥ p; nil when p lies outside the range of
  /// the shifted values (R's `approx` with `rule = 1`).
  private func nearestKnot(atOrAbove p: Double, offset: Double) -> Int? {
    var best: Int?
    var smallest = Double.infinity
    var bestValue = Double.infinity
    for index in knotValues.indices {
      let shifted = knotValues[index] + offset
      if shifted < smallest { smallest = shifted }
      if shifted >= p && shifted < bestValue {
        bestValue = shifted
        best = index
      }
    }
    if p < smallest { return nil }
    return best
  }
}
