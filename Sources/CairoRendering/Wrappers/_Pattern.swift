internal import CCairo

/// An owned `cairo_pattern_t`.
final class _Pattern {
  let pointer: OpaquePointer

  /// A pattern repeating `tile` over the plane, anchored at the user-space origin, with
  /// `scale` tile units per user unit.
  init(repeating tile: _Surface, scale: Double) throws(CairoError) {
    let pointer: OpaquePointer = cairo_pattern_create_for_surface(tile.pointer)
    do {
      try check(cairo_pattern_status(pointer), "cairo_pattern_create_for_surface")
    } catch {
      cairo_pattern_destroy(pointer)
      throw error
    }
    cairo_pattern_set_extend(pointer, CAIRO_EXTEND_REPEAT)
    var matrix = cairo_matrix_t()
    cairo_matrix_init_scale(&matrix, scale, scale)
    cairo_pattern_set_matrix(pointer, &matrix)
    self.pointer = pointer
  }

  deinit { cairo_pattern_destroy(pointer) }
}
