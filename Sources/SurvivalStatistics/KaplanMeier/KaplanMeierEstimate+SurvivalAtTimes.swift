/// Survival at requested times with the counts of the intervals between them, as R's
/// `summary(fit, times = …)`.
extension KaplanMeierEstimate {
  /// The estimate at one requested time.
  public struct SurvivalAtTime: Equatable, Sendable {
    /// The requested time (R: `time`).
    public let time: Double
    /// Subjects at risk at the time: those with time ≥ it; 0 beyond the last observation
    /// (R: `n.risk`).
    public let atRisk: Int
    /// Events in (previous requested time, time]; the first interval starts at −∞ (R: `n.event`).
    public let events: Int
    /// Censorings in the same interval (R: `n.censor`).
    public let censored: Int
    /// S(t); nil beyond the last observation (R drops such times with `extend = FALSE`).
    public let survival: Double?
    /// The standard error of S (R: `summary(...)$std.err`); nil where R gives NaN or beyond.
    public let standardError: Double?
    /// The standard error of −log S (R: `fit$std.err` at the row used).
    public let standardErrorOfLogSurvival: Double?
    /// The lower confidence limit; nil where R gives NA/NaN or beyond.
    public let lower: Double?
    /// The upper confidence limit; nil where R gives NA/NaN or beyond.
    public let upper: Double?

    /// Whether the time lies after the last observation, where S is not estimable.
    public var isBeyondFollowUp: Bool { survival == nil && atRisk == 0 }
  }

  /// Survival at each requested time, in ascending time order.
  ///
  /// R: `summary(fit, times = times, extend = TRUE)`, except that beyond the last observation the
  /// survival, its standard error and interval are nil (R with `extend = FALSE`, its default,
  /// drops those times; with `extend = TRUE` it carries the last value forward). Before the first
  /// observation S = 1, with standard error 0 and interval [1, 1] for every transform (R's
  /// `survfit0` row at time 0). Between rows the last row at or before the time is used.
  ///
  /// - Parameter times: finite, non-negative times in any order (reported sorted, as R does).
  /// - Throws: ``SurvivalOptionError/invalidTime(_:)`` for the first invalid time.
  /// - Complexity: O(k log k + m) for k times and m rows.
  public func survival(atTimes times: [Double]) throws(SurvivalOptionError) -> [SurvivalAtTime] {
    for time in times where !(time.isFinite && time >= 0) { throw .invalidTime(time) }
    let rows = self.rows
    var cumulativeEvents = 0
    var cumulativeCensored = 0
    var consumedRows = 0
    var results: [SurvivalAtTime] = []
    results.reserveCapacity(times.count)
    for time in times.sorted() {
      let through = rowCount(through: time)
      let previousEvents = cumulativeEvents
      let previousCensored = cumulativeCensored
      while consumedRows < through {
        cumulativeEvents += events[consumedRows]
        cumulativeCensored += censored[consumedRows]
        consumedRows += 1
      }
      let eventsInInterval = cumulativeEvents - previousEvents
      let censoredInInterval = cumulativeCensored - previousCensored
      if time > lastTime {
        results.append(
          SurvivalAtTime(
            time: time, atRisk: 0, events: eventsInInterval, censored: censoredInInterval,
            survival: nil, standardError: nil, standardErrorOfLogSurvival: nil, lower: nil,
            upper: nil))
      } else if through == 0 {
        results.append(
          SurvivalAtTime(
            time: time, atRisk: numberAtRisk(at: time), events: eventsInInterval,
            censored: censoredInInterval, survival: 1, standardError: 0,
            standardErrorOfLogSurvival: 0, lower: 1, upper: 1))
      } else {
        let row = rows[through - 1]
        results.append(
          SurvivalAtTime(
            time: time, atRisk: numberAtRisk(at: time), events: eventsInInterval,
            censored: censoredInInterval, survival: row.survival,
            standardError: row.standardError,
            standardErrorOfLogSurvival: row.standardErrorOfLogSurvival, lower: row.lower,
            upper: row.upper))
      }
    }
    return results
  }
}
