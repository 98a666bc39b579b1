/// A formula evaluated on data: the survival response, strata and design matrix of the complete
/// cases (R: `model.frame` + `model.matrix`, with `na.action = na.omit`).
///
/// Coding follows R's `model.matrix` with treatment contrasts: a factor with k levels gives k − 1
/// indicator columns against its first level; in an interaction, a factor is coded by contrasts
/// when the term without it is also in the model (the empty term counts, since the baseline
/// hazard plays the intercept's role) and by indicators for all levels otherwise; interaction
/// columns are products with the first variable varying fastest. A logical term (a comparison
/// such as `I(age > 60)`) is a factor with levels `FALSE`, `TRUE`, as R's `model.matrix` codes
/// logical variables. Coefficient names are R's: `celltypesmallcell`, `factor(x)2`,
/// `log(bili)`, `sex:ph.ecog`, `I(age > 60)TRUE`, `I(age > 60)FALSE:sexm`.
///
/// The event variable follows `Surv()`: values 0/1 (1 = event), or 1/2 (2 = event) when the
/// largest value is 2; a comparison (`status == 2`) selects the event explicitly. With
/// `Surv(start, stop, event)` a row whose stop is not after its start is missing, as R's
/// `Surv()` makes it (see ``emptyIntervalCount``).
///
/// - Complexity: O(n · c) for n rows and c columns.
public struct ModelFrame: Sendable {
  /// The formula.
  public let formula: ModelFormula
  /// Interval starts of the rows used for `Surv(start, stop, event)`; nil for
  /// `Surv(time, event)`.
  public let entryTimes: [Double]?
  /// Follow-up times (interval stops for counting-process data) of the rows used.
  public let times: [Double]
  /// Event indicators of the rows used.
  public let events: [Bool]
  /// Stratum number per row used (0-based, in the order of `strataLabels`), nil without
  /// `strata()`.
  public let strata: [Int]?
  /// Stratum labels as R prints them (`ph.ecog=1`; `a=1, b=2` for several variables).
  public let strataLabels: [String]
  /// Cluster number per row used (0-based, in the order of `clusterLabels`), nil without
  /// `cluster()`.
  public let clusters: [Int]?
  /// The cluster values, in R's order (`sort(unique(id))`, or the factor's levels).
  public let clusterLabels: [String]
  /// Case weights of the rows used (R: `coxph(..., weights = w)`), nil without weights.
  public let weights: [Double]?
  /// The covariate columns of the rows used.
  public let design: DesignMatrix
  /// The data rows used (0-based), in data order.
  public let rows: [Int]
  /// Rows dropped because a model variable was missing (R: `n_dropped_na`), including the
  /// ``emptyIntervalCount`` rows.
  public let droppedRowCount: Int
  /// Rows of `Surv(start, stop, event)` whose stop is not after their start: R's `Surv()` makes
  /// such an interval missing ("Stop time must be > start time, NA created") and the row is
  /// dropped with the other incomplete rows, as here.
  public let emptyIntervalCount: Int

  /// Evaluates `formula` on `data`.
  ///
  /// - Parameters:
  ///   - rows: restricts the frame to these data rows (e.g. the rows of a larger model, so that
  ///     nested models are compared on the same observations); missing values are still
  ///     dropped within them.
  /// - Throws: ``ModelFrameError`` for unknown variables, wrong variable kinds, unknown levels,
  ///   invalid event codes, or when no complete row remains.
  ///   - weights: an expression for the case weights, evaluated on the data like a formula
  ///     term (R: the `weights =` argument, e.g. `w`); rows with a missing weight are dropped.
  ///     Its columns in errors count within its own text.
  public init(
    formula: ModelFormula, data: ModelData, rows: [Int]? = nil,
    weights: FormulaExpression? = nil
  ) throws(ModelFrameError) {
    do { try self.init(evaluating: formula, data: data, rows: rows, weights: weights) } catch {
      throw error.located(in: formula.text)
    }
  }

  private init(
    evaluating formula: ModelFormula, data: ModelData, rows: [Int]?,
    weights weightExpression: FormulaExpression?
  ) throws(ModelFrameError) {
    let evaluator = _ModelEvaluator(data: data)
    let n = data.rowCount
    var keep = [Bool](repeating: rows == nil, count: n)
    if let rows { for row in rows { keep[row] = true } }
    let candidateCount = keep.filter { $0 }.count

    let rawTimes = try evaluator.numeric(formula.time, rows: n)
    let rawEvents = try Self.eventIndicator(formula.event, evaluator: evaluator, rows: n)
    for i in 0..<n where keep[i] && (rawTimes[i].isNaN || rawEvents[i] == 2) { keep[i] = false }
    var rawEntries: [Double]?
    var emptyIntervals = 0
    if let entry = formula.entry {
      let starts = try evaluator.numeric(entry, rows: n)
      for i in 0..<n where keep[i] {
        if starts[i].isNaN {
          keep[i] = false
        } else if !(starts[i] < rawTimes[i]) {
          keep[i] = false
          emptyIntervals += 1
        }
      }
      rawEntries = starts
    }

    // Evaluate each distinct variable once.
    var values: [String: _ModelValue] = [:]
    for term in formula.terms {
      for variable in term.variables where values[variable.description] == nil {
        var value = try evaluator.evaluate(variable)
        if case .scalar = value {
          throw .wrongKind(expression: variable, message: "is a constant, not a variable")
        }
        if case .logical(let flags) = value {
          // R codes a logical term as a factor with levels FALSE, TRUE: `I(age > 60)TRUE`.
          value = _ModelEvaluator.factor(logical: flags, keepingUnusedLevels: true)
        }
        values[variable.description] = value
      }
    }
    var strataFactors: [(label: String, codes: [Int32], levels: [String])] = []
    for variable in formula.strata {
      var value = try evaluator.evaluate(variable)
      if case .numeric(let numbers) = value { value = _ModelEvaluator.factor(numbers: numbers) }
      if case .logical(let flags) = value {
        value = _ModelEvaluator.factor(logical: flags, keepingUnusedLevels: false)
      }
      guard case .factor(let codes, let levels) = value else {
        throw .wrongKind(expression: variable, message: "cannot define strata")
      }
      strataFactors.append((variable.description, codes, levels))
    }
    for value in values.values {
      switch value {
      case .numeric(let numbers):
        for i in 0..<n where keep[i] && numbers[i].isNaN { keep[i] = false }
      case .factor(let codes, _):
        for i in 0..<n where keep[i] && codes[i] < 0 { keep[i] = false }
      default: break
      }
    }
    for factor in strataFactors {
      for i in 0..<n where keep[i] && factor.codes[i] < 0 { keep[i] = false }
    }
    var clusterFactor: (codes: [Int32], levels: [String])?
    if let variable = formula.cluster {
      var value = try evaluator.evaluate(variable)
      if case .numeric(let numbers) = value { value = _ModelEvaluator.factor(numbers: numbers) }
      if case .logical(let flags) = value {
        value = _ModelEvaluator.factor(logical: flags, keepingUnusedLevels: false)
      }
      guard case .factor(let codes, let levels) = value else {
        throw .wrongKind(expression: variable, message: "cannot define clusters")
      }
      for i in 0..<n where keep[i] && codes[i] < 0 { keep[i] = false }
      clusterFactor = (codes, levels)
    }
    var rawWeights: [Double]?
    if let weightExpression {
      let values = try evaluator.numeric(weightExpression, rows: n)
      for i in 0..<n where keep[i] && values[i].isNaN { keep[i] = false }
      rawWeights = values
    }
    let used = (0..<n).filter { keep[$0] }
    if used.isEmpty { throw ModelFrameError(.noCompleteRows(dropped: candidateCount)) }

    self.formula = formula
    self.rows = used
    self.droppedRowCount = candidateCount - used.count
    self.entryTimes = rawEntries.map { starts in used.map { starts[$0] } }
    self.emptyIntervalCount = emptyIntervals
    self.times = used.map { rawTimes[$0] }
    self.events = used.map { rawEvents[$0] == 1 }
    self.weights = rawWeights.map { w in used.map { w[$0] } }
    if let clusterFactor {
      // Dense codes over the clusters present, in level order (R: sort(unique(cluster))).
      var present = [Bool](repeating: false, count: clusterFactor.levels.count)
      for row in used { present[Int(clusterFactor.codes[row])] = true }
      var dense = [Int](repeating: -1, count: present.count)
      var labels: [String] = []
      for (level, isPresent) in present.enumerated() where isPresent {
        dense[level] = labels.count
        labels.append(clusterFactor.levels[level])
      }
      clusters = used.map { dense[Int(clusterFactor.codes[$0])] }
      clusterLabels = labels
    } else {
      clusters = nil
      clusterLabels = []
    }

    // Strata: combinations of the strata variables' levels, first variable slowest.
    if strataFactors.isEmpty {
      strata = nil
      strataLabels = []
    } else {
      var combined = [Int](repeating: 0, count: used.count)
      for factor in strataFactors {
        for (k, row) in used.enumerated() {
          combined[k] = combined[k] * factor.levels.count + Int(factor.codes[row])
        }
      }
      let present = Array(Set(combined)).sorted()
      var dense: [Int: Int] = [:]
      var labels: [String] = []
      for (position, code) in present.enumerated() {
        dense[code] = position
        var remainder = code
        var parts: [String] = []
        for factor in strataFactors.reversed() {
          parts.append("\(factor.label)=\(factor.levels[remainder % factor.levels.count])")
          remainder /= factor.levels.count
        }
        labels.append(parts.reversed().joined(separator: ", "))
      }
      strata = combined.map { dense[$0] ?? 0 }
      strataLabels = labels
    }

    design = Self.designMatrix(formula: formula, values: values, rows: used)
  }

  /// 0 (censored), 1 (event) or 2 (missing) per row.
  private static func eventIndicator(
    _ expression: FormulaExpression, evaluator: _ModelEvaluator, rows n: Int
  ) throws(ModelFrameError) -> [UInt8] {
    switch try evaluator.evaluate(expression) {
    case .logical(let flags):
      return flags
    case .numeric(let values):
      let coding = SurvStatus.coding(largest: values.filter { !$0.isNaN }.max() ?? 0)
      var result = [UInt8](repeating: 2, count: n)
      for i in 0..<n where !values[i].isNaN {
        guard let isEvent = coding.isEvent(values[i]) else {
          throw ModelFrameError(
            .invalidEvent(
              expression: expression.description,
              value: FormulaExpression.formatNumber(values[i]), row: i))
        }
        result[i] = isEvent ? 1 : 0
      }
      return result
    case .scalar:
      throw .wrongKind(expression: expression, message: "the event must be a variable")
    case .factor(_, let levels):
      let example =
        levels.last.map { FormulaExpression(.string($0), column: 0).description } ?? "\"dead\""
      let list = levels.map { "'\($0)'" }.joined(separator: ", ")
      throw .wrongKind(
        expression: expression,
        message:
          "a categorical event needs a comparison naming the event value, e.g. \(expression) == \(example) (the levels are \(list))"
      )
    }
  }

  private static func designMatrix(
    formula: ModelFormula, values: [String: _ModelValue], rows: [Int]
  ) -> DesignMatrix {
    let termSets = formula.terms.map { Set($0.variables.map(\.description)) }
    var columns: [[Double]] = []
    var labels: [CoefficientLabel] = []
    var terms: [DesignMatrix.Term] = []
    for (termIndex, term) in formula.terms.enumerated() {
      let start = columns.count
      // Each variable's columns (values on the used rows), names and components.
      var pieces: [[(values: [Double], name: String, component: CoefficientLabel.Component)]] = []
      for variable in term.variables {
        let key = variable.description
        switch values[key] {
        case .numeric(let numbers)?:
          pieces.append([(rows.map { numbers[$0] }, key, .init(variable: key))])
        case .factor(let codes, let levels)?:
          let others = termSets[termIndex].subtracting([key])
          let contrasts = others.isEmpty || termSets.contains(others)
          let reference = contrasts ? levels.first : nil
          let shown = contrasts ? Array(levels.indices.dropFirst()) : Array(levels.indices)
          pieces.append(
            shown.map { level in
              let code = Int32(level)
              return (
                rows.map { codes[$0] == code ? 1.0 : 0.0 }, key + levels[level],
                .init(variable: key, level: levels[level], reference: reference)
              )
            })
        default:
          pieces.append([])
        }
      }
      // Kronecker product, first variable varying fastest.
      var combined: [(values: [Double], names: [String], components: [CoefficientLabel.Component])] = [
        ([Double](repeating: 1, count: rows.count), [], [])
      ]
      for piece in pieces {
        var next: [([Double], [String], [CoefficientLabel.Component])] = []
        for column in piece {
          for existing in combined {
            let product =
              existing.names.isEmpty
              ? column.values : zip(existing.values, column.values).map { $0 * $1 }
            next.append(
              (product, existing.names + [column.name], existing.components + [column.component]))
          }
        }
        combined = next
      }
      for column in combined {
        columns.append(column.values)
        labels.append(
          CoefficientLabel(
            name: column.names.joined(separator: ":"), term: term.label,
            components: column.components))
      }
      terms.append(
        DesignMatrix.Term(
          label: term.label, variables: term.variables.map(\.description),
          columns: start..<columns.count))
    }
    return DesignMatrix(rowCount: rows.count, columns: columns, labels: labels, terms: terms)
  }
}
