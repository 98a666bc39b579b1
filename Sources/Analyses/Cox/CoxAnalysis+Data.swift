import ClinicalData
import SurvivalStatistics

extension CoxAnalysis {
  /// Every column of the table: numeric columns as numbers, the others as categories; the
  /// formula's event column recoded to 0/1 when event or censoring codes are given.
  ///
  /// The columns the formula uses are checked as `km` checks its columns: a time must be a
  /// number, finite and (unless it is the stop of an interval) ≥ 0; a column the formula uses
  /// as a number must not be numbers with a few stray texts (`15kg`), which would silently
  /// make it a factor with a level per value.
  /// - Throws: ``DataError`` for a time that is not a number; ``ColumnMappingError`` for a
  ///   negative or non-finite time or a mostly numeric column with text cells.
  static func modelData(_ table: DataTable, request: CoxRequest) throws -> ModelData {
    let formula = try? ModelFormula(parsing: request.formula)
    // The numbers the checks read, each column parsed once.
    let checked = try formula.map { formula in try checkedColumns(of: formula, in: table) } ?? CheckedColumns()
    if let name = request.weightsColumn {
      // R's coxph: "Invalid weights, must be >0".
      let column = try table.column(named: name)
      let weights = try column.numericValues()
      try SurvivalColumns.checkWeights(weights, column: column)
      if let zero = weights.firstIndex(where: { $0 == 0 }) {
        throw ColumnMappingError(
          at: column.location(ofRow: zero),
          .invalidWeight(column: name, value: column.rawText(atRow: zero), moreCount: 0, model: true))
      }
    }
    // The other columns (and the formula's text columns), read on both cores.
    let read = _concurrentMap(table.columns.count) { index -> ModelData.Column in
      let column = table.columns[index]
      if let values = checked.numbers[column.name] { return .numeric(values) }
      if !checked.texts.contains(column.name), let values = try? column.numericValues() {
        return .numeric(values.map { $0 ?? .nan })
      }
      let distinct = column.distinctValues()
      return .coded(distinct.codes, labels: distinct.values)
    }
    var columns: [String: ModelData.Column] = [:]
    for (column, values) in zip(table.columns, read) { columns[column.name] = values }
    let coding = EventCoding(eventValue: request.eventValue, censorValues: request.censorValues)
    if coding != .automatic, let formula, case .name(let eventName) = formula.event.kind,
      let column = try? table.column(named: eventName)
    {
      let (_, isEvent) = try coding.resolved(for: column.distinctValues(), in: column)
      let distinct = column.distinctValues()
      columns[eventName] = .numeric(
        distinct.codes.map { code in code == DistinctValues.missingCode ? .nan : (isEvent[Int(code)] ? 1 : 0) })
    }
    return ModelData(columns: columns)
  }

  /// The checks of ``modelData(_:request:)`` on the columns `formula` names.
  /// - Returns: the numbers of the columns checked that hold only numbers, by name, NaN where
  ///   missing.
  @discardableResult
  static func checkColumns(of formula: ModelFormula, in table: DataTable) throws -> [String: [Double]] {
    try checkedColumns(of: formula, in: table).numbers
  }

  /// What ``checkColumns(of:in:)`` found.
  struct CheckedColumns {
    /// The numbers of the columns checked that hold only numbers, NaN where missing.
    var numbers: [String: [Double]] = [:]
    /// The columns the formula reads as numbers that hold text (categories).
    var texts: Set<String> = []
  }

  /// The checks of ``checkColumns(of:in:)``, each column read once and the columns read on
  /// both cores; the first failure in the formula's order is thrown.
  static func checkedColumns(of formula: ModelFormula, in table: DataTable) throws -> CheckedColumns {
    // (column, time check) in the order the checks report: time, entry, then the covariates.
    var uses: [(name: String, time: Bool)] = []
    if case .name(let name) = formula.time.kind { uses.append((name, true)) }
    if let entry = formula.entry, case .name(let name) = entry.kind { uses.append((name, true)) }
    var seen: Set<String> = []
    for term in formula.terms {
      for variable in term.variables {
        for name in numericUses(variable) where seen.insert(name).inserted { uses.append((name, false)) }
      }
    }
    let timeName: String? = if case .name(let name) = formula.time.kind { name } else { nil }
    let hasEntry = formula.entry != nil
    let list = uses
    let results = _concurrentMap(list.count) { index -> Result<[Double]?, any Error> in
      let use = list[index]
      guard let column = try? table.column(named: use.name) else { return .success(nil) }
      do {
        if use.time {
          let values = try column.numericValues()
          // Only the stop of an interval may be negative.
          try SurvivalColumns.checkTimes(
            values, column: column, allowsNegative: use.name != timeName || hasEntry)
          return .success(values.map { $0 ?? .nan })
        }
        return .success(
          try MixedColumn.check(
            column,
            remedy:
              "to use its values as categories, write 'factor(\(ForestAnalysis.term(use.name)))' in the model"
          )?.map { $0 ?? .nan })
      } catch {
        return .failure(error)
      }
    }
    var checked = CheckedColumns()
    for (use, result) in zip(uses, results) {
      let values = try result.get()
      if use.time {
        if let values { checked.numbers[use.name] = values }
      } else if (try? table.column(named: use.name)) != nil {
        checked.numbers[use.name] = values
        if values == nil { checked.texts.insert(use.name) }
      }
    }
    return checked
  }

  /// The variables an expression reads as they are: not inside `factor()` or `relevel()`, and
  /// not compared with a text (`arm == "B"`), where a column of text is what is meant.
  static func numericUses(_ expression: FormulaExpression) -> [String] {
    switch expression.kind {
    case .name(let name):
      return [name]
    case .number, .string:
      return []
    case .call(let function, let arguments):
      if function == "factor" || function == "relevel" { return [] }
      return arguments.flatMap { numericUses($0.value) }
    case .unary(_, let operand):
      return numericUses(operand)
    case .parenthesized(let inner):
      return numericUses(inner)
    case .binary(let op, let left, let right):
      if op == "==" || op == "!=" {
        if case .string = left.kind { return [] }
        if case .string = right.kind { return [] }
      }
      return numericUses(left) + numericUses(right)
    }
  }
}
