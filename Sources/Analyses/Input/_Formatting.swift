import Foundation

/// Values in single quotes separated by ", ": `'A', 'B', 'C'`.
func _quotedList(_ values: [String], limit: Int = 20) -> String {
  let shown = values.prefix(limit).map { "'\($0)'" }.joined(separator: ", ")
  return values.count > limit ? shown + ", … (\(values.count - limit) more)" : shown
}

/// Values in single quotes joined by ", " and a final " or ": `'time', 'status' or 'sex'`.
func _quotedAlternatives(_ values: [String]) -> String {
  let quoted = values.map { "'\($0)'" }
  guard quoted.count > 1 else { return quoted.first ?? "" }
  return quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1]
}

/// A number as R's `as.character` prints a factor level: integers below 10^15 without a
/// decimal point (`1`, not `1.0`), other values with 15 significant digits (`0.5`, `1e-05`,
/// `1e+15`), and `Inf`, `-Inf`, `NaN`. (R would also print 100000 as `1e+05`; integers are
/// kept whole here because codes read better that way.)
func _levelLabel(_ value: Double) -> String {
  if value.isNaN { return "NaN" }
  if value.isInfinite { return value < 0 ? "-Inf" : "Inf" }
  if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
  return String(format: "%.15g", value)
}

/// `count` followed by the noun, in the plural unless the count is 1: `1 row`, `3 rows`.
func _counted(_ count: Int, _ noun: String) -> String {
  "\(count) \(noun)\(count == 1 ? "" : "s")"
}

/// ` (and N more rows)` when `moreCount` > 0, else nothing.
func _moreRows(_ moreCount: Int) -> String {
  moreCount > 0 ? " (and \(moreCount) more \(moreCount == 1 ? "row" : "rows"))" : ""
}
