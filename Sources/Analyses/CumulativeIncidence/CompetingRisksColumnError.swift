import ClinicalData

/// A table whose columns cannot be read as competing-risks data as asked: a status value that
/// is neither the event of interest, a competing event nor a censoring; an event code that
/// does not occur; no rows left.
///
/// The description is compiler-style, location first: `pbc.csv:12:5: column 'status' has
/// status '3', which is …`.
public struct CompetingRisksColumnError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Where the problem is: a cell, or the file alone.
  public var location: SourceLocation
  /// What went wrong and what to do.
  public var message: String

  public init(at location: SourceLocation, message: String) {
    self.location = location
    self.message = message
  }

  public init(file: String, message: String) {
    self.init(at: SourceLocation(file: file, line: nil), message: message)
  }

  public var description: String { "\(location): \(message)" }
}
