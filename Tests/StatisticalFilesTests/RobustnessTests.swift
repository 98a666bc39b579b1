import Testing

@testable import StatisticalFiles

/// Damaged files are refused with an error naming the file, never a crash or a hang.
@Suite("Damaged files")
struct RobustnessTests {
  static let files = [
    "kinds-v5.xpt", "kinds-v8.xpt", "kinds.sas7bdat", "kinds.dta", "kinds.sav", "dates.sav",
    "user-missing.sav", "long-v8.xpt",
  ]

  /// Every prefix length on a coarse grid, and seeded random byte changes, of each fixture either
  /// read or throw an error that names the file.
  @Test("Cut and corrupted copies of each fixture", arguments: files)
  func mutations(file: String) throws {
    let original = try fixtureBytes(file)
    var generator = SplitMix64(seed: 20_261_204)
    var variants: [[UInt8]] = []
    for length in stride(from: 0, to: original.count, by: max(1, original.count / 60)) {
      variants.append(Array(original.prefix(length)))
    }
    for _ in 0..<120 {
      var bytes = original
      for _ in 0...(generator.next() % 8) {
        let position = Int(generator.next() % UInt64(bytes.count))
        bytes[position] = UInt8(truncatingIfNeeded: generator.next())
      }
      variants.append(bytes)
    }
    let name = "mutated." + _extension(of: file)
    for bytes in variants {
      let outcome = try withTemporaryFile(bytes, named: name) { path in
        thrownError { () throws(StatisticalFileError) in
          try StatisticalDataFile(contentsOfFile: path, displayName: name)
        }
      }
      if let outcome { #expect(outcome.file == name) }
    }
  }

  /// Seeded copies of each transport fixture, cut at every length on a grid or with up to 8
  /// bytes changed, read natively and through ReadStat: neither crashes or hangs, an error names
  /// the file, and where both read a copy they give the same data set, except for numbers whose
  /// fraction's first hexadecimal digit the change made zero (not normalised: ReadStat reads
  /// those wrongly, see `IBMFloatTests`).
  ///
  /// Where one reads a copy the other refuses, or both refuse it differently, the copy is damaged
  /// in a way ReadStat takes differently: it runs out of memory on a variable count it cannot
  /// parse or a row of more than 16 MB, does not check a datetime's range, and reads namestrs of
  /// 140 bytes where the member header says 136.
  @Test("Damaged copies of transport files, natively and through ReadStat", arguments: transportFiles)
  func transportMutations(file: String) throws {
    let original = try fixtureBytes(file)
    var generator = SplitMix64(seed: 20_261_206)
    var variants: [[UInt8]] = []
    for length in stride(from: 0, to: original.count, by: max(1, original.count / 80)) {
      variants.append(Array(original.prefix(length)))
    }
    for _ in 0..<300 {
      var bytes = original
      for _ in 0...(generator.next() % 8) {
        bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
      }
      variants.append(bytes)
    }
    for bytes in variants {
      let (native, readStat) = try readBoth(bytes, named: "mutated.xpt")
      if let error = native.failure { #expect(error.file == "mutated.xpt") }
      if let error = readStat.failure { #expect(error.file == "mutated.xpt") }
      guard case .success(let mine) = native, case .success(let theirs) = readStat, mine != theirs else { continue }
      let transport = try readTransport(bytes)
      #expect(mine.variables.map(\.name) == theirs.variables.map(\.name))
      #expect(mine.rowCount == theirs.rowCount)
      for (index, (ours, others)) in zip(mine.variables, theirs.variables).enumerated() where ours != others {
        guard case .numbers(let a) = ours.values, case .numbers(let b) = others.values else {
          Issue.record("\(file): variable \(ours.name) differs: \(ours.values) and \(others.values)")
          continue
        }
        for row in a.indices where a[row] != b[row] && !(a[row]?.isNaN ?? false) {
          let second = transport.withUnsafeBytes { $0[transport.offset(ofRow: row, variable: index) + 1] }
          #expect(
            second >> 4 == 0, "\(file): row \(row + 1), variable \(ours.name): \(a[row] as Any), \(b[row] as Any)")
        }
      }
    }
  }

  static let transportFiles = ["kinds-v5.xpt", "kinds-v8.xpt", "long-v8.xpt", "dates-v5.xpt"]

  @Test("A transport file cut at a row boundary that is not a record boundary")
  func transportCutBetweenRows() throws {
    let bytes = try fixtureBytes("kinds-v5.xpt")
    // The rows (6 of 59 bytes) follow the OBS header record.
    let header = Array("HEADER RECORD*******OBS     HEADER RECORD!!!!!!!".utf8)
    let headerStart = try #require(
      stride(from: 0, to: bytes.count, by: 80).first {
        bytes[$0..<$0 + header.count].elementsEqual(header)
      })
    let cut = Array(bytes.prefix(headerStart + 80 + 5 * 59))
    let message = try withTemporaryFile(cut, named: "kinds.xpt") { path in
      errorOf { () throws(StatisticalFileError) in
        try StatisticalDataFile(contentsOfFile: path, displayName: "kinds.xpt")
      }
    }
    #expect(
      message
        == "kinds.xpt: the file is truncated: its \(cut.count) bytes are not a whole number of 80-byte records"
    )
  }

  @Test("A date display format on a number no calendar holds")
  func dateOutOfRange() {
    #expect(
      readError("bad-date.xpt")
        == "bad-date.xpt: row 2, variable ADT: the value 1000000000000000 is outside the range of dates (format DATE9.)"
    )
  }

  @Test("Text ReadStat cannot convert from the file's character set")
  func textConversion() {
    #expect(
      readError("bad-cp1252.dta")
        == "bad-cp1252.dta: row 2, variable name: text cannot be converted to UTF-8 from the file's character set (ReadStat: Unable to convert string to the requested encoding (invalid byte sequence))"
    )
  }

  @Test("Text that is not UTF-8 in a Stata file")
  func invalidUTF8InStata() {
    #expect(
      readError("latin1.dta")
        == "latin1.dta: row 2, variable NAME: text is not valid UTF-8: 'caf\\xE9'; write the file with UTF-8 text (SAS: a session with ENCODING=UTF8; R haven: UTF-8 strings)"
    )
  }
}

/// A seeded SplitMix64 generator (Steele, Lea and Flood 2014), so the mutations are the same on
/// every run.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
