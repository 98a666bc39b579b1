extension StatisticalDataFile {
  /// The kind of file a data set was read from.
  ///
  /// A file's kind is taken from its extension and checked against its first bytes (its
  /// signature), so a renamed or mislabelled file is refused with a message saying what it is.
  public enum Format: String, Sendable, CaseIterable, CustomStringConvertible {
    /// SAS transport (XPORT) version 5 or 8, `.xpt`: the FDA's format for CDISC submissions.
    case sasTransport
    /// A SAS data set, `.sas7bdat`.
    case sas7bdat
    /// A Stata data file, `.dta` (versions 104 to 119: Stata 5 to 18).
    case stata
    /// An SPSS data file, `.sav` (also compressed `.zsav` content under a `.sav` name).
    case spss

    /// The extension, lowercase and without its dot: `xpt`, `sas7bdat`, `dta`, `sav`.
    public var fileExtension: String {
      switch self {
      case .sasTransport: "xpt"
      case .sas7bdat: "sas7bdat"
      case .stata: "dta"
      case .spss: "sav"
      }
    }

    /// "SAS transport file", "SAS data set", "Stata data file", "SPSS data file".
    public var description: String {
      switch self {
      case .sasTransport: "SAS transport file"
      case .sas7bdat: "SAS data set"
      case .stata: "Stata data file"
      case .spss: "SPSS data file"
      }
    }

    /// The format whose extension `fileExtension` is (without a dot, case ignored).
    public init?(fileExtension: String) {
      let lowered = fileExtension.lowercased()
      guard let format = Format.allCases.first(where: { $0.fileExtension == lowered }) else {
        return nil
      }
      self = format
    }

    /// The description with its indefinite article: "a SAS data set", "an SPSS data file".
    var withArticle: String { (self == .spss ? "an " : "a ") + description }
  }
}

extension StatisticalDataFile.Format {
  /// The format the first bytes of a file say it is (at least its first 32 bytes), or nil when
  /// they are none of the four.
  public init?(content bytes: [UInt8]) {
    guard let format = bytes.withUnsafeBytes({ _ContentSignature.format(of: $0) }) else { return nil }
    self = format
  }
}
