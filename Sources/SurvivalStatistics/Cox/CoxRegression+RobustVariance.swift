import Foundation

extension CoxRegression {
  /// The robust (sandwich) variance and robust score test, as `coxph` computes them when
  /// `robust = TRUE` or with `cluster()`.
  ///
  /// With Uₖ the weighted score residuals (see `_scoreResiduals`) and V = I(β̂)⁻¹, the dfbeta
  /// residual of observation k is Dₖ = Uₖ V; summed within clusters (each observation its own
  /// cluster without `cluster()`), the robust variance is Σ_c D_cᵀ D_c (Lin & Wei 1989). The
  /// robust score test uses the score residuals at β = 0, summed within clusters as T_c:
  /// uᵀ (Σ_c T_cᵀ T_c)⁻ u with u = Σ_c T_c, the generalized inverse by R's tolerant Cholesky
  /// decomposition (`coxph.wtest`).
  ///
  /// R: `fit$var` (and `fit$naive.var`), `fit$rscore`.
  ///
  /// - Complexity: O(n log n + n·p²).
  static func robustVariance(
    data: _CoxData, fit: _NewtonRaphsonResult, clusters: [Int]?, options: CoxRegressionOptions
  ) -> (variance: DenseMatrix, score: ChiSquareTest, clusterCount: Int) {
    let n = data.count
    let p = data.covariateCount
    let efron = options.ties == .efron
    // x̃ = (x − c)·s, so β̃ = β / s.
    let scaledBeta = (0..<p).map { fit.beta[$0] / data.scales[$0] }
    let residuals = _scoreResiduals(data: data, beta: scaledBeta, efron: efron)
    let nullResiduals = _scoreResiduals(
      data: data, beta: [Double](repeating: 0, count: p), efron: efron)
    // Dense cluster numbers in order of first appearance (the sums do not depend on it).
    var clusterOfRow = [Int](repeating: 0, count: n)
    var clusterCount = n
    if let clusters {
      var dense: [Int: Int] = [:]
      for i in 0..<n {
        if let code = dense[clusters[i]] {
          clusterOfRow[i] = code
        } else {
          dense[clusters[i]] = dense.count
          clusterOfRow[i] = dense.count - 1
        }
      }
      clusterCount = dense.count
    } else {
      for i in 0..<n { clusterOfRow[i] = i }
    }
    var collapsed = [Double](repeating: 0, count: clusterCount * p)
    var collapsedNull = [Double](repeating: 0, count: clusterCount * p)
    for i in 0..<n {
      let c = clusterOfRow[i]
      for j in 0..<p {
        var dfbeta = 0.0
        for k in 0..<p { dfbeta += residuals[i * p + k] * fit.variance[k * p + j] }
        collapsed[c * p + j] += dfbeta
        collapsedNull[c * p + j] += nullResiduals[i * p + j]
      }
    }
    var variance = DenseMatrix(rowCount: p, columnCount: p)
    var nullCrossProduct = [Double](repeating: 0, count: p * p)
    var u = [Double](repeating: 0, count: p)
    for c in 0..<clusterCount {
      for a in 0..<p {
        u[a] += collapsedNull[c * p + a]
        for b in 0..<p {
          variance[a, b] += collapsed[c * p + a] * collapsed[c * p + b]
          nullCrossProduct[a * p + b] += collapsedNull[c * p + a] * collapsedNull[c * p + b]
        }
      }
    }
    let cholesky = _Cholesky(
      symmetric: nullCrossProduct, size: p, tolerance: options.choleskyTolerance)
    let score = ChiSquareTest(
      statistic: cholesky.quadraticFormOfInverse(u),
      degreesOfFreedom: fit.isRedundant.filter { !$0 }.count)
    return (variance, score, clusterCount)
  }
}
