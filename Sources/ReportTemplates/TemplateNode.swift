import Analyses
import ClinicalData
import Expressions
import FigureCore
import OptionSchema
import Yams

/// A value in a template, with the file position and key path used in messages.
///
/// Typed accessors throw ``TemplateError``s that name `file:line:column`, the key and what
/// was expected: `Templates/os.yaml:12:5: 'figures[0].width': expected a number of
/// millimetres, found 'wide'`.
public struct TemplateNode {
  let node: Node
  /// The template's path as shown in messages.
  public let file: String
  /// The key path from the root, such as `figures[2].group-labels`.
  public let path: String

  init(_ node: Node, file: String, path: String) {
    self.node = node
    self.file = file
    self.path = path
  }

  /// The last key of the path (`width` for `figures[2].width`).
  var name: String {
    String(path.split(separator: ".").last ?? Substring(path))
  }

  /// The position of the value in the file.
  public var line: Int? { node.mark?.line }
  public var column: Int? { node.mark?.column }

  /// An error at this value.
  public func error(_ message: String) -> TemplateError {
    position.error(message)
  }

  /// Where this value is, for messages raised after the template has been read.
  public var position: TemplateKeyPosition {
    TemplateKeyPosition(file: file, line: line, column: column, key: path)
  }

  /// The value as written, for messages.
  var shown: String {
    switch node {
    case .scalar(let s): return "'\(s.string)'"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }

  // MARK: Scalars

  /// The text of a scalar.
  public func string() throws(TemplateError) -> String {
    guard case .scalar(let s) = node else { throw error("expected text, found \(shown)") }
    return s.string
  }

  /// A number.
  public func number(_ what: String = "a number") throws(TemplateError) -> Double {
    guard case .scalar(let s) = node, let value = CSVNumber.parse(s.string), value.isFinite else {
      throw error("expected \(what), found \(shown)")
    }
    return value
  }

  /// A whole number.
  public func integer(_ what: String = "a whole number") throws(TemplateError) -> Int {
    let value = try number(what)
    guard value == value.rounded(), abs(value) < 1e9 else { throw error("expected \(what), found \(shown)") }
    return Int(value)
  }

  /// `true`/`false` (also `yes`/`no`, `on`/`off`).
  public func bool() throws(TemplateError) -> Bool {
    guard case .scalar(let s) = node else { throw error("expected true or false, found \(shown)") }
    switch s.string.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default: throw error("expected true or false, found \(shown)")
    }
  }

  /// One of `allowed`, with a suggestion for a near miss.
  public func choice(_ allowed: [String]) throws(TemplateError) -> String {
    let value = try string()
    guard allowed.contains(value) else {
      let hint = SpellingSuggestion.closest(to: value, among: allowed).map { " Did you mean '\($0)'?" } ?? ""
      throw error(
        "'\(name)' must be one of \(allowed.map { "'\($0)'" }.joined(separator: ", ")), found '\(value)'.\(hint)")
    }
    return value
  }

  /// A list of numbers, written as a YAML list or as "1, 3, 5".
  public func numbers() throws(TemplateError) -> [Double] {
    if case .scalar(let s) = node {
      var values: [Double] = []
      for item in s.string.split(separator: ",") {
        let text = item.trimmingCharacters(in: .whitespaces)
        guard let v = CSVNumber.parse(text), v.isFinite else {
          throw error("expected numbers separated by commas, found '\(text)'")
        }
        values.append(v)
      }
      return values
    }
    return try list().map { item throws(TemplateError) in try item.number() }
  }

  /// A list of texts, written as a YAML list or as "a, b".
  public func strings() throws(TemplateError) -> [String] {
    if case .scalar(let s) = node {
      return s.string.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
    }
    return try list().map { item throws(TemplateError) in try item.string() }
  }

  // MARK: Collections

  /// The items of a list.
  public func list() throws(TemplateError) -> [TemplateNode] {
    guard case .sequence(let items) = node else { throw error("expected a list, found \(shown)") }
    return items.enumerated().map { TemplateNode($1, file: file, path: "\(path)[\($0)]") }
  }

  /// The entries of a mapping, in order.
  public func entries() throws(TemplateError) -> [(key: String, value: TemplateNode)] {
    guard case .mapping(let mapping) = node else { throw error("expected a mapping of keys to values, found \(shown)") }
    return mapping.map { pair in
      let key = pair.key.string ?? "\(pair.key)"
      return (key, TemplateNode(pair.value, file: file, path: path.isEmpty ? key : "\(path).\(key)"))
    }
  }

  /// The mapping's values by key, without checking the keys (to read the key that decides
  /// which keys are allowed, such as `type`).
  func uncheckedMapping() throws(TemplateError) -> TemplateMapping {
    guard case .mapping(let mapping) = node else { throw error("expected a mapping of keys to values, found \(shown)") }
    var values: [String: TemplateNode] = [:]
    for pair in mapping {
      let key = pair.key.string ?? "\(pair.key)"
      values[key] = TemplateNode(pair.value, file: file, path: path.isEmpty ? key : "\(path).\(key)")
    }
    return TemplateMapping(values: values, node: self)
  }

  /// The mapping's values by key, after checking every key is in `allowed` (with a suggestion
  /// for a typo).
  public func mapping(allowing allowed: [String]) throws(TemplateError) -> TemplateMapping {
    guard case .mapping(let mapping) = node else { throw error("expected a mapping of keys to values, found \(shown)") }
    var values: [String: TemplateNode] = [:]
    for pair in mapping {
      let keyNode = TemplateNode(pair.key, file: file, path: path)
      let key = try keyNode.string()
      let full = path.isEmpty ? key : "\(path).\(key)"
      guard allowed.contains(key) else {
        throw TemplateError(
          file: file, line: keyNode.line, column: keyNode.column, key: full,
          message: OptionTable<Never>.unknownKeyMessage(key, among: allowed))
      }
      values[key] = TemplateNode(pair.value, file: file, path: full)
    }
    return TemplateMapping(values: values, node: self)
  }
}

/// The checked keys of a template mapping.
public struct TemplateMapping {
  var values: [String: TemplateNode]
  /// The mapping itself, for errors about missing keys.
  public let node: TemplateNode

  public subscript(key: String) -> TemplateNode? { values[key] }

  /// The value of a key that must be present.
  public func required(_ key: String) throws(TemplateError) -> TemplateNode {
    guard let value = values[key] else { throw node.error("missing key '\(key)'") }
    return value
  }

  public var keys: [String] { values.keys.sorted() }
}

/// The place of a value in a template, kept for messages about it after parsing:
/// `report.yaml:12:14: 'figures[0].caption'`.
public struct TemplateKeyPosition: Hashable, Sendable {
  public var file: String
  public var line: Int?
  public var column: Int?
  /// The key path, such as `figures[0].caption`.
  public var key: String

  /// An error at this value.
  public func error(_ message: String) -> TemplateError {
    TemplateError(file: file, line: line, column: column, key: key, message: message)
  }

  /// A message at this value, formatted as a ``TemplateError``.
  public func message(_ text: String) -> String { error(text).description }
}

/// A template that cannot be used, with its position.
public struct TemplateError: Error, Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var column: Int?
  /// The key path of the offending value.
  public var key: String
  public var message: String

  public init(file: String, line: Int? = nil, column: Int? = nil, key: String, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.key = key
    self.message = message
  }

  public var description: String {
    let location = SourceLocation.prefix(file: file, line: line, column: column)
    return key.isEmpty ? "\(location): \(message)" : "\(location): '\(key)': \(message)"
  }
}
