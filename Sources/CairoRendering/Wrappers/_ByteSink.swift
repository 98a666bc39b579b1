internal import CCairo

/// The bytes a Cairo stream surface (PDF, SVG, PostScript, PNG writer) produces, in memory.
///
/// Output is assembled in memory so it can be normalised (dates, ids, resolution chunk) before
/// anything reaches the file system.
final class _ByteSink {
  var bytes: [UInt8] = []

  /// Runs `body` with the C closure pointer for `_appendToSink`; the sink stays alive meanwhile.
  func withClosure<R, E: Error>(_ body: (UnsafeMutableRawPointer) throws(E) -> R) throws(E) -> R {
    try withExtendedLifetime(self) { () throws(E) -> R in
      try body(Unmanaged.passUnretained(self).toOpaque())
    }
  }
}

/// The `cairo_write_func_t` appending to the `_ByteSink` passed as closure.
let _appendToSink: cairo_write_func_t = { closure, data, length in
  guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
  let sink = Unmanaged<_ByteSink>.fromOpaque(closure).takeUnretainedValue()
  if let data, length > 0 {
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
  }
  return CAIRO_STATUS_SUCCESS
}
