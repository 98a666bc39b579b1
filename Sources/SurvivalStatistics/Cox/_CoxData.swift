import Foundation

/// Validated survival data sorted by (stratum, time), with the covariates centred and scaled
/// the way `coxph` does before Newton–Raphson.
///
/// Sorting: ascending stratum, then ascending time, then events before censorings at the same
/// time, then original row. The partial-likelihood kernel walks this order backwards, so at a
/// tied time the censored subjects are met first (they are in the risk set of the tied deaths),
/// which is also the order the concordance needs.
///
/// Centring and scaling (R `coxfit6.c`): a column whose values all lie in {−1, 0, 1} (R's
/// `nocenter`) is left alone; any other column j is replaced by (x − x̄ⱼ)·sⱼ with
/// sⱼ = n / Σ|x − x̄ⱼ| (1 for a constant column). Newton–Raphson is affine invariant, so the
/// iterates are unchanged in exact arithmetic, but the information matrix is far better
/// conditioned and the Cholesky tolerance acts on comparable pivots.
final class _CoxData: Sendable {
  /// Number of subjects.
  let count: Int
  /// Number of covariate columns.
  let covariateCount: Int
  /// `order[k]` is the input row at sorted position k.
  let order: [Int]
  /// Sorted times (after near-tie merging).
  let times: [Double]
  /// Sorted event indicators (1 = event).
  let events: [UInt8]
  /// Sorted dense stratum numbers, 0-based, in ascending order of the caller's codes.
  let strata: [Int32]
  /// Number of strata.
  let stratumCount: Int
  /// Sorted covariates, row-major (`covariateCount` values per subject), centred and scaled.
  let covariates: [Double]
  /// Centring values (0 for columns left alone). R: `coxfit6` `means`.
  let centers: [Double]
  /// Scale factors sⱼ.
  let scales: [Double]
  /// Number of distinct time values changed by near-tie merging.
  let mergedTimeCount: Int

  init(
    times inputTimes: [Double], events inputEvents: [Bool], columns: [[Double]], strata inputStrata: [Int]?,
    mergesNearTies: Bool
  ) {
    let n = inputTimes.count
    let p = columns.count
    count = n
    covariateCount = p

    var mergedTimes = inputTimes
    var merged = 0
    if mergesNearTies { merged = _mergeNearTies(&mergedTimes) }
    mergedTimeCount = merged

    // Dense stratum numbers in ascending order of the caller's codes.
    var stratumOfRow = [Int32](repeating: 0, count: n)
    var numberOfStrata = 1
    if let inputStrata {
      let codes = Array(Set(inputStrata)).sorted()
      var dense: [Int: Int32] = [:]
      for (k, code) in codes.enumerated() { dense[code] = Int32(k) }
      for i in 0..<n { stratumOfRow[i] = dense[inputStrata[i]] ?? 0 }
      numberOfStrata = max(1, codes.count)
    }
    stratumCount = numberOfStrata

    // Sort contiguous keys rather than indices into three arrays (far fewer cache misses).
    var keys = [_SortKey](repeating: _SortKey(stratum: 0, time: 0, censored: 0, row: 0), count: n)
    for i in 0..<n {
      keys[i] = _SortKey(
        stratum: stratumOfRow[i], time: mergedTimes[i], censored: inputEvents[i] ? 0 : 1,
        row: Int32(truncatingIfNeeded: i))
    }
    keys.sort()
    let order = keys.map { Int($0.row) }
    self.order = order

    var sortedTimes = [Double](repeating: 0, count: n)
    var sortedEvents = [UInt8](repeating: 0, count: n)
    var sortedStrata = [Int32](repeating: 0, count: n)
    for k in 0..<n {
      let row = order[k]
      sortedTimes[k] = mergedTimes[row]
      sortedEvents[k] = inputEvents[row] ? 1 : 0
      sortedStrata[k] = stratumOfRow[row]
    }
    times = sortedTimes
    events = sortedEvents
    strata = sortedStrata

    var centers = [Double](repeating: 0, count: p)
    var scales = [Double](repeating: 1, count: p)
    var x = [Double](repeating: 0, count: n * p)
    for j in 0..<p {
      let column = columns[j]
      var isUnitValued = true
      var total = 0.0
      for value in column {
        total += value
        if isUnitValued && value != 0 && value != 1 && value != -1 { isUnitValued = false }
      }
      if !isUnitValued && n > 0 {
        let mean = total / Double(n)
        var absoluteDeviation = 0.0
        for value in column { absoluteDeviation += abs(value - mean) }
        centers[j] = mean
        scales[j] = absoluteDeviation > 0 ? Double(n) / absoluteDeviation : 1
      }
      let center = centers[j]
      let scale = scales[j]
      x.withUnsafeMutableBufferPointer { buffer in
        column.withUnsafeBufferPointer { c in
          order.withUnsafeBufferPointer { o in
            for k in 0..<n { buffer[k * p + j] = (c[o[k]] - center) * scale }
          }
        }
      }
    }
    covariates = x
    self.centers = centers
    self.scales = scales
  }

  /// Index ranges of the strata in sorted order.
  var stratumRanges: [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    for k in 1...max(count, 1) where k == count || strata[k] != strata[k - 1] {
      ranges.append(start..<k)
      start = k
    }
    return count == 0 ? [] : ranges
  }
}

/// Replaces times that differ by at most √ε (absolutely, or relative to the mean absolute time)
/// from the previous distinct value by that value, as R's `aeqSurv` does, so that times such
/// as days/365.25 tie as intended. Returns the number of distinct values replaced.
///
/// - Complexity: O(n log n).
func _mergeNearTies(_ times: inout [Double]) -> Int {
  let tolerance = Double.ulpOfOne.squareRoot()
  let unique = Array(Set(times.filter { $0.isFinite })).sorted()
  guard unique.count > 1 else { return 0 }
  let meanAbsolute = unique.reduce(0) { $0 + abs($1) } / Double(unique.count)
  var cuts = [unique[0]]
  var replaced = 0
  for k in 1..<unique.count {
    let gap = unique[k] - unique[k - 1]
    if gap <= tolerance || gap / meanAbsolute <= tolerance {
      replaced += 1
    } else {
      cuts.append(unique[k])
    }
  }
  guard replaced > 0 else { return 0 }
  for i in times.indices where times[i].isFinite {
    // Largest cut ≤ time.
    var low = 0
    var high = cuts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if cuts[mid] <= times[i] { low = mid } else { high = mid - 1 }
    }
    times[i] = cuts[low]
  }
  return replaced
}

/// Sort key: stratum, time, events before censorings, then input row.
private struct _SortKey: Comparable {
  var stratum: Int32
  var time: Double
  var censored: UInt8
  var row: Int32

  static func < (a: _SortKey, b: _SortKey) -> Bool {
    if a.stratum != b.stratum { return a.stratum < b.stratum }
    if a.time != b.time { return a.time < b.time }
    if a.censored != b.censored { return a.censored < b.censored }
    return a.row < b.row
  }
}
