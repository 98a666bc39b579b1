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

/// `count` followed by the noun, in the plural unless the count is 1: `1 row`, `3 rows`.
func _counted(_ count: Int, _ noun: String) -> String {
  "\(count) \(noun)\(count == 1 ? "" : "s")"
}

/// ` (and N more rows)` when `moreCount` > 0, else nothing.
func _moreRows(_ moreCount: Int) -> String {
  moreCount > 0 ? " (and \(moreCount) more \(moreCount == 1 ? "row" : "rows"))" : ""
}
