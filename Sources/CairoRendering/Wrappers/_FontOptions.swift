internal import CCairo

/// The font options used on every context and for every Pango layout.
///
/// They are: no hinting of outlines or metrics, grey antialiasing. With metric hinting off, advance widths do not depend on the
/// output resolution, so text measured once fits identically in PDF, SVG, EPS and PNG.
final class _FontOptions: @unchecked Sendable {
  // @unchecked: the options object is created once, never mutated afterwards, and Cairo only
  // reads it (cairo_set_font_options copies it).
  let pointer: OpaquePointer

  static let shared = _FontOptions()

  private init() {
    let options: OpaquePointer = cairo_font_options_create()
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
    pointer = options
  }

  deinit { cairo_font_options_destroy(pointer) }

  func apply(to context: OpaquePointer) {
    cairo_set_font_options(context, pointer)
  }
}
