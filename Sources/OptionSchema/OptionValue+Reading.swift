import ClinicalData
import Foundation

/// Reading a value as the type an option takes. `name` is the option as the front end spells
/// it, quoted (`'--rho'`, `'rho'`); every message names it and quotes at most the offending
/// value.
extension OptionValue {
  func error(_ message: String) -> OptionError { OptionError(message, at: origin) }

  /// Text.
  public func text(_ name: String) throws(OptionError) -> String {
    guard case .text(let text) = content else { throw error("\(name) expects text, found \(shown)") }
    return text
  }

  /// Texts: a list, or one text of comma-separated items (`"a, b"`); items are trimmed and
  /// empty items dropped.
  public func texts(_ name: String) throws(OptionError) -> [String] {
    switch content {
    case .text(let text):
      return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    case .list(let items):
      var texts: [String] = []
      for item in items { texts.append(try item.text(name)) }
      return texts
    case .mapping, .flag:
      throw error("\(name) expects a list, found \(shown)")
    }
  }

  /// A finite number in `range`; `what` names the quantity (`a size in millimetres`).
  public func number(_ name: String, in range: NumberRange = .any, what: String = "a number") throws(OptionError)
    -> Double
  {
    guard case .text(let text) = content, let value = CSVNumber.parse(text.trimmingCharacters(in: .whitespaces)),
      value.isFinite
    else { throw error("\(name) expects \(what), found \(shown)") }
    try check(value, name, range)
    return value
  }

  /// A whole number in `range`.
  public func integer(_ name: String, in range: NumberRange = .any, what: String = "a whole number")
    throws(OptionError) -> Int
  {
    let value = try number(name, what: what)
    guard value == value.rounded(), abs(value) < 1e9 else { throw error("\(name) expects \(what), found \(shown)") }
    try check(value, name, range)
    return Int(value)
  }

  /// Numbers, as a list or comma-separated text, each in `range`.
  public func numbers(_ name: String, in range: NumberRange = .any) throws(OptionError) -> [Double] {
    let items: [OptionValue]
    switch content {
    case .text(let text):
      items = text.split(separator: ",").map { OptionValue(.text(String($0)), origin: origin) }
    case .list(let list):
      items = list
    case .mapping, .flag:
      throw error("\(name) expects numbers separated by commas, found \(shown)")
    }
    var values: [Double] = []
    for item in items {
      guard case .text(let text) = item.content,
        let value = CSVNumber.parse(text.trimmingCharacters(in: .whitespaces)), value.isFinite
      else { throw item.error("\(name) expects numbers separated by commas, found \(item.shown)") }
      try item.check(value, name, range)
      values.append(value)
    }
    return values
  }

  /// `true` or `false` (also `yes`/`no`, `on`/`off`); a command-line flag is true when given.
  public func bool(_ name: String) throws(OptionError) -> Bool {
    switch content {
    case .flag(let isSet): return isSet
    case .text(let text):
      switch text.lowercased() {
      case "true", "yes", "on": return true
      case "false", "no", "off": return false
      default: break
      }
    case .list, .mapping: break
    }
    throw error("\(name) expects true or false, found \(shown)")
  }

  /// One of `allowed`, with a suggestion for a near miss.
  public func choice(_ name: String, _ allowed: [String]) throws(OptionError) -> String {
    let value = try text(name)
    guard allowed.contains(value) else {
      let hint = SpellingSuggestion.closest(to: value, among: allowed).map { " Did you mean '\($0)'?" } ?? ""
      throw error("\(name) must be one of \(Self.quoted(allowed)), found \(shown).\(hint)")
    }
    return value
  }

  /// A value of a `String`-backed enumeration.
  public func choice<Choice: RawRepresentable & CaseIterable>(_ name: String, _ type: Choice.Type)
    throws(OptionError) -> Choice where Choice.RawValue == String
  {
    let raw = try choice(name, Choice.allCases.map(\.rawValue))
    return Choice(rawValue: raw)!
  }

  /// Code → text pairs, in order: a mapping (`{1: Male, 2: Female}`) or text of
  /// comma-separated `code=text` items (`"1=Male,2=Female"`).
  public func pairs(_ name: String) throws(OptionError) -> [(key: String, value: String)] {
    switch content {
    case .mapping(let entries):
      var pairs: [(key: String, value: String)] = []
      for entry in entries { pairs.append((entry.key, try entry.value.text(name))) }
      return pairs
    case .text(let text):
      var pairs: [(key: String, value: String)] = []
      for item in text.split(separator: ",") {
        let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
          throw error(
            "\(name) expects code=label pairs such as \"1=Male,2=Female\", found '\(Self.truncated(String(item)))'")
        }
        pairs.append((parts[0], parts[1]))
      }
      return pairs
    case .list, .flag:
      throw error("\(name) expects code=label pairs such as \"1=Male,2=Female\", found \(shown)")
    }
  }

  private func check(_ value: Double, _ name: String, _ range: NumberRange) throws(OptionError) {
    guard range.contains(value) else {
      throw error("\(name) must be \(range.phrase ?? "a finite number"), found \(NumberRange.text(value))")
    }
  }

  /// `'a', 'b', 'c'`.
  static func quoted(_ values: [String]) -> String {
    values.map { "'\($0)'" }.joined(separator: ", ")
  }
}
