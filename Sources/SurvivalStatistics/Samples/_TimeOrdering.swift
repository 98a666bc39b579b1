import Foundation

/// Sorting and near-tie merging of observation times, done once when a sample is built.
///
/// Non-negative doubles order like their bit patterns read as unsigned integers, so times are
/// sorted by a stable least-significant-digit radix sort on bytes (eight passes at most;
/// a pass whose digit is the same for every key is skipped, which removes most of them for
/// integer-valued times).
enum _TimeOrdering {
  /// `times` (all finite and ≥ 0) in stable ascending order, each carrying its payload along.
  ///
  /// `−0` is read as `+0`. Ties keep their input order. Carrying the payload (event flag and
  /// codes) through the sort avoids a random-access gather afterwards.
  /// - Complexity: O(n).
  static func sorted(_ times: [Double], payloads: [UInt64]) -> (times: [Double], payloads: [UInt64]) {
    let count = times.count
    if count < 512 {
      let order = (0..<count).sorted { left, right in
        let l = times[left] + 0
        let r = times[right] + 0
        return l < r || (l == r && left < right)
      }
      return (order.map { times[$0] + 0 }, order.map { payloads[$0] })
    }
    // Keys travel with their payloads through the passes; the last pass places them straight
    // into the two result arrays.
    var sortedPayloads: [UInt64] = []
    let sortedTimes = [Double](unsafeUninitializedCapacity: count) { timeBuffer, timesInitialized in
      timesInitialized = count
      sortedPayloads = [UInt64](unsafeUninitializedCapacity: count) { payloadBuffer, initialized in
        initialized = count
        times.withUnsafeBufferPointer { source in
          payloads.withUnsafeBufferPointer { payloadSource in
            _RadixSort.sort(
              count: count,
              entry: { index in
                _KeyedPayload(key: (source[index] + 0).bitPattern, payload: payloadSource[index])
              },
              place: { slot, entry in
                timeBuffer[slot] = Double(bitPattern: entry.key)
                payloadBuffer[slot] = entry.payload
              })
          }
        }
      }
    }
    return (sortedTimes, sortedPayloads)
  }

  /// Merges near-tied times in place, as R's `aeqSurv` (applied by `survfit` and `survdiff` with
  /// their default `timefix = TRUE`), and returns how many observations changed.
  ///
  /// Among the distinct sorted times y₁ < y₂ < …, y_{i+1} is tied to y_i when
  /// `y_{i+1} − y_i ≤ √ε` or `(y_{i+1} − y_i) / mean(|y|) ≤ √ε` (ε = 2⁻⁵²); each run of tied
  /// values takes the value of its first member. Times such as days/365.25 that should be equal
  /// but differ in the last bits are then counted as ties.
  /// - Complexity: O(n) on sorted times.
  static func mergeNearTies(_ sortedTimes: inout [Double]) -> Int {
    guard let first = sortedTimes.first else { return 0 }
    var distinctCount = 1
    var distinctSum = abs(first)
    var previous = first
    for time in sortedTimes where time != previous {
      distinctCount += 1
      distinctSum += abs(time)
      previous = time
    }
    if distinctCount < 2 { return 0 }
    let mean = distinctSum / Double(distinctCount)
    let tolerance = Double.ulpOfOne.squareRoot()
    var changed = 0
    var previousDistinct = first
    var cut = first
    sortedTimes.withUnsafeMutableBufferPointer { buffer in
      for index in buffer.indices {
        let time = buffer[index]
        if time != previousDistinct {
          let gap = time - previousDistinct
          if !(gap <= tolerance || gap / mean <= tolerance) { cut = time }
          previousDistinct = time
        }
        if cut != time {
          buffer[index] = cut
          changed += 1
        }
      }
    }
    return changed
  }

  /// The index and value of the first time that is NaN, infinite or negative, and how many there
  /// are; nil when all are valid.
  static func firstInvalidTime(_ times: [Double]) -> (index: Int, value: Double, count: Int)? {
    var first: (index: Int, value: Double)?
    var invalidCount = 0
    for (index, time) in times.enumerated() where !(time.isFinite && time >= 0) {
      invalidCount += 1
      if first == nil { first = (index, time) }
    }
    guard let first else { return nil }
    return (first.index, first.value, invalidCount)
  }
}

extension _TimeOrdering {
  /// Observations with entry times or weights, validated, merged and sorted.
  struct Prepared {
    /// Input positions in ascending (stable) time order.
    var order: [Int]
    var times: [Double]
    var entryTimes: [Double]?
    var weights: [Double]?
    /// Observations whose entry or exit time near-tie merging moved.
    var mergedCount: Int
  }

  /// Validates entry times and weights, merges near ties (entry and exit times jointly, as
  /// R's `aeqSurv` does for `Surv(entry, time, status)`), and sorts by time (stable).
  ///
  /// - Complexity: O(n log n).
  static func prepare(
    entryTimes: [Double]?, times: [Double], weights: [Double]?, mergingNearTies: Bool
  ) throws(SurvivalDataError) -> Prepared {
    let n = times.count
    if let entryTimes {
      guard entryTimes.count == n else {
        throw .lengthMismatch(column: "entry times", count: entryTimes.count, timeCount: n)
      }
      let bad = entryTimes.indices.filter { !entryTimes[$0].isFinite }
      if let first = bad.first {
        throw .invalidEntryTime(index: first, value: entryTimes[first], invalidCount: bad.count)
      }
      let empty = entryTimes.indices.filter { !(entryTimes[$0] < times[$0]) }
      if let first = empty.first {
        throw .emptyInterval(
          index: first, entry: entryTimes[first], time: times[first], invalidCount: empty.count)
      }
    }
    if let weights {
      guard weights.count == n else {
        throw .lengthMismatch(column: "weights", count: weights.count, timeCount: n)
      }
      let bad = weights.indices.filter { !(weights[$0].isFinite && weights[$0] >= 0) }
      if let first = bad.first {
        throw .invalidWeight(index: first, value: weights[first], invalidCount: bad.count)
      }
    }
    var exits = times.map { $0 + 0 }
    var entries = entryTimes
    var merged = 0
    if mergingNearTies, var mergedEntries = entries {
      let result = _mergeNearTiesJointly(entries: &mergedEntries, exits: &exits)
      if let row = result.collapsedRow {
        throw .intervalMergedToZeroLength(index: row, entry: entryTimes![row], time: times[row])
      }
      for i in 0..<n where mergedEntries[i] != entryTimes![i] || exits[i] != times[i] {
        merged += 1
      }
      entries = mergedEntries
    }
    let order = (0..<n).sorted { a, b in exits[a] < exits[b] || (exits[a] == exits[b] && a < b) }
    var sortedTimes = order.map { exits[$0] }
    if mergingNearTies && entries == nil { merged = mergeNearTies(&sortedTimes) }
    return Prepared(
      order: order, times: sortedTimes, entryTimes: entries.map { e in order.map { e[$0] } },
      weights: weights.map { w in order.map { w[$0] } }, mergedCount: merged)
  }
}
