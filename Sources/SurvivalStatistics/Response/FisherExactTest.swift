import Foundation

/// Fisher's exact test of independence in a 2 × k contingency table (two-sided).
///
/// With the margins fixed, a table with first row (x₁, …, x_k), column totals c_j, first-row
/// total r and grand total N has the multivariate hypergeometric probability
///
///     P(x) = ∏_j C(c_j, x_j) / C(N, r)
///
/// The two-sided P value is the total probability of the tables no more probable than the one
/// observed, P = Σ_{P(y) ≤ P(x)(1 + 10⁻⁷)} P(y), with R's relative tolerance for ties
/// (R: `fisher.test(table)$p.value`, which uses the network algorithm of FEXACT for k > 2).
///
/// Tables are enumerated column by column on the logarithmic scale. A branch is closed as soon as
/// bounds on its remaining factors show that all its completions count (their total probability is
/// C(Σ remaining c_j, remaining r)/C(N, r) by Vandermonde's identity) or that none does, as in
/// the network algorithm (Mehta & Patel, JASA 78, 1983), so large 2 × 2 tables (N = 10⁴) cost
/// O(N) and response tables of a few hundred patients in a few groups cost milliseconds.
///
/// - Complexity: O(N) for 2 × 2; for k columns at most the number of tables with the margins,
///   usually far fewer.
///
/// Reference: Agresti, Categorical Data Analysis (2013) §3.5.
public struct FisherExactTest: Hashable, Sendable {
  /// The table, rows × columns (2 × k).
  public let table: [[Int]]
  /// The probability of the observed table given its margins.
  public let observedProbability: Double
  /// The two-sided P value (R: `p.value`).
  public let pValue: Double

  /// Tests a 2 × k table given as two rows of k counts.
  ///
  /// A table with an empty row or column has P = 1 (one table fits the margins), as in R.
  /// - Throws: ``ResponseStatisticsError/invalidTable(_:)`` unless there are two rows of equal
  ///   length k ≥ 1 with counts ≥ 0.
  public init(_ table: [[Int]]) throws(ResponseStatisticsError) {
    guard table.count == 2 else { throw .invalidTable("\(table.count) rows given") }
    guard table[0].count == table[1].count, !table[0].isEmpty else {
      throw .invalidTable("rows of \(table[0].count) and \(table[1].count) counts")
    }
    guard table.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) else {
      throw .invalidTable("a count is negative")
    }
    self.table = table
    let columns = zip(table[0], table[1]).map { $0 + $1 }.filter { $0 > 0 }
    let firstRow = zip(table[0], table[1]).filter { $0 + $1 > 0 }.map(\.0)
    let r = firstRow.reduce(0, +)
    let total = columns.reduce(0, +)
    guard total > 0, r > 0, r < total, columns.count > 1 else {
      observedProbability = 1
      pValue = 1
      return
    }
    var enumeration = _FisherEnumeration(columns: columns, rowTotal: r)
    let observed = zip(columns, firstRow).reduce(0.0) { $0 + _logChoose($1.0, $1.1) }
    observedProbability = exp(observed - enumeration.scale)
    pValue = min(1, enumeration.mass(atMost: observed + log1p(1e-7)))
  }
}

/// log C(n, k) from the log-gamma function.
func _logChoose(_ n: Int, _ k: Int) -> Double {
  guard k > 0, k < n else { return 0 }
  return lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
}

/// The depth-first enumeration behind ``FisherExactTest``; see its documentation.
struct _FisherEnumeration {
  let columns: [Int]
  let rowTotal: Int
  /// Σ c_j over columns j… .
  let suffixTotals: [Int]
  /// log C(N, r), the normalising constant of the probabilities.
  let scale: Double
  var threshold = 0.0

  init(columns: [Int], rowTotal: Int) {
    // Largest columns first: their factors decide the most, so bounds close branches early.
    self.columns = columns.sorted(by: >)
    self.rowTotal = rowTotal
    var totals = [Int](repeating: 0, count: columns.count + 1)
    for j in stride(from: columns.count - 1, through: 0, by: -1) {
      totals[j] = totals[j + 1] + self.columns[j]
    }
    suffixTotals = totals
    scale = _logChoose(totals[0], rowTotal)
  }

  /// Σ P(y) over the tables y whose log numerator Σ log C(c_j, y_j) is ≤ `threshold`.
  mutating func mass(atMost threshold: Double) -> Double {
    self.threshold = threshold
    return visit(column: 0, remaining: rowTotal, logSoFar: 0)
  }

  /// The bounds of Σ_{j ≥ column} log C(c_j, x_j) over x_j in their feasible ranges.
  func bounds(column: Int, remaining: Int) -> (low: Double, high: Double) {
    var low = 0.0
    var high = 0.0
    for j in column..<columns.count {
      // x_j alone ranges over [remaining − (the other columns' totals), min(c_j, remaining)];
      // log C(c_j, ·) is concave, largest at c_j/2 and smallest at an end of the range.
      let c = columns[j]
      let start = max(0, remaining - (suffixTotals[column] - c))
      let end = min(c, remaining)
      let mode = min(max(c / 2, start), end)
      high += _logChoose(c, mode)
      low += min(_logChoose(c, start), _logChoose(c, end))
    }
    return (low, high)
  }

  func visit(column: Int, remaining: Int, logSoFar: Double) -> Double {
    let last = columns.count - 1
    if column == last {
      let value = logSoFar + _logChoose(columns[last], remaining)
      return value <= threshold ? exp(value - scale) : 0
    }
    let (low, high) = bounds(column: column, remaining: remaining)
    if logSoFar + high <= threshold {
      return exp(logSoFar + _logChoose(suffixTotals[column], remaining) - scale)
    }
    if logSoFar + low > threshold { return 0 }
    let c = columns[column]
    let rest = suffixTotals[column + 1]
    var sum = 0.0
    for x in max(0, remaining - rest)...min(c, remaining) {
      sum += visit(column: column + 1, remaining: remaining - x, logSoFar: logSoFar + _logChoose(c, x))
    }
    return sum
  }
}
