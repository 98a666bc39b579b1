/// The offset of the first byte of `buffer` that does not begin or continue a valid UTF-8
/// sequence (an overlong form, a surrogate, a code point above U+10FFFF, a stray or missing
/// continuation byte), or nil when the whole buffer is UTF-8.
///
/// - Complexity: O(n); ASCII runs are skipped eight bytes at a time.
func _firstInvalidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
  guard let base = buffer.baseAddress else { return nil }
  let count = buffer.count
  var i = 0
  while i < count {
    // Eight ASCII bytes at a time.
    while i + 8 <= count {
      let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      if word & 0x8080_8080_8080_8080 != 0 { break }
      i += 8
    }
    guard i < count else { return nil }
    let lead = base[i]
    if lead < 0x80 {
      i += 1
      continue
    }
    // The length of the sequence and the range its second byte must lie in.
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      high = 0x9F
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      high = 0x8F
    default: return i
    }
    guard i + length <= count else { return i }
    guard base[i + 1] >= low && base[i + 1] <= high else { return i }
    for k in 2..<length where base[i + k] & 0xC0 != 0x80 { return i }
    i += length
  }
  return nil
}

/// The bytes of a cell as text for a message: valid UTF-8 as it is, every byte of an invalid
/// sequence as `\xNN`.
func _escapingInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
  var text = ""
  var start = 0
  while start < bytes.count {
    let rest = UnsafeBufferPointer(rebasing: bytes[start...])
    guard let bad = _firstInvalidUTF8(rest) else {
      text += String(decoding: rest, as: UTF8.self)
      break
    }
    text += String(decoding: UnsafeBufferPointer(rebasing: rest[..<bad]), as: UTF8.self)
    let hex = String(rest[bad], radix: 16, uppercase: true)
    text += "\\x" + (hex.count == 1 ? "0" + hex : hex)
    start += bad + 1
  }
  return text
}

/// Checks of text encoding for any text input (data, templates, specifications).
public enum TextEncoding {
  /// The 0-based offset of the first byte of `bytes` that is not part of valid UTF-8, nil when
  /// all of it is UTF-8.
  /// - Complexity: O(n).
  public static func firstNonUTF8Offset(in bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { _firstInvalidUTF8($0) }
  }
}
