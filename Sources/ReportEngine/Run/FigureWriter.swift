import Analyses
import CairoRendering
import ClinicalData
import Expressions
import FigureCore
import Foundation
import ReportTemplates

/// Writes one figure to several files whose extensions choose the formats.
///
/// Paths are checked when the writer is made (known extension, a writable folder, no folder,
/// device or FIFO of that name), so that a command fails before computing anything. The scene is
/// laid out once with the renderer's own text measurer, rendered in every format in memory, and
/// the files are written together through an `OutputStage`: all of them, or none, with any
/// table files of the same command.
public struct FigureWriter: Sendable {
  public let paths: [String]
  public let renderer: FigureRenderer

  public init(
    paths: [String], dpi: Double, title: String?, color: ColorModel = .rgb, svgText: SVGTextMode = .outlines
  ) throws {
    for path in paths {
      let format = try OutputFormat(path: path)
      if color == .cmyk && format != .pdf && format != .tiff {
        throw RenderError.cmykUnsupported(format: format)
      }
    }
    try OutputStage.check(paths)
    self.paths = paths
    var options = RenderOptions(
      dpi: dpi, metadata: DocumentMetadata(title: title, creator: "survfig \(SurvfigVersion.string)"))
    options.colorModel = color
    options.svgText = svgText
    self.renderer = try FigureRenderer(options: options)
  }

  /// A writer of the files of `output`.
  public init(_ output: FigureOutput) throws {
    try self.init(
      paths: output.outputs, dpi: output.dpi, title: output.title, color: output.colorModel, svgText: output.svgText)
  }

  /// Lays the scene out with the renderer's measurer, renders it in every format and writes the
  /// files, with the files `alongside` (a command's table), all or none. Without figure paths
  /// the scene is not laid out and only the files alongside are written.
  ///
  /// - Returns: warnings about the figure: characters that no font has and that print as boxes.
  @discardableResult
  public func write(
    alongside others: [(path: String, bytes: [UInt8])] = [], _ scene: (CairoTextMeasurer) throws -> Scene
  ) throws -> [String] {
    var stage = OutputStage()
    var warnings: [String] = []
    if !paths.isEmpty {
      let scene = try scene(renderer.measurer)
      for path in paths {
        let bytes: [UInt8]
        do {
          bytes = try renderer.render(scene, as: try OutputFormat(path: path))
        } catch {
          throw OutputError.translating(
            error, path: path, title: renderer.options.metadata.title, titleOption: "'--title'")
        }
        stage.add(bytes, to: path)
      }
      warnings = renderer.fonts.missingGlyphWarning(for: scene).map { [$0] } ?? []
    }
    for other in others { stage.add(other.bytes, to: other.path) }
    try stage.commit()
    return warnings
  }

  /// Lays the figure out, runs figure lint on it with `output`'s smallest type and journal,
  /// and writes it with the files `alongside`, as ``write(alongside:_:)`` does. Lint's findings
  /// are an error (`FigureLintError`) unless `output` allows lint, when they are warnings.
  ///
  /// - Returns: lint's findings when allowed, then the missing-glyph warnings of
  ///   ``write(alongside:_:)``.
  @discardableResult
  public func writeChecked(
    _ output: FigureOutput, alongside others: [(path: String, bytes: [UInt8])] = [],
    _ layout: (CairoTextMeasurer) throws -> LaidOutFigure
  ) throws -> [String] {
    var findings: [String] = []
    let fontWarnings = try write(alongside: others) { measurer in
      let laid = try layout(measurer)
      findings = try laid.checkLint(measurer: measurer, output: output)
      return laid.scene
    }
    return findings + fontWarnings
  }
}
