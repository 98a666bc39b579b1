/// The pointwise band of the Nelson–Aalen cumulative hazard, as R draws it for
/// `plot(fit, fun = "cumhaz", conf.int = TRUE)`.
extension KaplanMeierEstimate {
  /// A pointwise interval of the cumulative hazard at one distinct time.
  public struct CumulativeHazardInterval: Equatable, Sendable {
    /// The lower limit, ≥ 0.
    public let lower: Double
    /// The upper limit (not bounded above).
    public let upper: Double
  }

  /// The interval of the Nelson–Aalen cumulative hazard H at the row `position`, on the plain
  /// scale:
  ///
  ///     lower = max(H − z·σ_H, 0)      upper = H + z·σ_H
  ///
  /// with σ_H the standard error of H (R: `std.chaz`) and z the critical value of the
  /// estimate's confidence level (R: `qnorm(1 - (1 - conf.int)/2)`). The transform of the
  /// survival band does not apply: R's `plot.survfit` (survival 3.5) draws the cumulative
  /// hazard from `fit$cumhaz` and `fit$std.chaz` with `conf.type = "plain"` unless told
  /// otherwise, i.e. `survfit_confint(cumhaz, std.chaz, logse = FALSE, "plain", conf.int,
  /// ulimit = FALSE)`. This is not −log of the survival limits.
  ///
  /// - Complexity: O(1).
  public func cumulativeHazardInterval(at position: Int) -> CumulativeHazardInterval {
    let hazard = cumulativeHazard[position]
    let halfWidth = confidence.criticalValue * cumulativeHazardStandardError[position]
    return CumulativeHazardInterval(lower: max(hazard - halfWidth, 0), upper: hazard + halfWidth)
  }

  /// ``cumulativeHazardInterval(at:)`` for every distinct time, aligned with ``rows``.
  ///
  /// - Complexity: O(k) in the number of distinct times.
  public var cumulativeHazardIntervals: [CumulativeHazardInterval] {
    times.indices.map(cumulativeHazardInterval(at:))
  }
}
