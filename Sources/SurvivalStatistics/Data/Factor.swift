import Foundation

/// R's factor conventions, in one place: how levels are ordered and labelled (R: `factor()`,
/// `levels()`, `as.character()`). Kaplan–Meier groups, model formulas, subgroups, response
/// and characteristics tables all take their levels from here, so a group code reads the same
/// in a legend, a coefficient name and a `relevel(…, ref = )`.
///
/// - Numbers are levels in numeric order, labelled as `as.character` prints the column R's
///   `read.csv` makes of them: a column of whole numbers within R's integer range is an integer
///   column (`1`, `100000`), any other a double column, printed with 15 significant digits in
///   fixed notation unless scientific notation is narrower (`0.5`, `1e+05`, `1e-04`);
///   numerically equal values (`1`, `1.0`) are one level. (R reads `1.0` written in a file as a
///   double; such a column of multiples of 100000 is labelled here as integers.)
/// - Text is ordered by Unicode code point, R's sort in the C locale.
public enum Factor {
  /// The labels of the levels of a numeric column (or of any of its values), by the column's
  /// type: integers when every value is whole and within R's integer range, doubles otherwise.
  public static func labels(_ values: [Double]) -> [String] {
    let isInteger = isIntegerColumn(values)
    return values.map { label($0, isInteger: isInteger) }
  }

  /// Whether R's `read.csv` reads these numbers as an integer column: every value (NaN being
  /// missing) whole and within ±2147483647.
  public static func isIntegerColumn(_ values: some Sequence<Double>) -> Bool {
    values.allSatisfy { $0.isNaN || ($0 == $0.rounded() && abs($0) <= 2_147_483_647) }
  }

  /// A number as R's `as.character` writes a value of an integer or a double column.
  public static func label(_ value: Double, isInteger: Bool) -> String {
    isInteger && value.isFinite ? String(Int64(value)) : label(value)
  }

  /// A number as R's `as.character` writes a double.
  public static func label(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "Inf" : "-Inf" }
    if value == 0 { return "0" }
    let target = Double(String(format: "%.14e", value)) ?? value
    var digits = 15
    for candidate in 1...15 where Double(String(format: "%.\(candidate - 1)e", value)) == target {
      digits = candidate
      break
    }
    let scientific = String(format: "%.\(digits - 1)e", value)
    let exponent = Int(floor(log10(abs(Double(scientific) ?? value))))
    let decimals = max(0, digits - 1 - exponent)
    let fixed = String(format: "%.\(decimals)f", value)
    return fixed.count <= scientific.count ? fixed : scientific
  }

  /// Whether `a` comes before `b` among text levels: by Unicode code point (R in the C locale).
  public static func precedes(_ a: String, _ b: String) -> Bool {
    a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
  }

  /// Distinct values in R's factor order: numerically when `number` reads every value (the
  /// values themselves are returned, not their labels), otherwise by code point.
  public static func ordered(_ values: some Sequence<String>, number: (String) -> Double?) -> [String] {
    let distinct = Array(Set(values))
    let numbers = distinct.map(number)
    if !numbers.contains(nil) {
      return zip(distinct, numbers).sorted { ($0.1!, $0.0) < ($1.1!, $1.0) }.map(\.0)
    }
    return distinct.sorted(by: precedes)
  }

  /// The display label of level `level` in `labels`, a map from codes as the user wrote them
  /// (`100000: Control`, `1: Male`): the exact code first, then a code that is the same number.
  public static func displayLabel(_ level: String, in labels: [String: String]) -> String? {
    if let label = labels[level] { return label }
    guard let value = Double(level) else { return nil }
    return labels.first { Double($0.key.trimmingCharacters(in: .whitespaces)) == value }?.value
  }
}
