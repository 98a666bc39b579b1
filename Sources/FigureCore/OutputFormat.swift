/// A file format a figure can be written in.
public enum OutputFormat: String, CaseIterable, Hashable, Sendable {
  /// PDF 1.5 with embedded, subsetted fonts; vector.
  case pdf
  /// SVG 1.1 in points; vector, with text as glyph outlines.
  case svg
  /// PNG at `RenderOptions.dpi`, with the resolution recorded in a pHYs chunk.
  case png
  /// Encapsulated PostScript; vector, with translucent areas as raster images at
  /// `RenderOptions.dpi`, since PostScript has no transparency.
  case eps

  /// The usual file extension, without the dot.
  public var fileExtension: String { rawValue }

  /// Whether the format is a pixel image.
  public var isRaster: Bool { self == .png }
}
