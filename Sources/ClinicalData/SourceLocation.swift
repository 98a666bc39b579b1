/// Where a value is: a cell of a CSV file (`lung.csv:14:3`, physical line and 1-based field
/// index), a row of one (`lung.csv:14`), or an observation of a data set file
/// (`adtte.xpt: row 17, variable AVAL`), or a variable of one (`adtte.xpt: variable AVAL`).
///
/// For CSV cells the column is the field index (1 for the first field of a row), not a
/// character offset. A line counts physical lines: a quoted value that spans two lines moves
/// every later row down by one.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  /// The file name as it appears in messages (as given by the caller, not resolved).
  public var file: String
  /// The 1-based physical line of a CSV file.
  public var line: Int?
  /// The 1-based field index of a CSV cell.
  public var column: Int?
  /// The 1-based observation of a data set file.
  public var row: Int?
  /// The variable of a data set file.
  public var variable: String?

  /// A CSV cell; `line` and `column` are 1-based.
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// A CSV row, or a place in a file without a field.
  public init(file: String, line: Int?) {
    self.file = file
    self.line = line
  }

  /// An observation of a data set file, and a variable of it.
  public init(file: String, row: Int, variable: String? = nil) {
    self.file = file
    self.row = row
    self.variable = variable
  }

  /// `file:line:column`, `file:line`, `file: row r, variable v` or `file`: the prefix of
  /// diagnostics.
  public var description: String {
    if let row {
      return "\(file): row \(row)" + (variable.map { ", variable \($0)" } ?? "")
    }
    if line == nil, let variable { return "\(file): variable \(variable)" }
    return Self.prefix(file: file, line: line, column: column)
  }
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
