/// One data set read from a SAS transport (`.xpt`, versions 5 and 8), SAS (`.sas7bdat`), Stata
/// (`.dta`) or SPSS (`.sav`) file: transport files natively (``SASTransportFile``), the others
/// through ReadStat, the C library behind R's haven.
///
/// ```swift
/// let adtte = try StatisticalDataFile(contentsOfFile: "adtte.xpt")
/// if case .numbers(let aval)? = adtte.variable(named: "AVAL")?.values { … }
/// ```
///
/// The variables are columns of typed values (numbers, text, dates, datetimes) with nil for every
/// kind of missing value; see ``StatisticalVariable/Values``. R equivalent:
/// `haven::read_xpt()`, `read_sas()`, `read_dta()`, `read_sav()` with `user_na = FALSE`, except
/// that empty text is `NA` here, value labels are not read, and Stata `%tC` leap seconds are
/// removed. A transport file gives the same data set as ReadStat reads from it (the tests compare
/// the two on every fixture), apart from numbers of 2 bytes, which ReadStat reads as missing.
///
/// A SAS transport file may hold several data sets; a file with more than one is refused. Its
/// format does not record the number of rows, so in a data set of only text variables, rows at
/// the very end whose every value is blank cannot be told from the blanks that pad the last
/// 80-byte record, and are lost (as with ReadStat, and so R's haven). A missing number is not
/// blank in the file, so a data set with a numeric variable is not affected.
///
/// - Complexity: O(n) in the file size. The file is read into memory once; values go straight into
///   arrays reserved from the row count the file gives (or, for transport files, that its rows
///   have). Text of up to 15 bytes is stored inline; a longer value that repeats one of the
///   variable's last 8 distinct values shares its string. For reading a large transport file
///   lazily, use ``SASTransportFile`` (`Scripts/time-statistical-files.sh` times both).
public struct StatisticalDataFile: Sendable, Equatable {
  /// The path of the file read, as given.
  public var path: String
  /// The kind of file.
  public var format: Format
  /// The data set's name inside the file, nil when it has none (the SAS member name such as
  /// `ADTTE`; SAS data sets written by ReadStat say `DATASET`; Stata and SPSS files have none).
  public var name: String?
  /// The data set's label (SAS data set label, Stata data label, SPSS file label), nil when it
  /// has none.
  public var label: String?
  /// The number of rows (observations).
  public var rowCount: Int
  /// The variables, in file order.
  public var variables: [StatisticalVariable]

  /// A data set with the given parts.
  public init(
    path: String, format: Format, name: String? = nil, label: String? = nil, rowCount: Int,
    variables: [StatisticalVariable]
  ) {
    self.path = path
    self.format = format
    self.name = name
    self.label = label
    self.rowCount = rowCount
    self.variables = variables
  }

  /// Reads the data set in the file at `path`.
  ///
  /// The format comes from the extension (`.xpt`, `.sas7bdat`, `.dta`, `.sav`, case ignored)
  /// and must agree with the file's signature.
  /// - Parameters:
  ///   - path: The file's path.
  ///   - displayName: The name used in messages; defaults to `path` as given.
  /// - Throws: ``StatisticalFileError`` when the file cannot be read, its extension is not one of
  ///   the four or does not match its content, it is truncated, damaged or unsupported, holds
  ///   text that is not UTF-8, or (a transport file) holds more than one data set. The error
  ///   names the row and variable when the problem has them.
  public init(contentsOfFile path: String, displayName: String? = nil)
    throws(StatisticalFileError)
  {
    try self.init(contentsOfFile: path, displayName: displayName, transportThroughReadStat: false)
  }

  /// Reads the data set in the file at `path`, a transport file natively or, when
  /// `transportThroughReadStat`, through ReadStat (the tests compare the two).
  init(contentsOfFile path: String, displayName: String?, transportThroughReadStat: Bool)
    throws(StatisticalFileError)
  {
    let file = displayName ?? path
    let fileExtension = _extension(of: path)
    let expected = Format(fileExtension: fileExtension)
    let bytes = try _FileBytes(path: path, file: file)
    let signature = _ContentSignature(bytes.bytes)
    guard let expected else {
      let contentFormat: Format? =
        if case .format(let found) = signature { found } else { nil }
      throw StatisticalFileError(
        file: file,
        reason: .unsupportedExtension(fileExtension, contentFormat: contentFormat))
    }
    switch signature {
    case .format(let found) where found != expected:
      throw StatisticalFileError(
        file: file, reason: .contentMismatch(expected: expected, found: found))
    case .other(let content):
      throw StatisticalFileError(
        file: file, reason: .unrecognisedContent(expected: expected, content: content))
    default:
      break
    }
    self = try _readDataSet(
      bytes, format: expected, file: file, transportThroughReadStat: transportThroughReadStat)
    self.path = path
  }

  /// The first variable called `name` (exact spelling), or nil.
  public func variable(named name: String) -> StatisticalVariable? {
    variables.first { $0.name == name }
  }
}

/// The extension of the last path component, without its dot; empty when there is none.
func _extension(of path: String) -> String {
  let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
  guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
  return String(name[name.index(after: dot)...])
}
