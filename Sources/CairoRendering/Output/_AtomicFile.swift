import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

#if canImport(Glibc)
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  private let systemWrite = Darwin.write
#endif

/// Writes a file so that readers see either the old file or the complete new one.
///
/// The bytes go to a uniquely named temporary file in the same folder, which is
/// then renamed over the target. On any failure the temporary file is removed and no file is
/// left behind.
enum _AtomicFile {
  private static let counter = Atomic<Int>(0)

  /// The folder part of `path` ("." for a bare file name).
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let folder = path[..<slash]
    return folder.isEmpty ? "/" : String(folder)
  }

  static func write(_ bytes: [UInt8], to path: String) throws(RenderError) {
    let folder = directory(of: path)
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
    var descriptor: Int32 = -1
    var temporary = ""
    while descriptor < 0 {
      let serial = counter.add(1, ordering: .relaxed).newValue
      temporary = "\(folder)/.\(name).\(getpid())-\(serial).tmp"
      descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if descriptor < 0 && errno != EEXIST {
        throw .fileSystem(operation: "open", errno: errno, path: path)
      }
    }
    func fail(_ operation: String, _ code: Int32) -> RenderError {
      unlink(temporary)
      return .fileSystem(operation: operation, errno: code, path: path)
    }
    var failure: (String, Int32)?
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let written = systemWrite(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = ("write", errno)
          return
        }
        offset += written
      }
    }
    if close(descriptor) != 0 && failure == nil { failure = ("close", errno) }
    if let (operation, code) = failure { throw fail(operation, code) }
    if rename(temporary, path) != 0 { throw fail("rename", errno) }
  }
}
