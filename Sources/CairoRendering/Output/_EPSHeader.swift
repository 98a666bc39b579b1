import FigureCore

/// Rewrites the DSC comments of Cairo's EPS output that do not depend on the figure alone.
///
/// - `%%CreationDate` is Cairo's wall-clock time; it becomes the configured date or is dropped.
/// - `%%BoundingBox` and `%%PageBoundingBox` are Cairo's tight box around the ink; they become
///   the whole page, so an EPS has the same size as the PDF, SVG and PNG of the figure.
enum _EPSHeader {
  static func normalized(_ eps: [UInt8], size: Size, creationDate: Int64?) -> [UInt8] {
    let box = "0 0 \(Int(size.width.rounded(.up))) \(Int(size.height.rounded(.up)))"
    var result = eps
    result = replacingFirstLine(in: result, startingWith: "%%CreationDate:") {
      creationDate.map { "%%CreationDate: \(_iso8601($0))" }
    }
    result = replacingFirstLine(in: result, startingWith: "%%BoundingBox:") {
      "%%BoundingBox: \(box)"
    }
    result = replacingFirstLine(in: result, startingWith: "%%PageBoundingBox:") {
      "%%PageBoundingBox: \(box)"
    }
    return result
  }

  /// `title` as one DSC text line: control characters become spaces.
  static func escapedTitle(_ title: String) -> String {
    String(title.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
  }

  /// Replaces the first line that begins with `prefix` by `replacement()` (nil removes it).
  private static func replacingFirstLine(
    in bytes: [UInt8], startingWith prefix: String, _ replacement: () -> String?
  ) -> [UInt8] {
    let newline = UInt8(ascii: "\n")
    let marker = [newline] + Array(prefix.utf8)
    guard let start = firstIndex(of: marker, in: bytes).map({ $0 + 1 }) else { return bytes }
    let end = bytes[start...].firstIndex(of: newline).map { $0 + 1 } ?? bytes.count
    var result = Array(bytes[..<start])
    if let line = replacement() { result += Array((line + "\n").utf8) }
    result += bytes[end...]
    return result
  }

  private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
      if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
    }
    return nil
  }
}
