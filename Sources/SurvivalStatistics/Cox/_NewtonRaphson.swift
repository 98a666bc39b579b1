import Foundation

/// The outcome of maximizing the partial likelihood, on the original covariate scale.
struct _NewtonRaphsonResult {
  /// β̂ (zero for redundant columns).
  var beta: [Double]
  /// Score U(β̂).
  var score: [Double]
  /// Generalized inverse of I(β̂), full p × p (zero rows/columns for redundant columns).
  var variance: [Double]
  /// ℓ at the initial β (zero) and at β̂.
  var initialLogLikelihood: Double
  var finalLogLikelihood: Double
  /// Score test Uᵀ I⁻¹ U at the initial β.
  var scoreStatistic: Double
  /// Iterations used (R `iter`).
  var iterations: Int
  var isConverged: Bool
  /// Rank of the information matrix at the last factorization.
  var rank: Int
  /// Columns whose pivot was rejected (R `which.sing`).
  var isRedundant: [Bool]
}

/// Newton–Raphson with step halving, as in R's `coxfit6`:
///
/// 1. Evaluate ℓ, U, I at β₀ = 0; the score test is U₀ᵀ I₀⁻¹ U₀. Take the full step
///    β₁ = β₀ + I₀⁻¹ U₀ ("never complain about convergence on the first step").
/// 2. At each iteration evaluate at the proposal. If everything is finite and
///    |1 − ℓ_best/ℓ_new| ≤ eps, stop: the proposal is β̂.
/// 3. If ℓ decreased or something is not finite, halve: the proposal moves towards the last
///    accepted β, (proposal + h·β)/(h + 1) with h the number of consecutive halvings.
/// 4. Otherwise accept it and propose the next Newton step.
///
/// Matching R's stopping rule (rather than iterating to a fixed point) makes the iteration
/// counts and the reported estimates agree with `coxph` to rounding.
///
/// When the iteration limit is reached, the information at the last accepted β is factored
/// and inverted properly (R inverts an unfactored matrix there, which yields a wrong variance).
func _newtonRaphson(
  _ data: _CoxData, options: CoxRegressionOptions
) -> _NewtonRaphsonResult {
  let p = data.covariateCount
  let likelihood = _PartialLikelihood(
    data: data, usesEfron: options.ties == .efron, isExact: options.ties == .exact)
  let eps = options.convergenceTolerance
  let tolerance = options.choleskyTolerance
  let maximumIterations = options.maximumIterations
  let scale = data.scales

  var beta = [Double](repeating: 0, count: p)
  let initialLogLikelihood = likelihood.evaluate(beta)
  var cholesky = _Cholesky(symmetric: likelihood.information, size: p, tolerance: tolerance)
  var step = likelihood.score
  cholesky.solve(&step)
  var scoreStatistic = 0.0
  for i in 0..<p { scoreStatistic += likelihood.score[i] * step[i] }

  func finish(
    beta scaledBeta: [Double], logLikelihood: Double, iterations: Int, converged: Bool
  ) -> _NewtonRaphsonResult {
    let inverse = cholesky.inverse()
    var variance = inverse
    var u = likelihood.score
    var b = scaledBeta
    var redundant = [Bool](repeating: false, count: p)
    for i in 0..<p {
      b[i] *= scale[i]
      u[i] /= scale[i]
      redundant[i] = cholesky.storage[i * p + i] == 0
      for j in 0..<p { variance[i * p + j] = inverse[i * p + j] * scale[i] * scale[j] }
    }
    return _NewtonRaphsonResult(
      beta: b, score: u, variance: variance, initialLogLikelihood: initialLogLikelihood,
      finalLogLikelihood: logLikelihood, scoreStatistic: scoreStatistic,
      iterations: iterations, isConverged: converged, rank: cholesky.rank,
      isRedundant: redundant)
  }

  if p == 0 || maximumIterations == 0 || !initialLogLikelihood.isFinite {
    return finish(
      beta: beta, logLikelihood: initialLogLikelihood, iterations: 0,
      converged: p == 0 || maximumIterations == 0)
  }

  if options.ties == .exact {
    let outcome = _exactIterations(
      likelihood: likelihood, start: step, initialLogLikelihood: initialLogLikelihood,
      revertsWhenOutOfIterations: !data.isCountingProcess, options: options)
    cholesky = outcome.cholesky
    return finish(
      beta: outcome.beta, logLikelihood: outcome.logLikelihood, iterations: outcome.iterations,
      converged: outcome.isConverged)
  }
  if data.isCountingProcess {
    let outcome = _countingProcessIterations(
      likelihood: likelihood, start: step, initialRank: cholesky.rank,
      initialLogLikelihood: initialLogLikelihood, options: options)
    cholesky = outcome.cholesky
    return finish(
      beta: outcome.beta, logLikelihood: outcome.logLikelihood, iterations: outcome.iterations,
      converged: outcome.isConverged)
  }

  var bestLogLikelihood = initialLogLikelihood
  var proposal = (0..<p).map { beta[$0] + step[$0] }
  var halving = 0.0
  for iteration in 1...maximumIterations {
    let logLikelihood = likelihood.evaluate(proposal)
    cholesky = _Cholesky(symmetric: likelihood.information, size: p, tolerance: tolerance)
    let isFinite =
      logLikelihood.isFinite && likelihood.score.allSatisfy(\.isFinite)
      && likelihood.information.allSatisfy(\.isFinite)
    if isFinite && abs(1 - bestLogLikelihood / logLikelihood) <= eps {
      return finish(
        beta: proposal, logLikelihood: logLikelihood, iterations: iteration, converged: true)
    }
    if !isFinite || logLikelihood < bestLogLikelihood {
      halving += 1
      for i in 0..<p { proposal[i] = (proposal[i] + halving * beta[i]) / (halving + 1) }
    } else {
      halving = 0
      bestLogLikelihood = logLikelihood
      var newtonStep = likelihood.score
      cholesky.solve(&newtonStep)
      for i in 0..<p {
        beta[i] = proposal[i]
        proposal[i] += newtonStep[i]
      }
    }
  }
  // Out of iterations: report the last accepted β with its own information matrix.
  let logLikelihood = likelihood.evaluate(beta)
  cholesky = _Cholesky(symmetric: likelihood.information, size: p, tolerance: tolerance)
  return finish(
    beta: beta, logLikelihood: logLikelihood, iterations: maximumIterations, converged: false)
}

/// The iterations of R's `agfit4` (counting-process data), which differ from `coxfit6` in three
/// details that decide iteration counts: convergence is only accepted when the previous
/// iteration did not halve the step; a change of the Cholesky rank counts as failure (and
/// halves); and on running out of iterations the last proposal is reported unless it is worse
/// than the best by more than `eps` (relatively), in which case the last accepted β is
/// re-evaluated.
private func _countingProcessIterations(
  likelihood: _PartialLikelihood, start step: [Double], initialRank: Int,
  initialLogLikelihood: Double, options: CoxRegressionOptions
) -> (
  beta: [Double], logLikelihood: Double, iterations: Int, isConverged: Bool, cholesky: _Cholesky
) {
  let p = likelihood.data.covariateCount
  let eps = options.convergenceTolerance
  let tolerance = options.choleskyTolerance
  let maximumIterations = options.maximumIterations
  var oldBeta = [Double](repeating: 0, count: p)
  var beta = step
  var best = initialLogLikelihood
  var halving = 0.0
  var iteration = 1
  while true {
    let logLikelihood = likelihood.evaluate(beta)
    var failures = (0..<p).filter { !likelihood.information[$0 * p + $0].isFinite }.count
    var cholesky = _Cholesky(symmetric: likelihood.information, size: p, tolerance: tolerance)
    if !logLikelihood.isFinite { failures += 1 }
    failures += abs(initialRank - cholesky.rank)
    if failures == 0 && halving == 0 && abs(1 - best / logLikelihood) <= eps {
      return (beta, logLikelihood, iteration, true, cholesky)
    }
    if iteration >= maximumIterations {
      if maximumIterations > 1 && (logLikelihood - best) / abs(best) < -eps {
        let previous = likelihood.evaluate(oldBeta)
        cholesky = _Cholesky(symmetric: likelihood.information, size: p, tolerance: tolerance)
        return (oldBeta, previous, iteration, false, cholesky)
      }
      return (beta, logLikelihood, iteration, false, cholesky)
    }
    if failures > 0 || logLikelihood < best {
      halving += 1
      for i in 0..<p { beta[i] = (oldBeta[i] * halving + beta[i]) / (halving + 1) }
    } else {
      halving = 0
      best = logLikelihood
      var newtonStep = likelihood.score
      cholesky.solve(&newtonStep)
      for i in 0..<p {
        oldBeta[i] = beta[i]
        beta[i] += newtonStep[i]
      }
    }
    iteration += 1
  }
}

/// The iterations of R's exact-likelihood fitters (`coxexact`, `agexact`): convergence is only
/// accepted after a full Newton step (not after a halving); a step that lowers the likelihood or
/// is not finite is halved once towards the last accepted β (not repeatedly, as `coxfit6`
/// does); out of iterations, `coxexact` reports the last accepted β re-evaluated and `agexact`
/// the last proposal.
private func _exactIterations(
  likelihood: _PartialLikelihood, start step: [Double], initialLogLikelihood: Double,
  revertsWhenOutOfIterations: Bool, options: CoxRegressionOptions
) -> (
  beta: [Double], logLikelihood: Double, iterations: Int, isConverged: Bool, cholesky: _Cholesky
) {
  let p = likelihood.data.covariateCount
  let eps = options.convergenceTolerance
  let tolerance = options.choleskyTolerance
  let maximumIterations = options.maximumIterations
  var oldBeta = [Double](repeating: 0, count: p)
  var beta = step
  var best = initialLogLikelihood
  var isHalving = false
  var iteration = 1
  while true {
    let logLikelihood = likelihood.evaluate(beta)
    var cholesky = _Cholesky(symmetric: likelihood.information, size: p, tolerance: tolerance)
    let isFinite =
      logLikelihood.isFinite && likelihood.score.allSatisfy(\.isFinite)
      && likelihood.information.allSatisfy(\.isFinite)
    if isFinite && abs(1 - best / logLikelihood) <= eps && !isHalving {
      return (beta, logLikelihood, iteration, true, cholesky)
    }
    if iteration >= maximumIterations {
      if revertsWhenOutOfIterations && maximumIterations > 1 {
        let previous = likelihood.evaluate(oldBeta)
        cholesky = _Cholesky(symmetric: likelihood.information, size: p, tolerance: tolerance)
        return (oldBeta, previous, iteration, false, cholesky)
      }
      return (beta, logLikelihood, iteration, false, cholesky)
    }
    if !isFinite || logLikelihood < best {
      isHalving = true
      for i in 0..<p { beta[i] = (oldBeta[i] + beta[i]) / 2 }
    } else {
      isHalving = false
      best = logLikelihood
      var newtonStep = likelihood.score
      cholesky.solve(&newtonStep)
      for i in 0..<p {
        oldBeta[i] = beta[i]
        beta[i] += newtonStep[i]
      }
    }
    iteration += 1
  }
}
