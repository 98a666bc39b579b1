/// A small dense matrix of doubles stored column-major.
///
/// Used for variance–covariance and information matrices, whose size is the number of model
/// coefficients. Element (i, j) lives at `elements[i + j * rowCount]`.
public struct DenseMatrix: Equatable, Sendable, CustomStringConvertible {
  /// Number of rows.
  public let rowCount: Int
  /// Number of columns.
  public let columnCount: Int
  /// The entries, column after column.
  public private(set) var elements: [Double]

  /// Creates a matrix from its entries in column-major order.
  ///
  /// - Precondition: `elements.count == rowCount * columnCount`.
  public init(rowCount: Int, columnCount: Int, elements: [Double]) {
    precondition(
      elements.count == rowCount * columnCount,
      "DenseMatrix needs \(rowCount * columnCount) elements, got \(elements.count)")
    self.rowCount = rowCount
    self.columnCount = columnCount
    self.elements = elements
  }

  /// Creates a matrix filled with `value`.
  public init(rowCount: Int, columnCount: Int, repeating value: Double = 0) {
    self.init(
      rowCount: rowCount, columnCount: columnCount,
      elements: Array(repeating: value, count: rowCount * columnCount))
  }

  /// Creates a matrix from an array of rows.
  ///
  /// - Precondition: every row has the same length.
  public init(rows: [[Double]]) {
    let columnCount = rows.first?.count ?? 0
    var elements = [Double](repeating: 0, count: rows.count * columnCount)
    for (i, row) in rows.enumerated() {
      precondition(row.count == columnCount, "DenseMatrix row \(i) has \(row.count) entries")
      for (j, value) in row.enumerated() { elements[i + j * rows.count] = value }
    }
    self.init(rowCount: rows.count, columnCount: columnCount, elements: elements)
  }

  /// The identity matrix of the given size.
  public static func identity(_ size: Int) -> DenseMatrix {
    var matrix = DenseMatrix(rowCount: size, columnCount: size)
    for i in 0..<size { matrix[i, i] = 1 }
    return matrix
  }

  /// Entry in row `row` and column `column`.
  public subscript(row: Int, column: Int) -> Double {
    get { elements[row + column * rowCount] }
    set { elements[row + column * rowCount] = newValue }
  }

  /// The rows as arrays (convenient for JSON output).
  public var rows: [[Double]] {
    (0..<rowCount).map { i in (0..<columnCount).map { j in self[i, j] } }
  }

  /// The main diagonal.
  public var diagonal: [Double] {
    (0..<min(rowCount, columnCount)).map { self[$0, $0] }
  }

  /// The square submatrix on the given row and column indices.
  public func submatrix(_ indices: [Int]) -> DenseMatrix {
    var result = DenseMatrix(rowCount: indices.count, columnCount: indices.count)
    for (b, j) in indices.enumerated() {
      for (a, i) in indices.enumerated() { result[a, b] = self[i, j] }
    }
    return result
  }

  /// One line per row, entries separated by spaces.
  public var description: String {
    rows.map { $0.map { "\($0)" }.joined(separator: " ") }.joined(separator: "\n")
  }
}
