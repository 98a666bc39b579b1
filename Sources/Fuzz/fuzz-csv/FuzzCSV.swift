import ClinicalData
import FuzzSupport

/// libFuzzer target: CSV bytes read as a data table, every column typed as analyses read it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  testOne(fuzzInput(data, size))
  return 0
}

func testOne(_ bytes: [UInt8]) {
  // The first byte picks the delimiter (or detection), the rest is the file.
  let delimiters: [CSVDelimiter?] = [nil, .comma, .semicolon, .tab]
  let options = CSVReadOptions(delimiter: delimiters[Int(bytes.first ?? 0) % delimiters.count])
  guard let table = try? DataTable(bytes: Array(bytes.dropFirst()), file: "fuzz.csv", options: options) else {
    return
  }
  _ = table.delimiter
  _ = table.headerLine
  for column in table.columns {
    _ = column.kind
    _ = column.label
    _ = column.missingCount
    _ = try? column.numericValues()
    _ = column.dateValues()
    _ = column.textValues()
    _ = column.distinctValues()
    _ = column.isNumeric
    for row in [0, table.rowCount / 2, table.rowCount - 1] where row >= 0 {
      _ = column.rawText(atRow: row)
      _ = column.isMissing(atRow: row)
      _ = column.location(ofRow: row).description
    }
  }
  if table.rowCount > 0 {
    _ = table.rows([table.rowCount - 1, 0]).location(row: 0, column: 0)
  }
}

#if !FUZZING
  @main
  enum Replay {
    static func main() { replayFuzzInputs(CommandLine.arguments, testOne) }
  }
#endif
