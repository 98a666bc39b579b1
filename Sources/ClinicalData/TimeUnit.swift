/// Units of time, with their length in days (a month is 30.4375 days, a year 365.25).
public enum TimeUnit: String, Hashable, Sendable, CaseIterable {
  case days, weeks, months, years
  public var days: Double {
    switch self {
    case .days: return 1
    case .weeks: return 7
    case .months: return 30.4375
    case .years: return 365.25
    }
  }
}
