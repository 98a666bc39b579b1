import Analyses
import ClinicalData
import Expressions
import FigureCore
import Foundation
import OptionSchema

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

  /// Records the columns named by `values` whose declarations in `options` name columns (a
  /// text, comma-separated texts, a list of them, or list items that are mappings with a
  /// `column`), each read from the file of its declaration's data option; a later record of the
  /// same key (a figure's own over its endpoint's) takes precedence.
  mutating func record<Request>(
    _ values: [(key: String, value: OptionValue)], options: OptionTable<Request>, files: [String: String]
  ) {
    for (key, value) in values {
      guard let declaration = options.declaration(key), declaration.namesColumns else { continue }
      entries.removeAll { $0.name == key }
      let file = files[declaration.columnSource]
      for item in Self.columnValues(value) {
        guard case .text(let text) = item.content,
          case .template(let path, let line, let column, let keyPath) = item.origin
        else { continue }
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
          entries.append(
            Entry(
              column: name, file: file,
              position: TemplateKeyPosition(file: path, line: line, column: column, key: keyPath), name: key))
        }
      }
    }
  }

  /// The values naming columns: the value itself, the items of a list, a mapping item's `column`.
  private static func columnValues(_ value: OptionValue) -> [OptionValue] {
    switch value.content {
    case .text: return [value]
    case .list(let items): return items.flatMap(columnValues)
    case .mapping(let entries): return entries.filter { $0.key == "column" }.map(\.value)
    case .flag: return []
    }
  }

  /// Runs `body`, turning an unknown-column error for a recorded column into a
  /// ``TemplateError`` at the key that names it (with the same suggestion and list of
  /// available columns).
  package func locating<Value>(_ body: () throws -> Value) throws -> Value {
    do {
      return try body()
    } catch let error as DataError {
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
