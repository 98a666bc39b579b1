import ClinicalData

/// An option value or a combination of options that a request cannot take, with a sentence
/// that names the option as the front end spells it.
///
/// On the command line the description is the sentence (`'--rho' must be 0 or greater, found
/// -1`); in a template it is prefixed with the place of the value
/// (`report.yaml:12:5: 'figures[0].rho': 'rho' must be 0 or greater, found -1`).
public struct OptionError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The sentence, the same for both front ends but for the option's spelling.
  public var message: String
  /// Where the offending value was given; nil for a missing option.
  public var origin: OptionOrigin?

  public init(_ message: String, at origin: OptionOrigin?) {
    self.message = message
    self.origin = origin
  }

  public var description: String {
    switch origin {
    case .template(let file, let line, let column, let key)?:
      let location = SourceLocation.prefix(file: file, line: line, column: column)
      return key.isEmpty ? "\(location): \(message)" : "\(location): '\(key)': \(message)"
    case .commandLine?, nil:
      return message
    }
  }
}
