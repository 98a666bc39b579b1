import ClinicalData

/// Where a front end received an option, for messages about it.
public enum OptionOrigin: Hashable, Sendable {
  /// On the command line, as the option the user typed (`--rho`).
  case commandLine(option: String)
  /// In a template, at `file:line:column` under the key path `key` (`figures[0].rho`).
  case template(file: String, line: Int?, column: Int?, key: String)
}

/// A value of one option as a front end received it: text, a list or a mapping of further
/// values, or a command-line flag; with where it came from.
///
/// The command line gives text (`--rho 1`), lists of text (a repeated `--out`) and flags; a
/// template gives YAML scalars as text, sequences as lists and mappings as mappings, each item
/// with its own position. Every rule that reads a value reads it from here, so both front ends
/// get the same refusal for the same value.
public struct OptionValue: Sendable {
  public indirect enum Content: Sendable {
    case text(String)
    case list([OptionValue])
    case mapping([(key: String, value: OptionValue)])
    /// A command-line flag that was given (`--confidence-bands`).
    case flag(Bool)
  }

  public var content: Content
  public var origin: OptionOrigin
  /// Where the key of a mapping entry was written, for messages about the key itself.
  public var keyOrigin: OptionOrigin?

  public init(_ content: Content, origin: OptionOrigin) {
    self.content = content
    self.origin = origin
  }

  /// Text given on the command line for `option`.
  public static func commandLine(_ text: String, option: String) -> OptionValue {
    OptionValue(.text(text), origin: .commandLine(option: option))
  }

  /// The value as written, for messages: `'abc'`, `a list`, `a mapping`.
  public var shown: String {
    switch content {
    case .text(let text): "'\(OptionValue.truncated(text))'"
    case .list: "a list"
    case .mapping: "a mapping"
    case .flag(let isSet): isSet ? "true" : "false"
    }
  }

  /// Text cut to 60 characters for a message, so that a message never repeats a long value.
  static func truncated(_ text: String) -> String {
    text.count > 60 ? String(text.prefix(57)) + "…" : text
  }
}
