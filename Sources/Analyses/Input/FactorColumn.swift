import ClinicalData
import SurvivalStatistics

/// A categorical column restricted to the analysed samples: ordered levels and each
/// sample's level (R: a `factor`).
///
/// Level order and labels follow R's `factor()` (``Factor``): numeric columns in numeric order,
/// labelled as R prints them (`1`, `2`, `0.5`, `1e+05`; `1` and `1.0` are one level); text
/// columns by Unicode code point (R's sort in the C locale), unless an explicit order is given. Only levels that occur in
/// the analysed samples are kept (R's `survfit` drops empty strata).
public struct FactorColumn: Hashable, Sendable {
  /// The column's name.
  public var name: String
  /// What the levels are used for.
  public var role: GroupingRole
  /// The level labels, in order (R: `levels(f)`).
  public var levels: [String]
  /// Per sample, the index of its level in ``levels`` (R: `as.integer(f) - 1`).
  public var codes: [Int]
  /// Whether the levels come from numbers (ordered numerically).
  public var isNumeric: Bool

  /// A factor from its parts; every code must index `levels`.
  public init(name: String, role: GroupingRole, levels: [String], codes: [Int], isNumeric: Bool) {
    self.name = name
    self.role = role
    self.levels = levels
    self.codes = codes
    self.isNumeric = isNumeric
  }

  /// The number of samples at each level (R: `table(f)`).
  public var counts: [Int] {
    var counts = [Int](repeating: 0, count: levels.count)
    for code in codes { counts[code] += 1 }
    return counts
  }
}

extension FactorColumn {
  /// The factor of `column` over the table rows `rows`.
  ///
  /// - Parameters:
  ///   - column: The categorical column.
  ///   - distinct: The column's distinct values.
  ///   - rows: The analysed table rows, none of them missing in `column`.
  ///   - role: Groups or strata, for messages.
  ///   - order: Level labels in the order wanted, or nil for R's order.
  ///   - preferred: Without `order`, levels to put first in this order (the others after them).
  /// - Throws: ``ColumnMappingError`` when `order` is empty, lists a value twice, lists a
  ///   value the column does not have or has only in excluded rows, or leaves out a value of
  ///   the analysed rows.
  init(
    column: DataColumn, distinct: DistinctValues, rows: [Int], role: GroupingRole,
    order: [String]?, preferred: [String]? = nil
  ) throws(ColumnMappingError) {
    let numbers = distinct.values.map { CSVNumber.parse($0) }
    let isNumeric = !numbers.isEmpty && !numbers.contains(nil)

    // One label per distinct value; numerically equal values share a label.
    let isInteger = Factor.isIntegerColumn(numbers.compactMap { $0 })
    let labels = isNumeric ? numbers.map { Factor.label($0 ?? .nan, isInteger: isInteger) } : distinct.values
    var labelIndex: [String: Int] = [:]
    var uniqueLabels: [String] = []
    var sortKeys: [Double] = []
    var firstRows: [Int] = []
    let labelOfValue = labels.enumerated().map { (index, label) -> Int in
      if let known = labelIndex[label] {
        firstRows[known] = min(firstRows[known], distinct.firstRows[index])
        return known
      }
      labelIndex[label] = uniqueLabels.count
      uniqueLabels.append(label)
      sortKeys.append(numbers[index] ?? 0)
      firstRows.append(distinct.firstRows[index])
      return uniqueLabels.count - 1
    }

    // Samples per label, and the first analysed row of each.
    var keptCounts = [Int](repeating: 0, count: uniqueLabels.count)
    var firstKeptRows = [Int](repeating: Int.max, count: uniqueLabels.count)
    let sampleLabels = rows.map { row -> Int in
      let label = labelOfValue[Int(distinct.codes[row])]
      keptCounts[label] += 1
      if firstKeptRows[label] == Int.max { firstKeptRows[label] = row }
      return label
    }

    let byDefault = uniqueLabels.indices.sorted { a, b in
      if isNumeric {
        let (x, y) = (sortKeys[a], sortKeys[b])
        return x < y || (!x.isNaN && y.isNaN)
      }
      return Factor.precedes(uniqueLabels[a], uniqueLabels[b])
    }
    // A preferred order (an ADaM treatment's numeric twin) ranks the levels it names first.
    let ranked =
      preferred.map { preferred in
        byDefault.enumerated().sorted { a, b in
          let (x, y) = (
            preferred.firstIndex(of: uniqueLabels[a.element]), preferred.firstIndex(of: uniqueLabels[b.element])
          )
          return (x ?? Int.max, a.offset) < (y ?? Int.max, b.offset)
        }.map(\.element)
      } ?? byDefault
    let present = ranked.filter { keptCounts[$0] > 0 }

    let ordered: [Int]
    if let order {
      let file = column.table.file
      guard !order.isEmpty else {
        throw ColumnMappingError(
          file: file,
          reason: .emptyOrder(role, column: column.name, values: present.map { uniqueLabels[$0] }))
      }
      var chosen: [Int] = []
      for entry in order {
        let key =
          isNumeric ? CSVNumber.parse(_trimmed(entry)).map { Factor.label($0, isInteger: isInteger) } : _trimmed(entry)
        guard let label = key.flatMap({ labelIndex[$0] }) else {
          // Near-miss suggestions help with names, not with numbers.
          let known = byDefault.map { uniqueLabels[$0] }
          throw ColumnMappingError(
            file: file,
            reason: .unknownOrderEntry(
              role, column: column.name, entry: entry,
              suggestion: isNumeric ? nil : SpellingSuggestion.closest(to: entry, among: known),
              values: known))
        }
        guard !chosen.contains(label) else {
          throw ColumnMappingError(
            file: file, reason: .duplicateOrderEntry(role, column: column.name, entry: entry))
        }
        guard keptCounts[label] > 0 else {
          throw ColumnMappingError(
            at: column.location(ofRow: firstRows[label]),
            .orderEntryWithoutRows(role, column: column.name, entry: entry))
        }
        chosen.append(label)
      }
      let left = present.filter { !chosen.contains($0) }
      if let first = left.min(by: { firstKeptRows[$0] < firstKeptRows[$1] }) {
        throw ColumnMappingError(
          at: column.location(ofRow: firstKeptRows[first]),
          .valuesMissingFromOrder(
            role, column: column.name, values: left.map { uniqueLabels[$0] },
            order: chosen.map { uniqueLabels[$0] }))
      }
      ordered = chosen
    } else {
      ordered = present
    }

    var levelOfLabel = [Int](repeating: -1, count: uniqueLabels.count)
    for (level, label) in ordered.enumerated() { levelOfLabel[label] = level }
    self.init(
      name: column.name, role: role, levels: ordered.map { uniqueLabels[$0] },
      codes: sampleLabels.map { levelOfLabel[$0] }, isNumeric: isNumeric)
  }
}
