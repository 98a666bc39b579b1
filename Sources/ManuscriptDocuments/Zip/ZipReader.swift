internal import CZlib

/// The entries of a ZIP archive (a `.docx` from Word or LibreOffice): stored or deflated
/// entries, found through the central directory (APPNOTE §4.3.12) and inflated with zlib's raw
/// inflate (window bits −15, no zlib header).
public struct ZipReader: Sendable {
  /// Why an archive cannot be read, as a sentence.
  public struct Problem: Error, Hashable, Sendable {
    public var message: String
    public init(message: String) { self.message = message }
  }

  let bytes: [UInt8]
  /// Each entry's name, compression method, sizes and the offset of its local header.
  let directory: [(name: String, method: UInt16, compressed: Int, size: Int, offset: Int)]

  public init(_ bytes: [UInt8]) throws(Problem) {
    self.bytes = bytes
    // The end of central directory record: the last signature 0x06054b50 within the final
    // 22 + 65535 bytes (a comment may follow it).
    guard bytes.count >= 22 else { throw Problem(message: "it is not a ZIP archive (too short)") }
    var end = bytes.count - 22
    let lowest = max(0, bytes.count - 22 - 65535)
    while end >= lowest && Self.u32(bytes, end) != 0x0605_4b50 { end -= 1 }
    guard end >= lowest else { throw Problem(message: "it is not a ZIP archive (no end of central directory)") }
    let count = Int(Self.u16(bytes, end + 10))
    var at = Int(Self.u32(bytes, end + 16))
    var entries: [(String, UInt16, Int, Int, Int)] = []
    for _ in 0..<count {
      guard at + 46 <= bytes.count, Self.u32(bytes, at) == 0x0201_4b50 else {
        throw Problem(message: "its central directory is damaged")
      }
      let nameLength = Int(Self.u16(bytes, at + 28))
      let extra = Int(Self.u16(bytes, at + 30))
      let comment = Int(Self.u16(bytes, at + 32))
      guard at + 46 + nameLength <= bytes.count else { throw Problem(message: "its central directory is damaged") }
      let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
      entries.append(
        (
          name, Self.u16(bytes, at + 10), Int(Self.u32(bytes, at + 20)), Int(Self.u32(bytes, at + 24)),
          Int(Self.u32(bytes, at + 42))
        ))
      at += 46 + nameLength + extra + comment
    }
    self.directory = entries
  }

  public var names: [String] { directory.map(\.name) }

  /// The bytes of entry `name`, nil when the archive has none.
  public func entry(_ name: String) throws(Problem) -> [UInt8]? {
    guard let e = directory.first(where: { $0.name == name }) else { return nil }
    guard e.offset + 30 <= bytes.count, Self.u32(bytes, e.offset) == 0x0403_4b50 else {
      throw Problem(message: "the entry '\(name)' is damaged")
    }
    let start = e.offset + 30 + Int(Self.u16(bytes, e.offset + 26)) + Int(Self.u16(bytes, e.offset + 28))
    guard start + e.compressed <= bytes.count else { throw Problem(message: "the entry '\(name)' is cut short") }
    let data = Array(bytes[start..<(start + e.compressed)])
    switch e.method {
    case 0: return data
    case 8: return try Self.inflate(data, size: e.size, name: name)
    default: throw Problem(message: "the entry '\(name)' uses compression method \(e.method), not stored or deflate")
    }
  }

  static func inflate(_ input: [UInt8], size: Int, name: String) throws(Problem) -> [UInt8] {
    var stream = z_stream()
    guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw Problem(message: "zlib cannot start inflating '\(name)'")
    }
    defer { inflateEnd(&stream) }
    var input = input
    var output = [UInt8](repeating: 0, count: max(size, 1))
    let status = input.withUnsafeMutableBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target -> Int32 in
        stream.next_in = source.baseAddress
        stream.avail_in = uInt(source.count)
        stream.next_out = target.baseAddress
        stream.avail_out = uInt(target.count)
        return CZlib.inflate(&stream, Z_FINISH)
      }
    }
    guard status == Z_STREAM_END, Int(stream.total_out) == size else {
      throw Problem(message: "the entry '\(name)' does not inflate to its recorded size")
    }
    return Array(output.prefix(size))
  }

  static func u16(_ b: [UInt8], _ at: Int) -> UInt16 {
    guard at + 2 <= b.count else { return 0 }
    return UInt16(b[at]) | UInt16(b[at + 1]) << 8
  }
  static func u32(_ b: [UInt8], _ at: Int) -> UInt32 {
    guard at + 4 <= b.count else { return 0 }
    return UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24
  }
}
