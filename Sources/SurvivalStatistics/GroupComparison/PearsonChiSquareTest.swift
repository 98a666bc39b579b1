/// Pearson's chi-square test of independence in an r × c contingency table.
///
/// With expected counts E_ij = R_i C_j / N,
///
///     X² = Σ_ij (|x_ij − E_ij| − c_ij)² / E_ij,   df = (r − 1)(c − 1),
///
/// where the continuity correction c_ij = min(½, |x_ij − E_ij|) is Yates's, applied (as R does by
/// default) to 2 × 2 tables only, and c_ij = 0 otherwise. P = P(χ²_df > X²).
/// R: `chisq.test(table)` (`correct = TRUE`, the default), `chisq.test(table, correct = FALSE)`.
///
/// Rows and columns whose total is 0 are dropped first (R would return NaN for them): the test is
/// of the levels and groups that occur.
///
/// - Complexity: O(r c).
///
/// Reference: Agresti, Categorical Data Analysis (2013) §3.2; Yates, JRSS Suppl. 1 (1934).
public struct PearsonChiSquareTest: Hashable, Sendable {
  /// The table tested, rows × columns, without empty rows and columns.
  public let table: [[Int]]
  /// The expected counts under independence (R: `expected`).
  public let expected: [[Double]]
  /// X² (R: `statistic`).
  public let statistic: Double
  /// (r − 1)(c − 1) (R: `parameter`).
  public let degreesOfFreedom: Int
  /// P(χ²_df > X²) (R: `p.value`).
  public let pValue: Double
  /// Whether Yates's continuity correction was applied (2 × 2 tables with `correction`).
  public let isContinuityCorrected: Bool

  /// The smallest expected count: below 5, the chi-square approximation is doubtful (R warns
  /// "Chi-squared approximation may be incorrect").
  public var smallestExpected: Double { expected.joined().min() ?? 0 }

  /// Tests a table given as rows of counts.
  ///
  /// - Parameter correction: Yates's correction for 2 × 2 tables (R's default `correct = TRUE`).
  /// - Throws: ``GroupComparisonError/invalidTable(_:)`` for rows of unequal length or negative
  ///   counts; ``GroupComparisonError/tooFewObservations(test:needed:)`` unless at least two rows
  ///   and two columns have positive totals.
  public init(_ table: [[Int]], correction: Bool = true) throws(GroupComparisonError) {
    let kept = try _nonEmptyCells(of: table)
    let columns = kept.first?.indices ?? 0..<0
    guard kept.count > 1, columns.count > 1 else {
      throw .tooFewObservations(
        test: "the chi-square test", needed: "at least two levels in at least two groups")
    }
    let rowTotals = kept.map { Double($0.reduce(0, +)) }
    let columnTotals = columns.indices.map { j in Double(kept.reduce(0) { $0 + $1[j] }) }
    let total = rowTotals.reduce(0, +)
    let expected = rowTotals.map { r in columnTotals.map { r * $0 / total } }
    let corrected = correction && kept.count == 2 && columns.count == 2
    var statistic = 0.0
    for i in kept.indices {
      for j in columns.indices {
        let difference = abs(Double(kept[i][j]) - expected[i][j])
        let adjusted = corrected ? difference - min(0.5, difference) : difference
        statistic += adjusted * adjusted / expected[i][j]
      }
    }
    self.table = kept
    self.expected = expected
    self.statistic = statistic
    self.degreesOfFreedom = (kept.count - 1) * (columns.count - 1)
    self.pValue = Distributions.chiSquareUpperTail(
      statistic, degreesOfFreedom: Double(degreesOfFreedom))
    self.isContinuityCorrected = corrected
  }
}
