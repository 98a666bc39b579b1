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

extension CSVNumber {
  /// A finite number as a cell or message writes it: whole numbers below 10^15 without a
  /// fraction (`12`, not `12.0`), others as the shortest decimal that reads back the same
  /// double (`0.1`, `1e-05`).
  public static func text(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return value.description
  }
}
