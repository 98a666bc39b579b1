/// One data set of a SAS transport file (`.xpt`, versions 5 and 8), read natively and lazily:
/// the file's bytes are kept, and a value is decoded only when asked for.
///
/// ```swift
/// let adtte = try SASTransportFile(contentsOfFile: "adtte.xpt")
/// let aval = try #require(adtte.index(ofVariable: "AVAL"))
/// let first = adtte.number(atRow: 0, variable: aval)   // Double?
/// ```
///
/// A transport file is a sequence of 80-byte records: a library header, then for each data set
/// (member) a member header, a description of every variable (a *namestr*: type, length, name,
/// label, display format), in version 8 optionally records of long names, labels and formats,
/// and an `OBS` header record; then the rows, packed end to end and padded with blanks to a
/// whole record. Every row has the same width, the sum of the variables' lengths, and every
/// variable the same offset in each row, so the value in row `r` of a variable at offset `o` is
/// at `dataOffset + r × rowWidth + o`. Numbers are IBM hexadecimal floating point of 2 to 8
/// bytes (``_IBMFloat``), text is blank-padded bytes. The format does not record the number of
/// rows: trailing rows of blanks are padding (as ReadStat and SAS read them).
///
/// Values mean what they mean through ReadStat 1.1.8 (``StatisticalDataFile``, R's haven):
/// numbers with every missing value (`.`, `._`, `.A`–`.Z`) nil; text up to a NUL byte, else
/// without trailing blanks, nil when empty; a numeric variable with a SAS date format (`DATE9.`,
/// `E8601DA10.`, …) holds dates, one with a datetime format (`DATETIME20.`, `E8601DT19.`, …)
/// datetimes, counted from 1970-01-01 instead of SAS's 1960-01-01.
///
/// Reading checks what ReadStat's path checks, with the same errors: the content's signature,
/// a single data set, the header (its damage in ReadStat's words), a row cut short, a whole
/// number of 80-byte records, every text value valid UTF-8 and every date within 2^31 days of
/// 1970-01-01. The first value that fails, in row order, names its row and variable.
///
/// Where this reader and ReadStat part: numbers of 2 bytes are read (ReadStat gives them
/// missing); fractions that are not normalised are read by the definition (``_IBMFloat``); a
/// datetime must fall on a day within 2^31 days of 1970-01-01, as a date must (ReadStat's path
/// keeps any), since a table reads a datetime as its day; VAX/VMS namestrs of 136 bytes are read
/// (ReadStat reads 140); a data set without variables is read (ReadStat runs out of memory). A
/// damaged header can fail differently: for one, this reader reads the variable count from its
/// digits where ReadStat can take it for none.
///
/// - Complexity: reading is O(file size): one `read(2)` of the file, a pass over the bytes of
///   text variables to validate them and over the first byte of date variables' values.
///   Each value access is O(1) (a text value O(its length)).
///
/// Reference: SAS Institute, technical note TS-140, "Record Layout of a SAS Version 5 or 6 Data
/// Set in SAS Transport (XPORT) Format", and "The SAS Transport File Format (Version 8)"
/// (`LABELV8`, `LABELV9`, 32-character names).
public struct SASTransportFile: Sendable {
  /// The transport format version: 5 (names of up to 8 characters, labels of up to 40) or 8
  /// (names of up to 32 characters, longer labels and format names).
  public enum Version: Int, Sendable, Hashable {
    case v5 = 5
    case v8 = 8
  }

  /// The path of the file read, as given.
  public let path: String
  /// The name of the file in messages.
  public let file: String
  /// The format version.
  public let version: Version
  /// The data set's name (the SAS member name such as `ADTTE`), nil when blank.
  public let name: String?
  /// The data set's label, nil when blank.
  public let label: String?
  /// The number of rows (observations).
  public let rowCount: Int
  /// The bytes each row takes: the sum of the variables' lengths.
  public let rowWidth: Int
  /// The byte offset of the first row in the file.
  public let dataOffset: Int
  /// The variables, in file order.
  public let variables: [Variable]

  let bytes: _FileBytes

  /// Reads the SAS transport file at `path`.
  ///
  /// The extension is not looked at; the content must be a transport file.
  /// - Parameters:
  ///   - path: The file's path.
  ///   - displayName: The name used in messages; defaults to `path` as given.
  /// - Throws: ``StatisticalFileError`` when the file cannot be read, is not a transport file,
  ///   holds more than one data set, has a damaged header, is truncated, holds text that is not
  ///   UTF-8 or a date out of range; the error names the row and variable when the problem has
  ///   them.
  public init(contentsOfFile path: String, displayName: String? = nil) throws(StatisticalFileError) {
    let file = displayName ?? path
    let bytes = try _FileBytes(path: path, file: file)
    switch _ContentSignature(bytes.bytes) {
    case .format(.sasTransport):
      break
    case .format(let found):
      throw StatisticalFileError(file: file, reason: .contentMismatch(expected: .sasTransport, found: found))
    case .other(let content):
      throw StatisticalFileError(file: file, reason: .unrecognisedContent(expected: .sasTransport, content: content))
    }
    try self.init(bytes, path: path, file: file)
  }

  /// The data set in `bytes`, whose signature is a transport file's.
  init(_ bytes: _FileBytes, path: String, file: String) throws(StatisticalFileError) {
    let count = _TransportFileLayout.dataSetCount(bytes.bytes)
    if count > 1 { throw StatisticalFileError(file: file, reason: .multipleDataSets(count: count)) }
    let header = try _TransportHeader(bytes.bytes, file: file)
    let rows = _TransportRows(bytes.bytes, dataOffset: header.dataOffset, rowWidth: header.rowWidth)
    self.path = path
    self.file = file
    self.version = header.version
    self.name = header.name
    self.label = header.label
    self.rowCount = rows.count
    self.rowWidth = header.rowWidth
    self.dataOffset = header.dataOffset
    self.variables = header.variables
    self.bytes = bytes
    try checkValues()
    try rows.checkEnd(file: file)
  }

  /// The index of the first variable called `name` (exact spelling), or nil.
  public func index(ofVariable name: String) -> Int? {
    variables.firstIndex { $0.name == name }
  }

  /// Calls `body` with the file's bytes (valid only inside `body`).
  public func withUnsafeBytes<Result, Failure>(
    _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    try withExtendedLifetime(bytes) { () throws(Failure) -> Result in try body(bytes.bytes) }
  }

  /// The byte offset in the file of the value of `variable` in `row` (both 0-based).
  @inline(__always)
  public func offset(ofRow row: Int, variable: Int) -> Int {
    precondition(row >= 0 && row < rowCount, "Row \(row) is out of range 0..<\(rowCount)")
    return dataOffset + row * rowWidth + variables[variable].offset
  }
}
