import Foundation

extension ProportionalHazardsTest {
  /// U = (U_β, U_θ) and the 2p × 2p information at θ = 0 for counting-process data (R `zph2`).
  ///
  /// The pass is that of the fit's kernel (`agfit4`): by decreasing stop time, rows whose start is
  /// at or after the event time leave, rows with stop ≥ the event time join. A censored row joins
  /// only when its interval contains the event time, and only rows that joined ever leave, as in
  /// R. `x` is row-major in the data's sorted order, `eta` and `g` likewise.
  ///
  /// - Complexity: O(n log n + n·p²).
  static func countingScoreAndInformation(
    data: _CoxData, x: [Double], p: Int, eta inputEta: [Double], g: [Double], efron: Bool
  ) -> (u: [Double], information: [Double]) {
    let m = 2 * p
    var u = [Double](repeating: 0, count: m)
    var info = [Double](repeating: 0, count: m * m)
    guard let counting = data.counting else { return (u, info) }
    let n = data.count
    let strata = data.strata
    let stops = data.times
    let starts = counting.entries
    let status = data.events
    let weights = data.weights
    var eta = inputEta
    // R: ord1 = order(-istrat, -start), ord = order(-istrat, -stop), over all rows.
    let rows = data.order
    func precedes(_ a: Int, _ b: Int, by key: [Double]) -> Bool {
      if strata[a] != strata[b] { return strata[a] > strata[b] }
      if key[a] != key[b] { return key[a] > key[b] }
      return rows[a] < rows[b]
    }
    let sortStop = (0..<n).sorted { precedes($0, $1, by: stops) }
    let sortStart = (0..<n).sorted { precedes($0, $1, by: starts) }
    var a = [Double](repeating: 0, count: p)
    var c = [Double](repeating: 0, count: p * p)
    var a2 = [Double](repeating: 0, count: p)
    var c2 = [Double](repeating: 0, count: p * p)
    var keep = [Bool](repeating: false, count: n)
    var denom = 0.0
    var atRisk = 0
    var etaSum = 0.0
    var recenter = 0.0
    var person = 0
    var removal = 0
    var stratum: Int32 = -1
    func reset() {
      denom = 0
      atRisk = 0
      etaSum = 0
      for i in 0..<p { a[i] = 0 }
      for k in 0..<(p * p) { c[k] = 0 }
    }
    while person < n {
      var k = person
      var deathTime = 0.0
      var timeWeight = 0.0
      while k < n {
        let row = sortStop[k]
        if strata[row] != stratum {
          stratum = strata[row]
          reset()
          person = k
          removal = k
        }
        if status[row] == 1 {
          deathTime = stops[row]
          timeWeight = g[row]
          break
        }
        k += 1
      }
      if k == n { break }
      while removal < n {
        let row = sortStart[removal]
        if strata[row] != stratum || starts[row] < deathTime { break }
        removal += 1
        if !keep[row] { continue }
        atRisk -= 1
        if atRisk == 0 {
          reset()
        } else {
          etaSum -= eta[row]
          let risk = exp(eta[row] - recenter) * (weights?[row] ?? 1)
          denom -= risk
          for i in 0..<p {
            a[i] -= risk * x[row * p + i]
            for j in 0...i { c[i * p + j] -= risk * x[row * p + i] * x[row * p + j] }
          }
        }
      }
      var deathRisk = 0.0
      var deathWeight = 0.0
      var deaths = 0
      for i in 0..<p { a2[i] = 0 }
      for k in 0..<(p * p) { c2[k] = 0 }
      while person < n {
        let row = sortStop[person]
        if strata[row] != stratum || stops[row] < deathTime { break }
        etaSum += eta[row]
        atRisk += 1
        let drift = etaSum / Double(atRisk) - recenter
        if abs(drift) > 200 {
          recenter = etaSum / Double(atRisk)
          if denom > 0 {
            let factor = exp(-drift)
            denom *= factor
            for i in 0..<p { a[i] *= factor }
            for k in 0..<(p * p) { c[k] *= factor }
          }
        }
        let w = weights?[row] ?? 1
        let risk = exp(eta[row] - recenter) * w
        if status[row] == 1 {
          keep[row] = true
          deaths += 1
          deathRisk += risk
          deathWeight += w
          for i in 0..<p {
            let xi = x[row * p + i]
            u[i] += w * xi
            u[i + p] += w * xi * timeWeight
            a2[i] += risk * xi
            for j in 0...i { c2[i * p + j] += risk * xi * x[row * p + j] }
          }
        } else if starts[row] < deathTime {
          keep[row] = true
          denom += risk
          for i in 0..<p {
            a[i] += risk * x[row * p + i]
            for j in 0...i { c[i * p + j] += risk * x[row * p + i] * x[row * p + j] }
          }
        }
        person += 1
      }
      let d = Double(deaths)
      let isEfron = efron && deaths > 1
      let steps = isEfron ? deaths : 1
      let meanWeight: Double = isEfron ? deathWeight / d : deathWeight
      let divisor: Double = isEfron ? d : 1
      for _ in 0..<steps {
        denom += deathRisk / divisor
        for i in 0..<p {
          a[i] += a2[i] / divisor
          let mean: Double = a[i] / denom
          u[i] -= meanWeight * mean
          u[i + p] -= meanWeight * mean * timeWeight
          for j in 0...i {
            c[i * p + j] += c2[i * p + j] / divisor
            let value: Double = meanWeight * ((c[i * p + j] - mean * a[j]) / denom)
            info[j * m + i] += value
            info[j * m + i + p] += value * timeWeight
            info[(j + p) * m + i + p] += value * timeWeight * timeWeight
          }
        }
      }
      if atRisk > 0 && abs(etaSum / Double(atRisk)) > 200 {
        let shift = etaSum / Double(atRisk)
        for k in 0..<n { eta[k] -= shift }
        let factor = exp(-shift)
        denom *= factor
        for i in 0..<p { a[i] *= factor }
        for k in 0..<(p * p) { c[k] *= factor }
        etaSum = 0
      }
    }
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

  /// 1 − Ŝ(t−) at each row's stop time, Ŝ the pooled Kaplan–Meier estimate of counting-process
  /// data (risk set at t: start < t ≤ stop), as `cox.zph`'s `km` transform computes it with
  /// `survfitKM` (unweighted).
  static func oneMinusKaplanMeierBefore(entries: [Double], times: [Double], events: [UInt8])
    -> [Double]
  {
    let n = times.count
    let byStop = (0..<n).sorted { times[$0] < times[$1] }
    let byStart = (0..<n).sorted { entries[$0] < entries[$1] }
    var result = [Double](repeating: 0, count: n)
    var survival = 1.0
    var entered = 0
    var left = 0
    var k = 0
    while k < n {
      let time = times[byStop[k]]
      var end = k
      var deaths = 0.0
      while end < n && times[byStop[end]] == time {
        deaths += Double(events[byStop[end]])
        end += 1
      }
      while entered < n && entries[byStart[entered]] < time { entered += 1 }
      let atRisk = Double(entered - left)
      for index in k..<end { result[byStop[index]] = 1 - survival }
      if deaths > 0 { survival *= (atRisk - deaths) / atRisk }
      left += end - k
      k = end
    }
    return result
  }
}
