import Foundation

/// Test of the proportional hazards assumption of a Cox fit, per term and globally, as
/// `cox.zph(fit, transform = "km")` in survival ≥ 3.0.
///
/// For a transform g of time, centred so that its mean over the event times is zero, the model
/// is extended to β(t) = β + θ g(t). At (β̂, θ = 0) the score for θ is Σ_events g(tᵢ)(xᵢ − x̄(tᵢ)),
/// and the full 2p × 2p information matrix of (β, θ) is accumulated in one pass (Breslow or
/// Efron, as in the fit). The test of a term with coefficient set J is the score statistic
/// uᵀ I⁻¹ u with u = (0, U_θ,J) on the rows and columns (β, θ_J); GLOBAL uses all θ. Multi-column
/// terms are tested jointly with df = number of columns.
///
/// The statistics are invariant to rescaling a covariate (x → c·x), as R's are in exact
/// arithmetic: the generalized inverse uses a pivot tolerance relative to each column's own
/// diagonal entry. R solves the system with `solve()`, which refuses it as "computationally
/// singular" once covariate scales differ by about 10⁵ (reciprocal condition number below
/// ε); the values here are then those R gives for the same model on a moderate scale.
///
/// Transforms: `km` uses g(t) = 1 − Ŝ(t−) from the pooled Kaplan–Meier estimate (R's default),
/// `identity` t, `rank` the average rank of t, `log` log t.
///
/// For counting-process fits (`Surv(start, stop, event)`) the sums run over the risk sets
/// {start < t ≤ stop} (R's `zph2.c`) and the `km` transform uses the Kaplan–Meier estimate of
/// those risk sets.
///
/// Reference: Grambsch & Therneau (1994), Biometrika 81:515–526; survival's `zph1.c`, `zph2.c`.
///
/// - Complexity: O(n log n + n·p²).
public struct ProportionalHazardsTest: Sendable {
  /// The time transform g.
  public enum Transform: String, Equatable, Sendable, CaseIterable {
    /// 1 − Kaplan–Meier(t−) (R's default).
    case km
    /// Time itself.
    case identity
    /// Rank of time.
    case rank
    /// Logarithm of time.
    case log
  }

  /// One row of the table (R: `cox.zph(fit)$table`).
  public struct Row: Equatable, Sendable {
    /// Term label, or `GLOBAL`.
    public let term: String
    /// Score statistic (R: `chisq`).
    public let statistic: Double
    /// Degrees of freedom (R: `df`).
    public let degreesOfFreedom: Int
    /// P(χ²_df > statistic) (R: `p`).
    public let p: Double
  }

  /// The transform used.
  public let transform: Transform
  /// One row per term with a non-aliased coefficient.
  public let terms: [Row]
  /// The global test over all coefficients.
  public let global: Row

  /// Tests the fit's proportional hazards assumption.
  public init(_ fit: CoxRegression, transform: Transform = .km) {
    self.transform = transform
    let data = fit.input.data
    let design = fit.input.design
    let n = data.count
    let kept = (0..<design.columnCount).filter { !fit.coefficients[$0].isAliased }
    let p = kept.count
    let order = data.order

    // Transformed times, centred on the event times.
    let times = data.times
    var g = [Double](repeating: 0, count: n)
    switch transform {
    case .identity: g = times
    case .log: g = times.map { Foundation.log($0) }
    case .rank: g = Self.averageRanks(times)
    case .km:
      if let counting = data.counting {
        g = Self.oneMinusKaplanMeierBefore(
          entries: counting.entries, times: times, events: data.events)
      } else {
        g = Self.oneMinusKaplanMeierBefore(times: times, events: data.events)
      }
    }
    var eventSum = 0.0
    var eventCount = 0.0
    for k in 0..<n where data.events[k] == 1 {
      eventSum += g[k]
      eventCount += 1
    }
    let gMean = eventSum / eventCount
    for k in 0..<n { g[k] -= gMean }

    // Linear predictor and covariates in sorted order, centred (R's zph2 keeps the linear
    // predictor as the fit reports it).
    var eta = order.map { fit.linearPredictors[$0] }
    if !data.isCountingProcess {
      let etaMean = eta.reduce(0, +) / Double(n)
      for k in 0..<n { eta[k] -= etaMean }
    }
    var x = [Double](repeating: 0, count: n * p)
    for (c, j) in kept.enumerated() {
      let column = design.columns[j]
      var mean = 0.0
      for k in 0..<n { mean += column[order[k]] }
      mean /= Double(n)
      for k in 0..<n { x[k * p + c] = column[order[k]] - mean }
    }

    let (u, information) =
      data.isCountingProcess
      ? Self.countingScoreAndInformation(
        data: data, x: x, p: p, eta: eta, g: g, efron: fit.options.ties == .efron)
      : Self.scoreAndInformation(
        data: data, x: x, p: p, eta: eta, g: g, efron: fit.options.ties == .efron)

    func test(_ columns: [Int]) -> Double {
      let indices = Array(0..<p) + columns.map { $0 + p }
      let sub = DenseMatrix(rowCount: 2 * p, columnCount: 2 * p, elements: information)
        .submatrix(indices)
      var vector = [Double](repeating: 0, count: indices.count)
      for (k, column) in columns.enumerated() { vector[p + k] = u[column + p] }
      // The covariates are not scaled here (unlike in the fit), so the pivot tolerance must be
      // relative to each column's own diagonal: with R's rule (relative to the largest
      // diagonal) a covariate on a scale 10⁵ times smaller than another is dropped as if
      // redundant, and its test, and GLOBAL's, come out wrong.
      let cholesky = _Cholesky(
        symmetric: sub.elements, size: indices.count, tolerance: fit.options.choleskyTolerance,
        pivoting: .relativeToOwnDiagonal)
      return cholesky.quadraticFormOfInverse(vector)
    }

    var rows: [Row] = []
    for term in design.terms {
      let columns = term.columns.compactMap { kept.firstIndex(of: $0) }
      guard !columns.isEmpty else { continue }
      let statistic = test(columns)
      rows.append(
        Row(
          term: term.label, statistic: statistic, degreesOfFreedom: columns.count,
          p: Distributions.chiSquareUpperTail(statistic, degreesOfFreedom: Double(columns.count))))
    }
    terms = rows
    let globalStatistic = test(Array(0..<p))
    global = Row(
      term: "GLOBAL", statistic: globalStatistic, degreesOfFreedom: p,
      p: Distributions.chiSquareUpperTail(globalStatistic, degreesOfFreedom: Double(p)))
  }

  /// U = (U_β, U_θ) and the 2p × 2p information at θ = 0 (R `zph1`).
  private static func scoreAndInformation(
    data: _CoxData, x: [Double], p: Int, eta: [Double], g: [Double], efron: Bool
  ) -> (u: [Double], information: [Double]) {
    let m = 2 * p
    var u = [Double](repeating: 0, count: m)
    var info = [Double](repeating: 0, count: m * m)
    var a = [Double](repeating: 0, count: p)
    var c = [Double](repeating: 0, count: p * p)
    var a2 = [Double](repeating: 0, count: p)
    var c2 = [Double](repeating: 0, count: p * p)
    var denom = 0.0
    var person = data.count - 1
    while person >= 0 {
      if person == data.count - 1 || data.strata[person] != data.strata[person + 1] {
        denom = 0
        for i in 0..<p { a[i] = 0 }
        for k in 0..<(p * p) { c[k] = 0 }
      }
      let time = data.times[person]
      let stratum = data.strata[person]
      let weight = g[person]
      var deaths = 0
      var deathRisk = 0.0
      var deathWeight = 0.0
      while person >= 0 && data.times[person] == time && data.strata[person] == stratum {
        // Case weights multiply exactly when they are 1, so unweighted fits are unchanged.
        let caseWeight = data.weights?[person] ?? 1
        let risk = exp(eta[person]) * caseWeight
        let row = person * p
        if data.events[person] == 0 {
          denom += risk
          for i in 0..<p {
            a[i] += risk * x[row + i]
            for j in 0...i { c[i * p + j] += risk * x[row + i] * x[row + j] }
          }
        } else {
          deaths += 1
          deathRisk += risk
          deathWeight += caseWeight
          for i in 0..<p {
            u[i] += caseWeight * x[row + i]
            u[i + p] += weight * (caseWeight * x[row + i])
            a2[i] += risk * x[row + i]
            for j in 0...i { c2[i * p + j] += risk * x[row + i] * x[row + j] }
          }
        }
        person -= 1
      }
      guard deaths > 0 else { continue }
      let d = Double(deaths)
      let steps = efron ? deaths : 1
      let share = efron ? 1 / d : 1
      // The deaths' mean weight per Efron step, their total weight for Breslow (1 and d when
      // unweighted).
      let stepWeight = efron ? deathWeight / d : deathWeight
      for _ in 0..<steps {
        denom += deathRisk * share
        for i in 0..<p {
          a[i] += a2[i] * share
          let mean = a[i] / denom
          u[i] -= stepWeight * mean
          u[i + p] -= weight * stepWeight * mean
          for j in 0...i {
            c[i * p + j] += c2[i * p + j] * share
            let value = stepWeight * (c[i * p + j] - mean * a[j]) / denom
            info[j * m + i] += value
            info[j * m + i + p] += value * weight
            info[(j + p) * m + i + p] += value * weight * weight
          }
        }
      }
      for i in 0..<p { a2[i] = 0 }
      for k in 0..<(p * p) { c2[k] = 0 }
    }
    // Symmetrize: blocks (β,β), (β,θ), (θ,θ) were filled for j ≤ i.
    for i in 0..<p {
      for j in 0..<i {
        info[i * m + j] = info[j * m + i]
        info[i * m + j + p] = info[j * m + i + p]
        info[(i + p) * m + j + p] = info[(j + p) * m + i + p]
      }
    }
    for i in 0..<p {
      for j in 0..<p { info[(i + p) * m + j] = info[j * m + i + p] }
    }
    return (u, info)
  }

  /// 1 − Ŝ(t−) for each (sorted-by-stratum) subject, Ŝ the pooled Kaplan–Meier estimate.
  private static func oneMinusKaplanMeierBefore(times: [Double], events: [UInt8]) -> [Double] {
    let byTime = times.indices.sorted { times[$0] < times[$1] }
    var result = [Double](repeating: 0, count: times.count)
    var survival = 1.0
    var atRisk = Double(times.count)
    var k = 0
    while k < byTime.count {
      let time = times[byTime[k]]
      var end = k
      var deaths = 0.0
      while end < byTime.count && times[byTime[end]] == time {
        deaths += Double(events[byTime[end]])
        end += 1
      }
      for index in k..<end { result[byTime[index]] = 1 - survival }
      survival *= 1 - deaths / atRisk
      atRisk -= Double(end - k)
      k = end
    }
    return result
  }

  /// Average ranks (R `rank`, ties = "average").
  private static func averageRanks(_ values: [Double]) -> [Double] {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var k = 0
    while k < order.count {
      var end = k
      while end < order.count && values[order[end]] == values[order[k]] { end += 1 }
      let average = Double(k + 1 + end) / 2
      for index in k..<end { ranks[order[index]] = average }
      k = end
    }
    return ranks
  }
}
