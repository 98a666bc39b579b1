import Foundation

/// Runs the built `survfig` executable, as a user or a Makefile would.
///
/// The binary is `.build/debug/survfig` beside this package (built by `swift build
/// --build-tests`), or the path in `SURVFIG_BINARY`.
enum Survfig {
  struct Result {
    let status: Int32
    let standardOutput: String
    let standardError: String
  }

  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
  }()

  static var binary: String {
    ProcessInfo.processInfo.environment["SURVFIG_BINARY"] ?? packageRoot + "/.build/debug/survfig"
  }

  /// A data file shipped in `Templates/data/`.
  static func data(_ name: String) -> String { packageRoot + "/Templates/data/" + name }

  /// Runs survfig with `arguments` in `folder` (default: the package root).
  static func run(_ arguments: [String], in folder: String? = nil) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder ?? packageRoot)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes at once, before waiting: a child that fills one pipe while the other is
    // being read would otherwise block for ever.
    nonisolated(unsafe) var errData = Data()
    let errorRead = DispatchGroup()
    errorRead.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      errorRead.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    errorRead.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
      standardError: String(decoding: errData, as: UTF8.self))
  }
}

/// A fresh temporary folder, removed when the value is released.
final class ScratchFolder {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "survfig-cli-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Writes `text` to `name` in the folder and returns its path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    let file = path + "/" + name
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    return file
  }

  /// Copies the shipped data files `names` (`Templates/data/`) into the folder's `data/`, as a
  /// template beside them names them.
  func copyData(_ names: String...) throws {
    try FileManager.default.createDirectory(atPath: path + "/data", withIntermediateDirectories: true)
    for name in names { try write("data/" + name, try String(contentsOfFile: Survfig.data(name), encoding: .utf8)) }
  }

  /// The names of the files in the folder, sorted.
  var files: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
}
