/// Restricted mean survival time (RMST), as R's `print(fit, rmean = τ)`.
extension KaplanMeierEstimate {
  /// The restricted mean survival time up to τ with its standard error.
  public struct RestrictedMean: Equatable, Sendable {
    /// The restriction time τ (R: `rmean.endtime`).
    public let restrictionTime: Double
    /// ∫₀^τ S(t) dt (R: `rmean`).
    public let estimate: Double
    /// Its standard error (R: `se(rmean)`).
    public let standardError: Double
  }

  /// The area under the Kaplan–Meier curve from 0 to τ.
  ///
  /// With the rows tᵢ ≤ τ and Aᵢ = ∫_{tᵢ}^τ S(t) dt:
  ///
  ///     RMST = ∫₀^τ S(t) dt,   Var = Σ_{tᵢ ≤ τ} Aᵢ² dᵢ / (nᵢ (nᵢ − dᵢ))
  ///
  /// with terms where nᵢ = dᵢ set to 0 and no n/(n − 1) correction, exactly as R's `survmean`.
  /// Beyond the last observation the curve is carried forward at its last value; τ before the
  /// first observation gives RMST = τ and standard error 0 (R refuses τ < first time).
  ///
  /// R: `print(fit, rmean = tau)` / `summary(fit, rmean = tau)$table[, c("rmean", "se(rmean)")]`.
  /// - Throws: ``SurvivalOptionError/invalidRestrictionTime(_:)`` unless τ is finite and ≥ 0.
  /// - Complexity: O(m).
  public func restrictedMean(upTo tau: Double) throws(SurvivalOptionError) -> RestrictedMean {
    guard tau.isFinite, tau >= 0 else { throw .invalidRestrictionTime(tau) }
    let kept = rowCount(through: tau)
    if kept == 0 {
      return RestrictedMean(restrictionTime: tau, estimate: tau, standardError: 0)
    }
    // Rectangles: [0, t₁] at height 1, [tᵢ, tᵢ₊₁] at S(tᵢ), and [t_kept, τ] at S(t_kept).
    var area = times[0]
    for row in 1..<kept {
      area += (times[row] - times[row - 1]) * survival[row - 1]
    }
    let finalRectangle = (tau - times[kept - 1]) * survival[kept - 1]
    area += finalRectangle
    // Aᵢ accumulated backwards from τ.
    var areaAfter = finalRectangle
    var variance = 0.0
    var row = kept - 1
    while row >= 0 {
      if let weightedAtRisk, let weightedEvents {
        // A weighted fit: R's survmean uses the weighted n.risk and n.event.
        let n = weightedAtRisk[row]
        let d = weightedEvents[row]
        if d > 0 && n != d {
          variance += areaAfter * areaAfter * (d / (n * (n - d)))
        }
      } else {
        let n = atRisk[row]
        let d = events[row]
        if d > 0 && n != d {
          let hazardTerm = Double(d) / (Double(n) * Double(n - d))
          variance += areaAfter * areaAfter * hazardTerm
        }
      }
      if row > 0 { areaAfter += (times[row] - times[row - 1]) * survival[row - 1] }
      row -= 1
    }
    return RestrictedMean(
      restrictionTime: tau, estimate: area, standardError: variance.squareRoot())
  }

  /// The restriction time R uses for `rmean = "common"`: the largest last observation time among
  /// the curves; nil for no curves.
  public static func commonRestrictionTime(_ estimates: [KaplanMeierEstimate]) -> Double? {
    estimates.map(\.lastTime).max()
  }
}
