/// Right-censored rows in the order of ``_CoxData``: ascending stratum, then time (after
/// near-tie merging), then events before censorings, then input row, by radix sorts.
///
/// Events are laid out before censorings, each in row order, so one stable sort on the time
/// gives (time, event first, row). Near-tie merging (R `aeqSurv`, as ``_mergeNearTies(_:)``)
/// then runs on the sorted times; it maps them monotonically, so they stay sorted, and only
/// the runs it joined are put back in (event first, row) order. A stable counting sort on the
/// stratum comes last.
///
/// - Complexity: O(n) (O(k log k) more for each run of k rows that merging joined).
struct _SortedRows {
  /// `order[k]` is the input row at sorted position k.
  var order: [Int]
  var times: [Double]
  var events: [UInt8]
  var strata: [Int32]
  /// Number of distinct time values merging replaced.
  var mergedCount: Int

  /// - Precondition: no time is NaN; fewer than 2³¹ rows.
  init(times input: [Double], events: [Bool], strata: [Int32], stratumCount: Int, mergesNearTies: Bool) {
    let n = input.count
    let censoredBit: UInt64 = 1 << 32
    var layout = [UInt32]()
    layout.reserveCapacity(n)
    for row in 0..<n where events[row] { layout.append(UInt32(row)) }
    for row in 0..<n where !events[row] { layout.append(UInt32(row)) }

    // Payload: the censoring flag above the row, so that payloads order as (event first, row).
    var sortedTimes = [Double](repeating: 0, count: n)
    var payloads = [UInt64](repeating: 0, count: n)
    input.withUnsafeBufferPointer { time in
      layout.withUnsafeBufferPointer { rows in
        sortedTimes.withUnsafeMutableBufferPointer { timeBuffer in
          payloads.withUnsafeMutableBufferPointer { payloadBuffer in
            _RadixSort.sort(
              count: n,
              entry: { index in
                let row = Int(rows[index])
                return _KeyedPayload(
                  key: _RadixSort.key(time[row]),
                  payload: UInt64(row) | (events[row] ? 0 : censoredBit))
              },
              place: { slot, entry in
                timeBuffer[slot] = time[Int(truncatingIfNeeded: entry.payload & 0xFFFF_FFFF)]
                payloadBuffer[slot] = entry.payload
              })
          }
        }
      }
    }
    layout = []

    mergedCount = mergesNearTies ? Self.mergeNearTies(times: &sortedTimes, payloads: &payloads) : 0

    if stratumCount > 1 {
      var starts = [Int](repeating: 0, count: stratumCount + 1)
      for payload in payloads { starts[Int(strata[Int(payload & 0xFFFF_FFFF)]) + 1] += 1 }
      for s in 0..<stratumCount { starts[s + 1] += starts[s] }
      var byStratumTimes = [Double](repeating: 0, count: n)
      var byStratumPayloads = [UInt64](repeating: 0, count: n)
      for k in 0..<n {
        let stratum = Int(strata[Int(payloads[k] & 0xFFFF_FFFF)])
        let slot = starts[stratum]
        starts[stratum] = slot + 1
        byStratumTimes[slot] = sortedTimes[k]
        byStratumPayloads[slot] = payloads[k]
      }
      sortedTimes = byStratumTimes
      payloads = byStratumPayloads
    }

    times = sortedTimes
    order = payloads.map { Int(truncatingIfNeeded: $0 & 0xFFFF_FFFF) }
    self.events = payloads.map { $0 & censoredBit == 0 ? 1 : 0 }
    self.strata = stratumCount > 1 ? payloads.map { strata[Int($0 & 0xFFFF_FFFF)] } : strata
  }

  /// Merges near-tied sorted times in place by the rule of ``_mergeNearTies(_:)`` (each distinct
  /// finite value within √ε of the previous one, absolutely or relative to the mean absolute
  /// distinct value, takes the value of the last one kept) and restores the (event first, row)
  /// order inside each run it joined. Returns the number of distinct values replaced.
  private static func mergeNearTies(times: inout [Double], payloads: inout [UInt64]) -> Int {
    var distinctCount = 0
    var distinctSum = 0.0
    var previous = Double.nan
    for time in times where time.isFinite && time != previous {
      distinctCount += 1
      distinctSum += abs(time)
      previous = time
    }
    guard distinctCount > 1 else { return 0 }
    let mean = distinctSum / Double(distinctCount)
    let tolerance = Double.ulpOfOne.squareRoot()
    var replaced = 0
    var previousDistinct = Double.nan
    var cut = Double.nan
    var joinedRuns: [Range<Int>] = []
    var runStart = 0
    for index in times.indices {
      let time = times[index]
      guard time.isFinite else { continue }
      if time != previousDistinct {
        let gap = time - previousDistinct
        if previousDistinct.isNaN || !(gap <= tolerance || gap / mean <= tolerance) {
          cut = time
          runStart = index
        } else {
          replaced += 1
          if joinedRuns.last?.lowerBound == runStart {
            joinedRuns[joinedRuns.count - 1] = runStart..<runStart
          } else {
            joinedRuns.append(runStart..<runStart)
          }
        }
        previousDistinct = time
      }
      if cut != time { times[index] = cut }
      if joinedRuns.last?.lowerBound == runStart {
        joinedRuns[joinedRuns.count - 1] = runStart..<(index + 1)
      }
    }
    for run in joinedRuns { payloads[run].sort() }
    return replaced
  }
}
