/// What a file's first bytes say it is.
///
/// Each of the four formats begins with a fixed signature; anything else is described well enough
/// for a message ("comma-separated text (CSV)", "an HTML page") or shown as its first bytes.
enum _ContentSignature: Equatable {
  case format(StatisticalDataFile.Format)
  /// Not one of the four formats; the text says what the content looks like.
  case other(String)

  /// The signature of `bytes` (the whole file, or at least its first 4 KiB).
  init(_ bytes: UnsafeRawBufferPointer) {
    if let format = _ContentSignature.format(of: bytes) {
      self = .format(format)
    } else {
      self = .other(_ContentSignature.describe(bytes))
    }
  }

  /// SAS transport v5 and v8 begin with the library header record
  /// `HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!…` (`LIBV8   ` in v8).
  static let transportPrefix = Array("HEADER RECORD*******LIB".utf8)

  /// The 32 bytes every SAS data set begins with.
  static let sas7bdatMagic: [UInt8] = [
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0xC2, 0xEA, 0x81, 0x60, 0xB3, 0x14, 0x11, 0xCF, 0xBD, 0x92, 0x08, 0x00,
    0x09, 0xC7, 0x31, 0x8C, 0x18, 0x1F, 0x10, 0x11,
  ]

  static func format(of bytes: UnsafeRawBufferPointer) -> StatisticalDataFile.Format? {
    func starts(with prefix: [UInt8]) -> Bool {
      bytes.count >= prefix.count && bytes.prefix(prefix.count).elementsEqual(prefix)
    }
    if starts(with: transportPrefix) { return .sasTransport }
    if starts(with: sas7bdatMagic) { return .sas7bdat }
    // Stata 13 and later (formats 117–119) are XML-like; earlier formats (104–115) begin with the
    // format number, the byte order (1 or 2), the file type 1 and a zero byte.
    if starts(with: Array("<stata_dta>".utf8)) { return .stata }
    if bytes.count >= 4, (104...115).contains(bytes[0]), bytes[1] == 1 || bytes[1] == 2,
      bytes[2] == 1, bytes[3] == 0
    {
      return .stata
    }
    // `$FL2` for uncompressed and bytecode-compressed files, `$FL3` for zlib-compressed ones.
    if starts(with: Array("$FL2".utf8)) || starts(with: Array("$FL3".utf8)) { return .spss }
    return nil
  }

  /// What content that is none of the four formats looks like.
  static func describe(_ bytes: UnsafeRawBufferPointer) -> String {
    let head = bytes.prefix(4096)
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      return "its content is a ZIP archive (an Excel workbook?)"
    }
    if head.starts(with: [0x1F, 0x8B]) { return "its content is gzip-compressed" }
    if head.starts(with: Array("%PDF".utf8)) { return "its content is a PDF document" }
    if _isText(head) {
      let lowered = String(decoding: head.prefix(512), as: UTF8.self).lowercased()
      if lowered.contains("<html") || lowered.contains("<!doctype html") {
        return "its content looks like an HTML page (a failed download?)"
      }
      let firstLine = head.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
      if firstLine.contains(UInt8(ascii: "\t")) {
        return "its content looks like tab-separated text"
      }
      if firstLine.contains(UInt8(ascii: ",")) {
        return "its content looks like comma-separated text (CSV)"
      }
      if firstLine.contains(UInt8(ascii: ";")) {
        return "its content looks like semicolon-separated text"
      }
      return "its content looks like plain text"
    }
    let shown = head.prefix(8).map { byte -> String in
      let digits = String(byte, radix: 16, uppercase: true)
      return digits.count == 1 ? "0" + digits : digits
    }
    return "its first bytes are " + shown.joined(separator: " ") + (bytes.count > 8 ? " …" : "")
  }

  /// Whether `bytes` are UTF-8 text without control characters other than tab, line feed,
  /// carriage return and form feed; a multi-byte character cut at the end is allowed.
  static func _isText(_ bytes: Slice<UnsafeRawBufferPointer>) -> Bool {
    guard !bytes.isEmpty else { return false }
    var iterator = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    var consumed = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        consumed += encoded.count
        let value = Unicode.UTF8.decode(encoded).value
        if value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D && value != 0x0C {
          return false
        }
        if value == 0x7F { return false }
      case .error(let length):
        // Only a sequence cut by the 4 KiB window may be incomplete.
        return consumed + length == bytes.count && bytes.count == 4096
      case .emptyInput:
        return true
      }
    }
  }
}
