/// The byte that separates the fields of a row.
public struct CSVDelimiter: Hashable, Sendable, CustomStringConvertible {
  /// The ASCII byte of the delimiter.
  public let byte: UInt8

  /// `,` — RFC 4180 and R's `read.csv`.
  public static let comma = CSVDelimiter(uncheckedByte: UInt8(ascii: ","))
  /// `;` — R's `read.csv2`, common where the decimal mark is a comma.
  public static let semicolon = CSVDelimiter(uncheckedByte: UInt8(ascii: ";"))
  /// A horizontal tab — tab-separated values.
  public static let tab = CSVDelimiter(uncheckedByte: 0x09)

  /// A delimiter from a single printable ASCII character or a tab; nil for anything else
  /// (letters and digits are accepted, but `"`, a space, CR and LF are not).
  public init?(_ character: Character) {
    guard let ascii = character.asciiValue, ascii == 0x09 || (0x21...0x7E).contains(ascii),
      ascii != UInt8(ascii: "\"")
    else { return nil }
    self.byte = ascii
  }

  init(uncheckedByte byte: UInt8) {
    self.byte = byte
  }

  /// The delimiter as it reads in messages: `','`, `';'` or `a tab`.
  public var description: String {
    byte == 0x09 ? "a tab" : "'\(Character(Unicode.Scalar(byte)))'"
  }
}
