import Testing

@testable import ClinicalData

/// Files of 4 MB or more without quotes are checked in two halves at once; rows, lines and
/// errors must be those of reading in order.
@Suite("CSV rows checked in two halves")
struct CSVParallelRowsTests {
  /// 400,000 rows (about 5 MB, CRLF line breaks and a blank line), with `replacing` rows
  /// (0-based data rows) replaced.
  static func text(replacing: [Int: String] = [:]) -> String {
    var lines = ["time,status,arm"]
    for row in 0..<400_000 { lines.append(replacing[row] ?? "\(row).25,1,A") }
    lines.insert("", at: 200_000)
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  @Test("Every row keeps its value and line across the split")
  func rowsAndLines() throws {
    let table = try DataTable(text: Self.text(), file: "big.csv")
    #expect(table.rowCount == 400_000)
    let times = try table.column(named: "time").numericValues()
    #expect(times[0] == 0.25 && times[399_999] == 399_999.25)
    #expect(table.line(ofRow: 0) == 2)
    #expect(table.line(ofRow: 199_997) == 199_999)
    // After the blank line (line 200,000) every row is one line further down.
    #expect(table.line(ofRow: 399_999) == 400_002)
    #expect(table.location(row: 300_000, column: 2).description == "big.csv:300003:3")
  }

  @Test("An error in the second half names its line; one in the first half comes first")
  func errors() throws {
    #expect(
      try readError(Self.text(replacing: [350_000: "5,1"]), named: "big.csv")
        == "big.csv:350003:3: row has 2 fields, but the header has 3 columns; write an empty field for a missing value")
    #expect(
      try readError(Self.text(replacing: [1_000: "5,1,A,9", 350_000: "5,1"]), named: "big.csv")
        == "big.csv:1002:4: row has 4 fields, but the header has 3 columns; put values that contain ',' in double quotes"
    )
  }
}
