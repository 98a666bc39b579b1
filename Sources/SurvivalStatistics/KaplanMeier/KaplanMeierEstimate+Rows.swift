/// Row-wise access to a ``KaplanMeierEstimate``, one row per distinct time as in R's `fit$time`.
extension KaplanMeierEstimate {
  /// One distinct time of the estimate with its counts, estimates and interval.
  public struct Row: Equatable, Sendable {
    /// The time (R: `time`).
    public let time: Double
    /// Subjects at risk just before the time, i.e. with time ≥ this time (R: `n.risk`).
    public let atRisk: Int
    /// Events at the time (R: `n.event`).
    public let events: Int
    /// Censorings at the time (R: `n.censor`).
    public let censored: Int
    /// The survival estimate (R: `surv`).
    public let survival: Double
    /// The standard error of −log S (R: `fit$std.err`); +∞ once S = 0.
    public let standardErrorOfLogSurvival: Double
    /// The standard error of S, σ·S (R: `summary(fit)$std.err`); nil where R gives NaN (S = 0).
    public let standardError: Double?
    /// The lower confidence limit; nil where R gives NA or NaN.
    public let lower: Double?
    /// The upper confidence limit; nil where R gives NA or NaN.
    public let upper: Double?
    /// The Nelson–Aalen cumulative hazard (R: `cumhaz`).
    public let cumulativeHazard: Double
    /// Its standard error (R: `std.chaz`).
    public let cumulativeHazardStandardError: Double

    /// The cumulative incidence 1 − S (R: `1 - surv`, the curve of `fun = "event"`).
    public var cumulativeIncidence: Double { 1 - survival }
  }

  /// The rows of an estimate as a random-access collection; each row is assembled on access.
  public struct Rows: RandomAccessCollection, Sendable {
    let estimate: KaplanMeierEstimate

    /// The first row index, 0.
    public var startIndex: Int { 0 }
    /// One past the last row index: the number of distinct times.
    public var endIndex: Int { estimate.times.count }

    /// The row at `position`, with its interval computed from the estimate's band.
    public subscript(position: Int) -> Row {
      let e = estimate
      let s = e.survival[position]
      let se = e.standardErrorOfLogSurvival[position]
      let interval = e.confidence.interval(survival: s, standardErrorOfLogSurvival: se)
      let seSurvival = s * se
      return Row(
        time: e.times[position], atRisk: e.atRisk[position], events: e.events[position],
        censored: e.censored[position], survival: s, standardErrorOfLogSurvival: se,
        standardError: seSurvival.isNaN ? nil : seSurvival, lower: interval.lower,
        upper: interval.upper, cumulativeHazard: e.cumulativeHazard[position],
        cumulativeHazardStandardError: e.cumulativeHazardStandardError[position])
    }
  }

  /// One row per distinct time (event or censoring), as R's `fit$time`.
  public var rows: Rows { Rows(estimate: self) }

  /// The rows at event times only, as `summary(fit)` prints without `times`.
  public var eventRows: [Row] { rows.filter { $0.events > 0 } }
}
