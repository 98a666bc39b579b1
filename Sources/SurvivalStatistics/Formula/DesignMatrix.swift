/// Covariate columns of a regression model, with the term each column belongs to.
///
/// Columns are stored one contiguous array per column (column-major). A term (R: one entry of
/// `term.labels`) owns a contiguous range of columns: one for a numeric variable, k − 1 for a
/// factor with k levels, the products of its variables' columns for an interaction. Joint tests
/// of a factor ("overall p") use a term's `columns`.
public struct DesignMatrix: Sendable {
  /// A model term and the columns it generates.
  public struct Term: Equatable, Sendable {
    /// R's term label (`age`, `celltype`, `sex:ph.ecog`, `factor(x)`).
    public let label: String
    /// The variables of the term, as written in the formula.
    public let variables: [String]
    /// Indices of the term's columns.
    public let columns: Range<Int>

    /// Creates a term.
    public init(label: String, variables: [String], columns: Range<Int>) {
      self.label = label
      self.variables = variables
      self.columns = columns
    }

    /// Number of columns (the term's degrees of freedom when none is aliased).
    public var columnCount: Int { columns.count }
  }

  /// Number of rows (observations).
  public let rowCount: Int
  /// The columns; `columns[j][i]` is the value of column j in row i.
  public let columns: [[Double]]
  /// One label per column.
  public let labels: [CoefficientLabel]
  /// The terms, in model order, covering all columns.
  public let terms: [Term]

  /// Creates a design matrix.
  ///
  /// - Precondition: all columns have `rowCount` values, there is one label per column, and
  ///   the terms' column ranges partition the columns in order.
  public init(rowCount: Int, columns: [[Double]], labels: [CoefficientLabel], terms: [Term]) {
    precondition(labels.count == columns.count, "DesignMatrix needs one label per column")
    for (j, column) in columns.enumerated() {
      precondition(
        column.count == rowCount,
        "DesignMatrix column \(j) ('\(labels[j].name)') has \(column.count) values, expected \(rowCount)")
    }
    var next = 0
    for term in terms {
      precondition(term.columns.lowerBound == next, "DesignMatrix terms must cover the columns in order")
      next = term.columns.upperBound
    }
    precondition(next == columns.count, "DesignMatrix terms must cover all columns")
    self.rowCount = rowCount
    self.columns = columns
    self.labels = labels
    self.terms = terms
  }

  /// A design of plain numeric columns, each its own term named by `names`.
  ///
  /// - Precondition: `names.count == columns.count` and equal column lengths.
  public init(columns: [[Double]], names: [String]) {
    precondition(names.count == columns.count, "DesignMatrix needs one name per column")
    self.init(
      rowCount: columns.first?.count ?? 0, columns: columns,
      labels: names.map { CoefficientLabel(numeric: $0) },
      terms: names.enumerated().map { Term(label: $1, variables: [$1], columns: $0..<($0 + 1)) })
  }

  /// Number of columns.
  public var columnCount: Int { columns.count }

  /// The R coefficient names.
  public var columnNames: [String] { labels.map(\.name) }

  /// The design restricted to the terms at the given positions (in that order).
  public func keepingTerms(at positions: [Int]) -> DesignMatrix {
    var newColumns: [[Double]] = []
    var newLabels: [CoefficientLabel] = []
    var newTerms: [Term] = []
    for position in positions {
      let term = terms[position]
      let start = newColumns.count
      for j in term.columns {
        newColumns.append(columns[j])
        newLabels.append(labels[j])
      }
      newTerms.append(
        Term(label: term.label, variables: term.variables, columns: start..<newColumns.count))
    }
    return DesignMatrix(rowCount: rowCount, columns: newColumns, labels: newLabels, terms: newTerms)
  }
}
