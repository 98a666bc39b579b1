import Foundation
import Testing

@testable import ClinicalData

/// Tables read from SAS transport files against the same data as CSV, written from the transport
/// files by haven (`StatisticalFilesTests/Fixtures/csv/make-csv.R`): the same columns and values
/// where the two agree, which is everywhere but in the kinds of columns (CSV columns are text,
/// read as numbers when asked for; a transport file has numbers and dates), the spelling of
/// numbers (`0.1` against R's `0.10000000000000001`), labels and locations.
@Suite("Tables of SAS transport files")
struct TransportTableTests {
  static let statisticalFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("StatisticalFilesTests/Fixtures")
  static let adamFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("SurvfigCLITests/Fixtures/adam")

  static let files = [
    statisticalFixtures.appendingPathComponent("kinds-v5.xpt"),
    statisticalFixtures.appendingPathComponent("phuse-tdf-adtte.xpt"),
    adamFixtures.appendingPathComponent("pharmaverse-adsl.xpt"),
    adamFixtures.appendingPathComponent("pharmaverse-adtte.xpt"),
    adamFixtures.appendingPathComponent("pharmaverse-adrs-bor.xpt"),
  ].map(\.path)

  /// The table of transport file `path` and of its CSV copy.
  func tables(_ path: String) throws -> (transport: DataTable, csv: DataTable) {
    let name = URL(fileURLWithPath: path).lastPathComponent
    let csv = Self.statisticalFixtures.appendingPathComponent("csv").appendingPathComponent(
      name.replacingOccurrences(of: ".xpt", with: ".csv"))
    return (try DataTable(contentsOfFile: path, displayName: name), try DataTable(contentsOfFile: csv.path))
  }

  @Test("The same columns and values as the same data in CSV", arguments: files)
  func sameAsCSV(path: String) throws {
    let (transport, csv) = try tables(path)
    #expect(transport.columnNames == csv.columnNames)
    #expect(transport.rowCount == csv.rowCount)
    #expect(transport.rowCount > 0)
    for (mine, theirs) in zip(transport.columns, csv.columns) {
      try expectSame(mine, theirs)
    }
    // A view of some rows, in another order, reads the same rows of the file.
    let rows = Array(stride(from: transport.rowCount - 1, through: 0, by: -3)) + [0, 0]
    for (mine, theirs) in zip(transport.rows(rows).columns, csv.rows(rows).columns) {
      try expectSame(mine, theirs)
    }
  }

  func expectSame(_ mine: DataColumn, _ theirs: DataColumn) throws {
    let name = mine.name
    #expect(mine.count == theirs.count)
    #expect(mine.missingCount == theirs.missingCount, "\(name)")
    #expect((0..<mine.count).allSatisfy { mine.isMissing(atRow: $0) == theirs.isMissing(atRow: $0) }, "\(name)")
    let distinct = mine.distinctValues()
    let csvDistinct = theirs.distinctValues()
    #expect(distinct.codes == csvDistinct.codes, "\(name)")
    #expect(distinct.firstRows == csvDistinct.firstRows, "\(name)")
    #expect(distinct.counts == csvDistinct.counts, "\(name)")
    switch mine.kind {
    case .numbers:
      #expect(try mine.numericValues() == theirs.numericValues(), "\(name)")
      #expect(try (0..<mine.count).map { try mine.number(atRow: $0) } == theirs.numericValues(), "\(name)")
      #expect(mine.isNumeric == theirs.isNumeric, "\(name)")
      #expect(distinct.values.map { CSVNumber.parse($0) } == csvDistinct.values.map { CSVNumber.parse($0) })
    case .text:
      #expect(mine.textValues() == theirs.textValues(), "\(name)")
      #expect(distinct == csvDistinct, "\(name)")
      #expect(mine.isNumeric == theirs.isNumeric, "\(name)")
      #expect((try? mine.numericValues()) == (try? theirs.numericValues()), "\(name)")
    case .dates:
      // Dates as ISO text; a datetime is the day it falls on.
      let days = try #require(mine.dateValues())
      #expect(days.count == mine.count)
      #expect(mine.textValues() == theirs.textValues().map { $0.map { String($0.prefix(10)) } }, "\(name)")
      #expect(distinct.values == csvDistinct.values.map { String($0.prefix(10)) }, "\(name)")
      #expect(throws: DataError.self) { try mine.numericValues() }
    case .logical:
      Issue.record("\(name): a transport file has no true/false values")
    }
  }

  @Test("Kinds, labels and locations of the transport file's variables")
  func kindsAndLocations() throws {
    let (table, _) = try tables(Self.files[0])
    #expect(table.columns.map(\.kind) == [.text, .numbers, .numbers, .dates, .dates, .numbers])
    #expect(table.columns.map(\.label)[0...1] == ["Unique Subject Identifier", "Analysis Value"])
    let aval = try table.column(named: "AVAL")
    #expect(aval.location(ofRow: 3).description == "kinds-v5.xpt: row 4, variable AVAL")
    #expect(table.rows([5, 3]).column(at: 1).location(ofRow: 1).description == "kinds-v5.xpt: row 4, variable AVAL")
    #expect(table.location(ofRow: 2).description == "kinds-v5.xpt: row 3")
    #expect(table.line(ofRow: 2) == 3)
    #expect(aval.rawText(atRow: 4) == "10000000000")
    #expect(aval.text(atRow: 3) == nil)
    #expect(try table.column(named: "ADTM").dateValues() == [16072, nil, -3653, -3654, 18321, 0])
    #expect(try table.column(named: "ADT").rawText(atRow: 3) == "1959-12-31")
    #expect(
      messageOf { () throws(DataError) in try table.column(named: "USUBJID").numericValues() }
        == "kinds-v5.xpt: row 1, variable USUBJID: column 'USUBJID' expects a number, found '01-701-1015' (and 3 more rows)"
    )
    #expect(
      messageOf { () throws(DataError) in try table.column(named: "ADT").number(atRow: 0) }
        == "kinds-v5.xpt: row 1, variable ADT: column 'ADT' expects a number, found '2014-01-02'")
  }

  @Test("A damaged transport file: the message names the row and variable")
  func damaged() {
    func message(_ name: String) -> String? {
      messageOf { () throws(DataError) in
        try DataTable(contentsOfFile: Self.statisticalFixtures.appendingPathComponent(name).path, displayName: name)
      }
    }
    #expect(message("truncated.xpt") == "truncated.xpt: row 6: the file is truncated: the row has 5 of its 59 bytes")
    #expect(
      message("latin1.xpt")
        == "latin1.xpt: row 2, variable NAME: text is not valid UTF-8: 'caf\\xE9'; write the file with UTF-8 text (SAS: a session with ENCODING=UTF8; R haven: UTF-8 strings)"
    )
    #expect(
      message("two-members.xpt")
        == "two-members.xpt: the transport file holds 2 data sets; only files with one data set are read, so write each data set to its own file"
    )
    #expect(
      message("csv.xpt")
        == "csv.xpt: the file is named as a SAS transport file but is not one: its content looks like comma-separated text (CSV)"
    )
  }
}
