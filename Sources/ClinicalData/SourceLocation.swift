/// A position in a source file: 1-based physical line and 1-based column.
///
/// For CSV cells the column is the field index (1 for the first field of a row), not a
/// character offset, so `lung.csv:14:3` means "line 14, third field". A line counts physical
/// lines: a quoted value that spans two lines moves every later row down by one.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  /// The file name as it appears in messages (as given by the caller, not resolved).
  public var file: String
  /// The 1-based physical line.
  public var line: Int
  /// The 1-based column (for CSV cells: the field index).
  public var column: Int

  /// Creates a location; `line` and `column` are 1-based.
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, the compiler-style prefix of diagnostics.
  public var description: String { "\(file):\(line):\(column)" }
}

extension SourceLocation {
  /// The diagnostic prefix for a position that may lack a line or a column: `file:line:col`,
  /// `file:line` or `file`.
  public static func prefix(file: String, line: Int?, column: Int?) -> String {
    switch (line, column) {
    case (let line?, let column?): "\(file):\(line):\(column)"
    case (let line?, nil): "\(file):\(line)"
    default: file
    }
  }
}
