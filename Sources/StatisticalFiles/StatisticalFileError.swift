import Foundation

/// A problem with a SAS, Stata or SPSS data file.
///
/// The description names the file first, then the row and variable when the problem has them:
/// `adtte.xpt: row 17, variable AVAL: text is not valid UTF-8: 'caf\xE9'; …`. Rows are 1-based
/// observation numbers, as SAS, Stata and SPSS count them.
public struct StatisticalFileError: Error, Hashable, Sendable, CustomStringConvertible,
  LocalizedError
{
  /// What went wrong.
  public enum Reason: Hashable, Sendable {
    /// The file could not be opened or read; the associated value is the system's reason.
    case unreadableFile(String)
    /// The file has no bytes.
    case emptyFile
    /// The file name does not end in `.xpt`, `.sas7bdat`, `.dta` or `.sav` (case ignored); the
    /// extension is given without its dot, empty when there is none, with the format the content
    /// looks like when it is one of the four.
    case unsupportedExtension(String, contentFormat: StatisticalDataFile.Format?)
    /// The extension names one format and the content is another.
    case contentMismatch(expected: StatisticalDataFile.Format, found: StatisticalDataFile.Format)
    /// The extension names a format and the content is none of the four; `content` says what it
    /// is: "its content looks like comma-separated text (CSV)", "its first bytes are 7B E5 …".
    case unrecognisedContent(expected: StatisticalDataFile.Format, content: String)
    /// A SAS transport file holding more than one data set.
    case multipleDataSets(count: Int)
    /// The file ends before its data do; `detail` says how that shows.
    case truncated(detail: String)
    /// The header gives a row count and the file holds a different number of rows.
    case rowCountMismatch(expected: Int, found: Int)
    /// ReadStat found the file damaged or written with a feature it cannot read; the associated
    /// value is ReadStat's explanation.
    case damaged(String)
    /// ReadStat does not support this version, compression or character set; the associated value
    /// is ReadStat's explanation.
    case unsupported(String)
    /// ReadStat could not convert text from the file's declared character set to UTF-8.
    case textConversion(String)
    /// Memory ran out while reading (for a damaged header, possibly an impossible size in it).
    case outOfMemory
    /// A text value, name or label whose bytes are not UTF-8 (ReadStat passes the bytes of files
    /// that declare no character set on unchanged).
    case invalidUTF8([UInt8])
    /// A value with a date display format that is no day within 2^31 days (5.8 million years) of
    /// 1970-01-01.
    case dateOutOfRange(Double, format: String)
  }

  /// The file name as given by the caller.
  public var file: String
  /// The 1-based row (observation), when the problem has one.
  public var row: Int?
  /// The variable's name, when the problem has one.
  public var variable: String?
  /// What went wrong.
  public var reason: Reason

  /// An error in `file`, optionally at a row and a variable.
  public init(file: String, row: Int? = nil, variable: String? = nil, reason: Reason) {
    self.file = file
    self.row = row
    self.variable = variable
    self.reason = reason
  }

  /// `file`, `file: row 17`, `file: variable AVAL` or `file: row 17, variable AVAL`.
  public var location: String {
    var parts: [String] = []
    if let row { parts.append("row \(row)") }
    if let variable { parts.append("variable \(variable)") }
    return parts.isEmpty ? file : "\(file): " + parts.joined(separator: ", ")
  }

  /// The message without the location.
  public var message: String {
    switch reason {
    case .unreadableFile(let why):
      return "cannot read the file: \(why)"
    case .emptyFile:
      return "the file is empty"
    case .unsupportedExtension(let fileExtension, let contentFormat):
      let named =
        fileExtension.isEmpty
        ? "the file name has no extension"
        : "'.\(fileExtension)' is not the extension of a SAS, Stata or SPSS data file"
      let hint = contentFormat.map {
        "; the content is \($0.withArticle), so rename the file to end in .\($0.fileExtension)"
      }
      return "\(named); expected .xpt, .sas7bdat, .dta or .sav" + (hint ?? "")
    case .contentMismatch(let expected, let found):
      return
        "the file is named as \(expected.withArticle) but holds \(found.withArticle); rename it to end in .\(found.fileExtension)"
    case .unrecognisedContent(let expected, let content):
      return "the file is named as \(expected.withArticle) but is not one: \(content)"
    case .multipleDataSets(let count):
      return
        "the transport file holds \(count) data sets; only files with one data set are read, so write each data set to its own file"
    case .truncated(let detail):
      return "the file is truncated: \(detail)"
    case .rowCountMismatch(let expected, let found):
      return
        "the header says \(expected) \(expected == 1 ? "row" : "rows"), but the file holds \(found); it is truncated or damaged"
    case .damaged(let why):
      return "the file is damaged or uses a feature ReadStat cannot read (\(why))"
    case .unsupported(let why):
      return "ReadStat cannot read this kind of file (\(why))"
    case .textConversion(let why):
      return "text cannot be converted to UTF-8 from the file's character set (\(why))"
    case .outOfMemory:
      return "memory ran out while reading the file; its header may claim an impossible size"
    case .invalidUTF8(let bytes):
      return
        "text is not valid UTF-8: '\(_escaped(bytes))'; write the file with UTF-8 text (SAS: a session with ENCODING=UTF8; R haven: UTF-8 strings)"
    case .dateOutOfRange(let value, let format):
      return "the value \(_number(value)) is outside the range of dates (format \(format))"
    }
  }

  /// The message, location first: `adtte.xpt: row 17, variable AVAL: …`.
  public var description: String { "\(location): \(message)" }

  /// The same text as ``description``, for `LocalizedError` consumers.
  public var errorDescription: String? { description }
}

/// `value` for a message: whole numbers below 2^53 without a fraction (`1000000000000000`),
/// others as Swift prints them (`1e+300`, `2.5`).
func _number(_ value: Double) -> String {
  value.magnitude < 0x1p53 && value.rounded() == value ? String(Int64(value)) : "\(value)"
}

/// `bytes` as text for a message: valid UTF-8 as its characters (a backslash doubled, control
/// characters escaped) and every byte that is not part of a valid sequence as `\xHH`; at most
/// `limit` bytes, then "…".
func _escaped(_ bytes: [UInt8], limit: Int = 40) -> String {
  func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return "\\x" + (digits.count == 1 ? "0" + digits : digits)
  }
  var text = ""
  var iterator = bytes.prefix(limit).makeIterator()
  var parser = Unicode.UTF8.ForwardParser()
  var offset = 0
  while true {
    switch parser.parseScalar(from: &iterator) {
    case .valid(let encoded):
      let scalar = Unicode.UTF8.decode(encoded)
      if scalar == "\\" {
        text += "\\\\"
      } else if scalar.value < 0x20 || scalar.value == 0x7F {
        text += hex(UInt8(scalar.value))
      } else {
        text.unicodeScalars.append(scalar)
      }
      offset += encoded.count
    case .error(let length):
      for byte in bytes[offset..<offset + length] { text += hex(byte) }
      offset += length
    case .emptyInput:
      return bytes.count > limit ? text + "…" : text
    }
  }
}
