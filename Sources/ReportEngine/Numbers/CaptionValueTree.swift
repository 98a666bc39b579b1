import Analyses
import Foundation
import SurvivalFigures

/// The values a caption can use (a figure's Mustache context), or a table's printed cells, as
/// a tree that outlives the build's figure work: what the template's named numbers read.
enum CaptionValueTree: Sendable {
  case null
  case text(String)
  case number(CaptionNumber)
  case flag(Bool)
  case list([CaptionValueTree])
  case map([(String, CaptionValueTree)])

  /// The tree of a caption context: mappings, lists, caption numbers, texts and counts.
  init(_ value: Any) {
    switch value {
    case let number as CaptionNumber: self = .number(number)
    case let text as String: self = .text(text)
    case let flag as Bool: self = .flag(flag)
    case let count as Int: self = .text(String(count))
    case let map as [String: Any]:
      self = .map(map.sorted { $0.key < $1.key }.map { ($0.key, CaptionValueTree($0.value)) })
    case let list as [Any]: self = .list(list.map { CaptionValueTree($0) })
    case let number as Double:
      self = .number(CaptionNumber(value: number, text: JournalFormat.fixed(number, decimals: 2)))
    default: self = .null
    }
  }

  /// A table's printed cells: `rows`, each row by its first cell and, for a level under a
  /// variable, by `Variable/Level`, each holding its cells by column header (with the spanning
  /// header: `Multivariable: HR (95% CI)`; the plain title too where no other column has it)
  /// and by position from 1; also `title` and `footnotes`.
  init(_ table: ReportTable) {
    var headers: [[String]] = table.columns.indices.map { [table.headerTitle($0), String($0 + 1)] }
    for index in table.columns.indices {
      let plain = table.columns[index].title.replacingOccurrences(of: "\n", with: " ")
      if table.columns.indices.filter({ table.columns[$0].title.replacingOccurrences(of: "\n", with: " ") == plain })
        .count == 1, !headers[index].contains(plain)
      {
        headers[index].append(plain)
      }
    }
    var rows: [(String, CaptionValueTree)] = []
    var parents: [(indent: Int, label: String)] = []
    for row in table.rows {
      let label = table.cell(row, 0)
      parents.removeAll { $0.indent >= row.indent }
      let cells = CaptionValueTree.map(
        table.columns.indices.flatMap { c in headers[c].map { ($0, CaptionValueTree.text(table.cell(row, c))) } })
      if let parent = parents.last { rows.append(("\(parent.label)/\(label)", cells)) }
      rows.append((label, cells))
      parents.append((row.indent, label))
    }
    self = .map([
      ("rows", .map(rows)), ("title", table.title.map { .text($0) } ?? .null),
      ("footnotes", .list(table.footnotes.map { .text($0) })),
    ])
  }

  /// The value at `key`: a mapping's key (its first entry of that name); a list's entry whose
  /// `label` or `code` is `key`, else its `key`-th entry from 1.
  func child(_ key: String) -> CaptionValueTree? {
    switch self {
    case .map(let entries): return entries.first { $0.0 == key }?.1
    case .list(let items):
      if let item = items.first(where: { $0.child("label")?.plainText == key || $0.child("code")?.plainText == key }) {
        return item
      }
      if let n = Int(key), n >= 1, n <= items.count { return items[n - 1] }
      return nil
    default: return nil
    }
  }

  /// What `child` can take here, for messages.
  var childNames: [String] {
    switch self {
    case .map(let entries): return entries.map(\.0)
    case .list(let items):
      let labels = items.compactMap { $0.child("label")?.plainText ?? $0.child("code")?.plainText }
      return labels.isEmpty ? items.indices.map { String($0 + 1) } : labels
    default: return []
    }
  }

  var plainText: String? {
    switch self {
    case .text(let text): return text
    case .number(let number): return number.text
    case .flag(let flag): return flag ? "true" : "false"
    default: return nil
    }
  }

  var kindName: String {
    switch self {
    case .null: return "nothing (no value for this figure)"
    case .text: return "a text"
    case .number: return "a number"
    case .flag: return "a yes/no value"
    case .list: return "a list"
    case .map: return "a mapping"
    }
  }
}
