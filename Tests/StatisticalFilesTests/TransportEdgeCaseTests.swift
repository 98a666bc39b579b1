import Foundation
import Testing

@testable import StatisticalFiles

/// Files no R writer makes, written by ``TransportFileWriter``, read natively and through
/// ReadStat: the same data set or error, except where stated.
@Suite("SAS transport files: layouts and values no R writer makes")
struct TransportEdgeCaseTests {
  let blank = UInt8(ascii: " ")

  func text(_ value: String, _ length: Int) -> [UInt8] {
    let bytes = Array(value.utf8)
    return bytes + [UInt8](repeating: blank, count: length - bytes.count)
  }

  /// Expects both readers to give the same data set and returns it.
  func readAlike(_ writer: TransportFileWriter, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> StatisticalDataFile?
  {
    try readAlike(writer.bytes, sourceLocation: sourceLocation)
  }

  func readAlike(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> StatisticalDataFile? {
    let (native, readStat) = try readBoth(bytes)
    #expect(native == readStat, sourceLocation: sourceLocation)
    return try? native.get()
  }

  @Test("Numbers of 3 to 8 bytes, as ReadStat reads them; of 2 bytes, which ReadStat reads as missing")
  func numberLengths() throws {
    var writer = TransportFileWriter()
    let pi = ibmBytes(.pi)
    writer.variables = (2...8).map { TransportFileWriter.Variable(name: "N\($0)", length: $0) }
    writer.data =
      (2...8).flatMap { Array(pi.prefix($0)) } + (2...8).flatMap { [0x2E] + [UInt8](repeating: 0, count: $0 - 1) }
    let (native, readStat) = try readBoth(writer.bytes)
    let data = try native.get()
    let expected: [Double] = [
      3.125, 3.141357421875, 3.1415920257568359, 3.1415926516056061, 3.1415926535846666, 3.1415926535897825, .pi,
    ]
    #expect(data.variables.map(\.values) == expected.map { .numbers([$0, nil]) })
    var theirs = try readStat.get()
    #expect(theirs.variables[0].values == .numbers([nil, nil]))
    theirs.variables[0] = data.variables[0]
    #expect(theirs == data)
  }

  @Test("Text: a NUL byte ends it, or trailing blanks are removed; leading blanks kept; any length")
  func textValues() throws {
    var writer = TransportFileWriter()
    writer.variables = [
      .init(name: "A", isText: true, length: 6), .init(name: "B", isText: true, length: 1),
      .init(name: "C", isText: true, length: 200),
    ]
    let long = String(repeating: "Xanomeline ", count: 18)
    writer.data =
      text("ab", 6) + text("x", 1) + text(long, 200)
      + [0x61, 0, 0x62, blank, 0, 0] + [0] + text(" lead", 200)
      + [blank, 0x61, blank, blank, 0, blank] + text("", 1) + [UInt8](repeating: 0, count: 200)
      + [0x61, 0x62, blank, 0, 0x63, 0x64] + [blank] + text(long, 200)
    let data = try readAlike(writer)
    // ReadStat 1.1.8 removes trailing blanks, then reads up to a NUL: " a  " keeps its blanks.
    #expect(data?.texts("A") == ["ab", "a", " a  ", "ab "])
    #expect(data?.texts("B") == ["x", nil, nil, nil])
    #expect(
      data?.texts("C") == [
        long.trimmingCharacters(in: .whitespaces), " lead", nil, long.trimmingCharacters(in: .whitespaces),
      ])
  }

  @Test("Blank rows: kept between rows, padding at the end; a row cut short after them")
  func blankRows() throws {
    var writer = TransportFileWriter()
    writer.variables = [.init(name: "ID", isText: true, length: 7), .init(name: "FLAG", isText: true, length: 3)]
    let row = text("01-0001", 7) + text("Y", 3)
    let empty = [UInt8](repeating: blank, count: 10)
    writer.data = row + empty + row + empty + empty
    let data = try readAlike(writer)
    #expect(data?.rowCount == 3)
    #expect(data?.texts("ID") == ["01-0001", nil, "01-0001"])

    // Rows of 30 bytes: two whole rows and 20 bytes of a third fill the 80-byte record.
    writer.variables[0].length = 27
    let wide = text("01-0001", 27) + text("Y", 3)
    writer.data = wide + [UInt8](repeating: blank, count: 30) + Array(wide.prefix(20))
    let (native, readStat) = try readBoth(writer.bytes)
    #expect(native == readStat)
    #expect(native.failure?.description == "test.xpt: row 3: the file is truncated: the row has 20 of its 30 bytes")
  }

  @Test("Version 8: long names and labels in LABELV8 entries, formats in LABELV9 entries")
  func labelRecords() throws {
    var writer = TransportFileWriter()
    writer.version = 8
    let label = String(repeating: "A label longer than forty bytes, ", count: 3)
    writer.variables = [
      .init(
        name: "SHORT", isText: true, length: 4, label: "Short", entry: ("A_NAME_OF_THIRTY_TWO_CHARACTERS_", label, nil)),
      .init(name: "N", label: "Number"),
    ]
    writer.data = text("ab", 4) + ibmBytes(2.5)
    let data = try readAlike(writer)
    #expect(data?.variables.map(\.name) == ["A_NAME_OF_THIRTY_TWO_CHARACTERS_", "N"])
    #expect(data?.variables.map(\.label) == [label.trimmingCharacters(in: .whitespaces), "Number"])

    writer.variables[1].entry = ("AVAL_DATE", "Analysis date", "E8601DATETIMEX19.")
    writer.variables[1].format = "E8601DAT"
    writer.variables[0].entry = ("ID", "", "$CHARACTERS4.")
    let formatted = try readAlike(writer)
    #expect(formatted?.variables.map(\.name) == ["ID", "AVAL_DATE"])
    #expect(formatted?.variables.map(\.label) == [nil, "Analysis date"])
    #expect(formatted?.variables.map(\.format) == ["$CHARACTERS4.", "E8601DATETIMEX19."])
  }

  @Test("Dates and datetimes by format, and their checks")
  func temporal() throws {
    var writer = TransportFileWriter()
    writer.variables = [
      .init(name: "D", format: "YYMMDD", formatWidth: 10), .init(name: "T", format: "DATETIME", formatWidth: 20),
      .init(name: "HM", format: "TIME", formatWidth: 8),
      .init(name: "X", format: "", formatWidth: 8, formatDecimals: 2),
    ]
    writer.data = ibmBytes(3653) + ibmBytes(315_619_200.5) + ibmBytes(60) + ibmBytes(1.25)
    let data = try readAlike(writer)
    #expect(data?.dates("D") == [0])
    #expect(data?.dateTimes("T") == [0.5])
    #expect(data?.numbers("HM") == [60])
    #expect(data?.numbers("X") == [1.25])
    #expect(data?.variables.map(\.format) == ["YYMMDD10.", "DATETIME20.", "TIME8.", "8.2"])

    // A date out of range: both refuse it at its row and variable.
    writer.data += ibmBytes(1e15) + ibmBytes(0) + ibmBytes(0) + ibmBytes(0)
    let (native, readStat) = try readBoth(writer.bytes)
    #expect(native == readStat)
    #expect(
      native.failure?.description
        == "test.xpt: row 2, variable D: the value 1000000000000000 is outside the range of dates (format YYMMDD10.)")

    // A datetime more than 2^31 days away: a table needs its day, so both refuse it.
    writer.data = Array(writer.data.prefix(32)) + ibmBytes(0) + ibmBytes(1e20) + ibmBytes(0) + ibmBytes(0)
    let (far, farReadStat) = try readBoth(writer.bytes)
    #expect(far == farReadStat)
    #expect(
      far.failure?.description
        == "test.xpt: row 2, variable T: the value 1e+20 is outside the range of dates (format DATETIME20.)"
    )
  }

  @Test("Names, labels and formats that are not UTF-8 are refused, naming the variable")
  func invalidHeaderText() throws {
    var writer = TransportFileWriter()
    writer.variables = [.init(name: "A"), .init(name: "B", label: "caf\u{E9}")]
    writer.data = ibmBytes(1) + ibmBytes(2)
    var bytes = writer.bytes
    // The label's é (C3 A9) made Latin-1 (E9 and a blank).
    let position = try #require(bytes.indices.first { bytes[$0] == 0xC3 && bytes[$0 + 1] == 0xA9 })
    bytes[position] = 0xE9
    bytes[position + 1] = blank
    let (native, readStat) = try readBoth(bytes)
    #expect(native == readStat)
    #expect(native.failure?.variable == "B")
    #expect(native.failure?.reason == .invalidUTF8(Array("caf".utf8) + [0xE9]))
  }

  @Test("A data set without variables; a version 8 file whose last header record has another name")
  func headerVariants() throws {
    var writer = TransportFileWriter()
    let (native, readStat) = try readBoth(writer.bytes)
    #expect((try? native.get())?.variables == [])
    #expect((try? native.get())?.rowCount == 0)
    #expect(readStat.failure?.reason == .outOfMemory)

    writer.version = 8
    writer.variables = [.init(name: "N")]
    writer.data = ibmBytes(1) + ibmBytes(2)
    var bytes = writer.bytes
    let header = Array("HEADER RECORD*******OBSV8   HEADER RECORD!!!!!!!".utf8)
    let position = try #require(
      stride(from: 0, to: bytes.count, by: 80).first { bytes[$0..<$0 + header.count].elementsEqual(header) })
    bytes.replaceSubrange(position + 20..<position + 28, with: Array("OBS     ".utf8))
    let renamed = try readAlike(bytes)
    #expect(renamed?.numbers("N") == [1, 2])
  }

  @Test("VAX/VMS namestrs of 136 bytes")
  func shortNamestrs() throws {
    var writer = TransportFileWriter()
    writer.namestrLength = 136
    writer.variables = [.init(name: "ID", isText: true, length: 3, label: "Subject"), .init(name: "AGE")]
    writer.data = text("a", 3) + ibmBytes(64) + text("b", 3) + ibmBytes(70)
    let file = try readTransport(writer.bytes)
    #expect(file.variables.map(\.name) == ["ID", "AGE"])
    #expect(file.variables.map(\.label) == ["Subject", nil])
    #expect(file.numbers(ofVariable: 1) == [64, 70])
    #expect(file.texts(ofVariable: 0) == ["a", "b"])
  }

  @Test("Seeded random data sets: both readers agree, and numbers read back as written", arguments: [5, 8])
  func randomDataSets(version: Int) throws {
    var generator = SplitMix64(seed: 20_261_205 + UInt64(version))
    let characters = ["A", "b", " ", "0", "-", "\u{E9}", "\u{2713}"].map { Array($0.utf8) }
    for _ in 0..<40 {
      var writer = TransportFileWriter()
      writer.version = version
      let formats = ["", "DATE", "DATETIME", "BEST", "E8601DA", "TIME"]
      writer.variables = (0..<Int(generator.next() % 6 + 1)).map { index in
        let isText = generator.next() % 2 == 0
        return TransportFileWriter.Variable(
          name: "V\(index)", isText: isText,
          length: isText ? Int(generator.next() % 24 + 1) : Int(generator.next() % 6 + 3),
          label: "Variable \(index)", format: isText ? "" : formats[Int(generator.next() % 6)],
          formatWidth: Int(generator.next() % 3) * 8)
      }
      var expectedNumbers: [[Double?]] = Array(repeating: [], count: writer.variables.count)
      for _ in 0..<Int(generator.next() % 30) {
        for (index, variable) in writer.variables.enumerated() {
          if variable.isText {
            var value: [UInt8] = []
            for _ in 0..<Int(generator.next() % UInt64(variable.length + 1)) {
              let character = characters[Int(generator.next() % UInt64(characters.count))]
              if value.count + character.count <= variable.length { value += character }
            }
            // Now and then a byte that is not UTF-8, which both readers refuse alike.
            if !value.isEmpty && generator.next() % 400 == 0 { value[0] = 0xFF }
            writer.data += value + [UInt8](repeating: blank, count: variable.length - value.count)
          } else if generator.next() % 5 == 0 {
            let tag = [0x2E, 0x5F, 0x41, 0x5A][Int(generator.next() % 4)]
            writer.data += [UInt8(tag)] + [UInt8](repeating: 0, count: variable.length - 1)
            expectedNumbers[index].append(nil)
          } else {
            // Whole days and seconds within 2^31 days; numbers of up to 48 significant bits for
            // the shorter lengths.
            let value = Double(Int64(bitPattern: generator.next()) >> 36) / 64
            writer.data += ibmBytes(value).prefix(variable.length)
            expectedNumbers[index].append(value)
          }
        }
      }
      let (native, readStat) = try readBoth(writer.bytes)
      #expect(native == readStat)
      guard let data = try? native.get() else { continue }
      for (index, variable) in data.variables.enumerated() where !writer.variables[index].isText {
        if case .numbers(let numbers) = variable.values, writer.variables[index].length == 8 {
          #expect(numbers == Array(expectedNumbers[index].prefix(numbers.count)))
        }
      }
    }
  }
}

extension Result {
  /// The error, or nil on success.
  var failure: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }
}
