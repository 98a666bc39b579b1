/// One cell of a simulated cohort.
public enum SimulatedValue: Sendable, Equatable {
  case text(String)
  /// A number shown with a fixed number of decimals.
  case number(Double, digits: Int)
  case missing

  /// The cell as text: numbers with exactly `digits` decimals (half away from zero, from the
  /// binary value), missing as the empty string. Pure integer arithmetic after one scaling, so
  /// the same on every machine.
  public var text: String {
    switch self {
    case .text(let s): return s
    case .missing: return ""
    case .number(let x, let digits): return _fixedDecimal(x, digits: digits)
    }
  }
}

func _fixedDecimal(_ x: Double, digits: Int) -> String {
  guard x.isFinite else { return x.isNaN ? "NaN" : (x < 0 ? "-Inf" : "Inf") }
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let scaled = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
  guard scaled < 9e15 else { return "\(x)" }
  let units = UInt64(scaled)
  var body = String(units)
  if digits > 0 {
    if body.count <= digits { body = String(repeating: "0", count: digits - body.count + 1) + body }
    body.insert(".", at: body.index(body.endIndex, offsetBy: -digits))
  }
  return (x < 0 && units != 0 ? "-" : "") + body
}

/// x rounded to `digits` decimals (half away from zero).
func _round(_ x: Double, digits: Int) -> Double {
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  return (x * scale).rounded(.toNearestOrAwayFromZero) / scale
}
