import ClinicalData
import SurvivalStatistics

/// The statistics of a characteristics table ("Table 1"): per variable and per column (all
/// patients and each group) the counts of each level or the summary of the values, the missing
/// counts, and the test between the groups.
///
/// Patients whose group is missing are left out of every column and counted. Percentages are of
/// the patients with a known value. Tests use the groups with a known value of the variable;
/// levels and groups without patients are dropped from contingency tables.
public struct CharacteristicsAnalysis: Sendable {
  /// A column of the table.
  public struct Column: Sendable {
    /// The value in the data (nil for all patients).
    public var code: String?
    /// The heading ("All", or the group's label).
    public var label: String
    public var patientCount: Int
  }

  /// The test of one variable.
  public struct TestResult: Sendable {
    /// Which test was used.
    public var test: CharacteristicsRequest.Test
    /// The statistic (X², t, W, F or H); nil for Fisher's exact test.
    public var statistic: Double?
    /// Degrees of freedom, where the test has them.
    public var degreesOfFreedom: Double?
    public var pValue: Double
    /// Why the automatic choice fell back to the chi-square test, if it did.
    public var note: String? = nil
    /// Whether a chi-square test had Yates's continuity correction (2 × 2 tables).
    public var isContinuityCorrected = false
  }

  /// The description of one variable.
  public struct Variable: Sendable {
    public enum Values: Sendable {
      /// Per level (in order): its label and its count per column.
      case categorical(levels: [(code: String, label: String, counts: [Int])], shownLevel: Int?)
      /// Per column, the summary of the present values.
      case continuous([NumericSummary])
    }

    public var request: CharacteristicsRequest.Variable
    /// The row's text.
    public var label: String
    public var values: Values
    /// Per column, the patients with a missing value.
    public var missing: [Int]
    /// nil without a grouping, with tests off, or with `test: none`.
    public var test: TestResult?
  }

  /// All patients first (when shown), then the groups in order.
  public let columns: [Column]
  /// The index of the all-patients column in ``columns``, if shown.
  public let overallColumn: Int?
  /// Patients left out because their group is missing.
  public let excludedCount: Int
  /// The grouping column's name.
  public let groupColumn: String?
  /// Whether variables with missing values get a "Missing" row.
  public let showsMissing: Bool
  public let variables: [Variable]
  /// Small-cell suppression: counts from 1 to one below this print as `<N`.
  public var suppressBelow: Int?

  public static let allPatientsLabel = "All"

  /// Describes `table` as `request` says.
  ///
  /// - Throws: `DataError` for unknown columns and non-numeric values of continuous
  ///   variables; `ColumnMappingError` for level or group orders that do not fit the data;
  ///   ``CharacteristicsError`` for tests that do not fit the variable or the groups.
  public init(table source: DataTable, request: CharacteristicsRequest) throws {
    let table = try request.rowSelection.apply(to: source)
    var rows = Array(0..<table.rowCount)
    var groupOf: [Int] = []
    var columns: [Column] = []
    if let name = request.groupColumn {
      let column = try table.column(named: name)
      let distinct = column.distinctValues()
      rows = rows.filter { distinct.codes[$0] != DistinctValues.missingCode }
      let factor = try FactorColumn(
        column: column, distinct: distinct, rows: rows, role: .group, order: request.groupOrder,
        preferred: request.groupOrder == nil ? ADaM.twinOrder(of: name, in: table) : nil)
      groupOf = factor.codes
      let counts = factor.counts
      columns = factor.levels.enumerated().map { index, level in
        Column(
          code: level, label: Factor.displayLabel(level, in: request.groupLabels) ?? level, patientCount: counts[index])
      }
    }
    let hasGroups = request.groupColumn != nil
    var overall: Int?
    if request.showsOverall || !hasGroups {
      columns.insert(
        Column(code: nil, label: Self.allPatientsLabel, patientCount: rows.count), at: 0)
      overall = 0
    }
    self.columns = columns
    self.overallColumn = overall
    self.excludedCount = table.rowCount - rows.count
    self.groupColumn = request.groupColumn
    self.showsMissing = request.showsMissing
    self.suppressBelow = request.suppressBelow
    let groupCount = hasGroups ? (columns.count - (overall == nil ? 0 : 1)) : 0
    let firstGroup = overall == nil ? 0 : 1
    /// The table columns of the sample at position `i` of `rows`.
    func columnsOf(_ i: Int) -> [Int] {
      var result: [Int] = []
      if let overall { result.append(overall) }
      if hasGroups { result.append(firstGroup + groupOf[i]) }
      return result
    }

    self.variables = try request.variables.map { variable in
      let column = try table.column(named: variable.column)
      let kind = try variable.kind ?? Self.inferredKind(column, rows: rows)
      let label = variable.label ?? column.label ?? variable.column
      var missing = [Int](repeating: 0, count: columns.count)
      switch kind {
      case .categorical:
        let distinct = column.distinctValues()
        var present: [Int] = []
        var presentPositions: [Int] = []
        for (i, row) in rows.enumerated() {
          if distinct.codes[row] == DistinctValues.missingCode {
            for c in columnsOf(i) { missing[c] += 1 }
          } else {
            present.append(row)
            presentPositions.append(i)
          }
        }
        let factor = try FactorColumn(
          column: column, distinct: distinct, rows: present, role: .level,
          order: variable.levelOrder)
        var counts = [[Int]](
          repeating: [Int](repeating: 0, count: columns.count), count: factor.levels.count)
        var byGroup = [[Int]](
          repeating: [Int](repeating: 0, count: groupCount), count: factor.levels.count)
        for (k, position) in presentPositions.enumerated() {
          let level = factor.codes[k]
          for c in columnsOf(position) { counts[level][c] += 1 }
          if hasGroups { byGroup[level][groupOf[position]] += 1 }
        }
        var shown: Int?
        if let wanted = variable.shownLevel {
          guard
            let index = factor.levels.firstIndex(where: {
              Self.sameLevel($0, wanted, numeric: factor.isNumeric)
            })
          else {
            throw CharacteristicsError(
              location: variable.location,
              message:
                "variable '\(variable.column)': level '\(wanted)' to show is not in the data; its levels are \(factor.levels.map { "'\($0)'" }.joined(separator: ", "))"
            )
          }
          shown = index
        }
        let levels = factor.levels.enumerated().map { index, code in
          (code: code, label: Factor.displayLabel(code, in: variable.levelLabels) ?? code, counts: counts[index])
        }
        let test =
          hasGroups && request.showsTests ? try Self.categoricalTest(byGroup, variable) : nil
        return Variable(
          request: variable, label: label, values: .categorical(levels: levels, shownLevel: shown),
          missing: missing, test: test)
      case .continuous:
        let values = try column.numericValues()
        var perColumn = [[Double]](repeating: [], count: columns.count)
        var perGroup = [[Double]](repeating: [], count: groupCount)
        for (i, row) in rows.enumerated() {
          guard let value = values[row] else {
            for c in columnsOf(i) { missing[c] += 1 }
            continue
          }
          for c in columnsOf(i) { perColumn[c].append(value) }
          if hasGroups { perGroup[groupOf[i]].append(value) }
        }
        let test =
          hasGroups && request.showsTests ? try Self.continuousTest(perGroup, variable) : nil
        return Variable(
          request: variable, label: label, values: .continuous(perColumn.map(NumericSummary.init)),
          missing: missing, test: test)
      }
    }
  }

  /// Categorical for text and for numbers with fewer than 10 distinct values among the rows.
  ///
  /// - Throws: ``ColumnMappingError`` for numbers with a few stray texts (`15kg`), which would
  ///   otherwise be counted as a level per value.
  static func inferredKind(_ column: DataColumn, rows: [Int]) throws -> CharacteristicsRequest.Kind {
    guard column.isNumeric else {
      try MixedColumn.check(
        column, remedy: "to count its values as categories, give the variable 'type: categorical'")
      return .categorical
    }
    let distinct = column.distinctValues()
    let used = Set(rows.map { distinct.codes[$0] }).subtracting([DistinctValues.missingCode])
    return used.count < 10 ? .categorical : .continuous
  }

  /// Whether a level label and a requested level name the same value (`1` and `1.0` do for
  /// numeric levels).
  static func sameLevel(_ level: String, _ wanted: String, numeric: Bool) -> Bool {
    if level == wanted { return true }
    guard numeric, let a = CSVNumber.parse(level), let b = CSVNumber.parse(wanted) else {
      return false
    }
    return a == b
  }
}

/// A characteristics table that cannot be computed as asked, at the variable's place in the
/// template.
public struct CharacteristicsError: Error, Hashable, Sendable, CustomStringConvertible {
  public var location: String?
  public var message: String
  public var description: String { location.map { "\($0): \(message)" } ?? message }
}
