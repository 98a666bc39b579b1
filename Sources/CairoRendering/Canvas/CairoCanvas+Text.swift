internal import CCairo
internal import CPangoCairo
import FigureCore

extension CairoCanvas {
  /// Draws a text run with its anchor at `point`, rotated about the anchor.
  ///
  /// The horizontal position uses the advance width and the vertical one the font's ascent and
  /// descent, exactly as `CairoTextMeasurer` reports them.
  public func draw(_ run: TextRun, at point: Point) {
    guard !run.text.isEmpty else { return }
    let cr = self.cr
    let context = self.context
    fonts.withPango { pango in
      let layout = pango.layout(run.text, font: run.font)
      let line = pango.lineMetrics(run.font)
      let left: Double
      switch run.anchor.horizontal {
      case .leading: left = 0
      case .center: left = -layout.width / 2
      case .trailing: left = -layout.width
      }
      let baseline: Double  // of the run, relative to the anchor
      switch run.anchor.vertical {
      case .baseline: baseline = 0
      case .top: baseline = line.ascent
      case .middle: baseline = (line.ascent - line.descent) / 2
      case .bottom: baseline = -line.descent
      }
      if self.svgTexts != nil {
        self.svgTexts?.append(_SVGText.element(run, anchor: point, left: left, baseline: baseline))
        return
      }
      context.withSavedState {
        cairo_translate(cr, point.x, point.y)
        if run.rotation != 0 {
          // Counter-clockwise on the page is a negative angle in Cairo's y-down space.
          cairo_rotate(cr, -run.rotation * .pi / 180)
        }
        self.setSource(run.color)
        cairo_move_to(cr, left - layout.logicalX, baseline - layout.baseline)
        pango_cairo_show_layout(cr, layout.pointer)
      }
    }
    record("pango_cairo_show_layout")
  }
}
