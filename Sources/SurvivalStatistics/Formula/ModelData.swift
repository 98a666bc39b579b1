/// Named data columns for building a model frame, independent of where they came from.
///
/// Numeric columns use NaN for a missing value (R `NA`). Categorical columns use nil; their
/// levels are given explicitly (e.g. from a codebook, in the intended order, first = reference)
/// or, when omitted, are the distinct values in R's factor order: numerically when every value
/// reads as a number, otherwise lexicographically by Unicode code point.
public struct ModelData: Sendable {
  /// One column.
  public enum Column: Sendable {
    /// Numbers; NaN marks a missing value.
    case numeric([Double])
    /// Category labels; nil marks a missing value. Values outside explicit `levels` count as
    /// missing, as in R's `factor(x, levels = …)`.
    case categorical([String?], levels: [String]?)
    /// Category labels as codes: per row an index into `labels` (the distinct texts, in any
    /// order), −1 for a missing value. The same column as `.categorical` with each code
    /// replaced by its label and `levels: nil`, without a text per row.
    case coded([Int32], labels: [String])

    /// Number of values.
    public var count: Int {
      switch self {
      case .numeric(let values): return values.count
      case .categorical(let values, _): return values.count
      case .coded(let codes, _): return codes.count
      }
    }
  }

  /// Number of rows.
  public let rowCount: Int
  private let columns: [String: Column]

  /// Creates a data set.
  ///
  /// - Precondition: all columns have the same length.
  public init(columns: [String: Column]) {
    let counts = Set(columns.values.map(\.count))
    precondition(counts.count <= 1, "ModelData columns must all have the same length")
    self.rowCount = counts.first ?? 0
    self.columns = columns
  }

  /// The column with the given name.
  public subscript(name: String) -> Column? { columns[name] }

  /// The column names, sorted.
  public var columnNames: [String] { columns.keys.sorted() }
}
