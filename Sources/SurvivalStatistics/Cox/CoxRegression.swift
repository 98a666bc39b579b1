// Implementation goals, in order of priority:
//
// 1. Agree with R's `survival::coxph` (3.x): same estimates, iteration counts, variance,
//    likelihoods, global tests and concordance, to rounding. The Newton–Raphson loop follows
//    `coxfit6` (centring and scaling, step halving, the relative log-likelihood stopping rule,
//    the Cholesky tolerance for rank deficiency), see `_NewtonRaphson.swift`.
// 2. Robustness: separation (monotone likelihood), redundant columns and non-convergence are
//    reported as diagnostics inside the result, never trapped and never printed.
// 3. Speed: one sort by (stratum, time), O(n·p²) per iteration on contiguous arrays with no
//    per-row allocation; the concordance is O(n log n).

import Foundation

/// Cox proportional hazards regression fitted by maximum partial likelihood.
///
/// The model is λ(t | x) = λ₀ₛ(t) exp(xᵀβ), with a separate baseline hazard λ₀ₛ per stratum s.
/// β̂ maximizes the partial log-likelihood with Efron's (default), Breslow's or the exact
/// handling of tied event times; its variance is the inverse of the observed information
/// I(β̂), or the robust (sandwich) variance Σ_c D_cᵀD_c of the cluster-summed dfbeta residuals.
///
/// Data may be right-censored, `Surv(time, status)`, or in counting-process form,
/// `Surv(start, stop, status)` (time-dependent covariates, recurrent events, delayed entry),
/// with optional case weights and clusters.
///
/// Matches `survival::coxph(Surv(time, status) ~ x, ties = "efron")` with the default
/// `coxph.control()` (and `coxph(Surv(start, stop, event) ~ x + cluster(id), weights = w)`);
/// the reported tests are R's `logtest`, `waldtest`, `sctest` and, for a robust fit,
/// `robust`, and `concordance` is `fit$concordance` (not computed for counting-process or
/// weighted fits).
///
/// Reference: Therneau & Grambsch (2000), *Modeling Survival Data*, ch. 3, 8; Efron (1977),
/// JASA 72:557–565; Andersen & Gill (1982), Ann. Statist. 10:1100–1120; Lin & Wei (1989),
/// JASA 84:1074–1078.
///
/// - Complexity: O(n log n + iterations · n · p²) for n observations and p columns (exact ties:
///   O(Σ_t |risk set| · d_t · p²) per iteration).
public struct CoxRegression: Sendable {
  /// One estimated coefficient.
  public struct Coefficient: Equatable, Sendable {
    /// The column's name and structure (R: `names(coef(fit))`).
    public let label: CoefficientLabel
    /// β̂ (R: `coef`); NaN when the column is aliased (R: `NA`).
    public let estimate: Double
    /// √Var(β̂) used for z, p and the intervals: the robust standard error when the fit is
    /// robust, else the model-based one (R: `sqrt(diag(vcov(fit)))`).
    public let standardError: Double
    /// exp(β̂) (R: `exp(coef)`).
    public let hazardRatio: Double
    /// Wald z = β̂ / se (R: `z`).
    public let z: Double
    /// Two-sided Wald p-value, P(χ²₁ > z²) (R: `Pr(>|z|)`).
    public let p: Double
    /// Value used to centre the column (R: `fit$means`; 0 for columns with values in
    /// {−1, 0, 1}).
    public let mean: Double
    /// Level of the stored intervals.
    public let confidenceLevel: Double
    /// Hazard-ratio interval exp(β̂ ∓ z₁₋α/₂ se) at `confidenceLevel` (R: `lower .95`,
    /// `upper .95`).
    public let hazardRatioLower: Double
    /// Upper end of the hazard-ratio interval.
    public let hazardRatioUpper: Double
    /// √ of the model-based variance I(β̂)⁻¹ (R: `se(coef)` in `summary(fit)`, also when the
    /// robust variance is used).
    public let modelStandardError: Double
    /// √ of the robust variance (R: `robust se`); nil when the fit is not robust.
    public let robustStandardError: Double?

    /// The coefficient's R name.
    public var name: String { label.name }
    /// True when the column was a linear combination of earlier columns.
    public var isAliased: Bool { estimate.isNaN }

    /// Wald interval β̂ ∓ z₁₋α/₂ se for the coefficient at `level` (e.g. 0.95).
    public func confidenceInterval(level: Double) -> (lower: Double, upper: Double) {
      let z = Distributions.normalQuantile(1 - (1 - level) / 2)
      return (estimate - z * standardError, estimate + z * standardError)
    }

    /// Hazard-ratio interval exp(β̂ ∓ z₁₋α/₂ se) at `level`.
    public func hazardRatioInterval(level: Double) -> (lower: Double, upper: Double) {
      let interval = confidenceInterval(level: level)
      return (exp(interval.lower), exp(interval.upper))
    }
  }

  /// A chi-square test.
  public struct ChiSquareTest: Equatable, Sendable {
    /// The statistic.
    public let statistic: Double
    /// Degrees of freedom.
    public let degreesOfFreedom: Int
    /// P(χ²_df > statistic).
    public let p: Double

    /// Creates a test, computing its p-value.
    public init(statistic: Double, degreesOfFreedom: Int) {
      self.statistic = statistic
      self.degreesOfFreedom = degreesOfFreedom
      self.p =
        degreesOfFreedom > 0
        ? Distributions.chiSquareUpperTail(statistic, degreesOfFreedom: Double(degreesOfFreedom))
        : .nan
    }
  }

  /// Tests that all coefficients of one model term are zero (a factor's "overall p").
  public struct TermTest: Equatable, Sendable {
    /// The term label (R `term.labels`).
    public let term: String
    /// Positions of the term's coefficients in `coefficients`.
    public let coefficientIndices: [Int]
    /// Joint Wald test β̂ₜᵀ Vₜ⁻¹ β̂ₜ over the term's non-aliased coefficients (what
    /// `car::Anova(fit, test = "Wald")` reports).
    public let wald: ChiSquareTest
    /// Drop-term likelihood-ratio test, refitting without the term on the same rows (R:
    /// `anova(reduced, fit)`); nil unless requested in the options.
    public let likelihoodRatio: ChiSquareTest?
  }

  /// Harrell's concordance as survival 3.x `concordance()` reports it for a Cox fit.
  public struct Concordance: Equatable, Sendable {
    /// C = (concordant + tiedRisk/2) / (concordant + discordant + tiedRisk).
    public let concordance: Double
    /// Infinitesimal-jackknife standard error (R: `fit$concordance["std"]`).
    public let standardError: Double
    /// Comparable pairs in which the subject failing first has the higher risk score.
    public let concordant: Double
    /// Comparable pairs in which the subject failing first has the lower risk score.
    public let discordant: Double
    /// Comparable pairs tied on the risk score (R: `tied.x`).
    public let tiedRisk: Double
    /// Pairs of events at the same time with different risk scores, not comparable (R:
    /// `tied.y`).
    public let tiedTime: Double
    /// Pairs of events at the same time with equal risk scores (R: `tied.xy`).
    public let tiedTimeAndRisk: Double
  }

  /// The options used.
  public let options: CoxRegressionOptions
  /// The coefficients, in design-matrix column order.
  public let coefficients: [Coefficient]
  /// The model terms and their columns.
  public let terms: [DesignMatrix.Term]
  /// Variance–covariance matrix of β̂ used for inference (R: `vcov(fit)`, `fit$var`; zero rows
  /// and columns for aliased coefficients): the robust variance when the fit is robust, else
  /// I(β̂)⁻¹.
  public let variance: DenseMatrix
  /// The model-based variance I(β̂)⁻¹ (R: `fit$naive.var` of a robust fit, `fit$var` otherwise).
  public let modelVariance: DenseMatrix
  /// The robust (sandwich) variance Σ_c D_cᵀ D_c of the cluster-summed dfbeta residuals (R:
  /// `fit$var` with `cluster()` or `robust = TRUE`); nil when not computed.
  public let robustVariance: DenseMatrix?
  /// The robust score test (R: `fit$rscore`, the "Robust" line of `summary(fit)`); nil unless
  /// the fit is robust.
  public let robustScoreTest: ChiSquareTest?
  /// Number of clusters of the robust variance (each observation its own cluster without
  /// `cluster()`); nil unless the fit is robust.
  public let clusterCount: Int?
  /// Σ wᵢ over the events of a weighted fit (R's weighted `nevent` in `summary`); nil without
  /// weights.
  public let weightedEventCount: Double?
  /// Partial log-likelihood at β = 0 (R: `fit$loglik[1]`).
  public let nullLogLikelihood: Double
  /// Partial log-likelihood at β̂ (R: `fit$loglik[2]`).
  public let logLikelihood: Double
  /// Likelihood-ratio test 2(ℓ(β̂) − ℓ(0)) (R: `logtest`).
  public let likelihoodRatioTest: ChiSquareTest
  /// Wald test β̂ᵀ V⁻¹ β̂ with V = ``variance`` (robust when the fit is) (R: `waldtest`,
  /// unrounded `fit$wald.test`).
  public let waldTest: ChiSquareTest
  /// Score (log-rank) test U(0)ᵀ I(0)⁻¹ U(0) (R: `sctest`, `fit$score`; model-based also for a
  /// robust fit, as R's).
  public let scoreTest: ChiSquareTest
  /// Per-term tests, one per term.
  public let termTests: [TermTest]
  /// Concordance of the linear predictor with survival (nil for a model without covariates).
  public let concordance: Concordance?
  /// Observations used (R: `n`).
  public let observationCount: Int
  /// Events (R: `nevent`).
  public let eventCount: Int
  /// Number of strata.
  public let stratumCount: Int
  /// Rows dropped for missing values before fitting (R: `length(fit$na.action)`); set by the
  /// formula initialisers, 0 otherwise.
  public internal(set) var droppedRowCount = 0
  /// Newton–Raphson iterations (R: `iter`).
  public let iterations: Int
  /// False when the iteration limit was reached.
  public let isConverged: Bool
  /// Statistical caveats, in the order found.
  public internal(set) var diagnostics: [Diagnostic]
  /// Linear predictors xᵢᵀβ̂ − x̄ᵀβ̂ in input row order (R: `fit$linear.predictors`).
  public let linearPredictors: [Double]

  let input: _FitInput

  /// Whether the model has no covariates (only `strata()`, or `~ 1`): R's `coxph` then fits
  /// the null model (class `coxph.null`) and reports only n, events and the log-likelihood —
  /// no coefficients, tests or concordance.
  public var isNullModel: Bool { coefficients.isEmpty }

  /// Cox–Snell generalized R², 1 − exp(−LR/n) (R: `summary(fit)$rsq["rsq"]`).
  public var rSquared: Double {
    1 - exp(-likelihoodRatioTest.statistic / Double(observationCount))
  }
  /// Its maximum, 1 − exp(2ℓ(0)/n) (R: `rsq["maxrsq"]`).
  public var maximumRSquared: Double {
    1 - exp(2 * nullLogLikelihood / Double(observationCount))
  }

  /// The coefficient with the given R name.
  public func coefficient(named name: String) -> Coefficient? {
    coefficients.first { $0.name == name }
  }

  /// The term test of the term with the given label.
  public func termTest(for term: String) -> TermTest? {
    termTests.first { $0.term == term }
  }
}

/// What a fit needs to keep for later tests (proportional hazards, refits).
final class _FitInput: Sendable {
  let entryTimes: [Double]?
  let times: [Double]
  let events: [Bool]
  let strata: [Int]?
  let weights: [Double]?
  let design: DesignMatrix
  let mergesNearTies: Bool
  /// The sorted, centred and scaled data of the full design.
  let data: _CoxData

  init(
    entryTimes: [Double]?, times: [Double], events: [Bool], strata: [Int]?, weights: [Double]?,
    design: DesignMatrix, options: CoxRegressionOptions
  ) {
    self.entryTimes = entryTimes
    self.times = times
    self.events = events
    self.strata = strata
    self.weights = weights
    self.design = design
    self.mergesNearTies = options.mergesNearTies
    self.data = _CoxData(
      entries: entryTimes, times: times, events: events, columns: design.columns, strata: strata,
      weights: weights, mergesNearTies: options.mergesNearTies)
  }

  /// The same observations with other covariate columns (a reduced model).
  func data(columns: [[Double]]) -> _CoxData {
    _CoxData(
      entries: entryTimes, times: times, events: events, columns: columns, strata: strata,
      weights: weights, mergesNearTies: mergesNearTies)
  }
}
