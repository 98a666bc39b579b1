import ClinicalData
import Foundation
import SurvivalStatistics

/// The functions of the template expression language.
extension ExpressionEvaluator.Context {
  static let functions = [
    "abs", "ceiling", "coalesce", "date", "days_between", "exp", "floor", "log", "max", "min",
    "months_between", "number", "recode", "round", "sqrt", "weeks_between", "years_between",
  ]

  func call(_ name: String, _ arguments: [Expression], _ labels: [Expression?], _ offset: Int)
    throws(ExpressionError) -> ExpressionValue
  {
    func count(_ range: ClosedRange<Int>, _ usage: String) throws(ExpressionError) {
      guard range.contains(arguments.count) else {
        throw ExpressionError("\(name)() takes \(usage)", offset: offset, source: source)
      }
    }
    func number(_ v: ExpressionValue) throws(ExpressionError) -> Double? {
      switch v {
      case .missing: return nil
      case .number(let x): return x
      default: throw fail("\(name)() needs a number, found \(v.typeName)", offset)
      }
    }
    func day(_ v: ExpressionValue) throws(ExpressionError) -> Int? {
      switch v {
      case .missing: return nil
      case .date(let d): return d
      case .text(let t):
        guard let d = CalendarDate.days(of: t) else {
          throw fail("'\(t)' is not a date (use YYYY-MM-DD, DD/MM/YYYY, DD.MM.YYYY or date(x, \"MM/DD/YYYY\"))", offset)
        }
        return d
      default: throw fail("\(name)() needs dates, found \(v.typeName)", offset)
      }
    }
    if labels.contains(where: { $0 != nil }) && name != "recode" {
      throw ExpressionError("only recode() takes 'value: label' pairs", offset: offset, source: source)
    }
    let values = try arguments.map { a throws(ExpressionError) in try value(a) }
    switch name {
    case "abs", "exp", "sqrt", "floor", "ceiling", "log":
      try count(1...1, "one number")
      guard let x = try number(values[0]) else { return .missing }
      switch name {
      case "abs": return .number(Swift.abs(x))
      case "exp": return .number(Foundation.exp(x))
      case "sqrt": return x < 0 ? .missing : .number(x.squareRoot())
      case "floor": return .number(x.rounded(.down))
      case "ceiling": return .number(x.rounded(.up))
      default: return x <= 0 ? .missing : .number(Foundation.log(x))
      }
    case "round":
      try count(1...2, "a number and optionally the number of decimals")
      guard let x = try number(values[0]) else { return .missing }
      let digits = values.count == 2 ? try number(values[1]) ?? 0 : 0
      let scale = Foundation.pow(10, digits)
      return .number((x * scale).rounded(.toNearestOrEven) / scale)
    case "min", "max":
      try count(1...64, "one or more numbers")
      var result: Double?
      for v in values {
        guard let x = try number(v) else { return .missing }
        result = result.map { name == "min" ? Swift.min($0, x) : Swift.max($0, x) } ?? x
      }
      return result.map { .number($0) } ?? .missing
    case "coalesce":
      try count(1...64, "one or more values")
      return values.first { $0 != .missing } ?? .missing
    case "number":
      try count(1...1, "one value")
      switch values[0] {
      case .text(let t): return CSVNumber.parse(t).map { .number($0) } ?? .missing
      default: return values[0]
      }
    case "date":
      try count(1...2, "a value and optionally a format such as \"MM/DD/YYYY\"")
      guard case .text(let t) = values[0] else { return values[0] == .missing ? .missing : values[0] }
      if values.count == 2 {
        guard case .text(let format) = values[1] else { throw fail("date() needs its format as text", offset) }
        guard let d = CalendarDate.days(of: t, format: format) else {
          throw fail("'\(t)' does not match the date format '\(format)'", offset)
        }
        return .date(d)
      }
      return try day(values[0]).map { .date($0) } ?? .missing
    case "days_between", "weeks_between", "months_between", "years_between":
      try count(2...2, "two dates: from and to")
      guard let from = try day(values[0]), let to = try day(values[1]) else { return .missing }
      let unit: TimeUnit =
        name.hasPrefix("days") ? .days : name.hasPrefix("weeks") ? .weeks : name.hasPrefix("months") ? .months : .years
      return .number(Double(to - from) / unit.days)
    case "recode":
      guard arguments.count >= 2 else {
        throw ExpressionError(
          "recode() takes a value and 'value: label' pairs, e.g. recode(sex, 1: \"Male\", 2: \"Female\")",
          offset: offset, source: source)
      }
      let subject = values[0]
      guard subject != .missing else { return .missing }
      var fallback: ExpressionValue = .missing
      for index in 1..<arguments.count {
        guard let key = labels[index] else {
          throw ExpressionError(
            "recode() needs 'value: label' pairs after its first argument", offset: offset, source: source)
        }
        if case .column("else", _) = key {
          fallback = values[index]
        } else if try Self.equal(subject, try value(key)) == true {
          return values[index]
        }
      }
      return fallback
    default:
      let hint = SpellingSuggestion.closest(to: name, among: Self.functions).map { " Did you mean '\($0)'?" } ?? ""
      throw ExpressionError("unknown function '\(name)'.\(hint)", offset: offset, source: source)
    }
  }
}
