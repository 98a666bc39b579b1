import Foundation

extension CoxRegression {
  /// Fits a Cox model to right-censored or counting-process data.
  ///
  /// With `entryTimes`, observation i covers the interval (entryᵢ, timesᵢ] and is in the risk set
  /// of an event at t when entryᵢ < t ≤ timesᵢ: time-dependent covariates (one row per interval
  /// of constant covariates), recurrent events (Andersen–Gill: one row per interval between
  /// events) and delayed entry (left truncation). R: `coxph(Surv(start, stop, event) ~ x)`,
  /// fitted as `agreg.fit` does (its iteration rules, its reported means `colMeans(x)`).
  ///
  /// - Parameters:
  ///   - entryTimes: start of each observation's interval (R's `tstart`), nil for
  ///     right-censored data (every subject at risk from time 0, or −∞).
  ///   - times: follow-up time, or the end of the interval (`tstop`), of each observation.
  ///   - events: true for an event at `times`, false for censoring.
  ///   - design: the covariate columns and their terms (see ``ModelFrame`` for formulas).
  ///   - strata: optional stratum code per observation; each stratum gets its own baseline
  ///     hazard (R: `strata()`).
  ///   - weights: optional case weights, finite and > 0 (R: `weights =`); each observation's
  ///     contributions to the partial likelihood, score and information are multiplied by its
  ///     weight (Efron's steps by the tied deaths' mean weight, so that with Efron's method, as
  ///     in R, a row of weight k is not the same as k copies of it; with Breslow's it is). As
  ///     in R, the variance is robust by default when a weight is not an integer (see
  ///     ``CoxRegressionOptions/RobustVariance/automatic``).
  ///   - clusters: optional cluster code per observation (R: `cluster(id)`): observations of a
  ///     cluster may be correlated; the robust variance sums their dfbeta residuals.
  ///   - options: settings, R's defaults unless given; ``CoxRegressionOptions/robustVariance``
  ///     decides whether the robust (sandwich) variance replaces the model-based one.
  /// - Throws: ``CoxRegressionError`` for inconsistent lengths, non-finite values, an interval
  ///   that does not end after it starts, no rows or no events. Statistical problems
  ///   (separation, aliasing, non-convergence) do not throw; they are listed in
  ///   ``diagnostics``.
  public init(
    entryTimes: [Double]? = nil, times: [Double], events: [Bool], design: DesignMatrix,
    strata: [Int]? = nil, weights: [Double]? = nil, clusters: [Int]? = nil,
    options: CoxRegressionOptions = CoxRegressionOptions()
  ) throws(CoxRegressionError) {
    let n = times.count
    try Self.validate(
      entryTimes: entryTimes, times: times, events: events, design: design, strata: strata,
      weights: weights, clusters: clusters, options: options)
    let input = _FitInput(
      entryTimes: entryTimes, times: times, events: events, strata: strata, weights: weights,
      design: design, options: options)
    let data = input.data
    let fit = _newtonRaphson(data, options: options)
    let p = design.columnCount
    let modelVariance = DenseMatrix(rowCount: p, columnCount: p, elements: fit.variance)

    // The robust variance, when R would compute it.
    let hasFractionalWeights = weights?.contains { $0 != $0.rounded(.down) } ?? false
    let isRobust: Bool
    switch options.robustVariance {
    case .automatic: isRobust = clusters != nil || hasFractionalWeights
    case .robust: isRobust = true
    case .modelBased: isRobust = false
    }
    if isRobust && clusters == nil && entryTimes != nil
      && options.robustVariance == .robust
    {
      throw .robustVarianceNeedsClusters
    }
    if isRobust && options.ties == .exact { throw .robustVarianceWithExactTies }
    var robust: (variance: DenseMatrix, score: ChiSquareTest, clusterCount: Int)?
    if isRobust && p > 0 && fit.isRedundant.contains(false) {
      robust = Self.robustVariance(
        data: data, fit: fit, clusters: clusters, options: options)
    }
    let inferenceVariance = robust?.variance ?? modelVariance

    // Coefficients.
    let z = Distributions.normalQuantile(1 - (1 - options.confidenceLevel) / 2)
    var coefficients: [Coefficient] = []
    for j in 0..<p {
      let aliased = fit.isRedundant[j]
      let estimate = aliased ? Double.nan : fit.beta[j]
      let naive = aliased ? Double.nan : fit.variance[j * p + j].squareRoot()
      let robustSE = robust.map { aliased ? Double.nan : $0.variance[j, j].squareRoot() }
      let se = robustSE ?? naive
      let zValue = estimate / se
      coefficients.append(
        Coefficient(
          label: design.labels[j], estimate: estimate, standardError: se,
          hazardRatio: exp(estimate), z: zValue,
          p: Distributions.chiSquareUpperTail(zValue * zValue, degreesOfFreedom: 1),
          mean: data.reportedMeans[j], confidenceLevel: options.confidenceLevel,
          hazardRatioLower: exp(estimate - z * se), hazardRatioUpper: exp(estimate + z * se),
          modelStandardError: naive, robustStandardError: robustSE))
    }

    // Linear predictors in input order (R: x %*% coef - sum(coef * means)).
    var offset = 0.0
    for j in 0..<p { offset += fit.beta[j] * data.reportedMeans[j] }
    var linearPredictors = [Double](repeating: -offset, count: n)
    for j in 0..<p where fit.beta[j] != 0 {
      let b = fit.beta[j]
      design.columns[j].withUnsafeBufferPointer { column in
        for i in 0..<n { linearPredictors[i] += b * column[i] }
      }
    }

    // Diagnostics.
    var diagnostics: [Diagnostic] = []
    if data.mergedTimeCount > 0 { diagnostics.append(.nearTiesMerged(count: data.mergedTimeCount)) }
    if clusters != nil && options.robustVariance == .modelBased {
      diagnostics.append(.clustersIgnored)
    }
    let aliasedNames = (0..<p).filter { fit.isRedundant[$0] }.map { design.labels[$0].name }
    if !aliasedNames.isEmpty { diagnostics.append(.aliasedCoefficients(names: aliasedNames)) }
    if p > 0 && options.maximumIterations > 1 {
      // Remaining Newton step |U(β̂)ᵀ V| per coefficient.
      var remaining = [Double](repeating: 0, count: p)
      for j in 0..<p {
        var total = 0.0
        for i in 0..<p { total += fit.score[i] * fit.variance[i * p + j] }
        remaining[j] = abs(total)
      }
      if fit.isConverged {
        // coxph.fit: |step| > eps and > toler.inf·|β|; agreg.fit: |step| > toler.inf·(1 + |β|).
        let flagged = (0..<p).filter { j in
          if !fit.score[j].isFinite { return true }
          if data.isCountingProcess {
            return remaining[j] > options.infiniteCoefficientTolerance * (1 + abs(fit.beta[j]))
          }
          return remaining[j] > options.convergenceTolerance
            && remaining[j] > options.infiniteCoefficientTolerance * abs(fit.beta[j])
        }
        if !flagged.isEmpty {
          diagnostics.append(
            .possiblyInfiniteCoefficients(
              names: flagged.map { design.labels[$0].name }, positions: flagged))
        }
      } else {
        diagnostics.append(.didNotConverge(iterations: fit.iterations))
        if !data.isCountingProcess,
          (linearPredictors.max() ?? 0) > 500 || remaining.contains(where: { !$0.isFinite })
        {
          diagnostics.append(.coefficientsMayBeInfinite)
        }
      }
    }

    // Global tests over the non-aliased coefficients.
    let kept = (0..<p).filter { !fit.isRedundant[$0] }
    let df = kept.count
    let variance = inferenceVariance
    let wald = Self.waldStatistic(
      indices: kept, beta: fit.beta, variance: variance, tolerance: options.choleskyTolerance)

    self.options = options
    self.coefficients = coefficients
    self.terms = design.terms
    self.variance = variance
    self.modelVariance = modelVariance
    self.robustVariance = robust?.variance
    self.robustScoreTest = robust?.score
    self.clusterCount = robust?.clusterCount
    self.nullLogLikelihood = fit.initialLogLikelihood
    self.logLikelihood = fit.finalLogLikelihood
    self.likelihoodRatioTest = ChiSquareTest(
      statistic: 2 * (fit.finalLogLikelihood - fit.initialLogLikelihood), degreesOfFreedom: df)
    self.waldTest = ChiSquareTest(statistic: wald.statistic, degreesOfFreedom: df)
    self.scoreTest = ChiSquareTest(statistic: fit.scoreStatistic, degreesOfFreedom: df)
    self.observationCount = n
    self.eventCount = events.reduce(0) { $0 + ($1 ? 1 : 0) }
    self.weightedEventCount = weights.map { w in
      zip(w, events).reduce(0.0) { $0 + ($1.1 ? $1.0 : 0) }
    }
    self.stratumCount = data.stratumCount
    self.iterations = fit.iterations
    self.isConverged = fit.isConverged
    self.diagnostics = diagnostics
    self.linearPredictors = linearPredictors
    self.input = input

    if p > 0 && !data.isCountingProcess && data.weights == nil {
      let sortedScores = data.order.map { linearPredictors[$0] }
      let sortedClusters = robust == nil ? nil : clusters.map { c in data.order.map { c[$0] } }
      self.concordance = _concordance(
        data: data, sortedScores: sortedScores, sortedClusters: sortedClusters)
    } else {
      self.concordance = nil
    }
    self.termTests = Self.termTests(
      design: design, beta: fit.beta, isRedundant: fit.isRedundant, variance: variance,
      logLikelihood: fit.finalLogLikelihood, input: input, options: options)
  }

  /// Joint Wald statistic βₛᵀ Vₛ⁻¹ βₛ over the coefficient subset s, by the tolerant Cholesky
  /// decomposition (R `coxph.wtest`). Returns the statistic and the rank of Vₛ.
  static func waldStatistic(
    indices: [Int], beta: [Double], variance: DenseMatrix, tolerance: Double
  ) -> (statistic: Double, rank: Int) {
    guard !indices.isEmpty else { return (0, 0) }
    let sub = variance.submatrix(indices)
    let cholesky = _Cholesky(symmetric: sub.elements, size: indices.count, tolerance: tolerance)
    return (cholesky.quadraticFormOfInverse(indices.map { beta[$0] }), cholesky.rank)
  }

  private static func termTests(
    design: DesignMatrix, beta: [Double], isRedundant: [Bool], variance: DenseMatrix,
    logLikelihood: Double, input: _FitInput, options: CoxRegressionOptions
  ) -> [TermTest] {
    design.terms.enumerated().map { position, term in
      let indices = Array(term.columns)
      let kept = indices.filter { !isRedundant[$0] }
      let wald = waldStatistic(
        indices: kept, beta: beta, variance: variance, tolerance: options.choleskyTolerance)
      var likelihoodRatio: ChiSquareTest?
      if options.termTests == .waldAndLikelihoodRatio {
        let others = design.terms.indices.filter { $0 != position }
        var reducedOptions = options
        reducedOptions.termTests = .wald
        let reducedDesign = design.keepingTerms(at: others)
        let reducedData = input.data(columns: reducedDesign.columns)
        let reduced = _newtonRaphson(reducedData, options: reducedOptions)
        let reducedDF = reduced.isRedundant.filter { !$0 }.count
        let fullDF = isRedundant.filter { !$0 }.count
        likelihoodRatio = ChiSquareTest(
          statistic: 2 * (logLikelihood - reduced.finalLogLikelihood),
          degreesOfFreedom: fullDF - reducedDF)
      }
      return TermTest(
        term: term.label, coefficientIndices: indices,
        wald: ChiSquareTest(statistic: wald.statistic, degreesOfFreedom: kept.count),
        likelihoodRatio: likelihoodRatio)
    }
  }

  private static func validate(
    entryTimes: [Double]?, times: [Double], events: [Bool], design: DesignMatrix,
    strata: [Int]?, weights: [Double]?, clusters: [Int]?, options: CoxRegressionOptions
  ) throws(CoxRegressionError) {
    let n = times.count
    if let weights {
      if weights.count != n {
        throw .lengthMismatch(what: "weights", expected: n, found: weights.count)
      }
      let bad = weights.indices.filter { !(weights[$0].isFinite && weights[$0] > 0) }
      if let first = bad.first {
        throw .invalidWeight(row: first, value: weights[first], count: bad.count)
      }
    }
    if let clusters, clusters.count != n {
      throw .lengthMismatch(what: "clusters", expected: n, found: clusters.count)
    }
    if weights != nil && options.ties == .exact { throw .weightsWithExactTies }
    if let entryTimes, entryTimes.count != n {
      throw .lengthMismatch(what: "entry times", expected: n, found: entryTimes.count)
    }
    if events.count != n {
      throw .lengthMismatch(what: "events", expected: n, found: events.count)
    }
    if design.rowCount != n {
      throw .lengthMismatch(what: "the design matrix", expected: n, found: design.rowCount)
    }
    if let strata, strata.count != n {
      throw .lengthMismatch(what: "strata", expected: n, found: strata.count)
    }
    if !(options.confidenceLevel > 0 && options.confidenceLevel < 1) {
      throw .invalidOption(
        "confidence level must be between 0 and 1, found '\(options.confidenceLevel)'")
    }
    if options.maximumIterations < 0 {
      throw .invalidOption(
        "maximum iterations must be non-negative, found '\(options.maximumIterations)'")
    }
    if !(options.convergenceTolerance > 0) || !(options.choleskyTolerance > 0) {
      throw .invalidOption("convergence and Cholesky tolerances must be positive")
    }
    if n == 0 { throw .noObservations }
    let badTimes = times.indices.filter { !times[$0].isFinite }
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
    if !events.contains(true) { throw .noEvents(observations: n) }
    if var entries = entryTimes {
      let badEntries = entries.indices.filter { !entries[$0].isFinite }
      if let first = badEntries.first {
        throw .invalidTime(row: first, value: entries[first], count: badEntries.count)
      }
      let empty = entries.indices.filter { !(entries[$0] < times[$0]) }
      if let first = empty.first {
        throw .emptyInterval(
          row: first, start: entries[first], stop: times[first], count: empty.count)
      }
      if options.mergesNearTies {
        var exits = times
        if let row = _mergeNearTiesJointly(entries: &entries, exits: &exits).collapsedRow {
          throw .intervalMergedToZeroLength(row: row, start: entryTimes![row], stop: times[row])
        }
      }
    }
  }
}
