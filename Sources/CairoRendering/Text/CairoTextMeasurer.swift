import FigureCore

/// Measures text exactly as `CairoCanvas` draws it: same fonts, same Pango settings, no hinting.
///
/// The width is the advance (logical) width, so a trailing-anchored run ends exactly at its
/// anchor in every output format, and number columns right-align. Ascent and descent are the
/// font's, not the text's: every text in one font shares them, and superscripts stay within the
/// ascent. Safe to use from any thread.
public struct CairoTextMeasurer: TextMeasuring {
  /// The fonts, shared with the renderer that draws the measured text.
  public let fonts: FontLibrary

  /// A measurer for text set in `fonts`.
  public init(fonts: FontLibrary) { self.fonts = fonts }

  /// A measurer using `FontLibrary.standard()`.
  public init() throws(RenderError) { self.init(fonts: try .standard()) }

  /// The advance width of `text` and the ascent and descent of `font`, in points.
  public func measure(_ text: StyledText, font: FontSpec) -> TextMetrics {
    fonts.withPango { pango in
      let line = pango.lineMetrics(font)
      let width = text.isEmpty ? 0 : pango.layout(text, font: font).width
      return TextMetrics(width: width, ascent: line.ascent, descent: line.descent)
    }
  }
}
