import Foundation
import Testing

@testable import StatisticalFiles

/// Reads `bytes` as a transport file named `name`, natively and through ReadStat: from memory
/// when they begin as a transport file does, else from a file (to check the signature).
func readBoth(_ bytes: [UInt8], named name: String = "test.xpt") throws -> (
  native: Result<StatisticalDataFile, StatisticalFileError>, readStat: Result<StatisticalDataFile, StatisticalFileError>
) {
  guard bytes.withUnsafeBytes({ _ContentSignature($0) }) == .format(.sasTransport) else {
    return try withTemporaryFile(bytes, named: name) { path in
      (
        Result { () throws(StatisticalFileError) in try StatisticalDataFile(contentsOfFile: path, displayName: name) },
        Result { () throws(StatisticalFileError) in
          try StatisticalDataFile(contentsOfFile: path, displayName: name, transportThroughReadStat: true)
        }
      )
    }
  }
  let file = _FileBytes(copying: bytes)
  return (
    Result { () throws(StatisticalFileError) in try _readDataSet(file, format: .sasTransport, file: name) },
    Result { () throws(StatisticalFileError) in
      try _readDataSet(file, format: .sasTransport, file: name, transportThroughReadStat: true)
    }
  )
}

/// Reads `bytes` as a transport file named `name`, natively and lazily (from memory).
func readTransport(_ bytes: [UInt8], named name: String = "test.xpt") throws -> SASTransportFile {
  try SASTransportFile(_FileBytes(copying: bytes), path: name, file: name)
}

@Suite("SAS transport files: layout and lazy values")
struct TransportFileTests {
  @Test("Version, names, labels, formats, kinds, offsets and lengths", arguments: [5, 8])
  func layout(version: Int) throws {
    let name = "kinds-v\(version).xpt"
    let file = try SASTransportFile(contentsOfFile: fixture(name), displayName: name)
    #expect(file.version == (version == 5 ? .v5 : .v8))
    #expect(file.path == fixture(name))
    #expect(file.file == name)
    #expect(file.name == "KINDS")
    #expect(file.label == "Kinds of values")
    #expect(file.rowCount == 6)
    #expect(file.rowWidth == 59)
    #expect(file.dataOffset % 80 == 0)
    #expect(file.variables.map(\.name) == ["USUBJID", "AVAL", "CNSR", "ADT", "ADTM", "ATM"])
    #expect(file.variables.map(\.kind) == [.text, .number, .number, .date, .dateTime, .number])
    #expect(file.variables.map(\.format) == [nil, nil, nil, "DATE.", "DATETIME.", "TIME."])
    #expect(file.variables.map(\.length) == [19, 8, 8, 8, 8, 8])
    #expect(file.variables.map(\.offset) == [0, 19, 27, 35, 43, 51])
    #expect(file.variables.map(\.isNumeric) == [false, true, true, true, true, true])
    #expect(file.index(ofVariable: "ADT") == 3)
    #expect(file.index(ofVariable: "adt") == nil)
  }

  @Test("Each value one at a time is the value of the decoded data set", arguments: TransportReaderTests.files)
  func valuesOneAtATime(path: String) throws {
    guard let file = try? SASTransportFile(contentsOfFile: path) else { return }
    let data = StatisticalDataFile(file)
    for (index, variable) in data.variables.enumerated() {
      for row in 0..<file.rowCount {
        switch variable.values {
        case .numbers(let values): #expect(file.number(atRow: row, variable: index) == values[row])
        case .texts(let values):
          #expect(file.text(atRow: row, variable: index) == values[row])
          let range = file.textRange(atRow: row, variable: index)
          let bytes = file.withUnsafeBytes { Array($0[range]) }
          #expect(bytes == Array((values[row] ?? "").utf8))
        case .dates(let values): #expect(file.date(atRow: row, variable: index) == values[row])
        case .dateTimes(let values):
          #expect(file.dateTime(atRow: row, variable: index) == values[row])
          #expect(file.date(atRow: row, variable: index) == values[row].map { Int(($0 / 86_400).rounded(.down)) })
        }
        #expect(file.isMissing(atRow: row, variable: index) == (variable.values.missingAt(row)))
      }
    }
  }

  @Test("Values of chosen rows, in the order given")
  func chosenRows() throws {
    let file = try SASTransportFile(contentsOfFile: fixture("kinds-v5.xpt"))
    let rows = [5, 0, 0, 3]
    #expect(file.numbers(ofVariable: 1, rows: rows) == [0, 1.5, 1.5, nil])
    #expect(file.texts(ofVariable: 0, rows: rows) == ["  indented", "01-701-1015", "01-701-1015", nil])
    #expect(file.dates(ofVariable: 3, rows: rows) == [0, 16072, 16072, -3654])
    #expect(file.dateTimes(ofVariable: 4, rows: rows) == [0, 1_388_651_400, 1_388_651_400, -315_619_201])
    // The day a datetime falls on: 1959-12-31T23:59:59 is day -3654.
    #expect(file.dates(ofVariable: 4, rows: [3]) == [-3654])
    #expect(file.numbers(ofVariable: 3, rows: [0]) == [16072 + 3653])
    #expect(file.numbers(ofVariable: 1, rows: []) == [])
    #expect(file.offset(ofRow: 1, variable: 2) == file.dataOffset + 59 + 27)
  }

  @Test("Zero rows")
  func zeroRows() throws {
    let file = try SASTransportFile(contentsOfFile: fixture("empty-v5.xpt"))
    #expect(file.rowCount == 0)
    #expect(file.numbers(ofVariable: 1) == [])
    #expect(file.texts(ofVariable: 0) == [])
    #expect(file.dates(ofVariable: 2) == [])
  }

  @Test("Content that is not a transport file, whatever the extension")
  func notTransport() throws {
    let dta = fixture("kinds.dta")
    #expect(
      errorOf { () throws(StatisticalFileError) in try SASTransportFile(contentsOfFile: dta, displayName: "kinds.dta") }
        == "kinds.dta: the file is named as a SAS transport file but holds a Stata data file; rename it to end in .dta"
    )
    #expect(
      errorOf { () throws(StatisticalFileError) in try SASTransportFile(contentsOfFile: fixture("csv.xpt")) }?
        .hasSuffix("is not one: its content looks like comma-separated text (CSV)") == true)
    let renamed = try withTemporaryFile(try fixtureBytes("kinds-v5.xpt"), named: "kinds.dat") {
      try SASTransportFile(contentsOfFile: $0)
    }
    #expect(renamed.rowCount == 6)
  }
}

extension StatisticalVariable.Values {
  /// Whether the value in `row` is nil.
  func missingAt(_ row: Int) -> Bool {
    switch self {
    case .numbers(let values): values[row] == nil
    case .texts(let values): values[row] == nil
    case .dates(let values): values[row] == nil
    case .dateTimes(let values): values[row] == nil
    }
  }
}
