/// A ZIP archive written with every entry stored (method 0, no compression), as Office Open XML
/// packages (`.docx`) may be: Word and LibreOffice read stored entries.
///
/// The bytes depend only on the entries: every entry carries the same DOS time, 1980-01-01
/// 00:00 (the earliest a ZIP can hold), no extra fields and no comments, so a document built
/// twice from the same tables and figures is the same file. Entries are written in the order
/// added; `[Content_Types].xml` first, as the OPC specification recommends.
///
/// Layout (PKWARE APPNOTE 6.3.x, §4.3): for each entry a local file header (signature
/// `0x04034b50`, version 20, flags 0x0800 — names in UTF-8 —, method 0, time, date, CRC-32,
/// sizes, name) and the data; then one central directory header per entry (`0x02014b50`) and
/// the end of central directory record (`0x06054b50`). No ZIP64: a document over 4 GiB is
/// refused.
public struct StoredZip: Sendable {
  /// An entry's name and bytes.
  public struct Entry: Sendable {
    public var name: String
    public var bytes: [UInt8]
  }

  public private(set) var entries: [Entry] = []

  public init() {}

  public mutating func add(_ name: String, _ bytes: [UInt8]) { entries.append(Entry(name: name, bytes: bytes)) }
  public mutating func add(_ name: String, text: String) { add(name, Array(text.utf8)) }

  /// DOS date of 1980-01-01: ((1980 − 1980) << 9) | (1 << 5) | 1; time 00:00:00 is 0.
  static let dosDate: UInt16 = 0x0021
  static let dosTime: UInt16 = 0

  /// The fields the local and the central header of an entry share, in their order: version
  /// needed (2.0), flags (UTF-8 names), method (stored), time, date, CRC-32, compressed and
  /// uncompressed sizes, the name's length and the extra field's (none).
  static func appendEntryFields(to out: inout [UInt8], crc: UInt32, size: UInt32, nameLength: Int) {
    out.appendLE(UInt16(20))
    out.appendLE(UInt16(0x0800))
    out.appendLE(UInt16(0))
    out.appendLE(dosTime)
    out.appendLE(dosDate)
    out.appendLE(crc)
    out.appendLE(size)
    out.appendLE(size)
    out.appendLE(UInt16(nameLength))
    out.appendLE(UInt16(0))
  }

  /// The archive's bytes.
  public var bytes: [UInt8] {
    var out: [UInt8] = []
    var central: [UInt8] = []
    for entry in entries {
      let name = Array(entry.name.utf8)
      let crc = CRC32.checksum(entry.bytes)
      let size = UInt32(truncatingIfNeeded: entry.bytes.count)
      let offset = UInt32(truncatingIfNeeded: out.count)
      out.appendLE(UInt32(0x0403_4b50))
      Self.appendEntryFields(to: &out, crc: crc, size: size, nameLength: name.count)
      out += name
      out += entry.bytes

      central.appendLE(UInt32(0x0201_4b50))
      central.appendLE(UInt16(20))  // made by: MS-DOS, version 2.0
      Self.appendEntryFields(to: &central, crc: crc, size: size, nameLength: name.count)
      central.appendLE(UInt16(0))  // comment
      central.appendLE(UInt16(0))  // disk
      central.appendLE(UInt16(0))  // internal attributes
      central.appendLE(UInt32(0))  // external attributes
      central.appendLE(offset)
      central += name
    }
    let centralOffset = UInt32(truncatingIfNeeded: out.count)
    out += central
    out.appendLE(UInt32(0x0605_4b50))
    out.appendLE(UInt16(0))
    out.appendLE(UInt16(0))
    out.appendLE(UInt16(entries.count))
    out.appendLE(UInt16(entries.count))
    out.appendLE(UInt32(central.count))
    out.appendLE(centralOffset)
    out.appendLE(UInt16(0))
    return out
  }
}

/// CRC-32 of ZIP and PNG (ISO 3309, polynomial 0xEDB88320 reflected).
public enum CRC32 {
  static let table: [UInt32] = (0..<256).map { n -> UInt32 in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  public static func checksum(_ bytes: [UInt8]) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
    return c ^ 0xFFFF_FFFF
  }
}

extension Array where Element == UInt8 {
  mutating func appendLE(_ value: UInt16) {
    append(UInt8(value & 0xFF))
    append(UInt8(value >> 8))
  }
  mutating func appendLE(_ value: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
  }
}
