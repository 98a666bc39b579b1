import Analyses
import ClinicalData
import Expressions
import Foundation
import ReportTemplates

/// The names of a Mustache caption that its values do not define, which Mustache renders as
/// nothing: `{{medain}}`, `{{logrank.p_txt}}`.
///
/// Names are resolved as Mustache resolves them: the first part of a dotted name on the stack of
/// section contexts (innermost first, then outwards to the caption's values), the other parts
/// within the value found. Inside a section over a list, a name is known when any item defines
/// it. A variable whose value is null for this figure (`{{logrank.p_text}}` with one group) is
/// reported as empty; a section over it (`{{#logrank}}…{{/logrank}}`) is the way to make text
/// conditional and is not. Values that cannot be inspected (an empty list, a list's members)
/// accept every name below them. A delimiter change (`{{=<% %>=}}`) ends the check.
enum CaptionNameCheck {
  /// An undefined or empty name, and for an undefined one the closest defined name.
  struct Unknown: Equatable {
    var name: String
    var suggestion: String?
    /// The name is defined, but its value is null for this figure.
    var isEmpty = false
  }

  /// What a section makes visible.
  private enum Frame {
    /// The section's values (several for the items of a list); names not defined by any of them
    /// are looked up further out.
    case values([Any])
    /// A context that cannot be inspected: every name is accepted.
    case anything
  }

  /// Every undefined name in `template`, in order of first use, each once.
  static func unknownNames(in template: String, context: [String: Any]) -> [Unknown] {
    var stack: [Frame] = [.values([context])]
    var unknown: [Unknown] = []
    // The names in `unknown`, to keep a caption of many names linear.
    var reported: Set<String> = []
    var rest = Substring(template)
    while let open = rest.range(of: "{{") {
      let isTriple = rest[open.upperBound...].hasPrefix("{")
      let closing = isTriple ? "}}}" : "}}"
      let start = isTriple ? rest.index(after: open.upperBound) : open.upperBound
      guard let close = rest[start...].range(of: closing) else { break }
      let tag = rest[start..<close.lowerBound].trimmingCharacters(in: .whitespaces)
      rest = rest[close.upperBound...]
      guard let sigil = tag.first else { continue }
      let name: String
      switch sigil {
      case "!", ">", "%": continue
      case "=": return unknown
      case "/":
        if stack.count > 1 { stack.removeLast() }
        continue
      case "#", "^", "&", "$", "<":
        name = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces)
      default:
        name = tag
      }
      let target = Self.stripTransforms(name)
      for helper in Self.transformNames(name) where !Self.helpers.contains(helper) {
        if reported.insert(helper).inserted {
          unknown.append(Unknown(name: helper, suggestion: SpellingSuggestion.closest(to: helper, among: Self.helpers)))
        }
      }
      let resolution = target.isEmpty || target == "." ? .known([]) : Self.resolve(target, in: stack)
      if !reported.contains(target) {
        switch resolution {
        case .unknown(let suggestion):
          unknown.append(Unknown(name: target, suggestion: suggestion))
          reported.insert(target)
        case .null where sigil != "#" && sigil != "^":
          unknown.append(Unknown(name: target, isEmpty: true))
          reported.insert(target)
        default: break
        }
      }
      switch sigil {
      case "#":
        stack.append(Self.frame(for: resolution))
      case "^":
        stack.append(.values([]))
      case "$", "<":
        stack.append(.anything)
      default:
        break
      }
    }
    return unknown
  }

  private enum Resolution {
    /// The values the name stands for; empty when they cannot be inspected.
    case known([Any])
    /// Defined, but null (or below a null value).
    case null
    case unknown(suggestion: String?)
  }

  /// `uppercase(name)` (swift-mustache's transforms) → `name`.
  /// The number helpers of ``CaptionNumber`` and Mustache's own transforms.
  static let helpers =
    CaptionNumber.transforms + [
      "capitalized", "count", "empty", "enumerated", "equalzero", "even", "first", "last", "lowercased",
      "minusone", "odd", "plusone", "reversed", "sorted", "uppercased",
    ]

  /// The transforms around a name: `fixed2` in `fixed2(median)`.
  private static func transformNames(_ name: String) -> [String] {
    name.split(separator: "(").dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
  }

  private static func stripTransforms(_ name: String) -> String {
    guard let open = name.lastIndex(of: "("), let close = name[open...].firstIndex(of: ")") else { return name }
    return String(name[name.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
  }

  private static func resolve(_ name: String, in stack: [Frame]) -> Resolution {
    let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    var values: [Any]?
    var visible: [String] = []
    for frame in stack.reversed() {
      guard case .values(let objects) = frame else { return .known([]) }
      let found = objects.compactMap { ($0 as? [String: Any])?[parts[0]] }
      if !found.isEmpty {
        values = found
        break
      }
      visible += objects.flatMap { ($0 as? [String: Any]).map { Array($0.keys) } ?? [] }
    }
    guard var current = values else {
      return .unknown(suggestion: SpellingSuggestion.closest(to: parts[0], among: Array(Set(visible))))
    }
    var path = parts[0]
    for part in parts.dropFirst() {
      if current.allSatisfy(isNull) { return .null }
      if current.contains(where: isOpaque) { return .known([]) }
      let dictionaries = current.compactMap { $0 as? [String: Any] }
      let found = dictionaries.compactMap { $0[part] }
      guard !found.isEmpty else {
        let keys = Array(Set(dictionaries.flatMap(\.keys)))
        return .unknown(suggestion: SpellingSuggestion.closest(to: part, among: keys).map { path + "." + $0 })
      }
      current = found
      path += "." + part
    }
    return current.allSatisfy(isNull) ? .null : .known(current)
  }

  /// Null values: `NSNull` and nil.
  private static func isNull(_ value: Any) -> Bool {
    if value is NSNull { return true }
    let mirror = Mirror(reflecting: value)
    return mirror.displayStyle == .optional && mirror.children.isEmpty
  }

  /// Values whose members cannot be checked: null values and lists.
  private static func isOpaque(_ value: Any) -> Bool {
    value is [Any] || isNull(value)
  }

  /// The context a section opens: a list's items, a mapping, or the same context for a flag.
  private static func frame(for resolution: Resolution) -> Frame {
    guard case .known(let values) = resolution, !values.isEmpty else { return .anything }
    var items: [Any] = []
    for value in values {
      if let list = value as? [Any] {
        items += list
      } else if value is Bool {
        continue
      } else if isOpaque(value) {
        return .anything
      } else {
        items.append(value)
      }
    }
    if items.isEmpty && values.contains(where: { $0 is [Any] }) { return .anything }
    return .values(items)
  }
}
