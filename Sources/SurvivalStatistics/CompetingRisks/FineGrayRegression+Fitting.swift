import Foundation

extension FineGrayRegression {
  /// Fits a Fine–Gray model for `cause` to competing-risks data.
  ///
  /// Newton–Raphson as `crr` runs it: from β = 0, at each iteration stop when
  /// max_j |Uⱼ(β)| · max(|βⱼ|, 1) < max(|ℓ(β)|, 1) · gtol; otherwise take the Newton step
  /// δ = I(β)⁻¹ U(β) and halve it (up to 20 times) until
  /// ℓ(β + δ) ≥ ℓ(β) + 10⁻⁴ δᵀU(β) (an Armijo condition), then move to β + δ. Aliased columns
  /// get no step (a generalised inverse of I).
  ///
  /// - Parameters:
  ///   - times: follow-up time of each observation (finite, ≥ 0).
  ///   - statuses: censored or the cause of failure, per observation.
  ///   - cause: the cause of interest (R: `failcode`); every other cause competes.
  ///   - design: the covariate columns and their terms (see ``ModelFrame`` for formulas).
  ///   - options: settings, crr's defaults unless given.
  /// - Throws: ``FineGrayRegressionError`` for inconsistent lengths, invalid times or covariates,
  ///   no rows, or no failure from `cause`. Non-convergence and aliasing do not throw; they are
  ///   listed in ``diagnostics``.
  /// - Complexity: O(n log n + iterations · n · p² + p³).
  public init(
    times: [Double], statuses: [CompetingRisksStatus], cause: Int, design: DesignMatrix,
    options: FineGrayRegressionOptions = FineGrayRegressionOptions()
  ) throws(FineGrayRegressionError) {
    try Self.validate(
      times: times, statuses: statuses, cause: cause, design: design, options: options)
    let kinds = statuses.map { status -> _FineGrayData.Kind in
      switch status {
      case .censored: return .censored
      case .cause(let code): return code == cause ? .cause : .competing
      }
    }
    let data = _FineGrayData(times: times, kinds: kinds, columns: design.columns)
    let likelihood = _PseudoLikelihood(data: data)
    let p = design.columnCount
    let tolerance = options.choleskyTolerance

    // Newton–Raphson with crr's stopping rule and backtracking.
    var beta = [Double](repeating: 0, count: p)
    var current = likelihood.evaluate(beta)
    let nullLogLikelihood = current.logLikelihood
    var iterations = 0
    var converged = false
    var diagnostics: [Diagnostic] = []
    while true {
      var largest = -Double.infinity
      for j in 0..<p { largest = max(largest, abs(current.score[j]) * max(abs(beta[j]), 1)) }
      if largest < max(abs(current.logLikelihood), 1) * options.gradientTolerance {
        converged = true
        break
      }
      if iterations == options.maximumIterations {
        diagnostics.append(.didNotConverge(iterations: iterations))
        break
      }
      let cholesky = _Cholesky(symmetric: current.information, size: p, tolerance: tolerance)
      var step = current.score
      cholesky.solve(&step)
      // R works with −ℓ and −U; the threshold below is R's `z[[1]] + 1e-4 * sum(sc * z[[2]])`.
      func threshold() -> Double {
        var slope = 0.0
        for j in 0..<p { slope += step[j] * -current.score[j] }
        return -current.logLikelihood + 1e-4 * slope
      }
      var proposal = (0..<p).map { beta[$0] + step[$0] }
      var candidate = -likelihood.logLikelihood(proposal)
      var halvings = 0
      var halvingFailed = false
      while !(candidate <= threshold()) {
        halvings += 1
        for j in 0..<p {
          step[j] *= 0.5
          proposal[j] = beta[j] + step[j]
        }
        candidate = -likelihood.logLikelihood(proposal)
        if halvings > 20 {
          halvingFailed = true
          break
        }
      }
      if halvingFailed {
        diagnostics.append(.stepHalvingFailed(iteration: iterations + 1))
        break
      }
      beta = proposal
      iterations += 1
      current = likelihood.evaluate(beta)
    }

    // Sandwich variance at the final β.
    let cholesky = _Cholesky(symmetric: current.information, size: p, tolerance: tolerance)
    let inverse = cholesky.inverse()
    let aliased = (0..<p).map { cholesky.storage[$0 * p + $0] == 0 }
    let meat = _FineGraySandwich.meat(data: data, beta: beta, riskSets: current.riskSets)
    var half = [Double](repeating: 0, count: p * p)  // I⁻¹ B
    for i in 0..<p {
      for k in 0..<p where inverse[i * p + k] != 0 {
        let factor = inverse[i * p + k]
        for j in 0..<p { half[i * p + j] += factor * meat[k * p + j] }
      }
    }
    var sandwich = [Double](repeating: 0, count: p * p)  // I⁻¹ B I⁻¹
    for i in 0..<p {
      for j in 0..<p {
        var total = 0.0
        for k in 0..<p { total += half[i * p + k] * inverse[k * p + j] }
        sandwich[i * p + j] = total
      }
    }
    for i in 0..<p {
      for j in 0..<i {
        let mean = (sandwich[i * p + j] + sandwich[j * p + i]) / 2
        sandwich[i * p + j] = mean
        sandwich[j * p + i] = mean
      }
    }

    let z = Distributions.normalQuantile(1 - (1 - options.confidenceLevel) / 2)
    var coefficients: [Coefficient] = []
    for j in 0..<p {
      let estimate = aliased[j] ? Double.nan : beta[j]
      let se = aliased[j] ? Double.nan : sandwich[j * p + j].squareRoot()
      let zValue = estimate / se
      coefficients.append(
        Coefficient(
          label: design.labels[j], estimate: estimate, standardError: se,
          hazardRatio: exp(estimate), z: zValue, p: 2 * Distributions.normalUpperTail(abs(zValue)),
          confidenceLevel: options.confidenceLevel, hazardRatioLower: exp(estimate - z * se),
          hazardRatioUpper: exp(estimate + z * se)))
    }
    let aliasedNames = (0..<p).filter { aliased[$0] }.map { design.labels[$0].name }
    if !aliasedNames.isEmpty { diagnostics.append(.aliasedCoefficients(names: aliasedNames)) }

    var failures = 0
    var competing = 0
    for kind in kinds {
      if kind == .cause { failures += 1 } else if kind == .competing { competing += 1 }
    }
    self.cause = cause
    self.competingCauses = Array(Set(statuses.compactMap(\.cause)).subtracting([cause])).sorted()
    self.options = options
    self.coefficients = coefficients
    self.terms = design.terms
    self.variance = DenseMatrix(rowCount: p, columnCount: p, elements: sandwich)
    self.information = DenseMatrix(rowCount: p, columnCount: p, elements: current.information)
    self.score = current.score
    self.logLikelihood = current.logLikelihood
    self.nullLogLikelihood = nullLogLikelihood
    self.likelihoodRatioTest = CoxRegression.ChiSquareTest(
      statistic: 2 * (current.logLikelihood - nullLogLikelihood),
      degreesOfFreedom: p - aliasedNames.count)
    self.observationCount = times.count
    self.eventCount = failures
    self.competingEventCount = competing
    self.censoredCount = times.count - failures - competing
    self.iterations = iterations
    self.isConverged = converged
    self.diagnostics = diagnostics
  }

  private static func validate(
    times: [Double], statuses: [CompetingRisksStatus], cause: Int, design: DesignMatrix,
    options: FineGrayRegressionOptions
  ) throws(FineGrayRegressionError) {
    let n = times.count
    if statuses.count != n {
      throw .lengthMismatch(what: "statuses", expected: n, found: statuses.count)
    }
    if design.rowCount != n {
      throw .lengthMismatch(what: "the design matrix", expected: n, found: design.rowCount)
    }
    if !(options.confidenceLevel > 0 && options.confidenceLevel < 1) {
      throw .invalidOption(
        "confidence level must be between 0 and 1, found '\(options.confidenceLevel)'")
    }
    if options.maximumIterations < 0 {
      throw .invalidOption(
        "maximum iterations must be non-negative, found '\(options.maximumIterations)'")
    }
    if !(options.gradientTolerance > 0) || !(options.choleskyTolerance > 0) {
      throw .invalidOption("the gradient and Cholesky tolerances must be positive")
    }
    if n == 0 { throw .noObservations }
    let badTimes = times.indices.filter { !(times[$0].isFinite && times[$0] >= 0) }
    if let first = badTimes.first {
      throw .invalidTime(row: first, value: times[first], count: badTimes.count)
    }
    for (j, column) in design.columns.enumerated() {
      let bad = column.indices.filter { !column[$0].isFinite }
      if let first = bad.first {
        throw .invalidCovariate(
          name: design.labels[j].name, row: first, value: column[first], count: bad.count)
      }
    }
    if let (j, spread) = CovariateScale.firstExtreme(design.columns) {
      throw .extremeCovariateScale(name: design.labels[j].name, spread: spread)
    }
    if !statuses.contains(.cause(cause)) {
      throw .noEventsOfCause(
        cause: cause, causes: Array(Set(statuses.compactMap(\.cause))).sorted())
    }
  }
}
