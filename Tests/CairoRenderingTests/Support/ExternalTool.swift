import Foundation

/// Runs command-line checkers (pdfinfo, pdffonts, pdftotext, qpdf), failing with a clear
/// message when one is not installed.
enum ExternalTool {
  struct Missing: Error, CustomStringConvertible {
    let name: String
    let package: String
    var description: String {
      "'\(name)' was not found on PATH; install it with 'apt-get install \(package)'"
    }
  }

  struct Result {
    let status: Int32
    let output: String
  }

  static let packages = [
    "pdfinfo": "poppler-utils", "pdffonts": "poppler-utils",
    "pdftotext": "poppler-utils", "qpdf": "qpdf",
  ]

  static func locate(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Runs an optional checker (qpdf is not among the packages the Makefile installs); nil when
  /// it is not installed.
  static func runIfInstalled(_ name: String, _ arguments: [String]) throws -> Result? {
    locate(name) == nil ? nil : try run(name, arguments)
  }

  /// Runs `name` with `arguments`; stdout and stderr are returned together.
  static func run(_ name: String, _ arguments: [String]) throws -> Result {
    guard let executable = locate(name) else {
      throw Missing(name: name, package: packages[name] ?? name)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
  }
}

/// A fresh temporary folder, removed when the value is released.
final class TemporaryFolder {
  let path: String

  init() throws {
    let base = NSTemporaryDirectory() + "/survfig-cairo-tests-XXXXXX"
    var template = Array(base.utf8CString)
    guard mkdtemp(&template) != nil else { throw CocoaError(.fileWriteUnknown) }
    path = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  func file(_ name: String) -> String { path + "/" + name }

  func contents() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
  }

  func write(_ bytes: [UInt8], to name: String) throws -> String {
    let target = file(name)
    try Data(bytes).write(to: URL(fileURLWithPath: target))
    return target
  }
}
