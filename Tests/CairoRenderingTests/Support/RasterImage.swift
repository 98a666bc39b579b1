import CCairo

/// A decoded PNG for pixel probes, read with Cairo.
struct RasterImage {
  let width: Int
  let height: Int
  private let argb: [UInt32]

  init?(png: [UInt8]) {
    final class Reader {
      var bytes: [UInt8]
      var offset = 0
      init(_ bytes: [UInt8]) { self.bytes = bytes }
    }
    let reader = Reader(png)
    let read: cairo_read_func_t = { closure, data, length in
      guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
      let reader = Unmanaged<Reader>.fromOpaque(closure).takeUnretainedValue()
      let n = Int(length)
      guard reader.offset + n <= reader.bytes.count else { return CAIRO_STATUS_READ_ERROR }
      for i in 0..<n { data[i] = reader.bytes[reader.offset + i] }
      reader.offset += n
      return CAIRO_STATUS_SUCCESS
    }
    let surface: OpaquePointer = withExtendedLifetime(reader) {
      cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(reader).toOpaque())
    }
    defer { cairo_surface_destroy(surface) }
    guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
    let width = Int(cairo_image_surface_get_width(surface))
    let height = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    guard let data = cairo_image_surface_get_data(surface) else { return nil }
    var pixels = [UInt32](repeating: 0, count: width * height)
    data.withMemoryRebound(to: UInt8.self, capacity: stride * height) { base in
      for y in 0..<height {
        let row = UnsafeRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
        for x in 0..<width { pixels[y * width + x] = row[x] }
      }
    }
    self.width = width
    self.height = height
    argb = pixels
  }

  /// Red, green, blue (0–255, premultiplied) and alpha at a pixel.
  func rgba(_ x: Int, _ y: Int) -> (r: Int, g: Int, b: Int, a: Int) {
    let v = argb[y * width + x]
    return (Int((v >> 16) & 0xFF), Int((v >> 8) & 0xFF), Int(v & 0xFF), Int(v >> 24))
  }

  /// Whether the pixel is dark (text or lines on white).
  func isDark(_ x: Int, _ y: Int) -> Bool {
    let p = rgba(x, y)
    return p.r + p.g + p.b < 3 * 160
  }
}
