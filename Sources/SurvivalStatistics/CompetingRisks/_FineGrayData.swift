import Foundation

/// Competing-risks data prepared for the Fine–Gray pseudo-likelihood: sorted by time, covariates
/// centred, and the censoring weights of `cmprsk::crr`.
///
/// Sorting: ascending time, ties in input order (R: `d[order(d$ftime), ]`).
///
/// Censoring weights. Ĝ is the Kaplan–Meier estimate of the censoring distribution over all
/// subjects (censoring as the event; at a tied time the failures are still at risk of being
/// censored), R: `survfit(Surv(ftime, cenind) ~ 1)`. crr evaluates it at
/// t·(1 − 100 ε) with a right-continuous step function: `approx(..., xout = ftime * (1 - 100 *
/// .Machine$double.eps), method = "constant", f = 0, rule = 2)`, i.e. at the largest distinct
/// time not above t(1 − 100ε), which is Ĝ(t−) for t > 0 and Ĝ(0) at t = 0. The same evaluation is
/// used here. A subject failing from a competing cause at tⱼ stays in the risk set of a later
/// failure time s with weight Ĝ(s−)/Ĝ(tⱼ−). One difference is kept on purpose: `survfit` merges
/// times closer than about 1.5e-8 relative (`timefix = TRUE`) before estimating Ĝ, while the
/// pseudo-likelihood uses the raw times; here Ĝ uses the raw times too, so the two agree unless
/// the data have such near ties.
///
/// Centring by the column means changes neither the pseudo-likelihood nor its derivatives
/// (every term is a difference xᵢβ − log S⁰ that the shift cancels) but keeps exp(xβ) in range
/// and the second moments well conditioned. Unlike coxph, crr does not scale the columns, and its
/// convergence test is not scale invariant, so no scaling is done.
final class _FineGrayData: Sendable {
  /// The outcome of an observation for the cause of interest.
  enum Kind: UInt8 {
    case censored = 0
    case cause = 1
    case competing = 2
  }

  /// A distinct failure time of the cause of interest.
  struct FailureTime {
    /// The time s.
    let time: Double
    /// The sorted position of the first observation with time ≥ s.
    let start: Int
    /// The number of failures from the cause at s.
    let count: Int
    /// Ĝ(s−), as crr evaluates it.
    let censoringSurvival: Double
  }

  /// Number of observations and of covariate columns.
  let count: Int
  let covariateCount: Int
  /// `order[k]`: the input row at sorted position k.
  let order: [Int]
  /// Sorted times and outcomes.
  let times: [Double]
  let kinds: [Kind]
  /// Sorted, centred covariates, row-major (`covariateCount` per observation).
  let covariates: [Double]
  /// The column means removed.
  let centers: [Double]
  /// Ĝ(t−) at each sorted observation's own time, as crr evaluates it.
  let censoringSurvival: [Double]
  /// The failure times of the cause of interest, ascending.
  let failureTimes: [FailureTime]

  /// - Precondition: times finite and ≥ 0, one status per time, columns of equal length.
  init(times inputTimes: [Double], kinds inputKinds: [Kind], columns: [[Double]]) {
    let n = inputTimes.count
    let p = columns.count
    count = n
    covariateCount = p
    let sorted = _TimeOrdering.sorted(inputTimes, payloads: (0..<n).map { UInt64($0) })
    let order = sorted.payloads.map { Int($0) }
    self.order = order
    let times = sorted.times
    self.times = times
    let kinds = order.map { inputKinds[$0] }
    self.kinds = kinds

    var centers = [Double](repeating: 0, count: p)
    var x = [Double](repeating: 0, count: n * p)
    for j in 0..<p {
      let column = columns[j]
      var total = 0.0
      for value in column { total += value }
      let mean = n > 0 ? total / Double(n) : 0
      centers[j] = mean
      for k in 0..<n { x[k * p + j] = column[order[k]] - mean }
    }
    self.covariates = x
    self.centers = centers

    // Distinct times and the censoring KM after each.
    var distinctTimes: [Double] = []
    var survivalAfter: [Double] = []
    var product = 1.0
    var start = 0
    while start < n {
      var end = start
      var censorings = 0
      while end < n && times[end] == times[start] {
        if kinds[end] == .censored { censorings += 1 }
        end += 1
      }
      if censorings > 0 {
        let r = Double(n - start)
        product *= (r - Double(censorings)) / r
      }
      distinctTimes.append(times[start])
      survivalAfter.append(product)
      start = end
    }

    /// Ĝ at the largest distinct time ≤ t (1 − 100 ε); 1 before the first.
    func censoringSurvival(at time: Double) -> Double {
      let shifted = time * (1 - 100 * Double.ulpOfOne)
      var low = 0
      var high = distinctTimes.count
      while low < high {
        let middle = (low + high) / 2
        if distinctTimes[middle] <= shifted { low = middle + 1 } else { high = middle }
      }
      return low == 0 ? 1 : survivalAfter[low - 1]
    }
    var weights = [Double](repeating: 1, count: n)
    var failureTimes: [FailureTime] = []
    start = 0
    while start < n {
      var end = start
      var failures = 0
      while end < n && times[end] == times[start] {
        if kinds[end] == .cause { failures += 1 }
        end += 1
      }
      let g = censoringSurvival(at: times[start])
      for k in start..<end { weights[k] = g }
      if failures > 0 {
        failureTimes.append(
          FailureTime(time: times[start], start: start, count: failures, censoringSurvival: g))
      }
      start = end
    }
    self.censoringSurvival = weights
    self.failureTimes = failureTimes
  }
}
