import Foundation

/// Settings of a Cox regression fit, with R's `coxph.control()` defaults.
public struct CoxRegressionOptions: Equatable, Sendable {
  /// How tied event times enter the partial likelihood.
  public enum Ties: String, Equatable, Sendable, CaseIterable {
    /// Efron's approximation (R's default, `ties = "efron"`).
    case efron
    /// Breslow's approximation (`ties = "breslow"`).
    case breslow
  }

  /// Which per-term tests to compute.
  public enum TermTests: Equatable, Sendable {
    /// Joint Wald tests only (no refitting).
    case wald
    /// Joint Wald tests and drop-term likelihood-ratio tests (one refit per term, on the same
    /// rows).
    case waldAndLikelihoodRatio
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

  /// Creates options; every argument defaults to R's `coxph` default.
  public init(
    ties: Ties = .efron, maximumIterations: Int = 20, convergenceTolerance: Double = 1e-9,
    choleskyTolerance: Double? = nil, infiniteCoefficientTolerance: Double? = nil,
    mergesNearTies: Bool = true, confidenceLevel: Double = 0.95, termTests: TermTests = .wald
  ) {
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
