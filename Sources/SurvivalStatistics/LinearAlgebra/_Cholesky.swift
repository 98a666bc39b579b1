/// Generalized Cholesky decomposition A = F D Fᵀ of a symmetric non-negative definite matrix,
/// with F unit lower triangular and D diagonal, tolerant of singular matrices.
///
/// This is the decomposition used by R's survival package (`cholesky2`, `chsolve2`, `chinv2`):
/// a pivot smaller than `tolerance × max(diag A)` marks its column as redundant; that diagonal
/// entry is set to zero, the column takes no part in solves, and its row and column of the
/// inverse are zero. The rank is the number of accepted pivots, so rank deficiency of a Cox
/// information matrix is detected exactly as `coxph` does (`toler.chol`).
///
/// That rule is not invariant to the scale of the columns: with columns whose scales differ by
/// 10⁶ the small column's pivot falls below `tolerance × max(diag A)` although the matrix is
/// well conditioned. `coxph` scales its covariates first, so the rule is right there; matrices
/// built from unscaled covariates (the proportional-hazards test) use
/// ``Pivoting/relativeToOwnDiagonal`` instead: pivot i is rejected when it is below
/// `tolerance × Aᵢᵢ`, i.e. when column i is, to that relative precision, a combination of the
/// earlier ones. This is the max-diagonal rule applied to D A D with D = diag(Aᵢᵢ)^(−1/2), so the
/// decision and the quadratic forms bᵀA⁻b are unchanged by any rescaling of the columns.
///
/// Storage: an n × n array in which entry (row r, column c) lives at `storage[r * n + c]`. The
/// factor F occupies the strict lower triangle (r > c) and D the diagonal.
///
/// - Complexity: O(n³) for the factorization and the inverse, O(n²) per solve.
struct _Cholesky {
  /// How the pivot tolerance is scaled.
  enum Pivoting {
    /// `tolerance × max(diag A)` (R `cholesky2`).
    case relativeToLargestDiagonal
    /// `tolerance × Aᵢᵢ` for pivot i (scale invariant).
    case relativeToOwnDiagonal
  }

  let size: Int
  private(set) var storage: [Double]
  /// Number of accepted pivots.
  private(set) var rank: Int
  /// False when a pivot was clearly negative (the matrix is not non-negative definite).
  private(set) var isNonNegativeDefinite: Bool

  /// Factors the symmetric matrix given as a full n × n array (either storage order, since it is
  /// symmetric; only the upper triangle, r ≤ c, is read).
  init(
    symmetric matrix: [Double], size n: Int, tolerance: Double,
    pivoting: Pivoting = .relativeToLargestDiagonal
  ) {
    precondition(matrix.count == n * n, "_Cholesky needs \(n * n) entries, got \(matrix.count)")
    size = n
    var a = matrix
    var largest = 0.0
    for i in 0..<n {
      if a[i * n + i] > largest { largest = a[i * n + i] }
      for j in (i + 1)..<max(n, i + 1) { a[j * n + i] = a[i * n + j] }
    }
    let commonThreshold = largest == 0 ? tolerance : largest * tolerance
    let ownDiagonal = pivoting == .relativeToOwnDiagonal ? (0..<n).map { a[$0 * n + $0] } : []
    var rank = 0
    var nonNegative = true
    for i in 0..<n {
      let pivot = a[i * n + i]
      let threshold: Double
      if pivoting == .relativeToOwnDiagonal {
        // A zero or negative diagonal entry is a zero column (or not a covariance at all).
        threshold = ownDiagonal[i] > 0 ? ownDiagonal[i] * tolerance : .infinity
      } else {
        threshold = commonThreshold
      }
      if !pivot.isFinite || pivot < threshold {
        a[i * n + i] = 0
        if pivot < -8 * threshold { nonNegative = false }
      } else {
        rank += 1
        for j in (i + 1)..<max(n, i + 1) {
          let ratio = a[j * n + i] / pivot
          a[j * n + i] = ratio
          a[j * n + j] -= ratio * ratio * pivot
          for k in (j + 1)..<max(n, j + 1) { a[k * n + j] -= ratio * a[k * n + i] }
        }
      }
    }
    storage = a
    self.rank = rank
    isNonNegativeDefinite = nonNegative
  }

  /// Solves A b = y in place; components belonging to redundant columns are set to zero.
  func solve(_ y: inout [Double]) {
    let n = size
    for i in 0..<n {
      var value = y[i]
      for j in 0..<i { value -= y[j] * storage[i * n + j] }
      y[i] = value
    }
    for i in stride(from: n - 1, through: 0, by: -1) {
      let d = storage[i * n + i]
      if d == 0 {
        y[i] = 0
      } else {
        var value = y[i] / d
        for j in (i + 1)..<max(n, i + 1) { value -= y[j] * storage[j * n + i] }
        y[i] = value
      }
    }
  }

  /// The generalized inverse as a full symmetric n × n array (zero rows and columns for
  /// redundant columns).
  func inverse() -> [Double] {
    let n = size
    var m = storage
    // Invert F in the lower triangle, and D on the diagonal.
    for i in 0..<n where m[i * n + i] > 0 {
      m[i * n + i] = 1 / m[i * n + i]
      for j in (i + 1)..<max(n, i + 1) {
        m[j * n + i] = -m[j * n + i]
        for k in 0..<i { m[j * n + k] += m[j * n + i] * m[i * n + k] }
      }
    }
    // Form F⁻ᵀ D⁻¹ F⁻¹ in the upper triangle.
    for i in 0..<n {
      if m[i * n + i] == 0 {
        for j in 0..<i { m[j * n + i] = 0 }
        for j in i..<n { m[i * n + j] = 0 }
      } else {
        for j in (i + 1)..<max(n, i + 1) {
          let value = m[j * n + i] * m[j * n + j]
          m[i * n + j] = value
          for k in i..<j { m[i * n + k] += value * m[j * n + k] }
        }
      }
    }
    var result = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in i..<n {
        result[i * n + j] = m[i * n + j]
        result[j * n + i] = m[i * n + j]
      }
    }
    return result
  }

  /// The quadratic form bᵀ A⁻ b (generalized inverse), as used by Wald and score tests.
  func quadraticFormOfInverse(_ b: [Double]) -> Double {
    var solution = b
    solve(&solution)
    var total = 0.0
    for i in 0..<size { total += b[i] * solution[i] }
    return total
  }
}
