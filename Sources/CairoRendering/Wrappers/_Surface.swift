internal import CCairo
import FigureCore

/// An owned `cairo_surface_t`, destroyed with the object.
///
/// Stream surfaces (PDF, SVG, PostScript) write into a `_ByteSink` the surface keeps alive for as
/// long as Cairo may call back into it, that is until the surface is finished or destroyed.
final class _Surface {
  let pointer: OpaquePointer
  private let sink: _ByteSink?

  private init(_ pointer: OpaquePointer, sink: _ByteSink?, operation: String) throws(CairoError) {
    do {
      try check(cairo_surface_status(pointer), operation)
    } catch {
      cairo_surface_destroy(pointer)
      throw error
    }
    self.pointer = pointer
    self.sink = sink
  }

  deinit { cairo_surface_destroy(pointer) }

  /// A recording surface in points covering `extents`, or unbounded when nil.
  static func recording(extents: Rect?) throws(CairoError) -> _Surface {
    let pointer: OpaquePointer
    if let extents {
      var r = cairo_rectangle_t(
        x: extents.minX, y: extents.minY, width: extents.width, height: extents.height)
      pointer = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &r)
    } else {
      pointer = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nil)
    }
    return try _Surface(pointer, sink: nil, operation: "cairo_recording_surface_create")
  }

  /// An image surface; RGB without alpha when `isOpaque`.
  static func image(width: Int, height: Int, isOpaque: Bool) throws(CairoError) -> _Surface {
    let format = isOpaque ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32
    let pointer: OpaquePointer = cairo_image_surface_create(format, Int32(width), Int32(height))
    return try _Surface(pointer, sink: nil, operation: "cairo_image_surface_create")
  }

  static func pdf(size: Size) throws(CairoError) -> _Surface {
    let sink = _ByteSink()
    let pointer: OpaquePointer = sink.withClosure {
      cairo_pdf_surface_create_for_stream(_appendToSink, $0, size.width, size.height)
    }
    return try _Surface(pointer, sink: sink, operation: "cairo_pdf_surface_create_for_stream")
  }

  static func svg(size: Size) throws(CairoError) -> _Surface {
    let sink = _ByteSink()
    let pointer: OpaquePointer = sink.withClosure {
      cairo_svg_surface_create_for_stream(_appendToSink, $0, size.width, size.height)
    }
    let surface = try _Surface(
      pointer, sink: sink, operation: "cairo_svg_surface_create_for_stream")
    cairo_svg_surface_restrict_to_version(pointer, CAIRO_SVG_VERSION_1_1)
    cairo_svg_surface_set_document_unit(pointer, CAIRO_SVG_UNIT_PT)
    return surface
  }

  static func eps(size: Size) throws(CairoError) -> _Surface {
    let sink = _ByteSink()
    let pointer: OpaquePointer = sink.withClosure {
      cairo_ps_surface_create_for_stream(_appendToSink, $0, size.width, size.height)
    }
    let surface = try _Surface(pointer, sink: sink, operation: "cairo_ps_surface_create_for_stream")
    cairo_ps_surface_set_eps(pointer, 1)
    return surface
  }

  /// Checks the sticky status, naming `operation` if it is an error.
  func checkStatus(_ operation: String) throws(CairoError) {
    try check(cairo_surface_status(pointer), operation)
  }

  /// Finishes the surface (which flushes a stream surface completely) and returns its bytes.
  func finish() throws(CairoError) -> [UInt8] {
    cairo_surface_finish(pointer)
    try checkStatus("cairo_surface_finish")
    return sink?.bytes ?? []
  }

  /// Encodes an image surface as PNG.
  func pngBytes() throws(CairoError) -> [UInt8] {
    let sink = _ByteSink()
    cairo_surface_flush(pointer)
    let status = sink.withClosure {
      cairo_surface_write_to_png_stream(pointer, _appendToSink, $0)
    }
    try check(status, "cairo_surface_write_to_png_stream")
    return sink.bytes
  }
}
