/// Adds the resolution to a PNG written by Cairo, which records none.
enum _PNGChunks {
  /// `png` with a pHYs chunk (pixels per metre, both axes) inserted after IHDR.
  static func addingResolution(_ png: [UInt8], dpi: Double) -> [UInt8] {
    // Signature (8 bytes), then IHDR: length (4), type (4), data (13), CRC (4).
    let afterHeader = 8 + 4 + 4 + 13 + 4
    guard png.count > afterHeader, Array(png[12..<16]) == Array("IHDR".utf8) else { return png }
    let pixelsPerMetre = UInt32((dpi / 0.0254).rounded())
    var data = bigEndian(pixelsPerMetre) + bigEndian(pixelsPerMetre)
    data.append(1)  // unit: metre
    var result = Array(png[..<afterHeader])
    result += chunk("pHYs", data)
    result += png[afterHeader...]
    return result
  }

  static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    let typeAndData = Array(type.utf8) + data
    return bigEndian(UInt32(data.count)) + typeAndData + bigEndian(crc32(typeAndData))
  }

  static func bigEndian(_ v: UInt32) -> [UInt8] {
    [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
  }

  /// CRC-32 (ISO 3309, polynomial 0xEDB88320) as PNG chunks use it.
  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return crc ^ 0xFFFF_FFFF
  }
}
