/// Numbers at risk, events and censorings per distinct time of a sample with entry times or
/// case weights, counted as R's `survfitkm.c` counts them.
///
/// Walking the distinct times t backwards, the subjects with time = t join the risk set and
/// those with entry ≥ t leave it, so the risk set at t is {entry < t ≤ time}; the weighted sums
/// are accumulated in the same order as R's, so they round alike.
///
/// - Complexity: O(n log n) (the entry times are sorted once).
struct _RiskSetCounts {
  var times: [Double] = []
  var atRisk: [Int] = []
  var events: [Int] = []
  var censored: [Int] = []
  var weightedAtRisk: [Double] = []
  var weightedEvents: [Double] = []
  var weightedCensored: [Double] = []
  let isWeighted: Bool

  /// - Parameters:
  ///   - sortedTimes: exit times in ascending order, with `isEvent`, `entryTimes` and `weights`
  ///     aligned.
  init(entryTimes: [Double]?, sortedTimes: [Double], isEvent: [Bool], weights: [Double]?) {
    isWeighted = weights != nil
    let n = sortedTimes.count
    var distinct: [Double] = []
    for time in sortedTimes where distinct.last != time { distinct.append(time) }
    let m = distinct.count
    times = distinct
    atRisk = [Int](repeating: 0, count: m)
    events = atRisk
    censored = atRisk
    weightedAtRisk = [Double](repeating: 0, count: m)
    weightedEvents = weightedAtRisk
    weightedCensored = weightedAtRisk
    let byEntry = entryTimes.map { entries in
      (0..<n).sorted { entries[$0] < entries[$1] || (entries[$0] == entries[$1] && $0 < $1) }
    }
    var inRisk = 0
    var inRiskWeight = 0.0
    var position = n - 1
    var leaving = n - 1
    for row in stride(from: m - 1, through: 0, by: -1) {
      let time = distinct[row]
      var d = 0
      var c = 0
      var wd = 0.0
      var wc = 0.0
      while position >= 0 && sortedTimes[position] == time {
        let w = weights?[position] ?? 1
        inRisk += 1
        inRiskWeight += w
        if isEvent[position] {
          d += 1
          wd += w
        } else {
          c += 1
          wc += w
        }
        position -= 1
      }
      if let byEntry, let entryTimes {
        while leaving >= 0 && entryTimes[byEntry[leaving]] >= time {
          inRisk -= 1
          inRiskWeight -= weights?[byEntry[leaving]] ?? 1
          leaving -= 1
        }
      }
      atRisk[row] = inRisk
      events[row] = d
      censored[row] = c
      weightedAtRisk[row] = inRiskWeight
      weightedEvents[row] = wd
      weightedCensored[row] = wc
    }
  }
}
