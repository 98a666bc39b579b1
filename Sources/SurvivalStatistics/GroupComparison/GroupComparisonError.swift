/// An input a test comparing groups cannot use: a malformed table, too few observations, data
/// without variation, or an exact test beyond its work limit.
///
/// The messages say what the test needs; the report layer adds the variable and the file.
public enum GroupComparisonError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A contingency table with rows of unequal length, no cells, or a negative count.
  case invalidTable(String)
  /// Fewer groups, or fewer observations in a group, than the test needs.
  case tooFewObservations(test: String, needed: String)
  /// Every observation is the same, so the statistic is undefined (R: "data are essentially
  /// constant").
  case constantData(test: String)
  /// A value that is NaN or infinite.
  case nonFiniteValue(Double)
  /// Fisher's exact test would have to enumerate more tables than its limit.
  case exactTestTooLarge(rows: Int, columns: Int, total: Int)

  public var description: String {
    switch self {
    case .invalidTable(let reason):
      return "a contingency table needs rows of equal length with counts ≥ 0: \(reason)"
    case .tooFewObservations(let test, let needed):
      return "\(test) needs \(needed)"
    case .constantData(let test):
      return "\(test) is undefined: every value is the same"
    case .nonFiniteValue(let value):
      return "value '\(value)' is not a finite number"
    case .exactTestTooLarge(let rows, let columns, let total):
      return
        "Fisher's exact test of this \(rows) × \(columns) table of \(total) patients needs more work than its limit; use the chi-square test instead"
    }
  }
}
