import Testing

@testable import ClinicalData

@Suite("CSV error messages, verbatim")
struct CSVErrorMessageTests {
  @Test("An empty file, or one with only blank lines and a byte-order mark")
  func emptyFile() throws {
    let message = "empty.csv:1: the file is empty; expected a header row of column names"
    #expect(try readError("", named: "empty.csv") == message)
    #expect(try readError("\n \r\n", named: "empty.csv") == message)
    let bom = try withTemporaryFile([0xEF, 0xBB, 0xBF]) { path in
      messageOf { () throws(DataError) in
        try DataTable(contentsOfFile: path, displayName: "empty.csv")
      }
    }
    #expect(bom == message)
  }

  @Test("A header without data rows")
  func headerOnly() throws {
    let message = "lung.csv:1: the file has a header row but no data rows"
    #expect(try readError("inst,time,status", named: "lung.csv") == message)
    #expect(try readError("inst,time,status\r\n\r\n", named: "lung.csv") == message)
  }

  @Test("Empty and duplicate column names")
  func columnNames() throws {
    #expect(
      try readError("time,,status\n1,2,3\n")
        == "data.csv:1:2: column 2 has an empty name; give every column a name in the header row")
    #expect(
      try readError("time,status,\"\"\n1,2,3\n")
        == "data.csv:1:3: column 3 has an empty name; give every column a name in the header row")
    #expect(
      try readError("id,time,status,time\n1,2,3,4\n")
        == "data.csv:1:4: duplicate column name 'time' (also column 2); column names must be unique"
    )
  }

  @Test("Rows with too many or too few fields")
  func fieldCounts() throws {
    let lung = "inst,time,status\n3,306,2\n3,455\n"
    #expect(
      try readError(lung, named: "lung.csv")
        == "lung.csv:3:3: row has 2 fields, but the header has 3 columns; write an empty field for a missing value"
    )
    #expect(
      try readError("inst,time,status\n3,306,2\n3,1,022,1\n", named: "lung.csv")
        == "lung.csv:3:4: row has 4 fields, but the header has 3 columns; put values that contain ',' in double quotes"
    )
    #expect(
      try readError("a;b\n1;2;3\n")
        == "data.csv:2:3: row has 3 fields, but the header has 2 columns; put values that contain ';' in double quotes"
    )
    #expect(
      try readError("a\tb\n1\n")
        == "data.csv:2:2: row has 1 field, but the header has 2 columns; write an empty field for a missing value"
    )
    #expect(
      try readError("a\tb\n1\t2\t3\n")
        == "data.csv:2:3: row has 3 fields, but the header has 2 columns; put values that contain a tab in double quotes"
    )
    // The location is the first surplus field, on the line where it starts.
    #expect(
      try readError("a,b\n1,\"x\ny\",3\n")
        == "data.csv:3:3: row has 3 fields, but the header has 2 columns; put values that contain ',' in double quotes"
    )
  }

  @Test("A quote that is never closed")
  func unterminatedQuote() throws {
    #expect(
      try readError("id,note\n1,ok\n2,\"open\n3,x\n")
        == "data.csv:3:2: the quote that opens this field is never closed")
    #expect(
      try readError("id,\"note\n1,2\n")
        == "data.csv:1:2: the quote that opens this field is never closed")
  }

  @Test("Text after a closing quote")
  func characterAfterQuote() throws {
    #expect(
      try readError("id,note\n1,\"a\"b\n")
        == "data.csv:2:2: unexpected 'b' after the closing quote; write a quote inside a quoted field as two quotes (\"\")"
    )
    #expect(
      try readError("id,note\n1,\"a\" é\n")
        == "data.csv:2:2: unexpected 'é' after the closing quote; write a quote inside a quoted field as two quotes (\"\")"
    )
  }

  @Test("A file that cannot be read")
  func unreadableFile() throws {
    #expect(
      messageOf { () throws(DataError) in
        try DataTable(contentsOfFile: "/nonexistent/survfig/lung.csv", displayName: "lung.csv")
      } == "lung.csv: cannot read the file: No such file or directory")
    try withTemporaryFile([]) { path in
      let directory = String(path.dropLast("/data.csv".count))
      #expect(
        messageOf { () throws(DataError) in try DataTable(contentsOfFile: directory) }
          == "\(directory): cannot read the file: Is a directory")
    }
  }

  @Test("A file of 2 GiB or more")
  func fileTooLarge() {
    let error = DataError(file: "huge.csv", reason: .fileTooLarge(byteCount: 3_000_000_000))
    #expect(
      error.description
        == "huge.csv: the file has 3000000000 bytes; files of 2 GiB or more are not supported")
  }

  @Test("Unknown columns suggest the nearest name and list the available ones")
  func unknownColumn() throws {
    let table = try readTable(
      "inst,time,status,age,sex,ph.ecog\n3,306,2,74,1,1\n", named: "lung.csv")
    #expect(
      messageOf { () throws(DataError) in try table.column(named: "tmie") }
        == "lung.csv:1: unknown column 'tmie'. Did you mean 'time'? Available columns: inst, time, status, age, sex, ph.ecog"
    )
    #expect(
      messageOf { () throws(DataError) in try table.column(named: "Status") }
        == "lung.csv:1: unknown column 'Status'. Did you mean 'status'? Available columns: inst, time, status, age, sex, ph.ecog"
    )
    #expect(
      messageOf { () throws(DataError) in try table.column(named: "arm") }
        == "lung.csv:1: unknown column 'arm'. Available columns: inst, time, status, age, sex, ph.ecog"
    )
  }

  @Test("An unknown column points at the header's line, after leading blank lines too")
  func unknownColumnLine() throws {
    let table = try readTable("\n\ntime,status\n1,0\n", named: "ok.csv")
    #expect(
      messageOf { () throws(DataError) in try table.column(named: "tiem") }
        == "ok.csv:3: unknown column 'tiem'. Did you mean 'time'? Available columns: time, status")
  }

  @Test("Long column lists are cut after 20 names")
  func longColumnList() throws {
    let names = (1...25).map { "c\($0)" }
    let table = try readTable(
      names.joined(separator: ",") + "\n" + names.map { _ in "1" }.joined(separator: ","))
    #expect(
      messageOf { () throws(DataError) in try table.column(named: "arm") }
        == "data.csv:1: unknown column 'arm'. Available columns: c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20, … (5 more)"
    )
  }

  @Test("A non-numeric value in a numeric column, with the count of other offenders")
  func notANumber() throws {
    let text = "inst,time,status\n3,306,2\n3,abc,2\n3,455,2\n"
    let table = try readTable(text, named: "lung.csv")
    let time = try table.column(named: "time")
    #expect(
      messageOf { () throws(DataError) in try time.numericValues() }
        == "lung.csv:3:2: column 'time' expects a number, found 'abc'")
    #expect(
      messageOf { () throws(DataError) in try time.number(atRow: 1) }
        == "lung.csv:3:2: column 'time' expects a number, found 'abc'")
    let more = try readTable("time\n1\nN/A\n2\n?\nx\n")
    #expect(
      messageOf { () throws(DataError) in try more.column(named: "time").numericValues() }
        == "data.csv:3:1: column 'time' expects a number, found 'N/A' (and 2 more rows)")
    let one = try readTable("time\n1 2\n-\n")
    #expect(
      messageOf { () throws(DataError) in try one.column(named: "time").numericValues() }
        == "data.csv:2:1: column 'time' expects a number, found '1 2' (and 1 more row)")
    let long = try readTable("time\n\(String(repeating: "x", count: 60))\n")
    #expect(
      messageOf { () throws(DataError) in try long.column(named: "time").numericValues() }
        == "data.csv:2:1: column 'time' expects a number, found '\(String(repeating: "x", count: 39))…'"
    )
  }
}
