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
