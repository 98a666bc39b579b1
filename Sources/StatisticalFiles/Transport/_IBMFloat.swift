/// IBM System/370 hexadecimal floating point, the number format of SAS transport files, read as
/// `Double`.
///
/// A transport number of `n` bytes (2 to 8) is the first `n` bytes of an 8-byte IBM double:
///
/// | bits | meaning |
/// |---|---|
/// | 63 | sign (1 negative) |
/// | 62–56 | exponent `e`, a power of 16 in excess 64 |
/// | 55–0 | fraction `f`, 14 hexadecimal digits after the radix point |
///
/// and its value is `(-1)^sign × f / 2^56 × 16^(e − 64)`; the bytes a shorter number leaves out
/// are zero. The magnitudes range from 16^−65 ≈ 5.4 × 10^−79 to (1 − 16^−14) × 16^63 ≈ 7.2 ×
/// 10^75, all normal doubles. A fraction whose first hexadecimal digit is not zero (normalised,
/// as SAS writes every number) has 53 to 56 significant bits; the bits beyond a double's 53 are
/// dropped (rounded toward zero), as the reference routine of TS-140 and ReadStat, and so R's
/// haven, do, so that values agree with R's bit for bit. Every double in range is written
/// exactly, so a number written from a double reads back unchanged.
///
/// Missing values are the number whose fraction is zero and whose first byte is not: `.` (2E),
/// `._` (5F) and `.A`–`.Z` (41–5A) are SAS's; TS-140's reference routine reads any other first
/// byte the same way (and so does ReadStat), so `80 00 …` (what would be −0) is missing too. A
/// zero is all zero bytes.
///
/// ReadStat, which writes R's transport files, writes every magnitude too large for IBM as the
/// largest, `7F FF FF FF FF FF FF FF` (`FF …` negative), and reads that value back as ±∞; so does
/// this reader, so that an 8-byte number means what it means to R (haven writes ±∞ themselves as
/// `.`). Fractions whose first hexadecimal digit is zero, which SAS never writes, are read by the
/// definition; ReadStat reads them as if that digit were 1.
///
/// Reference: SAS Institute, "Record Layout of a SAS Version 5 or 6 Data Set in SAS Transport
/// (XPORT) Format", technical note TS-140, and its routine `xpt2ieee`; IBM, "z/Architecture
/// Principles of Operation", chapter 18 (hexadecimal floating point).
@usableFromInline
enum _IBMFloat {
  /// The byte lengths a transport number may have.
  @usableFromInline static let lengths = 2...8

  /// The bytes of an 8-byte number as a big-endian integer (the shorter lengths padded with
  /// zero bytes).
  @inlinable @inline(__always)
  static func bits(_ bytes: UnsafeRawPointer, length: Int) -> UInt64 {
    if length == 8 { return UInt64(bigEndian: bytes.loadUnaligned(as: UInt64.self)) }
    var bits: UInt64 = 0
    for index in 0..<length {
      bits |= UInt64(bytes.load(fromByteOffset: index, as: UInt8.self)) << (56 - 8 * UInt64(index))
    }
    return bits
  }

  /// The value of the `length` bytes at `bytes`, nil when they are a missing value or `length`
  /// is not 2 to 8 (ReadStat gives such a variable missing values only).
  @inlinable @inline(__always)
  static func value(_ bytes: UnsafeRawPointer, length: Int) -> Double? {
    guard lengths.contains(length) else { return nil }
    return value(bits: bits(bytes, length: length))
  }

  /// The value of an IBM double given as a big-endian integer, nil when it is a missing value.
  @inlinable @inline(__always)
  static func value(bits: UInt64) -> Double? {
    let fraction = bits & 0x00FF_FFFF_FFFF_FFFF
    guard fraction != 0 else { return bits == 0 ? 0 : nil }
    if bits & 0x7FFF_FFFF_FFFF_FFFF == 0x7FFF_FFFF_FFFF_FFFF {
      return bits >> 63 != 0 ? -.infinity : .infinity
    }
    // f / 2^56 × 16^(e − 64) is 1.m × 2^(p + 4(e − 64) − 56), where p is the position of f's
    // leading one (0 to 55); the double's 52-bit m is the bits after it, those beyond dropped.
    let leading = 63 - fraction.leadingZeroBitCount
    let exponent = leading + 4 * (Int((bits >> 56) & 0x7F) - 64) - 56 + 1023
    let mantissa =
      leading > 52 ? fraction >> UInt64(leading - 52) : fraction << UInt64(52 - leading)
    return Double(
      bitPattern: bits & 0x8000_0000_0000_0000 | UInt64(exponent) << 52 | mantissa & 0x000F_FFFF_FFFF_FFFF)
  }

  /// Whether the `length` bytes at `bytes` are a missing value (or of a length no number has).
  @inlinable @inline(__always)
  static func isMissing(_ bytes: UnsafeRawPointer, length: Int) -> Bool {
    guard lengths.contains(length) else { return true }
    let bits = bits(bytes, length: length)
    return bits & 0x00FF_FFFF_FFFF_FFFF == 0 && bits != 0
  }

  /// Whether the value is certainly smaller in magnitude than 16^`power` (its exponent says so
  /// without decoding it): `16^(e − 64)` bounds the magnitude of a fraction below 1.
  @inlinable @inline(__always)
  static func isBelow(sixteenToThe power: Int, _ bytes: UnsafeRawPointer) -> Bool {
    Int(bytes.load(as: UInt8.self) & 0x7F) - 64 <= power
  }
}
