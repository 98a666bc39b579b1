import Foundation

/// Score residuals of a Cox fit, one row per observation (R: `residuals(fit, type = "score")`,
/// survival's `coxscore2.c` for right-censored and `agscore2.c` for counting-process data).
///
/// With rₖ = exp(ηₖ), case weights wₖ and, at event time tⱼ with d tied deaths, the Efron steps
/// i = 0…d−1 (downweight fᵢ = i/d; Breslow: one step with f₀ = 0),
///
///     Dⱼᵢ = Σ_{risk set} r w − fᵢ Σ_{deaths} r w,   hⱼᵢ = w̄ⱼ / Dⱼᵢ,   x̄ⱼᵢ = (S₁ − fᵢ S₁ᴰ)/Dⱼᵢ
///     Hⱼ = Σᵢ hⱼᵢ,  H′ⱼ = Σᵢ (1 − fᵢ) hⱼᵢ,  Mⱼ = Σᵢ x̄ⱼᵢ hⱼᵢ,  M′ⱼ = Σᵢ (1 − fᵢ) x̄ⱼᵢ hⱼᵢ,
///     m̄ⱼ = Σᵢ x̄ⱼᵢ / d
///
/// (w̄ⱼ the deaths' mean weight), observation k, at risk at the event times J(k) of its stratum
/// in (startₖ, stopₖ], has
///
///     Uₖ = Σ_{j ∈ J(k), not k's death} −rₖ (xₖ Hⱼ − Mⱼ)
///          + δₖ [xₖ − m̄ⱼ₍ₖ₎ − rₖ (xₖ H′ⱼ₍ₖ₎ − M′ⱼ₍ₖ₎)]
///
/// and the weighted residual (R's `weighted = TRUE`) is wₖ Uₖ. The sums over J(k) are
/// differences of running sums over the stratum's event times, so the residuals cost O(n·p)
/// after the risk-set pass (R's loops are O(n·d)); they agree with R's to rounding.
///
/// - Complexity: O(n log n + n·p) for n rows, p columns.
func _scoreResiduals(data: _CoxData, beta scaledBeta: [Double], efron: Bool) -> [Double] {
  let n = data.count
  let p = data.covariateCount
  var residuals = [Double](repeating: 0, count: n * p)  // sorted order, row-major, scaled x
  guard p > 0, n > 0 else { return residuals }
  let x = data.covariates
  var eta = [Double](repeating: 0, count: n)
  for k in 0..<n {
    var value = 0.0
    for i in 0..<p where scaledBeta[i] != 0 { value += scaledBeta[i] * x[k * p + i] }
    eta[k] = value
  }
  let weights = data.weights
  let starts = data.counting?.entries
  var risk = [Double](repeating: 0, count: n)
  for range in data.stratumRanges {
    // Stabilise exp(): the residuals depend on r only through ratios.
    var largest = -Double.infinity
    for k in range { largest = max(largest, eta[k]) }
    for k in range { risk[k] = exp(eta[k] - largest) }

    // Distinct event times of the stratum, ascending, and the rows dying at each.
    var eventTimes: [Double] = []
    var deathRows: [[Int]] = []
    for k in range where data.events[k] == 1 {
      if eventTimes.last != data.times[k] {
        eventTimes.append(data.times[k])
        deathRows.append([])
      }
      deathRows[deathRows.count - 1].append(k)
    }
    let m = eventTimes.count
    if m == 0 { continue }
    var h = [Double](repeating: 0, count: m)
    var hPrime = [Double](repeating: 0, count: m)
    var mh = [Double](repeating: 0, count: m * p)
    var mhPrime = [Double](repeating: 0, count: m * p)
    var meanOfMeans = [Double](repeating: 0, count: m * p)

    // Risk-set sums at each event time, walking backwards: rows join when t ≤ stop and leave
    // when t ≤ start.
    let byStop = Array(range).sorted { data.times[$0] > data.times[$1] }
    let byStart = starts.map { s in Array(range).sorted { s[$0] > s[$1] } }
    var denom = 0.0
    var sum = [Double](repeating: 0, count: p)
    var joined = 0
    var left = 0
    var deathSum = [Double](repeating: 0, count: p)
    var mean = [Double](repeating: 0, count: p)
    for j in stride(from: m - 1, through: 0, by: -1) {
      let time = eventTimes[j]
      while joined < byStop.count && data.times[byStop[joined]] >= time {
        let k = byStop[joined]
        let rw = risk[k] * (weights?[k] ?? 1)
        denom += rw
        for i in 0..<p { sum[i] += rw * x[k * p + i] }
        joined += 1
      }
      if let byStart, let starts {
        while left < byStart.count && starts[byStart[left]] >= time {
          let k = byStart[left]
          if data.times[k] >= time {  // only rows that joined
            let rw = risk[k] * (weights?[k] ?? 1)
            denom -= rw
            for i in 0..<p { sum[i] -= rw * x[k * p + i] }
          }
          left += 1
        }
      }
      var deaths = 0
      var deathRisk = 0.0
      var deathWeight = 0.0
      for i in 0..<p { deathSum[i] = 0 }
      for k in deathRows[j] {
        let w = weights?[k] ?? 1
        deaths += 1
        deathRisk += risk[k] * w
        deathWeight += w
        for i in 0..<p { deathSum[i] += risk[k] * w * x[k * p + i] }
      }
      let d = Double(deaths)
      let steps = efron && deaths > 1 ? deaths : 1
      let meanWeight = efron && deaths > 1 ? deathWeight / d : deathWeight
      for step in 0..<steps {
        let downweight = efron && deaths > 1 ? Double(step) / d : 0
        let denominator = denom - downweight * deathRisk
        let hazard = meanWeight / denominator
        h[j] += hazard
        hPrime[j] += (1 - downweight) * hazard
        for i in 0..<p {
          mean[i] = (sum[i] - downweight * deathSum[i]) / denominator
          mh[j * p + i] += mean[i] * hazard
          mhPrime[j * p + i] += mean[i] * (1 - downweight) * hazard
          meanOfMeans[j * p + i] += mean[i] / Double(steps)
        }
      }
    }

    // Running sums over event times: cumulative[j] = Σ_{i < j}.
    var cumulativeH = [Double](repeating: 0, count: m + 1)
    var cumulativeM = [Double](repeating: 0, count: (m + 1) * p)
    for j in 0..<m {
      cumulativeH[j + 1] = cumulativeH[j] + h[j]
      for i in 0..<p { cumulativeM[(j + 1) * p + i] = cumulativeM[j * p + i] + mh[j * p + i] }
    }
    /// Number of event times ≤ value.
    func countAtOrBelow(_ value: Double) -> Int {
      var low = 0
      var high = m
      while low < high {
        let mid = (low + high) / 2
        if eventTimes[mid] <= value { low = mid + 1 } else { high = mid }
      }
      return low
    }
    for k in range {
      let upper = countAtOrBelow(data.times[k])
      let lower = starts.map { countAtOrBelow($0[k]) } ?? 0
      if upper <= lower { continue }
      let own = data.events[k] == 1 && eventTimes[upper - 1] == data.times[k]
      let last = own ? upper - 1 : upper
      let r = risk[k]
      let hSum = cumulativeH[last] - cumulativeH[lower]
      for i in 0..<p {
        let xi = x[k * p + i]
        var value = -r * (xi * hSum - (cumulativeM[last * p + i] - cumulativeM[lower * p + i]))
        if own {
          let j = upper - 1
          value += xi - meanOfMeans[j * p + i] - r * (xi * hPrime[j] - mhPrime[j * p + i])
        }
        residuals[k * p + i] = value
      }
    }
  }
  // Back to the original covariate scale and input order, weighted.
  var result = [Double](repeating: 0, count: n * p)
  for k in 0..<n {
    let row = data.order[k]
    let w = weights?[k] ?? 1
    for i in 0..<p { result[row * p + i] = w * residuals[k * p + i] / data.scales[i] }
  }
  return result
}
