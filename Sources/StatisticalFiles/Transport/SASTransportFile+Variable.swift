extension SASTransportFile {
  /// One variable of a transport data set: its name, label, display format, what its values are,
  /// and where they are in each row.
  public struct Variable: Sendable, Hashable {
    /// What a variable's values are.
    public enum Kind: Sendable, Hashable {
      /// Numbers (a numeric variable without a date or datetime format).
      case number
      /// Text (a character variable).
      case text
      /// Dates: a numeric variable with a SAS date format (`DATE9.`, `YYMMDD10.`, …), stored as
      /// days since 1960-01-01 and given as days since 1970-01-01.
      case date
      /// Datetimes: a numeric variable with a SAS datetime format (`DATETIME20.`,
      /// `E8601DT19.`, …), stored as seconds since 1960-01-01T00:00 and given as seconds since
      /// 1970-01-01T00:00.
      case dateTime
    }

    /// The name: from the namestr (8 characters in version 5, 32 in version 8), or a version 8
    /// `LABELV8`/`LABELV9` record.
    public var name: String
    /// The label: from the namestr (40 characters) or a `LABELV8`/`LABELV9` record; nil when
    /// blank.
    public var label: String?
    /// The display format as SAS spells it, with its period (`DATE9.`, `DATETIME22.2`, `8.2`,
    /// `$CHAR20.`): the namestr's format name, width and decimals, or the format of a `LABELV9`
    /// record; nil when there is none. The same text as ``StatisticalVariable/format``.
    public var format: String?
    /// What the values are.
    public var kind: Kind
    /// The byte offset of the variable's value in a row.
    public var offset: Int
    /// The bytes the value takes: 2 to 8 for a number (ReadStat reads 3 to 8), any for text.
    public var length: Int

    /// A variable with the given parts.
    public init(name: String, label: String?, format: String?, kind: Kind, offset: Int, length: Int) {
      self.name = name
      self.label = label
      self.format = format
      self.kind = kind
      self.offset = offset
      self.length = length
    }

    /// Whether the values are stored as numbers (numbers, dates and datetimes).
    public var isNumeric: Bool { kind != .text }
  }
}

extension SASTransportFile.Variable.Kind {
  /// The kind of a variable of namestr type `type` (1 numeric, 2 character; ReadStat takes any
  /// other as numeric) with display format `format` (as ReadStat builds it, without a final
  /// period), as ``StatisticalDataFile`` reads it.
  init(type: Int, format: String?) {
    if type == 2 {
      self = .text
      return
    }
    switch format.flatMap({ _TemporalFormat(format: $0, in: .sasTransport) }) {
    case .some(let temporal) where temporal.isDate: self = .date
    case .some: self = .dateTime
    case nil: self = .number
    }
  }
}
