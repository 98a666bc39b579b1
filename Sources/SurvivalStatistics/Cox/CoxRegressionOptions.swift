import Foundation

/// Settings of a Cox regression fit, with R's `coxph.control()` defaults.
public struct CoxRegressionOptions: Equatable, Sendable {
  /// How tied event times enter the partial likelihood.
  public enum Ties: String, Equatable, Sendable, CaseIterable {
    /// Efron's approximation (R's default, `ties = "efron"`).
    case efron
    /// Breslow's approximation (`ties = "breslow"`).
    case breslow
    /// The exact partial likelihood (`ties = "exact"`): at a time with d tied events the
    /// conditional probability that exactly those d of the risk set fail, summing over all
    /// subsets of size d (the discrete-time logistic model). Costs O(risk set · d · p²) per
    /// event time; case weights and the robust variance are not available, as in R.
    case exact
  }

  /// Which per-term tests to compute.
  public enum TermTests: Equatable, Sendable {
    /// Joint Wald tests only (no refitting).
    case wald
    /// Joint Wald tests and drop-term likelihood-ratio tests (one refit per term, on the same
    /// rows).
    case waldAndLikelihoodRatio
  }

  /// Which variance the fit reports for inference.
  public enum RobustVariance: String, Equatable, Sendable, CaseIterable {
    /// R's default: the robust variance with `cluster()` or with non-integer case weights,
    /// the model-based one otherwise.
    case automatic
    /// The model-based variance I(β̂)⁻¹ (R: `robust = FALSE`; `cluster()` is then ignored with
    /// a diagnostic, as R warns).
    case modelBased
    /// The robust (sandwich) variance, per observation without `cluster()` (R: `robust =
    /// TRUE`).
    case robust
  }

  /// Ties handling. Default `.efron`.
  public var ties: Ties
  /// Maximum number of Newton–Raphson iterations. R: `iter.max`, default 20.
  public var maximumIterations: Int
  /// Convergence criterion |1 − ℓ_old/ℓ_new| ≤ `convergenceTolerance`. R: `eps`, default 1e-9.
  public var convergenceTolerance: Double
  /// Relative pivot tolerance of the Cholesky decomposition; smaller pivots mark a column as
  /// redundant. R: `toler.chol`, default `.Machine$double.eps^0.75` ≈ 1.82e-12.
  public var choleskyTolerance: Double
  /// Threshold of the possibly-infinite-coefficient check. R: `toler.inf`, default √eps.
  public var infiniteCoefficientTolerance: Double
  /// Treat times closer than √(machine ε) as tied, like R's `timefix = TRUE` (`aeqSurv`).
  public var mergesNearTies: Bool
  /// Confidence level of the stored intervals. Default 0.95.
  public var confidenceLevel: Double
  /// Per-term tests. Default `.wald`.
  public var termTests: TermTests
  /// Model-based or robust variance. Default `.automatic` (R's rule).
  public var robustVariance: RobustVariance

  /// Creates options; every argument defaults to R's `coxph` default.
  public init(
    ties: Ties = .efron, maximumIterations: Int = 20, convergenceTolerance: Double = 1e-9,
    choleskyTolerance: Double? = nil, infiniteCoefficientTolerance: Double? = nil,
    mergesNearTies: Bool = true, confidenceLevel: Double = 0.95, termTests: TermTests = .wald,
    robustVariance: RobustVariance = .automatic
  ) {
    self.robustVariance = robustVariance
    self.ties = ties
    self.maximumIterations = maximumIterations
    self.convergenceTolerance = convergenceTolerance
    self.choleskyTolerance = choleskyTolerance ?? pow(Double.ulpOfOne, 0.75)
    self.infiniteCoefficientTolerance =
      infiniteCoefficientTolerance ?? convergenceTolerance.squareRoot()
    self.mergesNearTies = mergesNearTies
    self.confidenceLevel = confidenceLevel
    self.termTests = termTests
  }
}
