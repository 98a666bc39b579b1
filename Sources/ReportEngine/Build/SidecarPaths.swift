import Foundation

/// Paths as a sidecar names them: relative to the template's folder, so that a sidecar that
/// circulates carries no absolute path of the machine that built it.
enum SidecarPaths {
  /// `path` relative to `folder` (`data/lung.csv`, `../shared/lung.csv`).
  static func relative(_ path: String, to folder: String) -> String {
    let target = components(path)
    let base = components(folder.isEmpty ? "." : folder)
    var common = 0
    while common < min(target.count, base.count) && target[common] == base[common] { common += 1 }
    let ups = Array(repeating: "..", count: base.count - common)
    let rest = ups + target[common...]
    return rest.isEmpty ? "." : rest.joined(separator: "/")
  }

  /// A template location (`Templates/lung.yaml:12`) as the template's file name and line.
  static func location(_ location: String) -> String {
    (location as NSString).lastPathComponent
  }

  /// The components of `path` made absolute against the working folder, `.` and `..` resolved.
  private static func components(_ path: String) -> [String] {
    let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var result: [String] = []
    for component in absolute.split(separator: "/") {
      switch component {
      case ".": continue
      case "..": if !result.isEmpty { result.removeLast() }
      default: result.append(String(component))
      }
    }
    return result
  }
}
