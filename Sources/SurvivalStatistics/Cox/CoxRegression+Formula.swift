/// Any error of fitting a Cox model from a formula: the formula text, the data, or the fit.
public enum CoxModelError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The formula does not parse.
  case formula(FormulaParseError)
  /// The formula does not fit the data.
  case modelFrame(ModelFrameError)
  /// The data cannot be fitted.
  case regression(CoxRegressionError)

  /// The underlying message.
  public var description: String {
    switch self {
    case .formula(let error): return error.description
    case .modelFrame(let error): return error.description
    case .regression(let error): return error.description
    }
  }
}

extension CoxRegression {
  /// Fits a Cox model given by an R formula, e.g.
  /// `Surv(time, status) ~ age + sex + factor(ph.ecog) + strata(inst)` or, for counting-process
  /// data, `Surv(start, stop, event) ~ age + transplant`, on the complete cases.
  ///
  /// R: `coxph(formula, data, ties = options.ties)`.
  ///
  /// - Parameter weights: case weights as an expression on the data, usually a column name (R:
  ///   `weights = w`); rows with a missing weight are dropped.
  public init(
    formula: String, data: ModelData, weights: String? = nil,
    options: CoxRegressionOptions = CoxRegressionOptions()
  ) throws(CoxModelError) {
    let parsed: ModelFormula
    do { parsed = try ModelFormula(parsing: formula) } catch { throw .formula(error) }
    var weightExpression: FormulaExpression?
    if let weights {
      do { weightExpression = try ModelFormula.expression(parsing: weights) } catch {
        throw .formula(error)
      }
    }
    let frame: ModelFrame
    do { frame = try ModelFrame(formula: parsed, data: data, weights: weightExpression) } catch {
      throw .modelFrame(error)
    }
    do { try self.init(frame: frame, options: options) } catch { throw .regression(error) }
  }

  /// Fits a Cox model to an evaluated model frame.
  public init(frame: ModelFrame, options: CoxRegressionOptions = CoxRegressionOptions())
    throws(CoxRegressionError)
  {
    try self.init(
      entryTimes: frame.entryTimes, times: frame.times, events: frame.events,
      design: frame.design, strata: frame.strata, weights: frame.weights,
      clusters: frame.clusters, options: options)
    droppedRowCount = frame.droppedRowCount
    if frame.emptyIntervalCount > 0 {
      diagnostics.insert(.emptyIntervalsDropped(count: frame.emptyIntervalCount), at: 0)
    }
  }
}
