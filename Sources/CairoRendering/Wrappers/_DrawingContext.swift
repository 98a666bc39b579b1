internal import CCairo

/// An owned `cairo_t` drawing on a surface it keeps alive.
final class _DrawingContext {
  let pointer: OpaquePointer
  let surface: _Surface

  init(_ surface: _Surface) throws(CairoError) {
    let pointer: OpaquePointer = cairo_create(surface.pointer)
    do {
      try check(cairo_status(pointer), "cairo_create")
    } catch {
      cairo_destroy(pointer)
      throw error
    }
    self.pointer = pointer
    self.surface = surface
    _FontOptions.shared.apply(to: pointer)
  }

  deinit { cairo_destroy(pointer) }

  /// Runs `body` between `cairo_save` and `cairo_restore`, so the two always pair up.
  func withSavedState<R>(_ body: () throws -> R) rethrows -> R {
    cairo_save(pointer)
    defer { cairo_restore(pointer) }
    return try body()
  }

  /// Checks the context's sticky status, naming `operation` if it is an error.
  func checkStatus(_ operation: String) throws(CairoError) {
    try check(cairo_status(pointer), operation)
  }

  /// Paints `source` (drawn in points) over the whole clip, scaled by `scale`.
  func paint(_ source: _Surface, scale: Double = 1) {
    withSavedState {
      cairo_scale(pointer, scale, scale)
      cairo_set_source_surface(pointer, source.pointer, 0, 0)
      cairo_paint(pointer)
    }
  }
}
