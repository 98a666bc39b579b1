internal import CCairo
internal import CPangoCairo
import FigureCore

/// A `Canvas` drawing on a Cairo context in points (origin top-left, y down), with text set by
/// Pango in the pinned fonts of a `FontLibrary`.
///
/// Obtain one from `FigureRenderer.render(size:background:as:drawing:)`, or let the renderer
/// replay a `Scene` on it. Canvas calls cannot throw; the first Cairo error is kept and the
/// renderer throws it once drawing is over.
public final class CairoCanvas: Canvas {
  /// What the drawing is for.
  enum Target: Equatable {
    /// PDF, SVG, EPS; fill patterns become pattern objects when `tilingPatterns` is set.
    case vector(tilingPatterns: Bool)
    /// PNG: long polylines are stroked in pieces, and fill patterns are always explicit
    /// geometry (Cairo 1.16 rasterises a repeating vector tile at one unit per pixel, which
    /// blurs it and breaks the lines at tile edges).
    case raster

    static let vector = Target.vector(tilingPatterns: false)
  }

  let context: _DrawingContext
  let fonts: FontLibrary
  let target: Target
  var tiles: [FillPattern: _Pattern] = [:]
  /// Whether translucent colours are painted as the opaque colours they give over white.
  ///
  /// PostScript has no transparency: Cairo's PostScript surface turns every area touched by a
  /// translucent paint into a raster image, curves and text included. Confidence bands painted
  /// opaque stay vector; where two bands overlap, the later one covers the earlier, and the
  /// curves drawn after them stay on top. Print-ready CMYK PDF files are written so too.
  var paintsOpaque = false
  /// With editable SVG text: the `<text>` elements of the texts drawn so far, in drawing order;
  /// nil draws texts as glyph outlines.
  var svgTexts: [String]?

  var usesTilingPatterns: Bool { target == .vector(tilingPatterns: true) }
  /// The first Cairo error met while drawing, with the operation that caused it.
  private(set) var firstError: CairoError?

  init(context: _DrawingContext, fonts: FontLibrary, target: Target) {
    self.context = context
    self.fonts = fonts
    self.target = target
  }

  var cr: OpaquePointer { context.pointer }

  /// Notes the context's status after `operation`, keeping only the first error.
  func record(_ operation: String) {
    guard firstError == nil else { return }
    do {
      try context.checkStatus(operation)
    } catch {
      firstError = error
    }
  }

  func record(_ error: CairoError) {
    if firstError == nil { firstError = error }
  }

  /// Fills `path` (non-zero winding) with a colour or a pattern.
  public func fill(_ path: Path, with paint: Paint) {
    guard !path.isEmpty else { return }
    switch paint {
    case .solid(let color):
      setSource(color)
      append(_PathSimplifier.simplified(path))
      cairo_fill(cr)
      record("cairo_fill")
    case .pattern(let pattern):
      fill(path, with: pattern)
    }
  }

  /// Runs `body` with drawing clipped to `rect`.
  public func withClip(_ rect: Rect, _ body: () throws -> Void) rethrows {
    try context.withSavedState {
      cairo_rectangle(cr, rect.minX, rect.minY, rect.width, rect.height)
      cairo_clip(cr)
      try body()
    }
    record("cairo_restore")
  }

  /// Runs `body`.
  ///
  /// Cairo has no named groups in PDF, SVG or PostScript output, so the name is only a
  /// structural marker of the scene.
  public func withGroup(_ name: String, _ body: () throws -> Void) rethrows {
    try body()
  }

  func setSource(_ color: Color) {
    let color = paintsOpaque && color.alpha < 1 ? color.blended(over: .white) : color
    cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
  }

  /// Replaces the current path with `path`.
  func append(_ path: Path) {
    cairo_new_path(cr)
    for element in path.elements {
      switch element {
      case .move(let p): cairo_move_to(cr, p.x, p.y)
      case .line(let p): cairo_line_to(cr, p.x, p.y)
      case .curve(let c1, let c2, let p): cairo_curve_to(cr, c1.x, c1.y, c2.x, c2.y, p.x, p.y)
      case .close: cairo_close_path(cr)
      }
    }
  }
}
