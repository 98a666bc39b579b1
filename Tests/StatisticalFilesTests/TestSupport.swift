import Foundation
import Testing

@testable import StatisticalFiles

/// The directory of the fixture files (made by `Fixtures/make-fixtures.R`).
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("Fixtures")

/// The ADaM data sets of the command line's tests (`Tests/SurvfigCLITests/Fixtures/adam`).
let adamFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("SurvfigCLITests/Fixtures/adam")

/// The path of fixture `name`.
func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

/// Reads fixture `name`; messages name it by its file name alone.
func read(_ name: String) throws -> StatisticalDataFile {
  try StatisticalDataFile(contentsOfFile: fixture(name), displayName: name)
}

/// The message of the error reading fixture `name` throws, or nil when it reads.
func readError(_ name: String) -> String? {
  errorOf { () throws(StatisticalFileError) in
    try StatisticalDataFile(contentsOfFile: fixture(name), displayName: name)
  }
}

/// The error `body` throws, or nil when it throws none.
func thrownError<Result>(_ body: () throws(StatisticalFileError) -> Result) -> StatisticalFileError? {
  do {
    _ = try body()
    return nil
  } catch {
    return error
  }
}

/// The message of the error `body` throws, or nil when it throws none.
func errorOf<Result>(_ body: () throws(StatisticalFileError) -> Result) -> String? {
  thrownError(body)?.description
}

/// Writes `bytes` to `name` in a fresh temporary directory, calls `body` with the file's path and
/// removes the directory afterwards.
func withTemporaryFile<Result>(
  _ bytes: [UInt8], named name: String, _ body: (String) throws -> Result
) throws -> Result {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("survfig-statistical-files-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  let url = directory.appendingPathComponent(name)
  try Data(bytes).write(to: url)
  return try body(url.path)
}

/// The bytes of fixture `name`.
func fixtureBytes(_ name: String) throws -> [UInt8] {
  Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
}

extension StatisticalDataFile {
  /// The variable called `name`; fails the test when there is none.
  func values(_ name: String, sourceLocation: SourceLocation = #_sourceLocation)
    -> StatisticalVariable.Values?
  {
    let variable = variable(named: name)
    #expect(variable != nil, "no variable \(name)", sourceLocation: sourceLocation)
    return variable?.values
  }

  func numbers(_ name: String) -> [Double?]? {
    if case .numbers(let values)? = values(name) { return values }
    return nil
  }

  func texts(_ name: String) -> [String?]? {
    if case .texts(let values)? = values(name) { return values }
    return nil
  }

  func dates(_ name: String) -> [Int?]? {
    if case .dates(let values)? = values(name) { return values }
    return nil
  }

  func dateTimes(_ name: String) -> [Double?]? {
    if case .dateTimes(let values)? = values(name) { return values }
    return nil
  }
}
