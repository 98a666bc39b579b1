import ClinicalData
import Foundation
import SurvivalStatistics

/// A value of the template expression language.
public enum ExpressionValue: Hashable, Sendable {
  case missing
  case number(Double)
  case text(String)
  case boolean(Bool)
  /// Days since 1970-01-01 (proleptic Gregorian calendar).
  case date(Int)

  /// The value as a CSV cell holds it: numbers in shortest form, dates as ISO 8601,
  /// booleans as TRUE/FALSE; nil when missing.
  public var cell: String? {
    switch self {
    case .missing: return nil
    case .number(let v): return v.isFinite ? CSVNumber.text(v) : nil
    case .text(let t): return t
    case .boolean(let b): return b ? "TRUE" : "FALSE"
    case .date(let d): return CalendarDate.iso(d)
    }
  }

  /// Values as a table column called `name`: numbers, text, dates or true/false values when every
  /// present value is of that kind (all missing: numbers), text of their cells otherwise.
  public static func column(named name: String, _ values: [ExpressionValue]) -> DataTable.NewColumn {
    var numbers: [Double?] = []
    var texts: [String?] = []
    var dates: [Int?] = []
    var logicals: [Bool?] = []
    var kinds = Set<Int>()
    for value in values {
      switch value {
      case .missing: break
      case .number: kinds.insert(0)
      case .text: kinds.insert(1)
      case .date: kinds.insert(2)
      case .boolean: kinds.insert(3)
      }
    }
    switch kinds.count == 1 ? kinds.first! : (kinds.isEmpty ? 0 : 1) {
    case 0:
      numbers = values.map { if case .number(let v) = $0, v.isFinite { return v } else { return nil } }
      return DataTable.NewColumn(name: name, numbers: numbers)
    case 2:
      dates = values.map { if case .date(let d) = $0 { return d } else { return nil } }
      return DataTable.NewColumn(name: name, dates: dates)
    case 3:
      logicals = values.map { if case .boolean(let b) = $0 { return b } else { return nil } }
      return DataTable.NewColumn(name: name, logicals: logicals)
    default:
      texts = values.map(\.cell)
      return DataTable.NewColumn(name: name, texts: texts)
    }
  }

  var typeName: String {
    switch self {
    case .missing: return "missing"
    case .number: return "a number"
    case .text: return "text"
    case .boolean: return "true/false"
    case .date: return "a date"
    }
  }
}

extension CalendarDate {
  /// `YYYY-MM-DD` of a day number.
  static func iso(_ days: Int) -> String { CalendarDate(daysSinceEpoch: days).description }

  static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

  /// The day number of ISO 8601 (`2019-03-14`, a time part is ignored), day-first numeric
  /// dates (`14/03/2019`, `14.03.2019`, `14-03-2019`) and `14 Mar 2019`. Month-first dates
  /// need an explicit format (``days(of:format:)``) because `03/04/2019` is ambiguous.
  static func days(of text: String) -> Int? {
    let t = text.trimmingCharacters(in: .whitespaces)
    let parts = t.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." || $0 == " " || $0 == "T" })
      .map(String.init)
    guard parts.count >= 3 else { return nil }
    if parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) {
      return CalendarDate(year: y, month: m, day: d)?.daysSinceEpoch
    }
    guard parts.count == 3, let d = Int(parts[0]), let y = Int(parts[2]), parts[2].count == 4 else { return nil }
    if let m = Int(parts[1]) { return CalendarDate(year: y, month: m, day: d)?.daysSinceEpoch }
    if let index = monthNames.firstIndex(of: String(parts[1].lowercased().prefix(3))) {
      return CalendarDate(year: y, month: index + 1, day: d)?.daysSinceEpoch
    }
    return nil
  }

  /// The day number of `text` laid out as `format`, made of `YYYY`, `MM`, `DD` and
  /// separators (`"MM/DD/YYYY"`).
  static func days(of text: String, format: String) -> Int? {
    let fields = format.split(whereSeparator: { !$0.isLetter }).map { $0.uppercased() }
    let values = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { !$0.isNumber })
    guard fields.count == 3, values.count == 3 else { return nil }
    var y: Int?
    var m: Int?
    var d: Int?
    for (field, value) in zip(fields, values) {
      switch field {
      case "YYYY": y = value.count == 4 ? Int(value) : nil
      case "MM", "M": m = Int(value)
      case "DD", "D": d = Int(value)
      default: return nil
      }
    }
    guard let y, let m, let d else { return nil }
    return CalendarDate(year: y, month: m, day: d)?.daysSinceEpoch
  }
}
