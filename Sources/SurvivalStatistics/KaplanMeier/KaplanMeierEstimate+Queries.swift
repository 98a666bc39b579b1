/// Point queries on a ``KaplanMeierEstimate``: the step function and the counts a risk table
/// needs.
///
/// Counting identities (n = ``KaplanMeierEstimate/subjectCount``), for every t:
///
///     numberAtRisk(at: t) + cumulativeEvents(before: t) + cumulativeCensored(before: t) = n
///
/// and, at any t that is not itself an observation time (for example axis breaks between
/// observations), the same holds with the inclusive counts `cumulativeEvents(through:)` and
/// `cumulativeCensored(through:)`. At an observation time the subjects observed exactly at t are
/// both at risk (R's convention, time ≥ t) and counted by the inclusive counts.
extension KaplanMeierEstimate {
  /// The number of rows with time ≤ `time` (0 when `time` precedes the first row).
  ///
  /// - Complexity: O(log m) for m rows.
  func rowCount(through time: Double) -> Int {
    var low = 0
    var high = times.count
    while low < high {
      let middle = (low + high) / 2
      if times[middle] <= time { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The number of rows with time < `time`.
  ///
  /// - Complexity: O(log m).
  func rowCount(before time: Double) -> Int {
    var low = 0
    var high = times.count
    while low < high {
      let middle = (low + high) / 2
      if times[middle] < time { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// S(t) as a right-continuous step function: 1 before the first row, S at the last row with
  /// time ≤ t, and nil beyond the last observation time (not estimable there).
  ///
  /// R: `summary(fit, times = t)$surv` (which drops t beyond the last time).
  /// - Complexity: O(log m).
  public func survival(at time: Double) -> Double? {
    if time > lastTime { return nil }
    let count = rowCount(through: time)
    return count == 0 ? 1 : survival[count - 1]
  }

  /// The number of subjects at risk at t: those with time ≥ t (R's `n.risk` convention); 0 beyond
  /// the last observation.
  ///
  /// - Complexity: O(log m).
  public func numberAtRisk(at time: Double) -> Int {
    let row = rowCount(before: time)
    return row < times.count ? atRisk[row] : 0
  }

  /// Events at times ≤ t.
  ///
  /// - Complexity: O(log m + m) (a prefix sum over the rows).
  public func cumulativeEvents(through time: Double) -> Int {
    events[0..<rowCount(through: time)].reduce(0, +)
  }

  /// Censorings at times ≤ t.
  ///
  /// - Complexity: O(log m + m).
  public func cumulativeCensored(through time: Double) -> Int {
    censored[0..<rowCount(through: time)].reduce(0, +)
  }

  /// Events at times < t.
  ///
  /// - Complexity: O(log m + m).
  public func cumulativeEvents(before time: Double) -> Int {
    events[0..<rowCount(before: time)].reduce(0, +)
  }

  /// Censorings at times < t.
  ///
  /// - Complexity: O(log m + m).
  public func cumulativeCensored(before time: Double) -> Int {
    censored[0..<rowCount(before: time)].reduce(0, +)
  }
}
