import CairoRendering
import FigureCore

/// One renderer for all tests, with a fixed creation date (2023-11-14T22:13:20Z).
let testRenderer: FigureRenderer = {
  do {
    return try FigureRenderer(options: RenderOptions(creationDate: 1_700_000_000))
  } catch {
    fatalError("\(error)")
  }
}()

/// Chunks of a PNG file: type and data, with the CRC checked.
func pngChunks(_ png: [UInt8]) -> [(type: String, data: [UInt8], crcIsValid: Bool)] {
  var chunks: [(String, [UInt8], Bool)] = []
  var offset = 8
  func u32(_ at: Int) -> UInt32 {
    png[at..<(at + 4)].reduce(0) { $0 << 8 | UInt32($1) }
  }
  while offset + 12 <= png.count {
    let length = Int(u32(offset))
    let type = String(decoding: png[(offset + 4)..<(offset + 8)], as: UTF8.self)
    let data = Array(png[(offset + 8)..<(offset + 8 + length)])
    let crc = u32(offset + 8 + length)
    chunks.append((type, data, crc == crc32(Array(type.utf8) + data)))
    offset += 12 + length
  }
  return chunks
}

func bigEndianUInt32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
  bytes.reduce(0) { $0 << 8 | UInt32($1) }
}

private func crc32(_ bytes: [UInt8]) -> UInt32 {
  var crc: UInt32 = 0xFFFF_FFFF
  for byte in bytes {
    crc ^= UInt32(byte)
    for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
  }
  return crc ^ 0xFFFF_FFFF
}
