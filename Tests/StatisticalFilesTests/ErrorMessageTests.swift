import Foundation
import Testing

@testable import StatisticalFiles

@Suite("Error messages, verbatim")
struct ErrorMessageTests {
  @Test("A file that does not exist, a directory, an empty file")
  func unreadable() throws {
    #expect(
      errorOf { () throws(StatisticalFileError) in
        try StatisticalDataFile(contentsOfFile: "/nonexistent/adtte.xpt")
      } == "/nonexistent/adtte.xpt: cannot read the file: No such file or directory")
    #expect(
      errorOf { () throws(StatisticalFileError) in
        try StatisticalDataFile(contentsOfFile: fixtures.path, displayName: "data.xpt")
      } == "data.xpt: cannot read the file: Is a directory")
    #expect(
      try withTemporaryFile([], named: "adtte.xpt") { path in
        errorOf { () throws(StatisticalFileError) in
          try StatisticalDataFile(contentsOfFile: path, displayName: "adtte.xpt")
        }
      } == "adtte.xpt: the file is empty")
  }

  @Test("An extension that is none of the four")
  func unsupportedExtension() throws {
    let transport = try fixtureBytes("kinds-v5.xpt")
    #expect(
      try withTemporaryFile(transport, named: "adtte.csv") { path in
        errorOf { () throws(StatisticalFileError) in
          try StatisticalDataFile(contentsOfFile: path, displayName: "adtte.csv")
        }
      }
        == "adtte.csv: '.csv' is not the extension of a SAS, Stata or SPSS data file; expected .xpt, .sas7bdat, .dta or .sav; the content is a SAS transport file, so rename the file to end in .xpt"
    )
    #expect(
      try withTemporaryFile(Array("a,b\n1,2\n".utf8), named: "adtte") { path in
        errorOf { () throws(StatisticalFileError) in
          try StatisticalDataFile(contentsOfFile: path, displayName: "adtte")
        }
      }
        == "adtte: the file name has no extension; expected .xpt, .sas7bdat, .dta or .sav")
  }

  @Test("Content that does not match the extension")
  func contentMismatch() {
    #expect(
      readError("transport.dta")
        == "transport.dta: the file is named as a Stata data file but holds a SAS transport file; rename it to end in .xpt"
    )
    #expect(
      readError("csv.xpt")
        == "csv.xpt: the file is named as a SAS transport file but is not one: its content looks like comma-separated text (CSV)"
    )
    #expect(
      readError("random.sav")
        == "random.sav: the file is named as an SPSS data file but is not one: its first bytes are 7B E5 44 3A 44 7E EE 1A …"
    )
  }

  @Test("What other content looks like")
  func contentDescriptions() {
    func describe(_ text: String) -> String {
      Array(text.utf8).withUnsafeBytes { _ContentSignature.describe($0) }
    }
    #expect(describe("a\tb\n1\t2\n") == "its content looks like tab-separated text")
    #expect(describe("a;b\n1;2\n") == "its content looks like semicolon-separated text")
    #expect(describe("just words\n") == "its content looks like plain text")
    #expect(
      describe("<!DOCTYPE html><html><body>Not found</body></html>")
        == "its content looks like an HTML page (a failed download?)")
    #expect(describe("PK\u{3}\u{4}rest") == "its content is a ZIP archive (an Excel workbook?)")
    #expect(describe("%PDF-1.7") == "its content is a PDF document")
    #expect(describe("\u{1}\u{2}") == "its first bytes are 01 02")
  }

  @Test("Truncated files")
  func truncated() {
    #expect(
      readError("truncated.xpt")
        == "truncated.xpt: row 6: the file is truncated: the row has 5 of its 59 bytes")
    #expect(
      readError("truncated.sas7bdat")
        == "truncated.sas7bdat: the file is truncated: it ends inside its header")
    #expect(
      readError("truncated.dta")
        == "truncated.dta: the file is truncated: it ends before its first row")
    #expect(
      readError("truncated.sav")
        == "truncated.sav: the header says 6 rows, but the file holds 5; it is truncated or damaged"
    )
  }

  @Test("Damaged files: random bytes after each format's signature")
  func damaged() {
    #expect(
      readError("noise.sas7bdat")
        == "noise.sas7bdat: the file is damaged or uses a feature ReadStat cannot read (ReadStat: Invalid file, or file has unsupported features)"
    )
    #expect(
      readError("noise.dta")
        == "noise.dta: the file is damaged or uses a feature ReadStat cannot read (ReadStat: Invalid file, or file has unsupported features)"
    )
    #expect(readError("noise.sav")?.hasPrefix("noise.sav: the file is damaged") == true)
    #expect(
      readError("noise.xpt")
        == "noise.xpt: the file is damaged or uses a feature ReadStat cannot read (ReadStat: Invalid file, or file has unsupported features)"
    )
  }

  @Test("A transport file with two data sets")
  func twoDataSets() {
    #expect(
      readError("two-members.xpt")
        == "two-members.xpt: the transport file holds 2 data sets; only files with one data set are read, so write each data set to its own file"
    )
  }

  @Test("Text that is not UTF-8 names the row and the variable")
  func invalidUTF8() {
    let error = thrownError { () throws(StatisticalFileError) in
      try StatisticalDataFile(contentsOfFile: fixture("latin1.xpt"), displayName: "latin1.xpt")
    }
    #expect(error?.row == 2)
    #expect(error?.variable == "NAME")
    #expect(error?.reason == .invalidUTF8(Array("caf".utf8) + [0xE9]))
    #expect(
      error?.description
        == "latin1.xpt: row 2, variable NAME: text is not valid UTF-8: 'caf\\xE9'; write the file with UTF-8 text (SAS: a session with ENCODING=UTF8; R haven: UTF-8 strings)"
    )
  }

  @Test("Escaping bytes for messages")
  func escaping() {
    #expect(_escaped(Array("caf".utf8) + [0xE9]) == "caf\\xE9")
    #expect(_escaped(Array("Zo\u{EB} \\ \u{2713}\t".utf8)) == "Zo\u{EB} \\\\ \u{2713}\\x09")
    #expect(_escaped([0xE2, 0x9C]) == "\\xE2\\x9C")
    #expect(
      _escaped(Array(repeating: UInt8(ascii: "a"), count: 45)) == String(repeating: "a", count: 40)
        + "…")
  }

  @Test("Locations: file, row, variable")
  func locations() {
    let error = StatisticalFileError(file: "a.xpt", row: 3, variable: "ADT", reason: .emptyFile)
    #expect((error as any Error).localizedDescription == error.description)
    #expect(
      StatisticalFileError(file: "adtte.xpt", row: 17, variable: "AVAL", reason: .emptyFile)
        .description == "adtte.xpt: row 17, variable AVAL: the file is empty")
    #expect(
      StatisticalFileError(file: "adtte.xpt", variable: "AVAL", reason: .emptyFile).location
        == "adtte.xpt: variable AVAL")
    #expect(
      StatisticalFileError(file: "adtte.xpt", reason: .dateOutOfRange(1e300, format: "DATE9."))
        .description == "adtte.xpt: the value 1e+300 is outside the range of dates (format DATE9.)")
    #expect(
      StatisticalFileError(file: "a.sav", reason: .rowCountMismatch(expected: 1, found: 0))
        .message == "the header says 1 row, but the file holds 0; it is truncated or damaged")
  }
}
