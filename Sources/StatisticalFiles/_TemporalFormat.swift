/// How a numeric variable's display format says its values count time, and how they become days or
/// seconds since 1970-01-01.
///
/// SAS, Stata and SPSS store dates and datetimes as plain numbers; only the display format tells
/// that a number is a date, and each program counts from its own epoch:
///
/// | program | dates | datetimes |
/// |---|---|---|
/// | SAS | days since 1960-01-01 | seconds since 1960-01-01T00:00 |
/// | Stata | `%td`: days since 1960-01-01 | `%tc`: milliseconds since 1960-01-01T00:00; `%tC`: the same counting leap seconds |
/// | SPSS | seconds since 1582-10-14 | seconds since 1582-10-14T00:00 |
///
/// 1960-01-01 is 3,653 days (315,619,200 s) before 1970-01-01; 1582-10-14, the first day of the
/// Gregorian calendar's table in SPSS, is 141,428 days (12,219,379,200 s) before it.
///
/// Formats that show only a time of day or a duration (SAS `TIME.`, `HHMM.`; SPSS `TIME`, `DTIME`),
/// and Stata's weekly, monthly, quarterly, half-yearly and yearly counts (`%tw`, `%tm`, `%tq`,
/// `%th`, `%ty`) are not dates: their variables stay numbers, as do unknown formats.
enum _TemporalFormat: Equatable {
  /// Days since 1960-01-01 (SAS dates, Stata `%td`).
  case days1960
  /// Seconds since 1582-10-14 shown as dates (SPSS `DATE`, `ADATE`, …).
  case dateSeconds1582
  /// Seconds since 1960-01-01T00:00 (SAS datetimes).
  case seconds1960
  /// Milliseconds since 1960-01-01T00:00 without leap seconds (Stata `%tc`).
  case milliseconds1960
  /// Milliseconds since 1960-01-01T00:00 counting leap seconds (Stata `%tC`).
  case millisecondsWithLeapSeconds1960
  /// Seconds since 1582-10-14T00:00 (SPSS `DATETIME`, `YMDHMS`).
  case seconds1582

  static let days1960To1970 = 3653.0
  static let seconds1960To1970 = 315_619_200.0
  static let days1582To1970 = 141_428.0
  static let seconds1582To1970 = 12_219_379_200.0

  /// Whether the values are dates (days) rather than datetimes (seconds).
  var isDate: Bool { self == .days1960 || self == .dateSeconds1582 }

  /// The temporal meaning of `format` in a file of kind `file`, or nil when its values are plain
  /// numbers.
  init?(format: String, in file: StatisticalDataFile.Format) {
    switch file {
    case .sasTransport, .sas7bdat:
      let name = _TemporalFormat.formatName(format)
      if _TemporalFormat.sasDates.contains(name) {
        self = .days1960
      } else if _TemporalFormat.sasDateTimes.contains(name) {
        self = .seconds1960
      } else {
        return nil
      }
    case .stata:
      // %[-]t<unit><display details>, or the pre-Stata 10 date format %d<details>.
      var rest = Substring(format)
      guard rest.first == "%" else { return nil }
      rest = rest.dropFirst()
      if rest.first == "-" { rest = rest.dropFirst() }
      if rest.hasPrefix("td") || rest.hasPrefix("d") {
        self = .days1960
      } else if rest.hasPrefix("tc") {
        self = .milliseconds1960
      } else if rest.hasPrefix("tC") {
        self = .millisecondsWithLeapSeconds1960
      } else {
        return nil
      }
    case .spss:
      let name = _TemporalFormat.formatName(format)
      if _TemporalFormat.spssDates.contains(name) {
        self = .dateSeconds1582
      } else if _TemporalFormat.spssDateTimes.contains(name) {
        self = .seconds1582
      } else {
        return nil
      }
    }
  }

  /// The day since 1970-01-01 that `value` falls on (a date with a time of day, or a fraction
  /// of a day, falls on its day), or nil when it is more than 2^31 days away.
  func days(_ value: Double) -> Int? {
    let days: Double
    switch self {
    case .days1960: days = value.rounded(.down) - _TemporalFormat.days1960To1970
    case .dateSeconds1582:
      days = (value / 86_400).rounded(.down) - _TemporalFormat.days1582To1970
    default: days = (seconds(value) / 86_400).rounded(.down)
    }
    guard days.magnitude < 0x1p31 else { return nil }
    return Int(days)
  }

  /// The seconds since 1970-01-01T00:00 that `value` stands for.
  func seconds(_ value: Double) -> Double {
    switch self {
    case .days1960: (value - _TemporalFormat.days1960To1970) * 86_400
    case .dateSeconds1582, .seconds1582: value - _TemporalFormat.seconds1582To1970
    case .seconds1960: value - _TemporalFormat.seconds1960To1970
    // Subtracting in milliseconds first keeps whole-millisecond values exact.
    case .milliseconds1960: (value - _TemporalFormat.seconds1960To1970 * 1000) / 1000
    case .millisecondsWithLeapSeconds1960:
      (value - _TemporalFormat.seconds1960To1970 * 1000) / 1000 - _leapSeconds(before: value)
    }
  }

  /// The name part of a SAS or SPSS format: without the `w.d` width and decimals at its end
  /// (`DATE9.` → `DATE`, `E8601DT19.3` → `E8601DT`, `ADATE10` → `ADATE`), uppercased.
  static func formatName(_ format: String) -> String {
    let trimmed = format.utf8.reversed().drop {
      ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".")
    }
    return String(decoding: trimmed.reversed(), as: UTF8.self).uppercased()
  }

  /// SAS formats of date values, with the separator variants of the day-month-year families
  /// (`YYMMDDN.`, `DDMMYYS.`, …): B blank, C colon, D dash, N none, P period, S slash.
  static let sasDates: Set<String> = {
    var names: Set<String> = [
      "DATE", "DAY", "DOWNAME", "E8601DA", "B8601DA", "IS8601DA", "JULDAY", "JULIAN", "MINGUO",
      "MONNAME", "MONTH", "MONYY", "NENGO", "NLDATE", "QTR", "QTRR", "WEEKDATE", "WEEKDATX",
      "WEEKDAY", "WORDDATE", "WORDDATX", "YEAR", "YYMON",
    ]
    for family in ["DDMMYY", "MMDDYY", "YYMMDD", "MMYY", "YYMM", "YYQ", "YYQR"] {
      names.insert(family)
      for separator in ["B", "C", "D", "N", "P", "S"] { names.insert(family + separator) }
    }
    return names
  }()

  /// SAS formats of datetime values.
  static let sasDateTimes: Set<String> = [
    "DATETIME", "DATEAMPM", "DTDATE", "DTMONYY", "DTWKDATX", "DTYEAR", "DTYYQC", "E8601DT",
    "B8601DT", "IS8601DT", "E8601DN", "B8601DN", "E8601DZ", "B8601DZ", "IS8601DZ", "MDYAMPM",
    "NLDATM",
  ]

  /// SPSS formats of date values (`QYR`, `MOYR` and `WKYR` show a date's quarter, month or week).
  static let spssDates: Set<String> = [
    "DATE", "ADATE", "EDATE", "JDATE", "SDATE", "QYR", "MOYR", "WKYR",
  ]

  /// SPSS formats of datetime values.
  static let spssDateTimes: Set<String> = ["DATETIME", "YMDHMS"]
}
