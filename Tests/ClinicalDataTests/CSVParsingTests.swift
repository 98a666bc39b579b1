import Testing

@testable import ClinicalData

@Suite("Reading CSV (RFC 4180)")
struct CSVParsingTests {
  @Test("Header and rows, last row without a line break")
  func plainRows() throws {
    let table = try readTable("inst,time,status\n3,306,2\n3,455,2")
    #expect(table.columnNames == ["inst", "time", "status"])
    #expect(table.rowCount == 2)
    #expect(cells(table) == [["3", "306", "2"], ["3", "455", "2"]])
    #expect(table.delimiter == .comma)
    #expect(table.headerLine == 1)
  }

  @Test("A trailing line break does not make an empty row")
  func trailingLineBreak() throws {
    let table = try readTable("a,b\n1,2\n")
    #expect(table.rowCount == 1)
    #expect(table.line(ofRow: 0) == 2)
  }

  @Test("CRLF line breaks, with and without a final one")
  func crlf() throws {
    for text in ["a,b\r\n1,2\r\n3,4\r\n", "a,b\r\n1,2\r\n3,4"] {
      let table = try readTable(text)
      #expect(cells(table) == [["1", "2"], ["3", "4"]])
      #expect(table.line(ofRow: 1) == 3)
    }
  }

  @Test("A lone CR ends a line too")
  func loneCarriageReturn() throws {
    let table = try readTable("a,b\r1,2\r3,4")
    #expect(cells(table) == [["1", "2"], ["3", "4"]])
    #expect(table.line(ofRow: 1) == 3)
  }

  @Test("A UTF-8 byte-order mark is skipped")
  func byteOrderMark() throws {
    let table = try readTable(bytes: [0xEF, 0xBB, 0xBF] + Array("time,status\n5,1\n".utf8))
    #expect(table.columnNames == ["time", "status"])
    #expect(try table.column(named: "time").numericValues() == [5])
  }

  @Test("Quoted fields hold delimiters, doubled quotes and line breaks")
  func quotedFields() throws {
    let text = #"""
      id,name,note
      1,"Smith, J.","said ""fine"""
      2,"two
      lines",x
      3,"",""
      """#
    let table = try readTable(text)
    #expect(table.rowCount == 3)
    let name = try table.column(named: "name")
    let note = try table.column(named: "note")
    #expect(name.text(atRow: 0) == "Smith, J.")
    #expect(note.text(atRow: 0) == "said \"fine\"")
    #expect(name.text(atRow: 1) == "two\nlines")
    #expect(name.text(atRow: 2) == nil)  // "" is an empty value: missing
    #expect(name.rawText(atRow: 2) == "")
  }

  @Test("Line numbers count the physical lines of multi-line values")
  func physicalLines() throws {
    let table = try readTable("id,note,x\n1,\"a\r\nb\nc\",7\n2,d,8\n")
    #expect(table.line(ofRow: 0) == 2)
    #expect(table.line(ofRow: 1) == 5)
    #expect(
      table.location(row: 0, column: 0) == SourceLocation(file: "data.csv", line: 2, column: 1))
    #expect(
      table.location(row: 0, column: 2) == SourceLocation(file: "data.csv", line: 4, column: 3))
    #expect(table.location(row: 1, column: 1).description == "data.csv:5:2")
    #expect(try table.column(named: "note").text(atRow: 0) == "a\r\nb\nc")
  }

  @Test("Unquoted values lose surrounding spaces and tabs; quoted ones keep them")
  func trimming() throws {
    let table = try readTable("a , b\n  1 ,\t\" x \" \n")
    #expect(table.columnNames == ["a", "b"])
    #expect(cells(table) == [["1", " x "]])
  }

  @Test("Empty fields and NA are missing by default; tokens are configurable")
  func missingTokens() throws {
    let text = "a,b,c\nNA,,.\n NA ,x,\"NA\"\n"
    let table = try readTable(text)
    #expect(cells(table) == [[nil, nil, "."], [nil, "x", nil]])
    let dots = try readTable(text, options: CSVReadOptions(missingTokens: [".", "NA"]))
    #expect(cells(dots) == [[nil, "", nil], [nil, "x", nil]])
    #expect(try dots.column(named: "b").missingCount == 0)
    #expect(try table.column(named: "b").missingCount == 1)
  }

  @Test("Blank lines are skipped, before the header too")
  func blankLines() throws {
    let table = try readTable("\n  \na,b\n1,2\n\n \t\n3,4\n\n")
    #expect(table.headerLine == 3)
    #expect(cells(table) == [["1", "2"], ["3", "4"]])
    #expect(table.line(ofRow: 1) == 7)
  }

  @Test("Semicolon and tab delimiters are detected from the header")
  func delimiterDetection() throws {
    let semicolons = try readTable("time;status;arm\n5;1;\"A;B\"\n")
    #expect(semicolons.delimiter == .semicolon)
    #expect(cells(semicolons) == [["5", "1", "A;B"]])
    let tabs = try readTable("time\tstatus\tarm\n5\t1\tA, B\n")
    #expect(tabs.delimiter == .tab)
    #expect(cells(tabs) == [["5", "1", "A, B"]])
    let oneColumn = try readTable("time\n5\n")
    #expect(oneColumn.delimiter == .comma)
    let quotedComma = try readTable("\"a,b\";c\n1;2\n")
    #expect(quotedComma.delimiter == .semicolon)
  }

  @Test("Tab-delimited fields with empty values keep their columns")
  func emptyTabFields() throws {
    let table = try readTable("a\tb\tc\n1\t\t3\n")
    #expect(cells(table) == [["1", nil, "3"]])
  }

  @Test("A given delimiter is used as is")
  func explicitDelimiter() throws {
    let pipe = try #require(CSVDelimiter("|"))
    let table = try readTable("a|b,c\n1|2,3\n", options: CSVReadOptions(delimiter: pipe))
    #expect(table.columnNames == ["a", "b,c"])
    #expect(cells(table) == [["1", "2,3"]])
    #expect(CSVDelimiter("\"") == nil)
    #expect(CSVDelimiter(" ") == nil)
    #expect(CSVDelimiter("é") == nil)
    #expect(CSVDelimiter("\t") == .tab)
  }

  @Test("Values and names are UTF-8")
  func unicode() throws {
    let table = try readTable("groupe,durée\nbras α,3\n")
    #expect(table.columnNames == ["groupe", "durée"])
    #expect(try table.column(named: "groupe").text(atRow: 0) == "bras α")
  }

  @Test("A file path is shown as given unless a display name is set")
  func displayName() throws {
    try withTemporaryFile(Array("a\nx\n".utf8)) { path in
      let table = try DataTable(contentsOfFile: path)
      #expect(table.file == path)
      #expect(
        messageOf { () throws(DataError) in try table.column(named: "a").numericValues() }
          == "\(path):2:1: column 'a' expects a number, found 'x'")
    }
  }

  @Test("In-memory text reads like a file")
  func inMemory() throws {
    let table = try DataTable(text: "a,b\n1,2\n", file: "memory.csv")
    #expect(table.file == "memory.csv")
    #expect(cells(table) == [["1", "2"]])
  }
}
