import Foundation
import SurvivalStatistics

extension SimulatedCohort {
  /// The cohort as CSV text: a header row, one row per patient, `\n` line ends, a final newline.
  /// Fields with a comma, a double quote or a line break are quoted (RFC 4180); numbers carry
  /// their fixed number of decimals, missing values are empty.
  public var csvText: String {
    var text = columns.map(_csvField).joined(separator: ",") + "\n"
    for row in rows {
      text += row.map { _csvField($0.text) }.joined(separator: ",")
      text += "\n"
    }
    return text
  }
}

func _csvField(_ value: String) -> String {
  guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
    return value
  }
  return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
