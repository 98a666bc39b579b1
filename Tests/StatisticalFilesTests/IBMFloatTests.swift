import Testing

@testable import StatisticalFiles

/// IBM hexadecimal floating point against values computed outside this reader: haven 2.5.1 in
/// R 4.2.2 (which reads and writes through ReadStat), or the format's definition evaluated in R.
@Suite("IBM floating point of transport numbers")
struct IBMFloatTests {
  func bytes(_ hex: String) -> [UInt8] {
    hex.split(separator: " ").compactMap { UInt8($0, radix: 16) }
  }

  func value(_ hex: String, length: Int? = nil) -> Double? {
    let bytes = bytes(hex)
    return bytes.withUnsafeBytes { _IBMFloat.value($0.baseAddress!, length: length ?? bytes.count) }
  }

  /// R: `x <- c(0, 1, -1, 0.1, -2.25, 1/3, 100, 1e10, -1e-10, pi, 2^-260)`;
  /// `write_xpt(data.frame(X = x), "ibm.xpt")`; the bytes from `readBin("ibm.xpt", "raw", …)`,
  /// 8 per row after the `OBS` header record; `sprintf("%.17g", x)`, which `read_xpt` gives back.
  static let written: [(bytes: String, value: Double)] = [
    ("00 00 00 00 00 00 00 00", 0),
    ("41 10 00 00 00 00 00 00", 1),
    ("C1 10 00 00 00 00 00 00", -1),
    ("40 19 99 99 99 99 99 9A", 0.10000000000000001),
    ("C1 24 00 00 00 00 00 00", -2.25),
    ("40 55 55 55 55 55 55 54", 0.33333333333333331),
    ("42 64 00 00 00 00 00 00", 100),
    ("49 25 40 BE 40 00 00 00", 10_000_000_000),
    ("B8 6D F3 7F 67 5E F6 EC", -1e-10),
    ("41 32 43 F6 A8 88 5A 30", 3.1415926535897931),
    // The smallest normalised magnitude, 16^-65.
    ("00 10 00 00 00 00 00 00", 5.3976053469340279e-79),
  ]

  @Test("Numbers haven wrote read back as the doubles written; the tests' writer makes the same bytes")
  func writtenByHaven() {
    for (bytes, expected) in Self.written {
      #expect(value(bytes) == expected, "\(bytes)")
      #expect(ibmBytes(expected) == self.bytes(bytes), "\(bytes)")
    }
  }

  /// R: the bytes patched into a one-row file written by `write_xpt(data.frame(X = 1), …)`,
  /// then `sprintf("%.17g", read_xpt("patched.xpt")$X)`; and the definition evaluated:
  /// `0x15555555555555 * 2^-54`, `(2^53 - 1) * 2^199`.
  @Test("Bits beyond a double's 53 are dropped, as ReadStat drops them; the largest magnitude is infinite")
  func edges() {
    // A 56-bit fraction ending in binary 11: rounding would go up, ReadStat (and so R) truncates.
    #expect(value("40 55 55 55 55 55 55 57") == 0.33333333333333331)
    #expect(value("40 55 55 55 55 55 55 57") == 0x15_5555_5555_5555 * 0x1p-54)
    #expect(value("7F FF FF FF FF FF FF FE") == 7.2370055773322614e+75)
    #expect(value("7F FF FF FF FF FF FF FE") == (0x1p53 - 1) * 0x1p199)
    #expect(value("FF FF FF FF FF FF FF FE") == -7.2370055773322614e+75)
    #expect(value("7F FF FF FF FF FF FF FF") == .infinity)
    #expect(value("FF FF FF FF FF FF FF FF") == -.infinity)
    // A blank row's number: 0x404040… .
    #expect(value("40 40 40 40 40 40 40 40") == 0.25098039215686274)
  }

  /// Fractions whose first hexadecimal digit is zero, which SAS never writes: their value by the
  /// definition, `2^-312` and `-(2^52 - 1) * 2^-48`. ReadStat (and so haven) adds a leading
  /// digit 1 that is not there: 5.3976053469340291e-79 and -31.999999999999996.
  @Test("Fractions that are not normalised read by the definition")
  func unnormalised() {
    #expect(value("00 00 00 00 00 00 00 01") == 0x1p-312)
    #expect(value("C2 0F FF FF FF FF FF FF") == -(0x1p52 - 1) * 0x1p-48)
  }

  /// R: `b <- c(0x41, 0x32, 0x43, 0xF6, 0xA8, 0x88, 0x5A, 0x30)` (π) and
  /// `c(0xC2, 0x64, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC)`; for n in 2:7,
  /// `sprintf("%.17g", ±sum(b[2:n] * 256^-(1:(n - 1))) * 16^(bitwAnd(b[1], 0x7F) - 64))`.
  @Test("Numbers of 2 to 7 bytes are the first bytes of an 8-byte number")
  func shorterLengths() {
    let pi: [Double] = [
      3.125, 3.141357421875, 3.1415920257568359, 3.1415926516056061, 3.1415926535846666, 3.1415926535897825,
    ]
    let negative: [Double] = [
      -100, -100.0703125, -100.07110595703125, -100.0711110830307, -100.07111111097038, -100.07111111111044,
    ]
    for length in 2...7 {
      #expect(value("41 32 43 F6 A8 88 5A 30", length: length) == pi[length - 2], "\(length) bytes")
      #expect(value("C2 64 12 34 56 78 9A BC", length: length) == negative[length - 2], "\(length) bytes")
    }
    #expect(value("41 32 43 F6 A8 88 5A 30", length: 8) == .pi)
  }

  /// SAS's missing values: the first byte `.` (2E), `_` (5F) or `A`–`Z` (41–5A), the others
  /// zero; R: `read_xpt` of each gives `NA` (`80 00 …` gives `NaN`, which survfig reads as
  /// missing).
  @Test("Every special missing value, at every length; zero at every length")
  func missingValues() {
    let firsts: [UInt8] = [0x2E, 0x5F, 0x80] + Array(0x41...0x5A)
    for length in 2...8 {
      for first in firsts {
        let bytes = [first] + [UInt8](repeating: 0, count: length - 1)
        #expect(bytes.withUnsafeBytes { _IBMFloat.value($0.baseAddress!, length: length) } == nil)
        #expect(bytes.withUnsafeBytes { _IBMFloat.isMissing($0.baseAddress!, length: length) })
      }
      let zero = [UInt8](repeating: 0, count: length)
      #expect(zero.withUnsafeBytes { _IBMFloat.value($0.baseAddress!, length: length) } == 0)
      #expect(!zero.withUnsafeBytes { _IBMFloat.isMissing($0.baseAddress!, length: length) })
    }
    // A length no number has gives missing values only, as through ReadStat.
    #expect(value("41 10 00 00 00 00 00 00 00", length: 9) == nil)
    #expect(value("41", length: 1) == nil)
  }

  @Test("Seeded random doubles in range read back exactly from the bytes SAS would write")
  func roundTrips() {
    var generator = SplitMix64(seed: 20_261_204)
    for _ in 0..<10_000 {
      let bits = generator.next()
      // Exponents of 2^-260 to 2^251: IBM's range.
      let exponent = Int(generator.next() % 512) - 260
      let value = Double(
        sign: bits >> 63 == 0 ? .plus : .minus, exponent: exponent,
        significand: 1 + Double(bits & 0x000F_FFFF_FFFF_FFFF) * 0x1p-52)
      let bytes = ibmBytes(value)
      #expect(bytes.withUnsafeBytes { _IBMFloat.value($0.baseAddress!, length: 8) } == value)
    }
  }
}
