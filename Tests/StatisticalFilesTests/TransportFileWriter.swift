/// Writes SAS transport files for the tests, byte by byte from the layout of TS-140 (and its
/// version 8 supplement), so that the tests can make files no other writer makes: numbers of 2
/// to 7 bytes, NUL bytes in text, blank rows, `LABELV9` records, VAX/VMS namestrs.
struct TransportFileWriter {
  /// A variable: its namestr fields, and an optional `LABELV8`/`LABELV9` entry.
  struct Variable {
    var name: String
    var isText = false
    var length = 8
    var label = ""
    var format = ""
    var formatWidth = 0
    var formatDecimals = 0
    /// In version 8: the name, label and format written in a `LABELV8` entry (without a format)
    /// or `LABELV9` entry (with one) after the namestrs.
    var entry: (name: String, label: String, format: String?)?
  }

  var version = 5
  var name = "TEST"
  var label = ""
  var variables: [Variable] = []
  /// The bytes of the rows, end to end.
  var data: [UInt8] = []
  /// 140, or 136 as VAX/VMS writes namestrs.
  var namestrLength = 140

  /// The file: headers, namestrs, label entries and rows, each part padded with blanks to a whole
  /// 80-byte record.
  var bytes: [UInt8] {
    let v8 = version == 8
    var file: [UInt8] = []
    file += header(v8 ? "LIBV8" : "LIBRARY")
    file += record(pad("SAS", 8) + pad("SAS", 8) + pad("SASLIB", 8) + pad("9.4", 8) + pad("X64_10PR", 8))
    file += record(Array("01JAN26:00:00:00".utf8))
    file += record(
      Array("HEADER RECORD*******\(v8 ? "MEMBV8  " : "MEMBER  ")HEADER RECORD!!!!!!!".utf8)
        + Array("00000000000000000160000000\(String(format: "%04d", namestrLength))".utf8))
    file += header(v8 ? "DSCPTV8" : "DSCRPTR")
    file += record(pad("SAS", 8) + pad(name, v8 ? 32 : 8) + pad("SASDATA", 8) + pad("9.4", 8))
    file += record(pad("01JAN26:00:00:00", 16) + pad("", 16) + pad(label, 40) + pad("", 8))
    file += header(v8 ? "NAMSTV8" : "NAMESTR", numbers: "000000" + String(format: "%04d", variables.count))
    var namestrs: [UInt8] = []
    var position = 0
    for (index, variable) in variables.enumerated() {
      var namestr = int16(variable.isText ? 2 : 1) + int16(0) + int16(variable.length) + int16(index + 1)
      namestr += pad(variable.name, 8) + pad(variable.label, 40) + pad(variable.format, 8)
      namestr += int16(variable.formatWidth) + int16(variable.formatDecimals) + int16(0) + [0, 0]
      namestr += pad("", 8) + int16(0) + int16(0)
      namestr += [
        UInt8(position >> 24 & 0xFF), UInt8(position >> 16 & 0xFF), UInt8(position >> 8 & 0xFF), UInt8(position & 0xFF),
      ]
      namestr += v8 ? pad(variable.name, 32) + int16(variable.label.utf8.count) + pad("", 18) : pad("", 52)
      namestrs += namestr.prefix(namestrLength)
      position += variable.length
    }
    file += padded(namestrs)
    let entries = variables.enumerated().filter { $0.element.entry != nil }
    if v8 && !entries.isEmpty {
      let hasFormats = entries.contains { $0.element.entry?.format != nil }
      file += header(hasFormats ? "LABELV9" : "LABELV8", numbers: String(format: "%05d", entries.count))
      var bytes: [UInt8] = []
      for (index, variable) in entries {
        guard let entry = variable.entry else { continue }
        let name = Array(entry.name.utf8)
        let label = Array(entry.label.utf8)
        bytes += int16(index + 1) + int16(name.count) + int16(label.count)
        if hasFormats {
          let format = Array((entry.format ?? "").utf8)
          bytes += int16(format.count) + int16(format.count) + name + label + format + format
        } else {
          bytes += name + label
        }
      }
      file += padded(bytes)
    }
    file += header(v8 ? "OBSV8" : "OBS")
    return file + padded(data)
  }

  private func header(_ name: String, numbers: String = "") -> [UInt8] {
    let digits = numbers + String(repeating: "0", count: 30 - numbers.count)
    return record(
      Array(
        "HEADER RECORD*******\(name.padding(toLength: 8, withPad: " ", startingAt: 0))HEADER RECORD!!!!!!!\(digits)"
          .utf8))
  }

  private func record(_ bytes: [UInt8]) -> [UInt8] { padded(bytes) }

  private func padded(_ bytes: [UInt8]) -> [UInt8] {
    bytes + [UInt8](repeating: UInt8(ascii: " "), count: (80 - bytes.count % 80) % 80)
  }

  private func pad(_ text: String, _ length: Int) -> [UInt8] {
    let bytes = Array(text.utf8.prefix(length))
    return bytes + [UInt8](repeating: UInt8(ascii: " "), count: length - bytes.count)
  }

  private func int16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
}

/// The 8 bytes of IBM hexadecimal floating point that hold `value` exactly (every double of
/// magnitude 16^−65 to 16^63 has them), as SAS writes numbers: `x = f × 16^E` with
/// `1/16 ≤ f < 1`, f's 56 bits after the point, E + 64 in the first byte's low 7 bits.
func ibmBytes(_ value: Double) -> [UInt8] {
  guard value != 0 else { return [UInt8](repeating: 0, count: 8) }
  // |x| = s × 2^(e − 52) with a 53-bit s; E = ⌊e / 4⌋ + 1; f × 2^56 = s × 2^(e − 4⌊e / 4⌋).
  let exponent = Int(value.exponent)
  let sixteens = exponent >> 2 + 1
  precondition(value.isNormal && (0...127).contains(sixteens + 64), "\(value) is outside IBM's range")
  let fraction = (value.significandBitPattern | 1 << 52) << UInt64(exponent & 3)
  let bits = (value < 0 ? 1 << 63 : 0) | UInt64(sixteens + 64) << 56 | fraction
  return (0..<8).map { UInt8(bits >> (56 - 8 * UInt64($0)) & 0xFF) }
}
