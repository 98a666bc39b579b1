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
    // Curves y = 1 − S, 1 − lower and 1 − upper, with NaN marking R's NA, read in one pass.
    let lastTime = times.last ?? 0
    var central = _QuantileCurve(probabilities: probabilities, lastTime: lastTime)
    var lower = central
    var upper = central
    func limits(_ row: Int) -> (lower: Double, upper: Double) {
      let interval = confidence.interval(
        survival: survival[row], standardErrorOfLogSurvival: standardErrorOfLogSurvival[row])
      return (interval.lower.map { 1 - $0 } ?? .nan, interval.upper.map { 1 - $0 } ?? .nan)
    }
    for row in times.indices {
      let (low, high) = limits(row)
      central.add(time: times[row], value: 1 - survival[row])
      lower.add(time: times[row], value: low)
      upper.add(time: times[row], value: high)
    }
    central.finish(count: times.count) { 1 - survival[$0] }
    lower.finish(count: times.count) { limits($0).lower }
    upper.finish(count: times.count) { limits($0).upper }
    return probabilities.indices.map { index in
      Quantile(
        probability: probabilities[index], estimate: central.crossing(index), lower: lower.crossing(index),
        upper: upper.crossing(index))
    }
  }

  /// The median survival time with its interval (R: `quantile(fit, 0.5)`; `print(fit)` shows
  /// the same numbers).
  public var median: Quantile {
    // 0.5 is always a valid probability.
    (try? quantile(0.5)) ?? Quantile(probability: 0.5, estimate: nil, lower: nil, upper: nil)
  }
}

/// A cumulative-incidence curve y = 1 − S searched by R's `findq` rule, its points added in
/// order and nothing of them kept.
///
/// Points: (0, 0) followed by (tᵢ, yᵢ) with yᵢ possibly NA (NaN). R removes repeated y values
/// (keeping the first occurrence, NA counting as one value), then interpolates with
/// `approx(y ± tol, index, p, method = "constant", f = 1)`, i.e. picks the point with the smallest
/// y ± tol that is ≥ p (NA when p is below the smallest or above the largest such value).
///
/// A repeated value never wins that search (the first point of a value comes first and only a
/// smaller value replaces a candidate), so the search runs over every point as it is added.
/// Only R's last kept value (`y[n]`) needs the repeats removed: tracked in the same pass while
/// the values do not decrease (repeats are then adjacent), found again with a set of seen
/// values otherwise (R's `duplicated`).
struct _QuantileCurve {
  private static let tolerance = Double.ulpOfOne.squareRoot()
  private let probabilities: [Double]
  /// Per probability, for the offsets +tol and −tol: the time and shifted value of the point
  /// with the smallest y ± tol that is ≥ p.
  private var bestTimes: [Double?]
  private var bestValues: [Double]
  /// The smallest y + tol and y − tol.
  private var smallestAbove = Double.infinity
  private var smallestBelow = Double.infinity
  /// The largest y (R's `max(y, na.rm = TRUE)`).
  private var maximum = 0.0
  /// The last kept point (R's `y[n]`), nil when it is the NA point.
  private(set) var lastKeptValue: Double?
  private var hasKeptNil = false
  /// The last value added, while the values have not decreased.
  private var previous = 0.0
  private var isMonotone = true
  /// The last time of the curve (R's `xmax`).
  private let lastTime: Double

  init(probabilities: [Double], lastTime: Double) {
    self.probabilities = probabilities
    self.lastTime = lastTime
    bestTimes = [Double?](repeating: nil, count: probabilities.count * 2)
    bestValues = [Double](repeating: .infinity, count: probabilities.count * 2)
    lastKeptValue = 0
    consider(time: 0, value: 0)
  }

  /// Adds the point (t, y); NaN marks NA.
  @inline(__always)
  mutating func add(time: Double, value y: Double) {
    if y.isNaN {
      if !hasKeptNil {
        hasKeptNil = true
        lastKeptValue = nil
      }
      return
    }
    if y > maximum { maximum = y }
    if isMonotone {
      if y < previous {
        isMonotone = false
      } else {
        if y != previous { lastKeptValue = y }
        previous = y
      }
    }
    consider(time: time, value: y)
  }

  @inline(__always)
  private mutating func consider(time: Double, value y: Double) {
    let tolerance = Self.tolerance
    let above = y + tolerance
    let below = y + -tolerance
    if above < smallestAbove { smallestAbove = above }
    if below < smallestBelow { smallestBelow = below }
    for index in probabilities.indices {
      let p = probabilities[index]
      if above >= p && above < bestValues[2 &* index] {
        bestValues[2 &* index] = above
        bestTimes[2 &* index] = time
      }
      if below >= p && below < bestValues[2 &* index &+ 1] {
        bestValues[2 &* index &+ 1] = below
        bestTimes[2 &* index &+ 1] = time
      }
    }
  }

  /// Finds R's last kept value again when the values decreased somewhere; `value(i)` is the
  /// i-th added value.
  ///
  /// R's last kept value is the one whose first occurrence comes last. The runs of equal values
  /// are visited from the end: the first run whose value does not occur before it is that value
  /// (a later value first seen after it would have been found in its own run). One scan settles
  /// nearly every curve; after ``candidateLimit`` runs a set of the seen values settles the rest.
  /// - Complexity: O(n) evaluations of `value` per run visited, at most ``candidateLimit`` + 1.
  mutating func finish(count: Int, value: (Int) -> Double) {
    guard !isMonotone else { return }
    func same(_ a: Double, _ b: Double) -> Bool { a.isNaN ? b.isNaN : a == b }
    var end = count - 1
    for _ in 0..<Self.candidateLimit {
      // The points before the first added one hold only the initial 0.
      guard end >= 0 else {
        lastKeptValue = 0
        return
      }
      let candidate = value(end)
      var start = end
      while start > 0 && same(value(start - 1), candidate) { start -= 1 }
      var seenBefore = same(0, candidate)
      var index = 0
      while !seenBefore && index < start {
        seenBefore = same(value(index), candidate)
        index += 1
      }
      if !seenBefore {
        lastKeptValue = candidate.isNaN ? nil : candidate
        return
      }
      end = start - 1
    }
    var seen = Set<UInt64>(minimumCapacity: count + 1)
    seen.insert(Double(0).bitPattern)
    lastKeptValue = 0
    hasKeptNil = false
    for index in 0..<count {
      let y = value(index)
      if y.isNaN {
        if !hasKeptNil {
          hasKeptNil = true
          lastKeptValue = nil
        }
      } else if seen.insert((y + 0).bitPattern).inserted {
        lastKeptValue = y
      }
    }
  }

  /// How many runs ``finish(count:value:)`` visits from the end before it falls back to a set.
  static let candidateLimit = 4

  /// The quantile time for the probability at `index` by R's rule, or nil.
  func crossing(_ index: Int) -> Double? {
    let p = probabilities[index]
    if p == 0 { return 0 }
    if maximum < p { return nil }
    let tolerance = Self.tolerance
    guard p >= smallestAbove, let first = bestTimes[2 * index] else { return nil }
    if let last = lastKeptValue, abs(p - last) < tolerance {
      return Self.midpoint(first, lastTime)
    }
    guard p >= smallestBelow, let second = bestTimes[2 * index + 1] else { return nil }
    return Self.midpoint(first, second)
  }

  /// (a + b)/2 as R computes it, without overflowing to ∞ for times near the largest double.
  static func midpoint(_ a: Double, _ b: Double) -> Double {
    let sum = a + b
    return sum.isFinite ? sum / 2 : a / 2 + b / 2
  }
}
