#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A whole file read into memory it owns, freed with the object.
///
/// ReadStat reads through the input handlers of `_MemoryInput` from these bytes: one `read` of the
/// file instead of one system call per row (a transport file is read a row at a time), and the
/// signature checks see the same bytes ReadStat parses. A ``SASTransportFile`` keeps them and
/// reads its values from them.
///
/// Sendable: the bytes are written only while the initialiser reads the file, never after.
final class _FileBytes: @unchecked Sendable {
  let buffer: UnsafeMutableRawBufferPointer

  /// Reads the file at `path`; `file` names it in errors.
  init(path: String, file: String) throws(StatisticalFileError) {
    func failure(_ code: Int32) -> StatisticalFileError {
      StatisticalFileError(file: file, reason: .unreadableFile(String(cString: strerror(code))))
    }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw failure(errno) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw failure(errno) }
    if status.st_mode & S_IFMT == S_IFDIR { throw failure(EISDIR) }

    // A regular file is read into a buffer of its size (one byte more, to see it did not grow);
    // anything else in doubling chunks.
    var capacity = status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) + 1 : 1 << 16
    var storage = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
    var count = 0
    while true {
      if count == capacity {
        let larger = UnsafeMutableRawBufferPointer.allocate(
          byteCount: capacity * 2, alignment: 16)
        larger.copyMemory(from: UnsafeRawBufferPointer(storage))
        storage.deallocate()
        storage = larger
        capacity *= 2
      }
      let got = read(descriptor, storage.baseAddress.unsafelyUnwrapped + count, capacity - count)
      if got < 0 {
        if errno == EINTR { continue }
        let code = errno
        storage.deallocate()
        throw failure(code)
      }
      if got == 0 { break }
      count += got
    }
    if count == 0 {
      storage.deallocate()
      throw StatisticalFileError(file: file, reason: .emptyFile)
    }
    buffer = UnsafeMutableRawBufferPointer(rebasing: storage[0..<count])
  }

  /// A copy of `bytes` (at least one), as if read from a file.
  init(copying bytes: [UInt8]) {
    precondition(!bytes.isEmpty, "A file has at least one byte")
    let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 16)
    storage.copyBytes(from: bytes)
    buffer = storage
  }

  deinit { buffer.deallocate() }

  var count: Int { buffer.count }
  /// The first byte (a file read has at least one).
  var base: UnsafeRawPointer { UnsafeRawPointer(buffer.baseAddress.unsafelyUnwrapped) }
  var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(buffer) }
}
