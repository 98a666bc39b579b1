import Foundation

/// The range of covariate spreads that a proportional-hazards fit handles in double precision.
///
/// A fit works with each covariate centred and divided by its mean absolute deviation s, and
/// scales the variance back by s²: for s beyond about 10^±154 that product overflows or
/// underflows, and R's `coxph` then reports a standard error of 0 and P < 2e-16 for a
/// covariate near 1e200 (or an infinite coefficient for one near 1e-200) without a word. A
/// spread outside 10^±150 is refused instead, asking for the covariate in other units.
public enum CovariateScale {
  /// The widest mean absolute deviation accepted.
  public static let largestSpread = 1e150
  /// The narrowest non-zero mean absolute deviation accepted.
  public static let smallestSpread = 1e-150

  /// The mean absolute deviation of the first column whose spread is outside the accepted
  /// range, with its index; nil when every column's spread is accepted or zero.
  ///
  /// - Complexity: O(n·p).
  public static func firstExtreme(_ columns: [[Double]]) -> (index: Int, spread: Double)? {
    for (j, column) in columns.enumerated() where !column.isEmpty {
      // Each term is scaled before it is added, so that the sums cannot overflow.
      let share = 1 / Double(column.count)
      let mean = column.reduce(0) { $0 + $1 * share }
      let spread = column.reduce(0) { $0 + abs($1 - mean) * share }
      if spread > largestSpread || (spread > 0 && spread < smallestSpread) || !spread.isFinite {
        return (j, spread)
      }
    }
    return nil
  }

  /// The sentence of an error for `name` with mean absolute deviation `spread`.
  static func message(name: String, spread: Double) -> String {
    let exponent = Int(log10(spread.isFinite ? spread : .greatestFiniteMagnitude).rounded())
    let unit = "1e\(exponent)"
    return
      "covariate '\(name)' varies by about \(unit) (mean absolute deviation), beyond the 1e-150 to 1e150 that double precision can fit: its hazard ratio per unit would underflow to a standard error of 0 or overflow; give it in other units, e.g. 'I(\(name) / \(unit))'"
  }
}
