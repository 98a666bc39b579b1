/// Row views of a cumulative incidence curve and its values at chosen times, as
/// `cmprsk::timepoints`.
extension CumulativeIncidence.Curve {
  /// One distinct time of the group with the curve's estimate and interval there.
  public struct Row: Equatable, Sendable {
    /// The time tᵢ.
    public let time: Double
    /// Subjects at risk just before tᵢ.
    public let atRisk: Int
    /// Failures from the curve's cause at tᵢ.
    public let events: Int
    /// Failures from other causes at tᵢ.
    public let competingEvents: Int
    /// Censorings at tᵢ.
    public let censored: Int
    /// F(tᵢ) (R: `$est`).
    public let estimate: Double
    /// Var F(tᵢ) (R: `$var`).
    public let variance: Double
    /// √Var F(tᵢ) (tidycmprsk: `std.error`).
    public let standardError: Double
    /// The lower limit of the pointwise interval; nil where it is undefined (F = 0 for log-log).
    public let lower: Double?
    /// The upper limit; nil where undefined.
    public let upper: Double?
  }

  /// The value of the curve at one requested time.
  public struct ValueAtTime: Equatable, Sendable {
    /// The requested time.
    public let time: Double
    /// Subjects at risk at the time (time ≥ it); 0 beyond the last observation.
    public let atRisk: Int
    /// F at the time (the step function, right-continuous); 0 before the first event; nil after
    /// the group's last observation (R: `timepoints(...)$est`, NA there).
    public let estimate: Double?
    /// Its variance (R: `timepoints(...)$var`); nil where the estimate is.
    public let variance: Double?
    /// √variance.
    public let standardError: Double?
    /// The lower limit of the pointwise interval; nil where undefined or beyond follow-up.
    public let lower: Double?
    /// The upper limit; nil where undefined or beyond follow-up.
    public let upper: Double?

    /// Whether the time lies after the group's last observation, where F is not estimated.
    public var isBeyondFollowUp: Bool { estimate == nil }
  }

  /// The number of rows (distinct times).
  public var rowCount: Int { times.count }

  /// One ``Row`` per distinct time, with intervals from ``confidence``.
  ///
  /// - Complexity: O(m) for m rows.
  public var rows: [Row] {
    times.indices.map { i in
      let interval = confidence.interval(estimate: estimate[i], variance: variance[i])
      return Row(
        time: times[i], atRisk: atRisk[i], events: events[i], competingEvents: competingEvents[i],
        censored: censored[i], estimate: estimate[i], variance: variance[i],
        standardError: variance[i].squareRoot(), lower: interval.lower, upper: interval.upper)
    }
  }

  /// The curve at each requested time, in ascending time order.
  ///
  /// R: `timepoints(cuminc(...), times)`: the value of the step function at the time (the last
  /// row at or before it; 0 with variance 0 before the first row), NA after the group's last
  /// observation time (any status). The time of the last observation itself is still estimated.
  ///
  /// - Parameter times: finite, non-negative times in any order (reported sorted, as R does).
  /// - Throws: ``SurvivalOptionError/invalidTime(_:)`` for the first invalid time.
  /// - Complexity: O(k log k + k log m) for k times and m rows.
  public func values(atTimes requested: [Double]) throws(SurvivalOptionError) -> [ValueAtTime] {
    for time in requested where !(time.isFinite && time >= 0) { throw .invalidTime(time) }
    return requested.sorted().map { time in
      // The number of rows with tᵢ ≤ time.
      var low = 0
      var high = times.count
      while low < high {
        let middle = (low + high) / 2
        if times[middle] <= time { low = middle + 1 } else { high = middle }
      }
      let through = low
      // Subjects at risk at the time: the first row at or after it.
      let first = through > 0 && times[through - 1] == time ? through - 1 : through
      let atRiskHere = first < times.count ? atRisk[first] : 0
      if time > lastTime {
        return ValueAtTime(
          time: time, atRisk: 0, estimate: nil, variance: nil, standardError: nil, lower: nil,
          upper: nil)
      }
      let f = through == 0 ? 0 : estimate[through - 1]
      let v = through == 0 ? 0 : variance[through - 1]
      let interval = confidence.interval(estimate: f, variance: v)
      return ValueAtTime(
        time: time, atRisk: atRiskHere, estimate: f, variance: v, standardError: v.squareRoot(),
        lower: interval.lower, upper: interval.upper)
    }
  }
}
