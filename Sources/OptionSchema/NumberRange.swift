/// The numbers an option accepts, with the phrase that messages and the reference use.
public struct NumberRange: Hashable, Sendable {
  public var lower: Double?
  public var isLowerIncluded: Bool
  public var upper: Double?
  public var isUpperIncluded: Bool
  /// The unit after the numbers in messages (`mm`, `pt`, `dpi`).
  public var unit: String?

  public init(
    lower: Double? = nil, isLowerIncluded: Bool = true, upper: Double? = nil, isUpperIncluded: Bool = true,
    unit: String? = nil
  ) {
    self.lower = lower
    self.isLowerIncluded = isLowerIncluded
    self.upper = upper
    self.isUpperIncluded = isUpperIncluded
    self.unit = unit
  }

  /// Every finite number.
  public static let any = NumberRange()
  /// `value` and above.
  public static func atLeast(_ value: Double, unit: String? = nil) -> NumberRange {
    NumberRange(lower: value, unit: unit)
  }
  /// Above `value`.
  public static func greaterThan(_ value: Double, unit: String? = nil) -> NumberRange {
    NumberRange(lower: value, isLowerIncluded: false, unit: unit)
  }
  /// From `lower` to `upper`, both included.
  public static func between(_ lower: Double, _ upper: Double, unit: String? = nil) -> NumberRange {
    NumberRange(lower: lower, upper: upper, unit: unit)
  }
  /// A probability strictly between 0 and 1 (a confidence level).
  public static let openUnit = NumberRange(lower: 0, isLowerIncluded: false, upper: 1, isUpperIncluded: false)
  /// Above 0 and at most 1 (a P-value threshold).
  public static let unitAboveZero = NumberRange(lower: 0, isLowerIncluded: false, upper: 1)

  public func contains(_ value: Double) -> Bool {
    guard value.isFinite else { return false }
    if let lower, isLowerIncluded ? value < lower : value <= lower { return false }
    if let upper, isUpperIncluded ? value > upper : value >= upper { return false }
    return true
  }

  /// `0 or greater`, `greater than 0`, `between 30 and 1000 mm`, `greater than 0 and less
  /// than 1`; nil for every number.
  public var phrase: String? {
    let unit = self.unit.map { " \($0)" } ?? ""
    func text(_ value: Double) -> String { Self.text(value) }
    switch (lower, upper) {
    case (nil, nil): return nil
    case (let lower?, nil):
      return isLowerIncluded ? "\(text(lower))\(unit) or greater" : "greater than \(text(lower))\(unit)"
    case (nil, let upper?):
      return isUpperIncluded ? "at most \(text(upper))\(unit)" : "less than \(text(upper))\(unit)"
    case (let lower?, let upper?):
      if isLowerIncluded && isUpperIncluded { return "between \(text(lower)) and \(text(upper))\(unit)" }
      let from = isLowerIncluded ? "at least \(text(lower))" : "greater than \(text(lower))"
      let to = isUpperIncluded ? "at most \(text(upper))" : "less than \(text(upper))"
      return "\(from) and \(to)\(unit)"
    }
  }

  /// A number as messages write it: `30`, `0.95`, `1e-09`.
  public static func text(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Inf" : "Inf" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return value.description
  }
}
