import SurvivalStatistics

/// Names and fit of one formula with logical, interaction or `I()` terms (R: `coxph`).
struct TermNameReference: Sendable, CustomStringConvertible {
  let formula: String
  /// R: `names(coef(fit))`.
  let names: [String]
  /// R: `coef(fit)` (NaN for an aliased column).
  let coef: [Double]
  /// R: `sqrt(diag(vcov(fit)))` (0 for an aliased column).
  let se: [Double]
  /// R: `fit$loglik[2]`.
  let logLikelihood: Double
  /// R: `levels()` of the model frame's `strata()` column.
  let strata: [String]

  var description: String { formula }
}

/// The proportional-hazards test of one rescaled model (R: `cox.zph`).
struct ScaledZPHReference: Sendable, CustomStringConvertible {
  let scale: Double
  let formula: String
  let coef: [Double]
  let se: [Double]
  /// R: `fit$wald.test`.
  let wald: Double
  /// R: `cox.zph(fit)$table[, "chisq"]` (terms, then GLOBAL); nil where R refuses.
  let zph: [Double]?

  var description: String { "scale \(scale)" }
}

/// A Cox model of counting-process data fitted by R's `coxph`.
struct CountingCoxReference: Sendable, CustomStringConvertible {
  let id: String
  /// The name of the data set in ``DesignReferenceData``.
  let data: String
  let ties: CoxRegressionOptions.Ties
  let formula: String
  let n, events, iterations: Int
  let names: [String]
  let coef, se, variance, means: [Double]
  /// R: `fit$loglik`.
  let logLikelihood: [Double]
  /// R: `fit$score`, `fit$wald.test`.
  let score, wald: Double
  /// R: `head(fit$linear.predictors, 5)`.
  let linearPredictors: [Double]
  let zphTerms: [String]
  let zph: [Double]

  var description: String { id }
}

extension DesignReferenceData {
  /// The data set with the given fixture name.
  static func named(_ name: String) -> ModelData {
    switch name {
    case "pbc": return pbc
    case "heart": return heart
    case "bladder2": return bladder2
    case "cgd": return cgd
    case "rats": return rats
    case "mgus2": return mgus2
    default: fatalError("no fixture data set '\(name)'")
    }
  }
}

/// Kaplan–Meier curves of R's `survfit` with entry times or case weights.
struct EntryKaplanMeierReference: Sendable, CustomStringConvertible {
  struct Curve: Sendable {
    let time, atRisk, events, censored, survival, standardError, cumulativeHazard,
      cumulativeHazardStandardError: [Double]
  }
  let id: String
  let data: String
  let rCall: String
  let curves: [Curve]

  var description: String { id }
}

/// The log-rank statistic with entry times (R: the exact-likelihood Cox score test).
struct EntryLogRankReference: Sendable, CustomStringConvertible {
  let id: String
  let data: String
  let rCall: String
  let chisq: Double
  let df: Int
  /// R: `survdiff(...)$chisq` for right-censored data.
  var survdiff: Double? = nil

  var description: String { id }
}

/// Columns of a fixture data set as arrays.
enum FixtureColumns {
  static func numbers(_ data: ModelData, _ name: String) -> [Double] {
    guard case .numeric(let values)? = data[name] else { fatalError("no numeric column '\(name)'") }
    return values
  }

  static func labels(_ data: ModelData, _ name: String) -> [String?] {
    switch data[name] {
    case .categorical(let values, _)?: return values
    case .coded(let codes, let labels)?: return codes.map { $0 < 0 ? nil : labels[Int($0)] }
    case .numeric(let values)?: return values.map { $0.isNaN ? nil : Factor.label($0) }
    default: fatalError("no column '\(name)'")
    }
  }
}

/// A robust Cox fit of R's `coxph` (`cluster()` or `robust = TRUE`).
struct RobustCoxReference: Sendable, CustomStringConvertible {
  let id: String
  let data: String
  let ties: CoxRegressionOptions.Ties
  /// Whether R was called with `robust = TRUE` (otherwise the formula has `cluster()`).
  let robust: Bool
  let formula: String
  let names: [String]
  let coef, naiveSE, robustSE, robustVariance: [Double]
  let wald, robustScore, score, concordanceSE: Double

  var description: String { id }
}

/// A weighted Cox fit of R's `coxph`.
struct WeightedCoxReference: Sendable, CustomStringConvertible {
  let id: String
  let data: String
  /// The weights expression, evaluated on the data.
  let weights: String
  let ties: CoxRegressionOptions.Ties
  /// Whether R was called with `robust = FALSE`.
  let robustFalse: Bool
  let formula: String
  let n: Int
  /// Σ w over the events.
  let weightedEvents: Double
  let iterations: Int
  let names: [String]
  let coef, se: [Double]
  /// R: `sqrt(diag(fit$naive.var))` of a fit R made robust.
  let naiveSE: [Double]?
  let means: [Double]
  let logLikelihood: [Double]
  let score, wald: Double
  let robustScore: Double?
  let zph: [Double]?

  var description: String { id }
}

/// A Cox fit of R's `coxph(..., ties = "exact")`.
struct ExactCoxReference: Sendable, CustomStringConvertible {
  let id: String
  let data: String
  let formula: String
  let n, iterations: Int
  let coef, se: [Double]
  let logLikelihood: [Double]
  let score, wald: Double

  var description: String { id }
}

/// A two-group RMST comparison as `survRM2::rmst2` computes it.
struct RestrictedMeanComparisonReference: Sendable, CustomStringConvertible {
  let id: String
  let data: String
  let rCall: String
  /// Whether τ was given (otherwise `rmst2`'s default).
  let tauGiven: Bool
  let tau: Double
  /// RMST, se, lower, upper.
  let arm1, arm0: [Double]
  /// RMTL, lower, upper of arm 1.
  let timeLost1: [Double]
  /// Estimate, lower, upper, p.
  let difference, ratio, timeLostRatio: [Double]

  var description: String { id }
}
