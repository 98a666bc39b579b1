// Implementation goals, in order of priority:
//
// 1. Agree with `cmprsk::crr` (2.2-11) with its default one censoring group: the same
//    pseudo-likelihood and censoring weights (`_FineGrayData`, `_PseudoLikelihood`), the same
//    Newton–Raphson with backtracking and the same stopping rule (so the reported estimate is
//    the iterate crr reports, not a more converged one), and the same sandwich variance
//    (`_FineGraySandwich`).
// 2. Robustness: non-convergence and aliased columns are diagnostics inside the result; crr
//    stops with an error on a singular information matrix, here the column's coefficient is NaN.
// 3. Speed: O(n p²) per iteration and for the variance, where crr's variance is O(n²) and more.

import Foundation

/// Fine–Gray proportional subdistribution hazards regression for one cause of failure in the
/// presence of competing causes.
///
/// The model is λ₁(t | x) = λ₁₀(t) exp(xᵀβ) for the subdistribution hazard of the cause of
/// interest, λ₁(t) = −d log(1 − F₁(t))/dt, so exp(β) is a subdistribution hazard ratio. β̂
/// maximises the log pseudo-likelihood of `_PseudoLikelihood`, in which subjects who failed from
/// a competing cause stay in the risk set with inverse-probability-of-censoring weights from the
/// Kaplan–Meier estimate of the censoring distribution; its variance is the sandwich
/// I(β̂)⁻¹ Σ (ηᵢ + ψᵢ)(ηᵢ + ψᵢ)ᵀ I(β̂)⁻¹ of Fine & Gray, which accounts for the estimated weights.
///
/// Matches `cmprsk::crr(ftime, fstatus, cov1, failcode = cause, cencode = …)` with one censoring
/// group (the default `cengroup`), no time-varying covariates (`cov2`) and the default `gtol` and
/// `maxiter`: `fit$coef`, `sqrt(diag(fit$var))`, `fit$loglik`, `fit$loglik.null`,
/// `fit$converged`, and `summary(fit)`'s table. crr reports no iteration count; ``iterations`` is
/// the smallest `maxiter` with which crr converges. p-values are computed as
/// 2 P(Z > |z|) directly (R's `summary` prints `signif(2 * (1 - pnorm(|z|)), digits)`).
///
/// - Complexity: O(n log n + iterations · n · p²) for n observations and p columns; the variance
///   is O(n p² + p³).
///
/// Reference: Fine & Gray, JASA 94 (1999) 496–509; Gray, `cmprsk` documentation.
public struct FineGrayRegression: Sendable {
  /// One estimated coefficient.
  public struct Coefficient: Equatable, Sendable {
    /// The column's name and structure (R: `names(fit$coef)`).
    public let label: CoefficientLabel
    /// β̂ (R: `coef`); NaN when the column is aliased.
    public let estimate: Double
    /// √Var(β̂) from the sandwich (R: `se(coef)`).
    public let standardError: Double
    /// exp(β̂), the subdistribution hazard ratio (R: `exp(coef)`).
    public let hazardRatio: Double
    /// Wald z = β̂ / se (R: `z`).
    public let z: Double
    /// Two-sided Wald p-value, 2 P(Z > |z|) (R: `p-value`, unrounded).
    public let p: Double
    /// Level of the stored interval.
    public let confidenceLevel: Double
    /// exp(β̂ − z₁₋α/₂ se) (R: `summary(fit)$conf.int[, "2.5%"]`).
    public let hazardRatioLower: Double
    /// exp(β̂ + z₁₋α/₂ se) (R: `"97.5%"`).
    public let hazardRatioUpper: Double

    /// The coefficient's R name.
    public var name: String { label.name }
    /// True when the column was a linear combination of other columns.
    public var isAliased: Bool { estimate.isNaN }

    /// Wald interval β̂ ∓ z₁₋α/₂ se at `level` (e.g. 0.95).
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

  /// A statistical caveat about a fit: data of the result, never printed by this module.
  public enum Diagnostic: Equatable, Sendable, CustomStringConvertible {
    /// The iteration limit was reached before the convergence criterion held (R:
    /// `fit$converged` is FALSE).
    case didNotConverge(iterations: Int)
    /// Twenty step halvings did not increase the pseudo-likelihood enough; the fit stopped at the
    /// last accepted β (R: `fit$converged` is FALSE).
    case stepHalvingFailed(iteration: Int)
    /// Columns found to be linear combinations of other ones (Cholesky pivot below the
    /// tolerance); their coefficients are NaN. R's crr stops with "system is exactly singular".
    case aliasedCoefficients(names: [String])

    /// A sentence for a `warning: …` line.
    public var description: String {
      switch self {
      case .didNotConverge(let iterations):
        return
          "the Fine-Gray fit did not converge in \(iterations) iterations; the estimates are those of the last iteration"
      case .stepHalvingFailed(let iteration):
        return
          "the Fine-Gray fit stopped at iteration \(iteration): step halving did not increase the pseudo-likelihood, so it did not converge"
      case .aliasedCoefficients(let names):
        let list = names.map { "'\($0)'" }.joined(separator: ", ")
        return
          "\(list) \(names.count == 1 ? "is a linear combination" : "are linear combinations") of other covariates; coefficient set to NA"
      }
    }
  }

  /// The cause of interest (R: `failcode`).
  public let cause: Int
  /// The other causes with failures, ascending (they compete with ``cause``).
  public let competingCauses: [Int]
  /// The options used.
  public let options: FineGrayRegressionOptions
  /// The coefficients, in design-matrix column order.
  public let coefficients: [Coefficient]
  /// The model terms and their columns.
  public let terms: [DesignMatrix.Term]
  /// The sandwich variance of β̂ (R: `fit$var`; zero rows and columns for aliased columns).
  public let variance: DenseMatrix
  /// The information matrix I(β̂), minus the Hessian of the log pseudo-likelihood (R: `fit$inf`).
  public let information: DenseMatrix
  /// The score U(β̂) (R: `fit$score`).
  public let score: [Double]
  /// The log pseudo-likelihood at β̂ (R: `fit$loglik`).
  public let logLikelihood: Double
  /// The log pseudo-likelihood at β = 0 (R: `fit$loglik.null`).
  public let nullLogLikelihood: Double
  /// The pseudo-likelihood-ratio statistic 2(ℓ(β̂) − ℓ(0)) on p degrees of freedom (R:
  /// `summary(fit)$logtest`). It is not χ²-distributed under the null hypothesis (the weights are
  /// estimated); crr prints it without a p-value, and its p-value here is indicative only.
  public let likelihoodRatioTest: CoxRegression.ChiSquareTest
  /// Observations used (R: `fit$n`).
  public let observationCount: Int
  /// Failures from the cause of interest.
  public let eventCount: Int
  /// Failures from competing causes.
  public let competingEventCount: Int
  /// Censored observations.
  public let censoredCount: Int
  /// Rows dropped for missing values before fitting (R: `fit$n.missing`); set by the formula
  /// initialisers, 0 otherwise.
  public internal(set) var droppedRowCount = 0
  /// Newton–Raphson steps taken (the smallest crr `maxiter` that gives the same fit).
  public let iterations: Int
  /// Whether crr's convergence criterion held (R: `fit$converged`).
  public let isConverged: Bool
  /// Statistical caveats, in the order found.
  public let diagnostics: [Diagnostic]

  /// The coefficient with the given R name.
  public func coefficient(named name: String) -> Coefficient? {
    coefficients.first { $0.name == name }
  }
}
