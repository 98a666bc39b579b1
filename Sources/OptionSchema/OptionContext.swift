/// What a request's combination rules know of the options given: which were given, where, and
/// how the front end spells them, so that one rule gives the same sentence through both.
public struct OptionContext: Sendable {
  public let spelling: OptionSpelling
  let origins: [String: OptionOrigin]
  let names: [String: String]
  /// Where the options were given together (a template's figure mapping); nil on the command line.
  let container: OptionOrigin?

  /// The option `key` as the front end spells it, quoted: `'--strata'`, `'strata'`.
  public func name(_ key: String) -> String { names[key] ?? (spelling == .commandLine ? "'--\(key)'" : "'\(key)'") }

  /// The option `key` with a value, as the front end would write it: `'--fun cumhaz'`,
  /// `'fun: cumhaz'`.
  public func name(_ key: String, value: String) -> String {
    let bare = name(key).dropFirst().dropLast()
    return spelling == .commandLine ? "'\(bare) \(value)'" : "'\(bare): \(value)'"
  }

  /// Whether the front end gave `key`.
  public func isGiven(_ key: String) -> Bool { origins[key] != nil }

  /// An error about `key`, at its value when given, else where the options were given.
  public func error(_ key: String, _ message: String) -> OptionError {
    OptionError(message, at: origins[key] ?? container)
  }

  /// An error about the options as a whole, where they were given.
  public func error(_ message: String) -> OptionError { OptionError(message, at: container) }
}
