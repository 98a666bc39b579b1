import Analyses
import CairoRendering
import ClinicalData
import Expressions
import FigureCore
import Foundation
import ReportTemplates

/// Writes one figure to several files whose extensions choose the formats.
///
/// Paths are validated when the writer is made (known extension, existing folder), so that a
/// command fails before computing anything; the scene is laid out once with the renderer's own
/// text measurer and every file is written atomically.
public struct FigureWriter: Sendable {
  public let paths: [String]
  public let renderer: FigureRenderer

  public init(paths: [String], dpi: Double, title: String?) throws {
    for path in paths {
      _ = try OutputFormat(path: path)
      let folder = (path as NSString).deletingLastPathComponent
      var isDirectory: ObjCBool = false
      if !folder.isEmpty,
        !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory)
          || !isDirectory.boolValue
      {
        throw FigureOutputError.missingFolder(path: path, folder: folder)
      }
    }
    self.paths = paths
    self.renderer = try FigureRenderer(
      options: RenderOptions(
        dpi: dpi,
        metadata: DocumentMetadata(title: title, creator: "survfig \(SurvfigVersion.string)")))
  }

  /// Lays the scene out with the renderer's measurer and writes it to every path.
  public func write(_ scene: (CairoTextMeasurer) throws -> Scene) throws {
    guard !paths.isEmpty else { return }
    let scene = try scene(renderer.measurer)
    for path in paths { try renderer.write(scene, to: path) }
  }
}

/// A figure output that cannot be written.
public enum FigureOutputError: Error, Equatable, Sendable, CustomStringConvertible {
  case missingFolder(path: String, folder: String)

  public var description: String {
    switch self {
    case .missingFolder(let path, let folder):
      return "\(path): the folder '\(folder)' does not exist"
    }
  }
}
