/// A JSON document with ordered object keys, written with full double precision.
///
/// The JSON contract of `km`, `cox` and the sidecar files is read by programs that compare
/// numbers with R to 1e-6 or better, so numbers are written in the shortest form that parses
/// back to the identical double, and keys keep the order in which the contract lists them.
public indirect enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  /// A double; non-finite values are written as `null`.
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }
  public func hash(into h: inout Hasher) { h.combine(serialized()) }

  /// An optional number: `null` when nil or not finite.
  public static func number(_ v: Double?) -> JSONValue { v.map { .number($0) } ?? .null }

  /// The value of `key` in an object.
  public subscript(key: String) -> JSONValue? {
    if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
    return nil
  }

  /// Compact text, or indented by two spaces per level when `pretty`.
  public func serialized(pretty: Bool = false) -> String {
    String(decoding: utf8(pretty: pretty), as: UTF8.self)
  }

  /// The UTF-8 bytes of ``serialized(pretty:)``, built in one buffer (a million-row table
  /// serialises in about a second).
  public func utf8(pretty: Bool = false) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(4096)
    write(to: &out, indent: pretty ? 0 : nil)
    return out
  }

  private func write(to out: inout [UInt8], indent: Int?) {
    switch self {
    case .null: out += Self.nullBytes
    case .bool(let b): out += b ? Self.trueBytes : Self.falseBytes
    case .int(let i): Self.writeInteger(Int64(i), to: &out)
    case .number(let d): Self.writeNumber(d, to: &out)
    case .string(let s): Self.writeString(s, to: &out)
    case .array(let items):
      guard !items.isEmpty else {
        out += [UInt8(ascii: "["), UInt8(ascii: "]")]
        return
      }
      out.append(UInt8(ascii: "["))
      for (i, item) in items.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        Self.newline(&out, indent.map { $0 + 1 })
        item.write(to: &out, indent: indent.map { $0 + 1 })
      }
      Self.newline(&out, indent)
      out.append(UInt8(ascii: "]"))
    case .object(let pairs):
      guard !pairs.isEmpty else {
        out += [UInt8(ascii: "{"), UInt8(ascii: "}")]
        return
      }
      out.append(UInt8(ascii: "{"))
      for (i, (key, value)) in pairs.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        Self.newline(&out, indent.map { $0 + 1 })
        Self.writeString(key, to: &out)
        out.append(UInt8(ascii: ":"))
        if indent != nil { out.append(UInt8(ascii: " ")) }
        value.write(to: &out, indent: indent.map { $0 + 1 })
      }
      Self.newline(&out, indent)
      out.append(UInt8(ascii: "}"))
    }
  }

  private static let nullBytes = Array("null".utf8)
  private static let trueBytes = Array("true".utf8)
  private static let falseBytes = Array("false".utf8)

  private static func newline(_ out: inout [UInt8], _ indent: Int?) {
    guard let indent else { return }
    out.append(UInt8(ascii: "\n"))
    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
  }

  private static func writeInteger(_ value: Int64, to out: inout [UInt8]) {
    if value < 0 { out.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits:
      (
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
      ) = (
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      )
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
    }
  }

  private static func writeNumber(_ d: Double, to out: inout [UInt8]) {
    guard d.isFinite else {
      out += nullBytes
      return
    }
    if d == d.rounded(), abs(d) < 1e15 {
      writeInteger(Int64(d), to: &out)
    } else {
      out += d.description.utf8
    }
  }

  /// Shortest round-trip decimal; integral values without a fraction ("12" not "12.0").
  package static func format(_ d: Double) -> String {
    var out: [UInt8] = []
    writeNumber(d, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  private static func writeString(_ s: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    for byte in s.utf8 {
      switch byte {
      case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
      case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
      case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
      case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
      case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]]
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}
