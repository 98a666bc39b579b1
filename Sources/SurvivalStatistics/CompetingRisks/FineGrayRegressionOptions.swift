import Foundation

/// Settings of a Fine–Gray regression fit, with `cmprsk::crr`'s defaults.
public struct FineGrayRegressionOptions: Equatable, Sendable {
  /// Maximum number of Newton–Raphson iterations. R: `maxiter`, default 10.
  public var maximumIterations: Int
  /// Convergence criterion max_j |Uⱼ| · max(|βⱼ|, 1) < max(|ℓ|, 1) · `gradientTolerance`, with U
  /// the score and ℓ the log pseudo-likelihood. R: `gtol`, default 1e-6.
  public var gradientTolerance: Double
  /// Relative pivot tolerance of the Cholesky decomposition of the information matrix; smaller
  /// pivots mark a column as aliased (R's `crr` stops with an error instead). Default
  /// ε^(3/4) ≈ 1.82e-12, survival's `toler.chol`.
  public var choleskyTolerance: Double
  /// Confidence level of the stored intervals. Default 0.95.
  public var confidenceLevel: Double

  /// Creates options; every argument defaults to crr's default.
  public init(
    maximumIterations: Int = 10, gradientTolerance: Double = 1e-6,
    choleskyTolerance: Double? = nil, confidenceLevel: Double = 0.95
  ) {
    self.maximumIterations = maximumIterations
    self.gradientTolerance = gradientTolerance
    self.choleskyTolerance = choleskyTolerance ?? pow(Double.ulpOfOne, 0.75)
    self.confidenceLevel = confidenceLevel
  }
}
