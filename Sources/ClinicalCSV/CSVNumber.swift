/// Numbers as CSV cells spell them.
public enum CSVNumber {
  /// The number `text` spells, or nil.
  ///
  /// The grammar and rounding are those of ``DataColumn/numericValues()``; surrounding spaces
  /// are not allowed.
  public static func parse(_ text: String) -> Double? {
    var text = text
    return text.withUTF8 { buffer in
      buffer.baseAddress.flatMap { _parseDecimal($0, count: buffer.count) }
    }
  }
}
