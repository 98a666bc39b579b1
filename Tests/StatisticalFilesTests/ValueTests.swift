import Foundation
import Testing

@testable import StatisticalFiles

/// The same six rows written by haven in each format (`make-fixtures.R`, "kinds").
@Suite("Values, missing values and labels in every format")
struct ValueTests {
  static let files = ["kinds-v5.xpt", "kinds-v8.xpt", "kinds.sas7bdat", "kinds.dta", "kinds.sav"]

  @Test("Text: non-ASCII kept, leading blanks kept, empty and missing both nil", arguments: files)
  func text(file: String) throws {
    let data = try read(file)
    #expect(data.rowCount == 6)
    #expect(
      data.texts("USUBJID")
        == [
          "01-701-1015", "01-701-1023", nil, nil, "Zo\u{EB} \u{2013} na\u{EF}ve \u{2713}",
          "  indented",
        ])
  }

  @Test("Numbers, system-missing and special missing values", arguments: files)
  func numbers(file: String) throws {
    let data = try read(file)
    // Row 4 is .A (SAS), .a (Stata) or the user-missing -9 (SPSS).
    #expect(data.numbers("AVAL") == [1.5, -2.25, nil, nil, 1e10, 0])
    // CNSR has value labels in the Stata and SPSS files; they are ignored.
    #expect(data.numbers("CNSR") == [0, 1, 0, 1, nil, 0])
    // A time of day (SAS TIME., SPSS TIME8; haven gives Stata a plain format) stays a number.
    #expect(data.numbers("ATM") == [30600, nil, 0, 86399, 47655, 0])
  }

  /// R: `as.numeric(as.Date(c("2014-01-02", NA, "1960-01-01", "1959-12-31", "2020-02-29",
  /// "1970-01-01")))` and the same for the datetimes with `as.POSIXct(..., tz = "UTC")`.
  @Test("A date and a datetime counted from 1970 whatever the program's epoch", arguments: files)
  func dates(file: String) throws {
    let data = try read(file)
    #expect(data.dates("ADT") == [16072, nil, -3653, -3654, 18321, 0])
    #expect(
      data.dateTimes("ADTM") == [
        1_388_651_400, nil, -315_619_200, -315_619_201, 1_582_982_055.25, 0,
      ])
  }

  @Test("Variable labels", arguments: files)
  func labels(file: String) throws {
    let data = try read(file)
    #expect(data.variables.map(\.name) == ["USUBJID", "AVAL", "CNSR", "ADT", "ADTM", "ATM"])
    #expect(
      data.variables.map(\.label) == [
        "Unique Subject Identifier", "Analysis Value", "Censor", "Analysis Date",
        "Analysis Datetime", "Analysis Time",
      ])
  }

  @Test("Data set names, labels, formats and display formats")
  func dataSetMetadata() throws {
    let v5 = try read("kinds-v5.xpt")
    #expect(v5.format == .sasTransport)
    #expect(v5.path == fixture("kinds-v5.xpt"))
    #expect(v5.name == "KINDS")
    #expect(v5.label == "Kinds of values")
    // ReadStat gives transport formats without their period; they are spelled as SAS does.
    #expect(v5.variables.map(\.format) == [nil, nil, nil, "DATE.", "DATETIME.", "TIME."])
    // Version 8 holds the same data set; only the path differs.
    var v8 = try read("kinds-v8.xpt")
    v8.path = v5.path
    #expect(v8 == v5)

    let sas = try read("kinds.sas7bdat")
    #expect(sas.format == .sas7bdat)
    #expect(sas.name == "DATASET")
    #expect(sas.label == nil)
    #expect(sas.variables.map(\.format) == [nil, nil, nil, "DATE.", "DATETIME.", "TIME."])

    let stata = try read("kinds.dta")
    #expect(stata.format == .stata)
    #expect(stata.name == nil)
    #expect(stata.label == "Kinds of values")
    #expect(
      stata.variables.map(\.format) == ["%-9s", "%10.0g", "%12.0g", "%td", "%tc", "%10.0g"])

    let spss = try read("kinds.sav")
    #expect(spss.format == .spss)
    #expect(spss.name == nil)
    #expect(spss.label == nil)
    #expect(
      spss.variables.map(\.format) == ["A19", "F8.2", "F8.0", "DATE11", "DATETIME20", "TIME8"])
  }

  @Test("SPSS user-defined missing values: discrete values, a range, a string")
  func userMissing() throws {
    let data = try read("user-missing.sav")
    #expect(data.numbers("DISCRETE") == [1, nil, nil, nil, 100])
    #expect(data.numbers("RANGE") == [1, nil, nil, nil, 999.5])
    // "NA " loses its trailing blank and is then the missing value "NA".
    #expect(data.texts("TEXT") == ["a", nil, "b", nil, nil])
  }

  @Test("Missing counts and value counts")
  func counts() throws {
    let data = try read("kinds.sav")
    #expect(data.variables.map(\.values.count) == [6, 6, 6, 6, 6, 6])
    #expect(data.variables.map(\.values.missingCount) == [2, 2, 1, 1, 1, 1])
  }

  @Test("A long name, a long label and a value over 200 bytes (transport v8)")
  func longValues() throws {
    let data = try read("long-v8.xpt")
    let variable = try #require(data.variables.first)
    #expect(variable.name == "SUBJECT_IDENTIFIER_LONG_NAME_32")
    #expect(variable.label == Array(repeating: "Label", count: 20).joined(separator: " "))
    let value = String(repeating: "0123456789", count: 29) + "\u{E9}t\u{E9} \u{2713}"
    #expect(value.utf8.count == 299)
    #expect(data.texts("SUBJECT_IDENTIFIER_LONG_NAME_32") == [value, "short"])
    #expect(data.numbers("N") == [1, 2])
  }

  @Test(
    "Zero rows", arguments: ["empty-v5.xpt", "empty.sas7bdat", "empty.dta", "empty.sav"])
  func zeroRows(file: String) throws {
    let data = try read(file)
    #expect(data.rowCount == 0)
    #expect(data.variables.map(\.name) == ["USUBJID", "AVAL", "ADT"])
    #expect(data.texts("USUBJID") == [])
    #expect(data.numbers("AVAL") == [])
    #expect(data.dates("ADT") == [])
  }

  @Test("A repeated text value is the same string, equal to a fresh one")
  func repeatedText() throws {
    let data = try read("phuse-tdf-adtte.xpt")
    let parameters = try #require(data.texts("PARAM"))
    #expect(Set(parameters) == ["Time to First Dermatologic Event"])
  }

  @Test("Stata 12 (format 115): Windows-1252 text converted to UTF-8, a %td date")
  func stata12() throws {
    let data = try read("stata12.dta")
    #expect(data.format == .stata)
    #expect(data.texts("name") == ["Zo\u{EB}", "Zo\u{EB}"])
    #expect(data.dates("day") == [18321, nil])
  }

  @Test("SPSS compressed with zlib (ZSAV) under a .sav name")
  func zlibCompressedSPSS() throws {
    let data = try read("zlib.sav")
    #expect(data.format == .spss)
    #expect(data.numbers("ID") == [1, 2])
    #expect(data.texts("NAME") == ["a", "b"])
  }

  @Test("Extensions are matched without regard to case")
  func extensionCase() throws {
    let bytes = try fixtureBytes("kinds-v5.xpt")
    let data = try withTemporaryFile(bytes, named: "KINDS.XPT") {
      try StatisticalDataFile(contentsOfFile: $0)
    }
    #expect(data.format == .sasTransport)
    #expect(data.rowCount == 6)
    #expect(data.path.hasSuffix("/KINDS.XPT"))
  }
}

@Suite("Sharing repeated text")
struct RecentTextsTests {
  func find(_ recent: inout _RecentTexts, _ text: String) -> String? {
    text.withCString { recent.find($0, length: strlen($0)) }
  }

  @Test("A remembered value is found by its bytes; the oldest of 9 is forgotten")
  func remembering() {
    var recent = _RecentTexts()
    let values = (0..<9).map { "Xanomeline dose number \($0)" }
    for value in values {
      #expect(find(&recent, value) == nil)
      recent.remember(value)
    }
    #expect(find(&recent, values[0]) == nil)
    #expect(find(&recent, values[8]) == values[8])
    #expect(find(&recent, values[1]) == values[1])
    #expect(find(&recent, "Xanomeline dose number") == nil)
  }

  @Test("Values that rarely repeat stop the lookups after the trial")
  func givingUp() {
    var recent = _RecentTexts()
    for index in 0..<_RecentTexts.trial {
      let value = "subject identifier \(index)"
      _ = find(&recent, value)
      recent.remember(value)
    }
    #expect(!recent.isEnabled)
    recent.remember("subject identifier 0")
    #expect(find(&recent, "subject identifier 0") == nil)
  }
}
