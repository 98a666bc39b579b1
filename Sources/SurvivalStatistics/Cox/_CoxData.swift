import Dispatch
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
  /// Number of subjects (rows).
  let count: Int
  /// Number of covariate columns.
  let covariateCount: Int
  /// `order[k]` is the input row at sorted position k.
  let order: [Int]
  /// Sorted times (after near-tie merging); for counting-process data the stop times.
  let times: [Double]
  /// Sorted event indicators (1 = event).
  let events: [UInt8]
  /// Sorted dense stratum numbers, 0-based, in ascending order of the caller's codes.
  let strata: [Int32]
  /// Number of strata.
  let stratumCount: Int
  /// Sorted covariates, row-major (`covariateCount` values per subject), centred and scaled.
  let covariates: [Double]
  /// Centring values used by the kernel (0 for columns left alone). R: `coxfit6` `means`.
  let centers: [Double]
  /// The column means R reports and centres the linear predictor with (R: `fit$means`): the
  /// (weighted) centring values for right-censored data; for counting-process data
  /// `colMeans(x)` over all rows, as `agreg.fit` reports them.
  let reportedMeans: [Double]
  /// Scale factors sⱼ.
  let scales: [Double]
  /// Number of distinct time values changed by near-tie merging.
  let mergedTimeCount: Int
  /// Sorted case weights; nil when every weight is 1 (R's default).
  let weights: [Double]?
  /// Counting-process layout (R `agreg.fit`); nil for right-censored data.
  let counting: _CountingLayout?

  /// Whether the data are in (start, stop] form.
  var isCountingProcess: Bool { counting != nil }

  init(
    entries inputEntries: [Double]? = nil, times inputTimes: [Double], events inputEvents: [Bool],
    columns: [[Double]], strata inputStrata: [Int]?, weights inputWeights: [Double]? = nil,
    mergesNearTies: Bool
  ) {
    let n = inputTimes.count
    let p = columns.count
    count = n
    covariateCount = p

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

    var mergedEntries = inputEntries
    let order: [Int]
    let sortedTimes: [Double]
    let sortedEvents: [UInt8]
    let sortedStrata: [Int32]
    if inputEntries == nil && n < Int(Int32.max) && inputTimes.allSatisfy({ !$0.isNaN }) {
      let sorted = _SortedRows(
        times: inputTimes, events: inputEvents, strata: stratumOfRow, stratumCount: numberOfStrata,
        mergesNearTies: mergesNearTies)
      mergedTimeCount = sorted.mergedCount
      order = sorted.order
      sortedTimes = sorted.times
      sortedEvents = sorted.events
      sortedStrata = sorted.strata
    } else {
      var mergedTimes = inputTimes
      var merged = 0
      if mergesNearTies {
        if mergedEntries != nil {
          merged = _mergeNearTiesJointly(entries: &mergedEntries!, exits: &mergedTimes).replaced
        } else {
          merged = _mergeNearTies(&mergedTimes)
        }
      }
      mergedTimeCount = merged
      // Sort contiguous keys rather than indices into three arrays (far fewer cache misses).
      var keys = [_SortKey](repeating: _SortKey(stratum: 0, time: 0, censored: 0, row: 0), count: n)
      for i in 0..<n {
        keys[i] = _SortKey(
          stratum: stratumOfRow[i], time: mergedTimes[i], censored: inputEvents[i] ? 0 : 1,
          row: Int32(truncatingIfNeeded: i))
      }
      keys.sort()
      order = keys.map { Int($0.row) }
      var times = [Double](repeating: 0, count: n)
      var events = [UInt8](repeating: 0, count: n)
      var strata = [Int32](repeating: 0, count: n)
      for k in 0..<n {
        let row = order[k]
        times[k] = mergedTimes[row]
        events[k] = inputEvents[row] ? 1 : 0
        strata[k] = stratumOfRow[row]
      }
      sortedTimes = times
      sortedEvents = events
      sortedStrata = strata
    }
    self.order = order
    times = sortedTimes
    events = sortedEvents
    strata = sortedStrata
    let sortedWeights = inputWeights.map { w in order.map { w[$0] } }
    weights = sortedWeights

    let layout = mergedEntries.map { entries in
      _CountingLayout(
        entries: order.map { entries[$0] }, times: sortedTimes, events: sortedEvents,
        strata: sortedStrata, order: order)
    }
    counting = layout

    var centers = [Double](repeating: 0, count: p)
    var reported = [Double](repeating: 0, count: p)
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
        if let layout {
          // agreg.fit: the kernel centres on the first row of its sort order (agfit4 computes a
          // per-stratum mean but, as written, subtracts the first row's value from all rows),
          // scales by Σw / Σw|x − c| over the rows used, and reports colMeans(x).
          let first = order[layout.stopOrder.first ?? 0]
          let w0 = inputWeights?[first] ?? 1
          let center = (w0 * column[first]) / w0
          var weightSum = 0.0
          var absoluteDeviation = 0.0
          for k in layout.stopOrder {
            let w = sortedWeights?[k] ?? 1
            absoluteDeviation += w * abs(column[order[k]] - center)
            weightSum += w
          }
          centers[j] = center
          scales[j] = absoluteDeviation > 0 ? weightSum / absoluteDeviation : 1
          reported[j] = total / Double(n)
        } else if let inputWeights {
          var weightSum = 0.0
          var weighted = 0.0
          for i in 0..<n {
            weighted += inputWeights[i] * column[i]
            weightSum += inputWeights[i]
          }
          let mean = weighted / weightSum
          var absoluteDeviation = 0.0
          for i in 0..<n { absoluteDeviation += inputWeights[i] * abs(column[i] - mean) }
          centers[j] = mean
          reported[j] = mean
          scales[j] = absoluteDeviation > 0 ? weightSum / absoluteDeviation : 1
        } else {
          let mean = total / Double(n)
          var absoluteDeviation = 0.0
          for value in column { absoluteDeviation += abs(value - mean) }
          centers[j] = mean
          reported[j] = mean
          scales[j] = absoluteDeviation > 0 ? Double(n) / absoluteDeviation : 1
        }
      }
    }
    // Sorted, centred and scaled, row by row: two halves of the rows at once when large.
    let halves = n >= 100_000 ? 2 : 1
    let (columnCenters, columnScales) = (centers, scales)
    x.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let output = buffer
      DispatchQueue.concurrentPerform(iterations: halves) { half in
        let rows = (half * n / halves)..<((half + 1) * n / halves)
        for j in 0..<p {
          let center = columnCenters[j]
          let scale = columnScales[j]
          columns[j].withUnsafeBufferPointer { c in
            order.withUnsafeBufferPointer { o in
              for k in rows { output[k * p + j] = (c[o[k]] - center) * scale }
            }
          }
        }
      }
    }
    covariates = x
    self.centers = centers
    self.reportedMeans = reported
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

/// The two traversal orders of counting-process data (R `agreg.fit`, `agfit4`), as positions in
/// the sorted arrays of ``_CoxData``, over the rows used.
///
/// A row is used only when some event time of its stratum lies in its interval (start, stop]
/// (R's `ignore`: rows that are never in a risk set at an event are left out, which changes
/// nothing but rounding). `stopOrder` is R's `sort.end`, (stratum ↑, stop ↓, row ↑);
/// `startOrder` is `sort.start`, (stratum ↑, start ↓, row ↑).
struct _CountingLayout: Sendable {
  /// Sorted start times, aligned with the sorted arrays of the data.
  let entries: [Double]
  /// Positions of the used rows by stratum, then decreasing stop time.
  let stopOrder: [Int]
  /// Positions of the used rows by stratum, then decreasing start time.
  let startOrder: [Int]
  /// Whether each sorted position is used.
  let isUsed: [Bool]

  init(entries: [Double], times: [Double], events: [UInt8], strata: [Int32], order: [Int]) {
    let n = times.count
    self.entries = entries
    // Event times per stratum, ascending (the sorted arrays are by stratum, then time).
    var used = [Bool](repeating: false, count: n)
    var start = 0
    while start < n {
      var end = start
      var eventTimes: [Double] = []
      while end < n && strata[end] == strata[start] {
        if events[end] == 1 && eventTimes.last != times[end] { eventTimes.append(times[end]) }
        end += 1
      }
      // Used when #(event times ≤ start) < #(event times ≤ stop) (R: findInterval).
      func countAtOrBelow(_ value: Double) -> Int {
        var low = 0
        var high = eventTimes.count
        while low < high {
          let mid = (low + high) / 2
          if eventTimes[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low
      }
      for k in start..<end {
        used[k] = countAtOrBelow(entries[k]) < countAtOrBelow(times[k])
      }
      start = end
    }
    isUsed = used
    let positions = (0..<n).filter { used[$0] }
    stopOrder = positions.sorted { a, b in
      if strata[a] != strata[b] { return strata[a] < strata[b] }
      if times[a] != times[b] { return times[a] > times[b] }
      return order[a] < order[b]
    }
    startOrder = positions.sorted { a, b in
      if strata[a] != strata[b] { return strata[a] < strata[b] }
      if entries[a] != entries[b] { return entries[a] > entries[b] }
      return order[a] < order[b]
    }
  }
}

/// Merges near-tied values of start and stop times jointly, as R's `aeqSurv` does for
/// `Surv(start, stop, event)`: the distinct values of both columns are merged by the rule of
/// ``_mergeNearTies(_:)`` and each time replaced by the largest cut at or below it. Returns the
/// number of distinct values replaced and the first row whose interval became empty (R stops:
/// "aeqSurv exception, an interval has effective length 0").
///
/// - Complexity: O(n log n).
func _mergeNearTiesJointly(entries: inout [Double], exits: inout [Double]) -> (
  replaced: Int, collapsedRow: Int?
) {
  let tolerance = Double.ulpOfOne.squareRoot()
  let unique = Array(Set((entries + exits).filter { $0.isFinite })).sorted()
  guard unique.count > 1 else { return (0, nil) }
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
  guard replaced > 0 else { return (0, nil) }
  func cut(_ value: Double) -> Double {
    guard value.isFinite else { return value }
    var low = 0
    var high = cuts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if cuts[mid] <= value { low = mid } else { high = mid - 1 }
    }
    return cuts[low]
  }
  var collapsed: Int?
  for i in entries.indices {
    let start = cut(entries[i])
    let stop = cut(exits[i])
    if collapsed == nil && start == stop && entries[i] != exits[i] { collapsed = i }
    entries[i] = start
    exits[i] = stop
  }
  return (replaced, collapsed)
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
