/// A file format a figure can be written in.
public enum OutputFormat: String, CaseIterable, Hashable, Sendable {
  /// PDF 1.5 with embedded, subsetted fonts; vector.
  case pdf
  /// SVG 1.1 in points; vector, with text as glyph outlines or, on request, editable `<text>`.
  case svg
  /// PNG at `RenderOptions.dpi`, with the resolution recorded in a pHYs chunk.
  case png
  /// Encapsulated PostScript; vector. PostScript has no transparency, so translucent areas
  /// (confidence bands) are painted in the opaque colours they give over white.
  case eps
  /// TIFF at `RenderOptions.dpi` (LZW-compressed, resolution tags in dots per inch), RGB or
  /// CMYK; the extensions `.tif` and `.tiff` both choose it.
  case tiff

  /// The usual file extension, without the dot.
  public var fileExtension: String { rawValue }

  /// Whether the format is a pixel image.
  public var isRaster: Bool { self == .png || self == .tiff }
}

/// The colours a file is written in.
public enum ColorModel: String, CaseIterable, Hashable, Sendable {
  /// sRGB, as drawn.
  case rgb
  /// CMYK for print (PDF and TIFF), converted from sRGB with a named ICC output profile.
  case cmyk
}

/// How SVG files carry text.
public enum SVGTextMode: String, CaseIterable, Hashable, Sendable {
  /// Glyph outlines: looks the same everywhere, but the text cannot be edited.
  case outlines
  /// `<text>` elements naming the font, editable in Illustrator and Inkscape.
  case editable
}
