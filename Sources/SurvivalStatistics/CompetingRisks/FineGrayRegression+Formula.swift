/// Any error of fitting a Fine–Gray model from a formula: the formula text, the data, the status
/// coding, or the fit.
public enum FineGrayModelError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The formula does not parse.
  case formula(FormulaParseError)
  /// The formula does not fit the data.
  case modelFrame(ModelFrameError)
  /// The status variable does not fit the coding.
  case status(CompetingRisksError)
  /// The formula has `strata()` terms, which the Fine–Gray model does not have (crr has none).
  case strataNotSupported(expression: String)
  /// The data cannot be fitted.
  case regression(FineGrayRegressionError)

  /// The underlying message.
  public var description: String {
    switch self {
    case .formula(let error): return error.description
    case .modelFrame(let error): return error.description
    case .status(let error): return error.description
    case .strataNotSupported(let expression):
      return
        "'\(expression)': the Fine-Gray model has no strata; use the variable as a covariate (factor(…)) instead"
    case .regression(let error): return error.description
    }
  }
}

extension FineGrayRegression {
  /// Fits a Fine–Gray model given by an R formula, e.g.
  /// `Surv(time, status) ~ sex + age + thickness + factor(ulcer)`, on the complete cases.
  ///
  /// The right-hand side is evaluated exactly as for ``CoxRegression`` (``ModelFrame``:
  /// factors, `factor(x)`, `relevel`, interactions, transformations; treatment contrasts). The
  /// status in `Surv(time, status)` must be a variable; `coding` maps its values to censoring and
  /// causes, and a missing status drops the row like any missing value.
  ///
  /// R: `crr(time, status, cov1 = model.matrix(~ rhs, data)[, -1], failcode = cause,
  /// cencode = …)` on the complete cases (crr's `na.action = na.omit`).
  ///
  /// - Parameters:
  ///   - formula: `Surv(time, status) ~ terms` without `strata()`.
  ///   - data: the columns.
  ///   - coding: how status values map to censoring and causes; default cmprsk's numeric codes
  ///     with 0 = censored.
  ///   - cause: the cause of interest (R: `failcode`).
  ///   - options: fit settings.
  /// - Throws: ``FineGrayModelError`` naming the offending part.
  public init(
    formula: String, data: ModelData, coding: CompetingRisksCoding = .codes(censoring: 0),
    cause: Int, options: FineGrayRegressionOptions = FineGrayRegressionOptions()
  ) throws(FineGrayModelError) {
    let parsed: ModelFormula
    do { parsed = try ModelFormula(parsing: formula) } catch { throw .formula(error) }
    if let stratum = parsed.strata.first {
      throw .strataNotSupported(expression: "strata(\(stratum))")
    }
    guard case .name(let variable) = parsed.event.kind else {
      throw .status(.statusNotAVariable(expression: parsed.event.description))
    }
    guard let column = data[variable] else {
      // Let the model frame report the unknown variable, with its suggestion and caret.
      do { _ = try ModelFrame(formula: parsed, data: data) } catch { throw .modelFrame(error) }
      throw .modelFrame(ModelFrameError(.unknownVariable(name: variable, suggestion: nil)))
    }
    for term in parsed.terms {
      for expression in term.variables where Self.mentions(expression, variable) {
        throw .modelFrame(
          ModelFrameError(
            .wrongKind(
              expression: expression.description,
              message: "the status variable '\(variable)' cannot also be a covariate"),
            column: expression.column, formula: formula))
      }
    }

    // Each row's status (nil: missing), then a model frame in which the status column only
    // marks missing rows, so that the frame drops exactly the incomplete rows.
    var statuses: [CompetingRisksStatus?] = []
    statuses.reserveCapacity(data.rowCount)
    func appendStatuses(labels: [String?], levels: [String]?) throws(FineGrayModelError) {
      for (row, label) in labels.enumerated() {
        guard let label, levels.map({ $0.contains(label) }) ?? true else {
          statuses.append(nil)
          continue
        }
        guard let status = coding.status(ofLabel: label) else {
          throw .status(
            .unknownStatus(variable: variable, value: label, row: row + 1, coding: coding))
        }
        statuses.append(status)
      }
    }
    switch column {
    case .numeric(let values):
      for (row, value) in values.enumerated() {
        if value.isNaN {
          statuses.append(nil)
        } else if let status = coding.status(ofNumber: value) {
          statuses.append(status)
        } else {
          throw .status(
            .unknownStatus(
              variable: variable, value: FormulaExpression.formatNumber(value), row: row + 1,
              coding: coding))
        }
      }
    case .categorical(let labels, let levels):
      try appendStatuses(labels: labels, levels: levels)
    case .coded(let codes, let texts):
      try appendStatuses(labels: codes.map { $0 < 0 ? nil : texts[Int($0)] }, levels: nil)
    }
    var columns: [String: ModelData.Column] = [:]
    for name in data.columnNames { columns[name] = data[name] }
    columns[variable] = .numeric(statuses.map { $0 == nil ? .nan : 0 })
    let frame: ModelFrame
    do {
      frame = try ModelFrame(formula: parsed, data: ModelData(columns: columns))
    } catch { throw .modelFrame(error) }
    do {
      try self.init(
        times: frame.times, statuses: frame.rows.map { statuses[$0]! }, cause: cause,
        design: frame.design, options: options)
    } catch { throw .regression(error) }
    droppedRowCount = frame.droppedRowCount
  }

  /// Whether `expression` refers to the variable `name`.
  private static func mentions(_ expression: FormulaExpression, _ name: String) -> Bool {
    switch expression.kind {
    case .name(let other): return other == name
    case .number, .string: return false
    case .call(_, let arguments): return arguments.contains { mentions($0.value, name) }
    case .unary(_, let operand): return mentions(operand, name)
    case .binary(_, let left, let right): return mentions(left, name) || mentions(right, name)
    case .parenthesized(let inner): return mentions(inner, name)
    }
  }
}
