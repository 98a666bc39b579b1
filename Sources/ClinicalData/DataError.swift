import Foundation

/// A problem with a CSV file or with a lookup in the table read from it.
///
/// The description is compiler-style, location first, with values in single quotes:
/// `lung.csv:14:3: column 'time' expects a number, found 'abc'`. The column of a location is
/// the 1-based field index.
public struct DataError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
  /// What went wrong.
  public enum Reason: Hashable, Sendable {
    /// The file could not be opened or read; the associated value is the system's reason.
    case unreadableFile(String)
    /// The file is 2 GiB or larger.
    case fileTooLarge(byteCount: Int)
    /// The file has no bytes other than blank lines and a byte-order mark.
    case emptyFile
    /// The file has a header row but no data rows.
    case noDataRows
    /// A header field is empty.
    case emptyColumnName
    /// A column name occurs twice; `firstColumn` is the 1-based index of its first occurrence.
    case duplicateColumnName(String, firstColumn: Int)
    /// A row has `found` fields where the header has `expected` columns.
    case fieldCountMismatch(expected: Int, found: Int, delimiter: CSVDelimiter)
    /// A quoted field has no closing quote before the end of the file.
    case unterminatedQuote
    /// Something other than a delimiter or line break follows a closing quote.
    case unexpectedCharacterAfterQuote(String)
    /// A column name that is not in the header (located at the header line).
    case unknownColumn(String, suggestion: String?, available: [String])
    /// A value in a numeric column that is not a number; `moreCount` other rows have one too.
    case notANumber(column: String, value: String, moreCount: Int)
    /// A value that is not UTF-8 text; `value` shows the offending bytes as `\xNN`. An empty
    /// `column` means the value is a column name.
    case notUTF8(column: String, value: String)
    /// A file named as CSV whose content is a data set file of another format.
    case notText(format: String, fileExtension: String)
    /// A SAS, Stata or SPSS file that cannot be read, with the reader's sentence.
    case dataSet(String)
  }

  /// The file name as given by the caller.
  public var file: String
  /// The 1-based line, when the problem has one.
  public var line: Int?
  /// The 1-based field index, when the problem has one.
  public var column: Int?
  /// The 1-based observation of a data set file, when the problem has one.
  public var row: Int?
  /// The variable of a data set file, when the problem has one.
  public var variable: String?
  /// What went wrong.
  public var reason: Reason

  /// An error at an optional line and field of `file`.
  public init(file: String, line: Int? = nil, column: Int? = nil, reason: Reason) {
    self.file = file
    self.line = line
    self.column = column
    self.reason = reason
  }

  init(at location: SourceLocation, _ reason: Reason) {
    self.init(file: location.file, line: location.line, column: location.column, reason: reason)
    self.row = location.row
    self.variable = location.variable
  }

  /// Where the problem is.
  public var location: SourceLocation {
    var location = SourceLocation(file: file, line: line)
    location.column = line == nil ? nil : column
    location.row = row
    location.variable = variable
    return location
  }

  /// The location prefix, `file:line:col`, `file:line`, `file: row r, variable v` or `file`.
  var prefix: String { location.description }

  /// The message, location first: `file:line:col: message`.
  public var description: String {
    switch reason {
    case .unreadableFile(let why):
      return "\(prefix): cannot read the file: \(why)"
    case .fileTooLarge(let byteCount):
      return "\(prefix): the file has \(byteCount) bytes; files of 2 GiB or more are not supported"
    case .emptyFile:
      return "\(prefix): the file is empty; expected a header row of column names"
    case .noDataRows:
      return "\(prefix): the file has a header row but no data rows"
    case .emptyColumnName:
      let which = column.map { "column \($0)" } ?? "a column"
      return "\(prefix): \(which) has an empty name; give every column a name in the header row"
    case .duplicateColumnName(let name, let first):
      return
        "\(prefix): duplicate column name '\(name)' (also column \(first)); column names must be unique"
    case .fieldCountMismatch(let expected, let found, let delimiter):
      let hint =
        found > expected
        ? "put values that contain \(delimiter) in double quotes"
        : "write an empty field for a missing value"
      return
        "\(prefix): row has \(found) \(found == 1 ? "field" : "fields"), but the header has \(expected) columns; \(hint)"
    case .unterminatedQuote:
      return "\(prefix): the quote that opens this field is never closed"
    case .unexpectedCharacterAfterQuote(let character):
      return
        "\(prefix): unexpected '\(character)' after the closing quote; write a quote inside a quoted field as two quotes (\"\")"
    case .unknownColumn(let name, let suggestion, let available):
      let guess = suggestion.map { " Did you mean '\($0)'?" } ?? ""
      // A file of one column is rarely data: its first line is not echoed (it may be a line
      // of any file named by mistake).
      let isDataSet = ["xpt", "sas7bdat", "dta", "sav", "zsav", "por"].contains(
        file.split(separator: ".").last.map { $0.lowercased() } ?? "")
      guard available.count > 1 || suggestion != nil || isDataSet else {
        return
          "\(prefix): unknown column '\(name)': the file's first line has no comma, semicolon or tab, so it is read as a single column; is it a CSV file with a header row of column names?"
      }
      return
        "\(prefix): unknown column '\(name)'.\(guess) Available columns: \(_listing(available.map { _abbreviated($0) }))"
    case .notANumber(let name, let value, let moreCount):
      let more = moreCount > 0 ? " (and \(moreCount) more \(moreCount == 1 ? "row" : "rows"))" : ""
      return "\(prefix): column '\(name)' expects a number, found '\(value)'\(more)"
    case .notUTF8(let name, let value):
      let what =
        name.isEmpty
        ? "the column name '\(value)' is not UTF-8" : "column '\(name)' has text that is not UTF-8, '\(value)'"
      return
        "\(prefix): \(what); save the file as UTF-8 (Excel: 'CSV UTF-8'; R: write.csv(..., fileEncoding = \"UTF-8\"))"
    case .notText(let format, let fileExtension):
      return
        "\(prefix): the file is a \(format), not text of comma-separated values; give it the extension .\(fileExtension) to read it as one"
    case .dataSet(let message):
      return "\(prefix): \(message)"
    }
  }

  /// The same text as ``description``, for `LocalizedError` consumers.
  public var errorDescription: String? { description }
}

/// Names separated by ", ", the first 20 only, then "… (N more)".
func _listing(_ names: [String], limit: Int = 20) -> String {
  guard names.count > limit else { return names.joined(separator: ", ") }
  return names.prefix(limit).joined(separator: ", ") + ", … (\(names.count - limit) more)"
}

/// `value` shortened to at most `limit` characters for a message, ending in "…" when cut.
func _abbreviated(_ value: String, limit: Int = 40) -> String {
  value.count <= limit ? value : String(value.prefix(limit - 1)) + "…"
}
