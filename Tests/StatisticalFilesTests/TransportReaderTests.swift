import Foundation
import Testing

@testable import StatisticalFiles

/// The native transport reader against ReadStat: the same data set, or the same error, from
/// every transport fixture.
@Suite("SAS transport files, native and through ReadStat")
struct TransportReaderTests {
  /// Every `.xpt` file of the fixtures, and the ADaM data sets of the command line's tests.
  static let files: [String] = {
    let own = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
    let adam = (try? FileManager.default.contentsOfDirectory(atPath: adamFixtures.path)) ?? []
    return
      (own.map { fixtures.appendingPathComponent($0).path }
      + adam.map { adamFixtures.appendingPathComponent($0).path })
      .filter { $0.hasSuffix(".xpt") }.sorted()
  }()

  @Test("Both readers give the same variables, labels, formats and values, or the same error", arguments: files)
  func sameAsReadStat(path: String) {
    let name = URL(fileURLWithPath: path).lastPathComponent
    let native = Result { () throws(StatisticalFileError) in
      try StatisticalDataFile(contentsOfFile: path, displayName: name)
    }
    let readStat = Result { () throws(StatisticalFileError) in
      try StatisticalDataFile(contentsOfFile: path, displayName: name, transportThroughReadStat: true)
    }
    switch (native, readStat) {
    case (.success(let native), .success(let readStat)):
      #expect(native.rowCount == readStat.rowCount)
      #expect(native.variables.map(\.name) == readStat.variables.map(\.name))
      #expect(native.variables.map(\.label) == readStat.variables.map(\.label))
      #expect(native.variables.map(\.format) == readStat.variables.map(\.format))
      for (mine, theirs) in zip(native.variables, readStat.variables) {
        #expect(mine.values == theirs.values, "\(name): variable \(mine.name)")
      }
      #expect(native == readStat)
    case (.failure(let native), .failure(let readStat)):
      #expect(native == readStat)
    default:
      Issue.record("\(name): native \(native), ReadStat \(readStat)")
    }
  }
}
