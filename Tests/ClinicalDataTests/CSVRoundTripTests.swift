import Foundation
import Testing

@testable import ClinicalData

@Suite("CSV round trips")
struct CSVRoundTripTests {
  /// Writes a value as RFC 4180 requires, quoting when needed (and sometimes when not).
  func field(_ value: String, delimiter: Character, using generator: inout SeededGenerator)
    -> String
  {
    let needsQuotes =
      value.isEmpty || value.contains(delimiter) || value.contains("\"") || value.contains("\n")
      || value.contains("\r") || value.first?.isWhitespace == true
      || value.last?.isWhitespace == true
    guard needsQuotes || Int.random(in: 0..<5, using: &generator) == 0 else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  func randomValue(using generator: inout SeededGenerator) -> String {
    let alphabet: [String] = [
      "a", "b", "Z", "1", "7", ".", "-", " ", ",", ";", "\t", "\"", "\n", "\r\n", "é", "α", "'",
    ]
    let length = Int.random(in: 0...6, using: &generator)
    return (0..<length).map { _ in alphabet.pick(using: &generator) }.joined()
  }

  @Test(
    "parse(serialise(table)) == table for random tables with quotes, delimiters and line breaks")
  func roundTrip() throws {
    var generator = SeededGenerator(seed: 4180)
    for trial in 0..<200 {
      let delimiter: Character = [",", ";", "\t"][trial % 3]
      let columnCount = Int.random(in: 1...5, using: &generator)
      let rowCount = Int.random(in: 1...8, using: &generator)
      let names = (0..<columnCount).map { "col\($0)" }
      let rows = (0..<rowCount).map { _ in
        (0..<columnCount).map { _ in randomValue(using: &generator) }
      }
      let lineBreak = Bool.random(using: &generator) ? "\r\n" : "\n"
      var text = names.joined(separator: String(delimiter)) + lineBreak
      for row in rows {
        text +=
          row.map { field($0, delimiter: delimiter, using: &generator) }
          .joined(separator: String(delimiter)) + lineBreak
      }
      let options = CSVReadOptions(delimiter: CSVDelimiter(delimiter), missingTokens: [])
      let table = try DataTable(text: text, file: "random.csv", options: options)
      #expect(table.columnNames == names)
      #expect(table.rowCount == rowCount)
      for (r, row) in rows.enumerated() {
        for (c, value) in row.enumerated() {
          // Unquoted values lose surrounding blanks; the serialiser quotes those.
          #expect(
            table.column(at: c).rawText(atRow: r) == value,
            "trial \(trial), \(text.debugDescription)")
        }
      }
    }
  }
}
