/// A contingency table checked and stripped of its empty rows and columns, the form the tests of
/// independence work on (empty rows and columns change no probability and no expected count).
///
/// - Throws: ``GroupComparisonError/invalidTable(_:)`` unless there is at least one row, all rows
///   have the same length k ≥ 1 and every count is ≥ 0.
func _nonEmptyCells(of table: [[Int]]) throws(GroupComparisonError) -> [[Int]] {
  guard let width = table.first?.count, width > 0 else { throw .invalidTable("no counts given") }
  guard table.allSatisfy({ $0.count == width }) else {
    throw .invalidTable("rows of \(table.map { String($0.count) }.joined(separator: ", ")) counts")
  }
  guard table.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) else { throw .invalidTable("a count is negative") }
  let rows = table.filter { $0.reduce(0, +) > 0 }
  let columns = (0..<width).filter { j in rows.contains { $0[j] > 0 } }
  return rows.map { row in columns.map { row[$0] } }
}
