/// One variable (column) of a data set read from a SAS, Stata or SPSS file: its name, label,
/// display format and values.
///
/// A numeric variable whose display format is a date or datetime format holds dates or datetimes
/// counted from 1970-01-01, whatever the program's own epoch (see ``Values``); every other numeric
/// variable holds numbers, and character variables hold text. Missing values are nil.
///
/// Value labels (SPSS and Stata, such as `0 = "Event"`) are not read: a labelled variable holds
/// its codes.
public struct StatisticalVariable: Sendable, Equatable {
  /// The variable's values, one per row, nil where missing.
  ///
  /// Missing are: SAS `.` and the special missing values `.A`–`.Z` and `._`; Stata `.` and
  /// `.a`–`.z`; SPSS system-missing values and values the variable declares user-missing (single
  /// values and ranges); and empty text. SAS stores text blank-padded and cannot tell an empty
  /// value from a missing one, and trailing blanks are removed in all four formats, so a text
  /// value of only blanks is nil too. Leading blanks are kept.
  public enum Values: Sendable, Equatable {
    /// Plain numbers.
    case numbers([Double?])
    /// Text, always valid UTF-8 (a file whose text is not is refused, never repaired).
    case texts([String?])
    /// Dates as days since 1970-01-01 (R: `as.numeric(date)`), from a date display format such
    /// as SAS `DATE9.`, Stata `%td` or SPSS `ADATE10`. A value with a fraction of a day, or an
    /// SPSS date with a time of day, falls on its day.
    case dates([Int?])
    /// Datetimes as seconds since 1970-01-01T00:00 without leap seconds (R:
    /// `as.numeric(POSIXct)`), from a datetime display format such as SAS `DATETIME20.`, Stata
    /// `%tc` or SPSS `DATETIME20`. Stata `%tC` values, which count leap seconds, have them
    /// removed.
    case dateTimes([Double?])

    /// The number of values (the data set's row count).
    public var count: Int {
      switch self {
      case .numbers(let values): values.count
      case .texts(let values): values.count
      case .dates(let values): values.count
      case .dateTimes(let values): values.count
      }
    }

    /// The number of nil values.
    public var missingCount: Int {
      switch self {
      case .numbers(let values): values.count { $0 == nil }
      case .texts(let values): values.count { $0 == nil }
      case .dates(let values): values.count { $0 == nil }
      case .dateTimes(let values): values.count { $0 == nil }
      }
    }
  }

  /// The variable's name as stored (SAS transport v5 allows 8 characters, v8 and the other
  /// formats 32 or more).
  public var name: String
  /// The variable's label (SAS, Stata and SPSS "variable label"), nil when it has none.
  public var label: String?
  /// The display format as the program spells it, nil when there is none: SAS `DATE9.`,
  /// `E8601DT19.3`, `$CHAR20.` (always with the period, whichever SAS file it came from); Stata
  /// `%td`, `%tcCCYY-NN-DD`, `%9.0g`; SPSS `ADATE10`, `F8.2`.
  public var format: String?
  /// The values, one per row.
  public var values: Values

  /// A variable with the given parts.
  public init(name: String, label: String? = nil, format: String? = nil, values: Values) {
    self.name = name
    self.label = label
    self.format = format
    self.values = values
  }
}
