// Implementation goals, in order of priority:
//
// 1. Return exactly what `Double(String)` returns (correct rounding) for every decimal input.
// 2. Be fast for the values clinical tables hold (`306`, `12.5`, `-0.0274`, `1e-3`), without
//    making a String.
//
// Clinger's fast path: when the decimal significand m has at most 19 digits, m ≤ 2^53 (so m is
// an exact Double) and the decimal exponent e satisfies |e| ≤ 22 (so 10^|e| is an exact Double),
// then m × 10^e (or m / 10^-e) is a single IEEE operation on exact operands and therefore
// correctly rounded. Everything else (long significands, large exponents) goes to the
// standard library's correctly rounded conversion on the already validated text.
//
// Reference: W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990.

/// 10^0 … 10^22, every one exactly representable as a Double.
private let exactPowersOfTen: [Double] = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]

/// The number a byte range spells, or nil when it is not a number.
///
/// Grammar: `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`, or `[+-]?` followed
/// by `inf`, `infinity` or `nan` in any letter case. No surrounding spaces, no hexadecimal.
func _parseDecimal(_ text: UnsafePointer<UInt8>, count: Int) -> Double? {
  guard count > 0 else { return nil }
  var i = 0
  var isNegative = false
  if text[0] == UInt8(ascii: "-") {
    isNegative = true
    i = 1
  } else if text[0] == UInt8(ascii: "+") {
    i = 1
  }
  let afterSign = i
  var significand: UInt64 = 0
  var significantDigits = 0
  var exponent = 0
  var hasDigits = false
  var isInexact = false

  while i < count {
    let digit = text[i] &- UInt8(ascii: "0")
    if digit > 9 { break }
    hasDigits = true
    if significantDigits < 19 {
      if significand != 0 || digit != 0 {
        significand = significand &* 10 &+ UInt64(digit)
        significantDigits += 1
      }
    } else {
      exponent += 1
      if digit != 0 { isInexact = true }
    }
    i += 1
  }
  if i < count && text[i] == UInt8(ascii: ".") {
    i += 1
    while i < count {
      let digit = text[i] &- UInt8(ascii: "0")
      if digit > 9 { break }
      hasDigits = true
      if significantDigits < 19 {
        if significand != 0 || digit != 0 {
          significand = significand &* 10 &+ UInt64(digit)
          significantDigits += 1
        }
        exponent -= 1
      } else if digit != 0 {
        isInexact = true
      }
      i += 1
    }
  }
  guard hasDigits else {
    return _parseSpecialValue(text + afterSign, count: count - afterSign, isNegative: isNegative)
  }
  if i < count && text[i] | 0x20 == UInt8(ascii: "e") {
    i += 1
    var isExponentNegative = false
    if i < count && (text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-")) {
      isExponentNegative = text[i] == UInt8(ascii: "-")
      i += 1
    }
    var written = 0
    var hasExponentDigits = false
    while i < count {
      let digit = text[i] &- UInt8(ascii: "0")
      if digit > 9 { break }
      hasExponentDigits = true
      if written < 1_000_000 { written = written * 10 + Int(digit) }
      i += 1
    }
    guard hasExponentDigits else { return nil }
    exponent += isExponentNegative ? -written : written
  }
  guard i == count else { return nil }

  if significand == 0 && !isInexact { return isNegative ? -0.0 : 0.0 }
  if !isInexact && significand <= 1 << 53 && exponent >= -22 && exponent <= 22 {
    var value = Double(significand)
    if exponent < 0 {
      value /= exactPowersOfTen[-exponent]
    } else {
      value *= exactPowersOfTen[exponent]
    }
    return isNegative ? -value : value
  }
  let spelled = String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
  return Double(spelled)
}

/// `inf`, `infinity` or `nan` (any letter case) after an optional sign.
private func _parseSpecialValue(_ text: UnsafePointer<UInt8>, count: Int, isNegative: Bool)
  -> Double?
{
  func matches(_ word: StaticString) -> Bool {
    guard word.utf8CodeUnitCount == count else { return false }
    let letters = word.utf8Start
    for i in 0..<count where text[i] | 0x20 != letters[i] { return false }
    return true
  }
  if matches("inf") || matches("infinity") { return isNegative ? -.infinity : .infinity }
  if matches("nan") { return .nan }
  return nil
}
