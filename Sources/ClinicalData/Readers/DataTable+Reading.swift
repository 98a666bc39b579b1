import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension DataTable {
  /// Reads a CSV file in one go.
  /// - Parameters:
  ///   - path: The file's path.
  ///   - displayName: The name used in messages; defaults to `path` as given.
  ///   - options: Delimiter and missing-value tokens.
  /// - Throws: ``DataError`` when the file cannot be read or is not a valid table (see
  ///   ``init(bytes:file:options:)``).
  public init(
    contentsOfFile path: String, displayName: String? = nil,
    options: CSVReadOptions = CSVReadOptions()
  ) throws(DataError) {
    let file = displayName ?? path
    try self.init(bytes: _readFile(path, file: file), file: file, options: options)
  }
}

/// The bytes of a file: one `read` sized by `fstat` for regular files, chunks otherwise.
func _readFile(_ path: String, file: String) throws(DataError) -> [UInt8] {
  func failure(_ code: Int32) -> DataError {
    DataError(file: file, reason: .unreadableFile(String(cString: strerror(code))))
  }
  let descriptor = open(path, O_RDONLY)
  guard descriptor >= 0 else { throw failure(errno) }
  defer { close(descriptor) }
  var status = stat()
  guard fstat(descriptor, &status) == 0 else { throw failure(errno) }
  if status.st_mode & S_IFMT == S_IFDIR { throw failure(EISDIR) }
  let expected = status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : 0
  guard expected < 1 << 31 else {
    throw DataError(file: file, reason: .fileTooLarge(byteCount: expected))
  }

  var result: [UInt8] = []
  var capacity = max(expected + 1, 1 << 16)
  while true {
    var readError: Int32 = 0
    var reachedEnd = false
    let previous = result
    result = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      let base = buffer.baseAddress.unsafelyUnwrapped
      previous.withUnsafeBufferPointer { old in
        if let source = old.baseAddress { base.initialize(from: source, count: old.count) }
      }
      count = previous.count
      while count < capacity {
        let got = read(descriptor, base + count, capacity - count)
        if got < 0 {
          if errno == EINTR { continue }
          readError = errno
          return
        }
        if got == 0 {
          reachedEnd = true
          return
        }
        count += got
      }
    }
    if readError != 0 { throw failure(readError) }
    if reachedEnd { break }
    guard result.count < 1 << 31 else {
      throw DataError(file: file, reason: .fileTooLarge(byteCount: result.count))
    }
    capacity *= 2
  }
  return result
}
