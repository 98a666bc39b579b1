import FigureCore
import Foundation

/// Number formatting as journals print it: fixed decimals, P values with a floor, en-dash
/// ranges, "NR" for a median that is not reached, and the typographic minus sign.
public enum JournalFormat {
  /// `value` with exactly `decimals` digits after the point, rounding half away from zero
  /// ("0.25" at 1 decimal is "0.3", as in R's `formatC`/`sprintf` for exact halves that are
  /// representable). Negative numbers use the minus sign U+2212.
  ///
  /// From 10¹⁰ on, numbers are written in R's scientific form with as many decimals in the
  /// mantissa (at most 2): "6.64e+10", "1e+308" — a value of that size (a hazard ratio that may be
  /// infinite, a time in the wrong unit) reads better so than as dozens of digits.
  public static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "NA" : (value > 0 ? "∞" : "−∞") }
    if abs(value) >= 1e10 {
      let exponent = Int(log10(abs(value)).rounded(.down))
      return fixed(value / pow(10, Double(exponent)), decimals: min(decimals, 2)) + "e+\(exponent)"
    }
    let d = max(0, min(decimals, 15))
    var scaled = abs(value)
    for _ in 0..<d { scaled *= 10 }
    // Nudge by a relative 1e-12 so that decimal halves stored just below .5 round up.
    let rounded = (scaled * (1 + 1e-12)).rounded(.toNearestOrAwayFromZero)
    var digits = String(format: "%.0f", rounded)
    if d > 0 {
      if digits.count <= d { digits = String(repeating: "0", count: d - digits.count + 1) + digits }
      digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -d))
    }
    let isZero = rounded == 0
    return (value < 0 && !isZero ? "−" : "") + digits
  }

  /// A percentage with one decimal ("47.6"), or, when one decimal would show a value that is
  /// neither 0 nor 100 as "0.0" or "100.0", with two significant digits of its distance from
  /// the nearer end ("0.037", "99.963"), so that an exact interval for 0/10 000 reads
  /// 0.0–0.037 %, not 0.0–0.0 %.
  public static func percent(_ value: Double) -> String {
    guard value.isFinite else { return fixed(value, decimals: 1) }
    let distance = min(abs(value), abs(100 - value))
    guard distance > 0, distance < 0.05 else { return fixed(value, decimals: 1) }
    let decimals = Int((-Foundation.log10(distance)).rounded(.up)) + 1
    return fixed(value, decimals: min(decimals, 15))
  }

  /// An axis tick label: the shortest decimal that shows the break exactly ("0", "0.25", "12");
  /// from 10¹⁰ on, R's scientific form ("2.5e+10"), as a label of hundreds of digits fits no axis.
  public static func tick(_ value: Double) -> String {
    if value.isFinite, abs(value) >= 1e10 {
      let exponent = Int(log10(abs(value)).rounded(.down))
      let mantissa = value / pow(10, Double(exponent))
      return "\(tick(mantissa))e+\(exponent)"
    }
    for d in 0...6 {
      let s = fixed(value, decimals: d)
      if let back = Double(s.replacingOccurrences(of: "−", with: "-")),
        abs(back - value) <= 1e-9 * max(1, abs(value))
      {
        return s
      }
    }
    return fixed(value, decimals: 6)
  }

  /// A P value as journals print it: "<0.001" below the floor, three decimals below 0.1 and two
  /// from there on ("0.008", "0.043", "0.12", "0.90"), ">0.99" above 0.99.
  public static func pValue(_ p: Double, floor: Double = 0.001) -> String {
    guard p.isFinite else { return "NA" }
    if p < floor { return "<" + fixed(floor, decimals: decimalsOf(floor)) }
    if p > 0.99 { return ">0.99" }
    if p < 0.1 { return fixed(p, decimals: 3) }
    return fixed(p, decimals: 2)
  }

  /// "<i>P</i> = 0.003" or "<i>P</i> < 0.001", as styled text.
  public static func pValueText(_ p: Double, label: String = "", floor: Double = 0.001)
    -> StyledText
  {
    let formatted = pValue(p, floor: floor)
    let relation: String
    let number: String
    if formatted.hasPrefix("<") || formatted.hasPrefix(">") {
      relation = " " + String(formatted.prefix(1)) + " "
      number = String(formatted.dropFirst())
    } else {
      relation = " = "
      number = formatted
    }
    return StyledText(label) + .italic("P") + StyledText(relation + number)
  }

  /// An estimate with its interval: "0.28 (0.11–0.74)"; "NR" stands for a missing value.
  public static func estimate(
    _ value: Double?, lower: Double?, upper: Double?, decimals: Int
  ) -> String {
    func f(_ v: Double?) -> String { v.map { fixed($0, decimals: decimals) } ?? "NR" }
    return "\(f(value)) (\(f(lower))–\(f(upper)))"
  }

  private static func decimalsOf(_ v: Double) -> Int {
    for d in 0...10 where abs(fixed(v, decimals: d).toDouble - v) < 1e-12 { return d }
    return 3
  }
}

extension String {
  fileprivate var toDouble: Double { Double(replacingOccurrences(of: "−", with: "-")) ?? .nan }
}

#if canImport(Foundation)
  import Foundation
#endif
