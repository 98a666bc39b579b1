import Foundation
import Testing

@testable import ClinicalData

/// Writes `bytes` to `name` in a fresh temporary directory, calls `body` with the file's path
/// and removes the directory afterwards.
func withTemporaryFile<Result>(
  _ bytes: [UInt8], named name: String = "data.csv", _ body: (String) throws -> Result
) throws -> Result {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("survfig-csv-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  let url = directory.appendingPathComponent(name)
  try Data(bytes).write(to: url)
  return try body(url.path)
}

/// Reads `text` as a CSV file named `name` (written to a temporary directory; messages use
/// `name`).
func readTable(
  _ text: String, named name: String = "data.csv", options: CSVReadOptions = CSVReadOptions()
) throws -> DataTable {
  try readTable(bytes: Array(text.utf8), named: name, options: options)
}

/// Reads `bytes` as a CSV file named `name`.
func readTable(
  bytes: [UInt8], named name: String = "data.csv", options: CSVReadOptions = CSVReadOptions()
) throws -> DataTable {
  try withTemporaryFile(bytes, named: name) { path in
    try DataTable(contentsOfFile: path, displayName: name, options: options)
  }
}

/// The message of the DataError that reading `text` throws, or nil when it reads.
func readError(
  _ text: String, named name: String = "data.csv", options: CSVReadOptions = CSVReadOptions()
) throws -> String? {
  do {
    _ = try readTable(text, named: name, options: options)
    return nil
  } catch let error as DataError {
    return error.description
  }
}

/// The message of the DataError `body` throws, or nil when it throws none.
func messageOf<Result>(_ body: () throws(DataError) -> Result) -> String? {
  do {
    _ = try body()
    return nil
  } catch {
    return error.description
  }
}

/// Every cell's text (nil where missing), row by row.
func cells(_ table: DataTable) -> [[String?]] {
  (0..<table.rowCount).map { row in table.columns.map { $0.text(atRow: row) } }
}

/// SplitMix64: a small seeded generator, so random tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension Array {
  /// A random element of a non-empty array.
  func pick(using generator: inout SeededGenerator) -> Element {
    self[Int.random(in: 0..<count, using: &generator)]
  }
}
