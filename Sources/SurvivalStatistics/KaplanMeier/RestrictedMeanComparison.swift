import Foundation

/// Two groups compared by their restricted mean survival time (RMST) up to τ: the difference
/// and ratio of the RMSTs and the ratio of the restricted mean times lost (RMTL = τ − RMST),
/// with Wald intervals and p-values, as `survRM2::rmst2(time, status, arm, tau)` reports them
/// (`unadjusted.result`).
///
/// With μ₁, μ₀ the RMSTs of the treatment (R: `arm = 1`) and control (`arm = 0`) groups and
/// v₁, v₀ their variances (Kaplan–Meier areas, ``KaplanMeierEstimate/restrictedMean(upTo:)``,
/// the same formula as `rmst2`'s `rmst1`), z = Φ⁻¹(1 − α/2):
///
///     difference  μ₁ − μ₀,            se = √(v₁ + v₀),                 CI ± z·se
///     ratio       exp(log μ₁ − log μ₀), se(log) = √(v₁/μ₁² + v₀/μ₀²),  CI exp(log ± z·se)
///     RMTL ratio  exp(log λ₁ − log λ₀), λ = τ − μ, se(log) = √(v₁/λ₁² + v₀/λ₀²)
///
/// and p = 2Φ(−|estimate on the test scale| / se). Without a τ, τ is the smaller of the two
/// groups' last observation times, `rmst2`'s default.
///
/// survRM2 is not part of the reference environment; the tests reproduce `rmst2`'s
/// computation by hand in R from `survfit` (see the fixture script).
///
/// Reference: Uno et al. (2014), J Clin Oncol 32:2380–2385; Royston & Parmar (2013), BMC Med
/// Res Methodol 13:152.
///
/// - Complexity: O(m) for m Kaplan–Meier rows.
public struct RestrictedMeanComparison: Equatable, Sendable {
  /// One estimate with its interval and p-value.
  public struct Contrast: Equatable, Sendable {
    /// The estimate (R: `Est.`).
    public let estimate: Double
    /// Its standard error, on the log scale for ratios.
    public let standardError: Double
    /// Lower end of the interval (R: `lower .95`).
    public let lower: Double
    /// Upper end (R: `upper .95`).
    public let upper: Double
    /// Two-sided Wald p-value (R: `p`).
    public let p: Double
  }

  /// One group's RMST and RMTL (R: `RMST.arm1$result`).
  public struct Group: Equatable, Sendable {
    /// The RMST with its standard error and interval μ ± z·se (p is NaN).
    public let restrictedMean: Contrast
    /// The RMTL τ − μ with the same standard error (p is NaN).
    public let restrictedMeanTimeLost: Contrast
  }

  /// The restriction time τ.
  public let restrictionTime: Double
  /// The confidence level of the intervals.
  public let confidenceLevel: Double
  /// The treatment group (R: `arm = 1`).
  public let treatment: Group
  /// The control group (R: `arm = 0`).
  public let control: Group
  /// RMST treatment − control (R: `RMST (arm=1)-(arm=0)`).
  public let difference: Contrast
  /// RMST treatment / control (R: `RMST (arm=1)/(arm=0)`).
  public let ratio: Contrast
  /// RMTL treatment / control (R: `RMTL (arm=1)/(arm=0)`).
  public let timeLostRatio: Contrast

  /// Compares two Kaplan–Meier estimates up to τ.
  ///
  /// - Parameters:
  ///   - treatment: the estimate of the group R calls `arm = 1`.
  ///   - control: the estimate of `arm = 0`.
  ///   - restrictionTime: τ > 0; nil for the smaller of the two last observation times.
  ///   - confidenceLevel: in (0, 1), default 0.95.
  /// - Throws: ``SurvivalOptionError/invalidRestrictionTime(_:)`` unless τ is finite and > 0,
  ///   ``SurvivalOptionError/confidenceLevelOutOfRange(_:)``.
  public init(
    treatment: KaplanMeierEstimate, control: KaplanMeierEstimate, restrictionTime: Double? = nil,
    confidenceLevel: Double = 0.95
  ) throws(SurvivalOptionError) {
    guard confidenceLevel > 0, confidenceLevel < 1 else {
      throw .confidenceLevelOutOfRange(confidenceLevel)
    }
    let tau = restrictionTime ?? min(treatment.lastTime, control.lastTime)
    guard tau.isFinite, tau > 0 else { throw .invalidRestrictionTime(tau) }
    let z = Distributions.normalQuantile(1 - (1 - confidenceLevel) / 2)
    let one = try treatment.restrictedMean(upTo: tau)
    let zero = try control.restrictedMean(upTo: tau)
    func group(_ mean: KaplanMeierEstimate.RestrictedMean) -> Group {
      let se = mean.standardError
      let lost = tau - mean.estimate
      return Group(
        restrictedMean: Contrast(
          estimate: mean.estimate, standardError: se, lower: mean.estimate - z * se,
          upper: mean.estimate + z * se, p: .nan),
        restrictedMeanTimeLost: Contrast(
          estimate: lost, standardError: se, lower: lost - z * se, upper: lost + z * se, p: .nan))
    }
    func twoSided(_ statistic: Double) -> Double {
      2 * Distributions.normalCDF(-abs(statistic))
    }
    let v1 = one.standardError * one.standardError
    let v0 = zero.standardError * zero.standardError
    let difference = one.estimate - zero.estimate
    let differenceSE = (v1 + v0).squareRoot()
    let logRatio = log(one.estimate) - log(zero.estimate)
    let logRatioSE =
      (v1 / one.estimate / one.estimate + v0 / zero.estimate / zero.estimate).squareRoot()
    let lost1 = tau - one.estimate
    let lost0 = tau - zero.estimate
    let logLostRatio = log(lost1) - log(lost0)
    let logLostRatioSE = (v1 / lost1 / lost1 + v0 / lost0 / lost0).squareRoot()
    self.restrictionTime = tau
    self.confidenceLevel = confidenceLevel
    self.treatment = group(one)
    self.control = group(zero)
    self.difference = Contrast(
      estimate: difference, standardError: differenceSE, lower: difference - z * differenceSE,
      upper: difference + z * differenceSE, p: twoSided(difference / differenceSE))
    self.ratio = Contrast(
      estimate: exp(logRatio), standardError: logRatioSE, lower: exp(logRatio - z * logRatioSE),
      upper: exp(logRatio + z * logRatioSE), p: twoSided(logRatio / logRatioSE))
    self.timeLostRatio = Contrast(
      estimate: exp(logLostRatio), standardError: logLostRatioSE,
      lower: exp(logLostRatio - z * logLostRatioSE),
      upper: exp(logLostRatio + z * logLostRatioSE), p: twoSided(logLostRatio / logLostRatioSE))
  }
}
