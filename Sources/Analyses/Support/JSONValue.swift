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
  /// An array whose items are made one at a time as it is written, so that a table of a
  /// million rows is never held as values; it reads as ``array(_:)`` of the same items.
  case rows(JSONRows)
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
    var out = _JSONOutput(flush: nil)
    write(to: &out, indent: pretty ? 0 : nil)
    return out.bytes
  }

  /// Writes the text of ``serialized(pretty:)`` in pieces of about a megabyte, each handed to
  /// `write` as soon as it is made: memory stays that of one piece and of the item being written.
  public func write(pretty: Bool = false, _ write: ([UInt8]) -> Void) {
    withoutActuallyEscaping(write) { write in
      var out = _JSONOutput(flush: write)
      self.write(to: &out, indent: pretty ? 0 : nil)
      write(out.bytes)
    }
  }

  private func write(to out: inout _JSONOutput, indent: Int?) {
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
        out.flushIfFull()
      }
      Self.newline(&out, indent)
      out.append(UInt8(ascii: "]"))
    case .rows(let rows):
      guard rows.count > 0 else {
        out += [UInt8(ascii: "["), UInt8(ascii: "]")]
        return
      }
      let inner = indent.map { $0 + 1 }
      let fieldIndent = indent.map { $0 + 2 }
      // Each key with its quotes, colon and space, made once for every row.
      let keys = rows.keys.map { key -> [UInt8] in
        var text = _JSONOutput(flush: nil)
        Self.writeString(key, to: &text)
        text.append(UInt8(ascii: ":"))
        if indent != nil { text.append(UInt8(ascii: " ")) }
        return text.bytes
      }
      var values = JSONRowValues()
      out.append(UInt8(ascii: "["))
      for i in 0..<rows.count {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        Self.newline(&out, inner)
        values.scalars.removeAll(keepingCapacity: true)
        rows.fill(i, &values)
        if keys.isEmpty {
          out += [UInt8(ascii: "{"), UInt8(ascii: "}")]
        } else {
          out.append(UInt8(ascii: "{"))
          for (k, key) in keys.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            Self.newline(&out, fieldIndent)
            out += key
            switch values.scalars[k] {
            case .null: out += Self.nullBytes
            case .int(let value): Self.writeInteger(Int64(value), to: &out)
            case .number(let value): Self.writeNumber(value, to: &out)
            }
          }
          Self.newline(&out, inner)
          out.append(UInt8(ascii: "}"))
        }
        out.flushIfFull()
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

  /// A line break and the indentation of every level up to 32.
  private static let indentations = (0...32).map {
    [UInt8(ascii: "\n")] + Array(repeating: UInt8(ascii: " "), count: 2 * $0)
  }

  private static func newline(_ out: inout _JSONOutput, _ indent: Int?) {
    guard let indent else { return }
    if indent < indentations.count {
      out += indentations[indent]
    } else {
      out.append(UInt8(ascii: "\n"))
      out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }
  }

  private static func writeInteger(_ value: Int64, to out: inout _JSONOutput) {
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

  private static func writeNumber(_ d: Double, to out: inout _JSONOutput) {
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
    var out = _JSONOutput(flush: nil)
    writeNumber(d, to: &out)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  private static func writeString(_ s: String, to out: inout _JSONOutput) {
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

/// The items of a ``JSONValue/rows(_:)`` array: objects of the same keys whose values are
/// numbers, integers or null, made one row at a time into one reused buffer.
public struct JSONRows: Sendable {
  public let count: Int
  /// The keys of every row, in order.
  public let keys: [String]
  let fill: @Sendable (Int, inout JSONRowValues) -> Void

  /// - Parameter fill: appends the values of a 0-based row, one per key.
  public init(count: Int, keys: [String], fill: @escaping @Sendable (Int, inout JSONRowValues) -> Void) {
    self.count = count
    self.keys = keys
    self.fill = fill
  }

  /// The row at a 0-based index as an object.
  public subscript(index: Int) -> JSONValue {
    var values = JSONRowValues()
    fill(index, &values)
    return .object(
      zip(keys, values.scalars).map { key, scalar in
        switch scalar {
        case .null: (key, .null)
        case .int(let value): (key, .int(value))
        case .number(let value): (key, .number(value))
        }
      })
  }
}

/// The values of one row of ``JSONRows``, in the order of its keys.
public struct JSONRowValues {
  enum Scalar {
    case null, int(Int), number(Double)
  }
  var scalars: [Scalar] = []

  /// A number; `null` when nil or not finite.
  public mutating func append(_ value: Double?) {
    scalars.append(value.map { .number($0) } ?? .null)
  }

  public mutating func append(_ value: Int) {
    scalars.append(.int(value))
  }
}

/// Text being written: a buffer, handed to `flush` whenever it passes a megabyte when there is one.
struct _JSONOutput {
  var bytes: [UInt8] = []
  let flush: (([UInt8]) -> Void)?
  static let pieceSize = 1 << 20

  init(flush: (([UInt8]) -> Void)?) {
    self.flush = flush
    bytes.reserveCapacity(flush == nil ? 4096 : Self.pieceSize + 4096)
  }

  @inline(__always)
  mutating func append(_ byte: UInt8) { bytes.append(byte) }

  @inline(__always)
  mutating func append<S: Sequence>(contentsOf items: S) where S.Element == UInt8 { bytes.append(contentsOf: items) }

  @inline(__always)
  static func += <S: Sequence>(out: inout _JSONOutput, items: S) where S.Element == UInt8 {
    out.bytes.append(contentsOf: items)
  }

  /// Hands the buffer to `flush` once it holds a megabyte.
  mutating func flushIfFull() {
    guard let flush, bytes.count >= Self.pieceSize else { return }
    flush(bytes)
    bytes.removeAll(keepingCapacity: true)
  }
}
