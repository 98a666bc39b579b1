import ClinicalData
import SurvivalStatistics
import Yams

/// Typed access to a composed YAML tree, with `file:line:column` in every error.
struct _SpecReader {
  let path: String

  func location(_ node: Node) -> String {
    node.mark.map { "\(path):\($0.line):\($0.column)" } ?? path
  }

  func error(_ node: Node, _ message: String) -> CohortSpecificationError {
    let place = location(node)
    return CohortSpecificationError(location: place, message: message)
  }

  /// The entries of a mapping, every key checked against `allowed` (nil: any key).
  func entries(_ node: Node, allowed: [String]?, what: String) throws(CohortSpecificationError)
    -> [(key: String, keyNode: Node, value: Node)]
  {
    guard let mapping = node.mapping else {
      throw error(node, "\(what) must be a mapping of keys to values")
    }
    var result: [(key: String, keyNode: Node, value: Node)] = []
    for (keyNode, value) in mapping {
      guard let key = keyNode.scalar?.string else {
        throw error(keyNode, "keys must be plain text")
      }
      if let allowed, !allowed.contains(key) {
        if let suggestion = SpellingSuggestion.closest(to: key, among: allowed) {
          throw error(keyNode, "unknown key '\(key)'. Did you mean '\(suggestion)'?")
        }
        throw error(
          keyNode, "unknown key '\(key)' in \(what) (allowed: \(allowed.joined(separator: ", ")))")
      }
      result.append((key, keyNode, value))
    }
    return result
  }

  func value(_ entries: [(key: String, keyNode: Node, value: Node)], _ key: String) -> Node? {
    entries.first { $0.key == key }?.value
  }

  func require(
    _ entries: [(key: String, keyNode: Node, value: Node)], _ key: String, in node: Node,
    what: String
  )
    throws(CohortSpecificationError) -> Node
  {
    guard let found = value(entries, key) else { throw error(node, "\(what) needs '\(key)'") }
    return found
  }

  func text(_ node: Node, what: String) throws(CohortSpecificationError) -> String {
    guard let scalar = node.scalar else { throw error(node, "\(what) must be a single value") }
    return scalar.string
  }

  func number(_ node: Node, what: String) throws(CohortSpecificationError) -> Double {
    let raw = try text(node, what: what)
    guard let x = Double(raw), x.isFinite else {
      throw error(node, "\(what) expects a number, found '\(raw)'")
    }
    return x
  }

  func positive(_ node: Node, what: String) throws(CohortSpecificationError) -> Double {
    let x = try number(node, what: what)
    guard x > 0 else { throw error(node, "\(what) must be greater than 0, found '\(text(node))'") }
    return x
  }

  func nonNegative(_ node: Node, what: String) throws(CohortSpecificationError) -> Double {
    let x = try number(node, what: what)
    guard x >= 0 else { throw error(node, "\(what) must be 0 or greater, found '\(text(node))'") }
    return x
  }

  func count(_ node: Node, what: String) throws(CohortSpecificationError) -> Int {
    let raw = try text(node, what: what)
    guard let n = Int(raw), n >= 0 else {
      throw error(node, "\(what) expects a whole number 0 or greater, found '\(raw)'")
    }
    return n
  }

  /// A number of patients, at most ``CohortSpecification/maximumPatients``.
  func patientCount(_ node: Node, what: String) throws(CohortSpecificationError) -> Int {
    let n = try count(node, what: what)
    guard n <= CohortSpecification.maximumPatients else {
      throw error(
        node,
        "\(what) must be at most 10,000,000, found '\(text(node))': survfig holds a simulated cohort in memory whole"
      )
    }
    return n
  }

  /// A list of values; a single value is a list of one.
  func texts(_ node: Node, what: String) throws(CohortSpecificationError) -> [String] {
    if let sequence = node.sequence {
      var result: [String] = []
      for item in sequence { result.append(try text(item, what: what)) }
      return result
    }
    return [try text(node, what: what)]
  }

  private func text(_ node: Node) -> String { node.scalar?.string ?? "" }

  /// A value that may be split `by` earlier columns: `{by: therapy, immunotherapy: …, targeted: …}`
  /// or `{by: [a, b], a1: {b1: …}}`; anything else is read by `leaf`.
  func conditional<V>(
    _ node: Node, what: String, leaf: (Node) throws(CohortSpecificationError) -> V
  ) throws(CohortSpecificationError) -> Conditional<V> {
    guard let mapping = node.mapping, let byNode = mapping["by"] else {
      return .value(try leaf(node))
    }
    return try conditional(node, columns: try texts(byNode, what: "'by'"), what: what, leaf: leaf)
  }

  private func conditional<V>(
    _ node: Node, columns: [String], what: String,
    leaf: (Node) throws(CohortSpecificationError) -> V
  ) throws(CohortSpecificationError) -> Conditional<V> {
    guard let column = columns.first else { return .value(try leaf(node)) }
    var levels: [String: Conditional<V>] = [:]
    for entry in try entries(node, allowed: nil, what: what) where entry.key != "by" {
      levels[entry.key] = try conditional(
        entry.value, columns: Array(columns.dropFirst()), what: what, leaf: leaf)
    }
    return .by(column: column, levels: levels)
  }
}
