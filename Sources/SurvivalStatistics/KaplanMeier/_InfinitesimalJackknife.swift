/// The infinitesimal-jackknife (robust) standard error of log S(t) for a weighted Kaplan–Meier
/// estimate, R's default when a case weight is not a whole number (`survfit(..., weights = w)`,
/// `robust = TRUE`).
///
/// The influence of subject i (weight wᵢ, entry eᵢ, exit Tᵢ, event δᵢ) on log S(t) is
///
///     Uᵢ(t) = Σ_{eᵢ < tⱼ ≤ min(t, Tᵢ)} dⱼ/(nⱼ(nⱼ − dⱼ)) − δᵢ·1{Tᵢ ≤ t}/(n(Tᵢ) − d(Tᵢ))
///
/// with nⱼ, dⱼ the weighted numbers at risk and of events, and Var(log S(t)) = Σᵢ wᵢ²·Uᵢ(t)².
/// R 3.5.3 returns `sqrt(colSums(fit$influence.surv^2))`, the standard error of S rather than of
/// log S, in `fit$std.err` of such a fit (its intervals use the latter): the estimate keeps
/// the standard error of log S for every fit, so `std.err / surv` in R is the value to compare.
///
/// With A(t) = Σ_{tⱼ ≤ t} dⱼ/(nⱼ(nⱼ − dⱼ)) and aᵢ = A(eᵢ), a subject still at risk at t adds
/// wᵢ²(A(t) − aᵢ)², and one that left at Tᵢ ≤ t adds its final wᵢ²(A(Tᵢ) − aᵢ − δᵢgᵢ)²; keeping
/// Σw², Σw²a and Σw²a² over those at risk gives every time in one sweep.
///
/// - Complexity: O(n log n + m) for n subjects and m distinct times.
enum _InfinitesimalJackknife {
  /// The standard error of log S at every row of `counts`.
  ///
  /// - Parameters:
  ///   - sortedTimes: exit times ascending, with `isEvent`, `entryTimes` and `weights` aligned.
  static func standardErrors(
    counts: _RiskSetCounts, entryTimes: [Double]?, sortedTimes: [Double], isEvent: [Bool], weights: [Double]
  ) -> [Double] {
    let m = counts.times.count
    let n = sortedTimes.count
    // A at every row and the event term g of every row.
    var cumulative = [Double](repeating: 0, count: m)
    var eventTerm = [Double](repeating: 0, count: m)
    var sum = 0.0
    // From the time S reaches 0 (every patient at risk has the event) its standard error is 0,
    // as R reports it for such a fit.
    var firstZero = m
    for row in 0..<m {
      let atRisk = counts.weightedAtRisk[row]
      let events = counts.weightedEvents[row]
      if counts.events[row] > 0 && events > 0 && !(atRisk - events > 0) {
        firstZero = min(firstZero, row)
      } else if counts.events[row] > 0 && events > 0 {
        sum += events / (atRisk * (atRisk - events))
        eventTerm[row] = 1 / (atRisk - events)
      }
      cumulative[row] = sum
    }
    // Each subject's exit row, and its A at entry (A of the last row at or before the entry).
    var exitRow = [Int](repeating: 0, count: n)
    var row = 0
    for i in 0..<n {
      while counts.times[row] != sortedTimes[i] { row += 1 }
      exitRow[i] = row
    }
    func cumulativeAt(_ time: Double) -> Double {
      // The number of rows with time ≤ `time`.
      var low = 0
      var high = m
      while low < high {
        let middle = (low + high) / 2
        if counts.times[middle] <= time { low = middle + 1 } else { high = middle }
      }
      return low == 0 ? 0 : cumulative[low - 1]
    }
    let entryA = entryTimes.map { entries in entries.map(cumulativeAt) }
    let byEntry = entryTimes.map { entries in (0..<n).sorted { entries[$0] < entries[$1] } }

    var errors = [Double](repeating: 0, count: m)
    var left = 0.0  // Σ over subjects that left of their final wᵢ²Uᵢ²
    var s0 = 0.0
    var s1 = 0.0
    var s2 = 0.0
    var nextEntry = 0
    var nextExit = 0
    func add(_ i: Int, sign: Double) {
      let w2 = weights[i] * weights[i]
      let a = entryA?[i] ?? 0
      s0 += sign * w2
      s1 += sign * w2 * a
      s2 += sign * w2 * a * a
    }
    if entryTimes == nil { for i in 0..<n { add(i, sign: 1) } }
    for row in 0..<m {
      let time = counts.times[row]
      if let byEntry, let entryTimes {
        while nextEntry < n && entryTimes[byEntry[nextEntry]] < time {
          add(byEntry[nextEntry], sign: 1)
          nextEntry += 1
        }
      }
      let a = cumulative[row]
      while nextExit < n && exitRow[nextExit] == row {
        let i = nextExit
        add(i, sign: -1)
        let u = a - (entryA?[i] ?? 0) - (isEvent[i] ? eventTerm[row] : 0)
        left += weights[i] * weights[i] * u * u
        nextExit += 1
      }
      let variance = left + a * a * s0 - 2 * a * s1 + s2
      errors[row] = row >= firstZero ? 0 : max(variance, 0).squareRoot()
    }
    return errors
  }
}
