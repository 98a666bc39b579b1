import Foundation

/// Runs the built `survfig` binary for the response, ci and swimmer command tests.
enum ResponseCLI {
  /// The package root.
  static let root = URL(fileURLWithPath: Survfig.packageRoot)

  /// Runs `survfig` with the arguments in `directory` (default: the package root).
  static func run(_ arguments: [String], in directory: URL? = nil) throws -> Survfig.Result {
    try Survfig.run(arguments, in: directory?.path)
  }

  /// A fresh temporary folder holding the given files.
  static func folder(_ files: [String: String]) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "survfig-response-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for (name, text) in files {
      try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return url
  }

  /// The JSON printed on standard output, as Foundation objects.
  static func json(_ result: Survfig.Result) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
    return object as? [String: Any] ?? [:]
  }
}
