import Foundation

/// Observed, expected and variance sums of the G-rho family, one linear pass per stratum.
///
/// Contract (as survival's `survdiff2.c`): the sample is sorted by time; within each stratum, at
/// every distinct time t with D deaths among N at risk (n_g and d_g per group) and the pooled
/// left-continuous Kaplan–Meier estimate S(t−) of the stratum, the weight is w = S(t−)^ρ and
///
///     O_g += w d_g,   E_g += w D n_g / N,
///     V_gh += w² D (N − D) / (N (N − 1)) · n_g (δ_gh − n_h / N)     (only when N > 1).
///
/// The products are formed in R's order (except that the off-diagonal terms multiply by
/// n_h · (1/N) per row instead of dividing each), so results agree with R to a few ulps.
enum _LogRankKernel {
  struct Sums {
    /// Observed weighted events, `[group][stratum]`.
    var observed: [[Double]]
    /// Expected weighted events, `[group][stratum]`.
    var expected: [[Double]]
    /// The k × k variance matrix summed over strata, row-major.
    var variance: [Double]
    /// Unweighted event counts per group.
    var eventCounts: [Int]
  }

  /// - Complexity: O(n + T k²) for T distinct times and k groups.
  static func sums(_ sample: GroupedSample, rho: Double) -> Sums {
    let groupCount = sample.groupLabels.count
    let strataCount = max(sample.strataLabels.count, 1)
    var accumulator = Accumulator(groupCount: groupCount, strataCount: strataCount, rho: rho)
    if let entryTimes = sample.entryTimes {
      for stratum in 0..<strataCount {
        let rows = sample.times.indices.filter { (sample.stratumIndices?[$0] ?? 0) == stratum }
        accumulator.addStratum(
          stratum, times: rows.map { sample.times[$0] }, entryTimes: rows.map { entryTimes[$0] },
          isEvent: rows.map { sample.isEvent[$0] }, groups: rows.map { sample.groupIndices[$0] })
      }
      return accumulator.sums
    }
    guard let strata = sample.stratumIndices else {
      sample.times.withUnsafeBufferPointer { times in
        sample.isEvent.withUnsafeBufferPointer { isEvent in
          sample.groupIndices.withUnsafeBufferPointer { groups in
            accumulator.addStratum(0, times: times, isEvent: isEvent, groups: groups)
          }
        }
      }
      return accumulator.sums
    }
    // A stable counting sort by stratum keeps time order within each stratum.
    var ends = [Int](repeating: 0, count: strataCount)
    for stratum in strata { ends[stratum] += 1 }
    var starts = [Int](repeating: 0, count: strataCount)
    for stratum in 1..<max(strataCount, 1) {
      starts[stratum] = starts[stratum - 1] + ends[stratum - 1]
    }
    for stratum in 0..<strataCount { ends[stratum] += starts[stratum] }
    var next = starts
    var times = [Double](repeating: 0, count: sample.count)
    var isEvent = [Bool](repeating: false, count: sample.count)
    var groups = [Int](repeating: 0, count: sample.count)
    for index in 0..<sample.count {
      let slot = next[strata[index]]
      next[strata[index]] = slot + 1
      times[slot] = sample.times[index]
      isEvent[slot] = sample.isEvent[index]
      groups[slot] = sample.groupIndices[index]
    }
    times.withUnsafeBufferPointer { times in
      isEvent.withUnsafeBufferPointer { isEvent in
        groups.withUnsafeBufferPointer { groups in
          for stratum in 0..<strataCount {
            let range = starts[stratum]..<ends[stratum]
            accumulator.addStratum(
              stratum, times: UnsafeBufferPointer(rebasing: times[range]),
              isEvent: UnsafeBufferPointer(rebasing: isEvent[range]),
              groups: UnsafeBufferPointer(rebasing: groups[range]))
          }
        }
      }
    }
    return accumulator.sums
  }

  /// Running sums over strata.
  private struct Accumulator {
    let groupCount: Int
    let strataCount: Int
    let rho: Double
    /// `[stratum × groupCount + group]`.
    var observed: [Double]
    var expected: [Double]
    var variance: [Double]
    var eventCounts: [Int]
    /// Per-group work arrays reused across times.
    var risk: [Double]
    var deathsByGroup: [Double]
    var leavingByGroup: [Double]

    init(groupCount: Int, strataCount: Int, rho: Double) {
      self.groupCount = groupCount
      self.strataCount = strataCount
      self.rho = rho
      observed = [Double](repeating: 0, count: groupCount * strataCount)
      expected = observed
      variance = [Double](repeating: 0, count: groupCount * groupCount)
      eventCounts = [Int](repeating: 0, count: groupCount)
      risk = [Double](repeating: 0, count: groupCount)
      deathsByGroup = risk
      leavingByGroup = risk
    }

    var sums: Sums {
      Sums(
        observed: (0..<groupCount).map { g in
          (0..<strataCount).map { observed[$0 * groupCount + g] }
        },
        expected: (0..<groupCount).map { g in
          (0..<strataCount).map { expected[$0 * groupCount + g] }
        },
        variance: variance, eventCounts: eventCounts)
    }

    /// Adds one stratum of left-truncated observations sorted by time: the risk set at t is
    /// {entry < t ≤ time}, so subjects join when t passes their entry time. ρ = 0 only (the
    /// caller refuses other weights).
    mutating func addStratum(
      _ stratum: Int, times: [Double], entryTimes: [Double], isEvent: [Bool], groups: [Int]
    ) {
      let count = times.count
      if count == 0 { return }
      let k = groupCount
      let offset = stratum * k
      let byEntry = (0..<count).sorted { entryTimes[$0] < entryTimes[$1] }
      for group in 0..<k { risk[group] = 0 }
      var atRisk = 0.0
      var entered = 0
      var position = 0
      while position < count {
        let time = times[position]
        while entered < count && entryTimes[byEntry[entered]] < time {
          risk[groups[byEntry[entered]]] += 1
          atRisk += 1
          entered += 1
        }
        var deaths = 0.0
        var leaving = 0.0
        while position < count && times[position] == time {
          let group = groups[position]
          leavingByGroup[group] += 1
          leaving += 1
          if isEvent[position] {
            deathsByGroup[group] += 1
            deaths += 1
            eventCounts[group] += 1
          }
          position += 1
        }
        if deaths > 0 {
          for group in 0..<k {
            observed[offset + group] += deathsByGroup[group]
            expected[offset + group] += deaths * risk[group] / atRisk
          }
          if atRisk > 1 {
            for row in 0..<k {
              let term = deaths * risk[row] * (atRisk - deaths) / (atRisk * (atRisk - 1))
              variance[row * k + row] += term
              let termPerSubject = term / atRisk
              for column in 0..<k {
                variance[row * k + column] -= termPerSubject * risk[column]
              }
            }
          }
        }
        for group in 0..<k {
          risk[group] -= leavingByGroup[group]
          leavingByGroup[group] = 0
          deathsByGroup[group] = 0
        }
        atRisk -= leaving
      }
    }

    /// Adds one stratum whose observations are sorted by time.
    mutating func addStratum(
      _ stratum: Int, times: UnsafeBufferPointer<Double>, isEvent: UnsafeBufferPointer<Bool>,
      groups: UnsafeBufferPointer<Int>
    ) {
      let count = times.count
      if count == 0 { return }
      let k = groupCount
      let offset = stratum * k
      for group in 0..<k { risk[group] = 0 }
      for index in 0..<count { risk[groups[index]] += 1 }
      var atRisk = Double(count)
      var survival = 1.0
      var position = 0
      while position < count {
        let time = times[position]
        var deaths = 0.0
        var leaving = 0.0
        while position < count && times[position] == time {
          let group = groups[position]
          leavingByGroup[group] += 1
          leaving += 1
          if isEvent[position] {
            deathsByGroup[group] += 1
            deaths += 1
            eventCounts[group] += 1
          }
          position += 1
        }
        if deaths > 0 {
          let weight = rho == 0 ? 1 : (rho == 1 ? survival : pow(survival, rho))
          for group in 0..<k {
            observed[offset + group] += weight * deathsByGroup[group]
            expected[offset + group] += weight * deaths * risk[group] / atRisk
          }
          if atRisk > 1 {
            let squaredWeight = weight * weight
            for row in 0..<k {
              let term =
                squaredWeight * deaths * risk[row] * (atRisk - deaths) / (atRisk * (atRisk - 1))
              variance[row * k + row] += term
              let termPerSubject = term / atRisk
              for column in 0..<k {
                variance[row * k + column] -= termPerSubject * risk[column]
              }
            }
          }
          survival = survival * (atRisk - deaths) / atRisk
        }
        for group in 0..<k {
          risk[group] -= leavingByGroup[group]
          leavingByGroup[group] = 0
          deathsByGroup[group] = 0
        }
        atRisk -= leaving
      }
    }
  }
}
