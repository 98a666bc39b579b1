/// Solves V x = b for a symmetric positive semi-definite V through a generalized inverse.
///
/// LDLᵀ decomposition with symmetric pivot screening, as survival's `cholesky2`/`chsolve2`: a
/// pivot not larger than `tolerance` × (largest diagonal element) marks its column as redundant,
/// the column is zeroed and the corresponding component of the solution is 0. The number of
/// retained pivots is the rank. For a non-singular V this is the ordinary solution.
enum _SymmetricSolver {
  /// ε^(3/4), survival's default `toler.chol`.
  static let defaultTolerance = 1.8189894035458617e-12

  /// The generalized-inverse solution of V x = b and the rank of V (`matrix` is n × n row-major).
  ///
  /// - Complexity: O(n³).
  static func solve(
    _ matrix: [Double], _ rightHandSide: [Double], tolerance: Double = defaultTolerance
  )
    -> (solution: [Double], rank: Int)
  {
    let n = rightHandSide.count
    var m = matrix
    var largest = 0.0
    for i in 0..<n where m[i * n + i] > largest { largest = m[i * n + i] }
    let threshold = largest * tolerance
    var rank = 0
    for i in 0..<n {
      let pivot = m[i * n + i]
      if !(pivot > threshold) || pivot <= 0 {
        m[i * n + i] = 0
        for j in (i + 1)..<max(n, i + 1) { m[j * n + i] = 0 }
        continue
      }
      rank += 1
      for j in (i + 1)..<max(n, i + 1) {
        let ratio = m[j * n + i] / pivot
        m[j * n + i] = ratio
        m[j * n + j] -= ratio * ratio * pivot
        for k in (j + 1)..<max(n, j + 1) { m[k * n + j] -= ratio * m[k * n + i] }
      }
    }
    var y = rightHandSide
    for i in 0..<n {
      var value = y[i]
      for j in 0..<i { value -= y[j] * m[i * n + j] }
      y[i] = value
    }
    var i = n - 1
    while i >= 0 {
      if m[i * n + i] == 0 {
        y[i] = 0
      } else {
        var value = y[i] / m[i * n + i]
        for j in (i + 1)..<max(n, i + 1) { value -= y[j] * m[j * n + i] }
        y[i] = value
      }
      i -= 1
    }
    return (y, rank)
  }
}
