import Foundation

/// Fisher's exact test of independence in an r × c contingency table (two-sided).
///
/// With both margins fixed, a table x with row totals R_i, column totals C_j and grand total N
/// has the probability
///
///     P(x) = ∏_i R_i! ∏_j C_j! / (N! ∏_ij x_ij!)
///
/// (for two rows, the multivariate hypergeometric ∏_j C(C_j, x_1j) / C(N, R_1)). The two-sided P
/// value is the total probability of the tables no more probable than the one observed,
/// P = Σ_{P(y) ≤ P(x)(1 + 10⁻⁷)} P(y), with R's relative tolerance for ties
/// (R: `fisher.test(table)$p.value`, which uses the network algorithm of FEXACT beyond 2 × 2).
///
/// Two-row (or two-column) tables are enumerated column by column on the logarithmic scale; a
/// branch is closed as soon as bounds on its remaining factors show that all its completions
/// count (their total probability is C(Σ remaining C_j, remaining R_1)/C(N, R_1) by Vandermonde's
/// identity) or that none does, as in the network algorithm (Mehta & Patel, JASA 78, 1983). Larger
/// tables go through the network itself (``_FisherNetwork``): stage by stage, with the paths that
/// reach a node with equal probability merged. So large 2 × 2 tables (N = 10⁴) cost O(N), and the
/// characteristics tables of a few hundred patients cost milliseconds.
///
/// Rows and columns whose total is 0 are dropped first (they do not change any probability).
///
/// - Complexity: O(N) for 2 × 2; otherwise at most the number of tables with the margins,
///   usually far fewer; beyond 5 · 10⁶ steps (about two seconds) the test throws
///   ``GroupComparisonError/exactTestTooLarge(rows:columns:total:)``.
///
/// Reference: Agresti, Categorical Data Analysis (2013) §3.5; Mehta & Patel, ACM TOMS 12 (1986).
public struct FisherExactTest: Hashable, Sendable {
  /// The table, rows × columns, as given.
  public let table: [[Int]]
  /// The probability of the observed table given its margins.
  public let observedProbability: Double
  /// The two-sided P value (R: `p.value`).
  public let pValue: Double

  /// The most steps (branches of the enumeration, splits of a column in the network) a test may
  /// take: about two seconds.
  static let workLimit = 5_000_000

  /// Tests a table given as rows of counts.
  ///
  /// A table with one non-empty row or column has P = 1 (one table fits the margins), as in R.
  /// - Throws: ``GroupComparisonError/invalidTable(_:)`` unless there is at least one row, all
  ///   rows have the same length k ≥ 1 and every count is ≥ 0;
  ///   ``GroupComparisonError/exactTestTooLarge(rows:columns:total:)`` past the work limit.
  public init(_ table: [[Int]]) throws(GroupComparisonError) {
    try self.init(table, workLimit: Self.workLimit)
  }

  /// Tests `table` with at most `workLimit` steps of the network.
  init(_ table: [[Int]], workLimit: Int) throws(GroupComparisonError) {
    self.table = table
    var kept = try _nonEmptyCells(of: table)
    let width = table[0].count
    let usedColumns = kept.first?.count ?? 0
    // Two rows or two columns: the two-row enumeration, on the table or its transpose.
    if kept.count > 2, usedColumns == 2 {
      kept = [kept.map { $0[0] }, kept.map { $0[1] }]
    }
    guard kept.count > 1, usedColumns > 1 else {
      observedProbability = 1
      pValue = 1
      return
    }
    if kept.count == 2 {
      let columns = zip(kept[0], kept[1]).map { $0 + $1 }
      let r = kept[0].reduce(0, +)
      var enumeration = _FisherEnumeration(columns: columns, rowTotal: r, limit: workLimit)
      let observed = zip(columns, kept[0]).reduce(0.0) { $0 + _logChoose($1.0, $1.1) }
      observedProbability = exp(observed - enumeration.scale)
      guard let mass = enumeration.mass(atMost: observed + log1p(1e-7)) else {
        throw .exactTestTooLarge(rows: table.count, columns: width, total: table.joined().reduce(0, +))
      }
      pValue = min(1, mass)
      return
    }
    let network = _FisherNetwork(kept)
    observedProbability = network.observedProbability
    guard let p = network.pValue(limit: workLimit) else {
      throw .exactTestTooLarge(
        rows: table.count, columns: width, total: table.joined().reduce(0, +))
    }
    pValue = min(1, p)
  }
}

/// log C(n, k) from the log-gamma function.
func _logChoose(_ n: Int, _ k: Int) -> Double {
  guard k > 0, k < n else { return 0 }
  return lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
}

/// The depth-first enumeration of two-row tables behind ``FisherExactTest``; see its documentation.
struct _FisherEnumeration {
  let columns: [Int]
  let rowTotal: Int
  /// Σ c_j over columns j… .
  let suffixTotals: [Int]
  /// log C(N, r), the normalising constant of the probabilities.
  let scale: Double
  var threshold = 0.0
  /// The most branches to visit, and those visited so far.
  let limit: Int
  var steps = 0

  init(columns: [Int], rowTotal: Int, limit: Int) {
    self.limit = limit
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

  /// Σ P(y) over the tables y whose log numerator Σ log C(c_j, y_j) is ≤ `threshold`; nil
  /// when that takes more than `limit` branches.
  mutating func mass(atMost threshold: Double) -> Double? {
    self.threshold = threshold
    steps = 0
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

  mutating func visit(column: Int, remaining: Int, logSoFar: Double) -> Double? {
    steps += 1
    if steps > limit { return nil }
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
      guard let mass = visit(column: column + 1, remaining: remaining - x, logSoFar: logSoFar + _logChoose(c, x)) else {
        return nil
      }
      sum += mass
    }
    return sum
  }
}
