import ClinicalCSV
import Analyses
import Expressions
import FigureCore

/// Where a template names the columns a figure or table reads, so that a column missing from
/// the data is reported at the key that names it:
/// `report.yaml:14:12: 'figures[0].group': unknown column 'arm' in data/aml.csv. Available
/// columns: time, status, x`.
public struct TemplateColumnKeys: Sendable {
  /// A key whose value names a column.
  struct Entry: Sendable {
    var column: String
    /// The data file the column is read from; nil: any of the figure's files.
    var file: String?
    /// The value naming the column.
    var position: TemplateKeyPosition
    /// The key's name, such as `group`.
    var name: String
  }

  var entries: [Entry] = []

  /// The keys of a Kaplan–Meier figure or survival table that name columns.
  static let kaplanMeier = ["time", "event", "group", "strata"]
  /// The keys of a forest plot that name columns.
  static let forest = ["time", "event", "treatment", "subgroups", "label", "estimate", "lower", "upper", "p", "n", "group"]
  /// The keys of a swimmer plot that name columns of the patients file.
  static let swimmerPatients = ["id-column", "end", "start", "group", "ongoing", "response-start", "response-end"]
  /// The keys of a swimmer plot that name columns of the events file.
  static let swimmerEvents = ["event-id", "event-time", "event-type"]
  /// The keys of a response table that name columns.
  static let response = ["id-column", "response", "time", "group", "death-time"]

  /// Records the text values of `keys` in `mapping` (each item of a list); a later record of
  /// the same key (a figure's own over its endpoint's) takes precedence.
  mutating func record(_ mapping: TemplateMapping, keys: [String], file: String? = nil) {
    for key in keys {
      guard let node = mapping[key] else { continue }
      let items = (try? node.list()) ?? [node]
      entries.removeAll { $0.name == key }
      for item in items {
        guard let column = try? item.string() else { continue }
        for name in column.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
          entries.append(
            Entry(column: name, file: file, position: TemplateKeyPosition(
              file: item.file, line: item.line, column: item.column, key: node.path), name: key))
        }
      }
    }
  }

  /// Records the columns of a characteristics table's `variables`: each item a column name or a
  /// mapping with a `column`.
  mutating func recordVariables(_ node: TemplateNode) {
    for item in (try? node.list()) ?? [] {
      let value = (try? item.string()) != nil ? item : (try? item.mapping(allowing: CharacteristicsTemplateKeys.variableKeys))?["column"]
      guard let value, let column = try? value.string() else { continue }
      entries.append(
        Entry(column: column, file: nil, position: TemplateKeyPosition(
          file: value.file, line: value.line, column: value.column, key: value.path), name: "variables"))
    }
  }

  /// Runs `body`, turning an unknown-column error for a recorded column into a
  /// ``TemplateError`` at the key that names it (with the same suggestion and list of
  /// available columns).
  package func locating<Value>(_ body: () throws -> Value) throws -> Value {
    do {
      return try body()
    } catch let error as CSVReadError {
      guard case .unknownColumn(let name, let suggestion, let available) = error.reason,
        let entry = entries.last(where: { $0.column == name && ($0.file == nil || $0.file == error.file) })
      else { throw error }
      let guess = suggestion.map { " Did you mean '\($0)'?" } ?? ""
      throw entry.position.error(
        "unknown column '\(name)' in \(error.file).\(guess) Available columns: \(Self.listing(available))")
    }
  }

  /// Names separated by ", ", the first 20 only, then "… (N more)", as the CSV reader lists them.
  static func listing(_ names: [String], limit: Int = 20) -> String {
    guard names.count > limit else { return names.joined(separator: ", ") }
    return names.prefix(limit).joined(separator: ", ") + ", … (\(names.count - limit) more)"
  }
}
