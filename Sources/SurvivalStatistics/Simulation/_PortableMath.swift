/// Natural logarithm and exponential written in plain IEEE arithmetic.
///
/// Goals, in order: (1) identical results on every platform — the C library's `log` and `exp`
/// differ in the last bit between glibc, Apple's libm and others, and a simulated cohort must
/// not; (2) accuracy within a few units in the last place, ample for random variates.
///
/// `log`: x = m · 2ᵉ with m ∈ [√½, √2); log m = 2 atanh s with s = (m − 1)/(m + 1), |s| ≤ 0.172,
/// summed as the odd series 2(s + s³/3 + s⁵/5 + …) until terms vanish (≤ 22 terms).
/// `exp`: x = k ln 2 + r with |r| ≤ ½ ln 2 (ln 2 split in a high and a low part), eʳ by its Taylor
/// series (≤ 20 terms), then scaled by 2ᵏ exactly.
enum _PortableMath {
  static let ln2Hi = 6.93147180369123816490e-01
  static let ln2Lo = 1.90821492927058770002e-10
  static let ln2 = 0.693147180559945309417232121458

  static func log(_ x: Double) -> Double {
    if x.isNaN || x < 0 { return .nan }
    if x == 0 { return -.infinity }
    if x == .infinity { return .infinity }
    var exponent = Double(x.exponent)
    var m = x.significand  // [1, 2)
    if m > 1.4142135623730951 {
      m /= 2
      exponent += 1
    }
    let s = (m - 1) / (m + 1)
    let s2 = s * s
    var term = s
    var sum = 0.0
    var k = 1.0
    while true {
      let next = sum + term / k
      if next == sum { break }
      sum = next
      term *= s2
      k += 2
    }
    return (exponent * ln2Hi + 2 * sum) + exponent * ln2Lo
  }

  static func exp(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    if x > 709.78 { return .infinity }
    if x < -745.2 { return 0 }
    let k = (x / ln2).rounded(.toNearestOrEven)
    let r = (x - k * ln2Hi) - k * ln2Lo
    var term = 1.0
    var sum = 1.0
    var n = 1.0
    while true {
      term *= r / n
      let next = sum + term
      if next == sum { break }
      sum = next
      n += 1
    }
    var scale = Int(k)
    var result = sum
    // Scale in two steps so subnormal results and 2¹⁰²⁴ stay exact.
    while scale > 1000 {
      result *= 0x1p1000
      scale -= 1000
    }
    while scale < -1000 {
      result *= 0x1p-1000
      scale += 1000
    }
    return result * Double(sign: .plus, exponent: scale, significand: 1)
  }
}
