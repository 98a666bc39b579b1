internal import CReadStat

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The file's bytes as ReadStat's input: a read position over memory that ReadStat moves through
/// the open, close, seek, read and update handlers below instead of a file descriptor.
///
/// Reading past the end returns fewer bytes than asked, as `read(2)` does at the end of a file,
/// and seeking outside the file fails; ReadStat reports either as a read or seek error, which
/// with memory input can only mean the file ends too early.
struct _MemoryInput {
  let bytes: UnsafeRawBufferPointer
  var position = 0

  init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  mutating func read(into destination: UnsafeMutableRawPointer, count: Int) -> Int {
    let available = min(count, bytes.count - position)
    guard available > 0 else { return 0 }
    destination.copyMemory(
      from: bytes.baseAddress.unsafelyUnwrapped + position, byteCount: available)
    position += available
    return available
  }

  mutating func seek(to offset: Int, from whence: readstat_io_flags_t) -> Int {
    let origin: Int
    switch whence {
    case READSTAT_SEEK_SET: origin = 0
    case READSTAT_SEEK_CUR: origin = position
    case READSTAT_SEEK_END: origin = bytes.count
    default: return -1
    }
    let (target, overflow) = origin.addingReportingOverflow(offset)
    guard !overflow, target >= 0, target <= bytes.count else { return -1 }
    position = target
    return target
  }
}

extension _MemoryInput {
  /// Installs the handlers on `parser`; `context` points at the `_ReadState` whose `input` they
  /// move (it stays valid for the whole parse).
  static func install(on parser: UnsafeMutablePointer<readstat_parser_t>) -> [readstat_error_t] {
    [
      readstat_set_open_handler(parser) { _, _ in 0 },
      readstat_set_close_handler(parser) { _ in 0 },
      readstat_set_seek_handler(parser) { offset, whence, context in
        _ReadState.from(context).pointee.input.seek(to: Int(offset), from: whence)
      },
      readstat_set_read_handler(parser) { destination, count, context in
        guard let destination else { return -1 }
        return _ReadState.from(context).pointee.input.read(into: destination, count: count)
      },
      readstat_set_update_handler(parser) { _, _, _, _ in READSTAT_OK },
    ]
  }
}
