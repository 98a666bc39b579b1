import Foundation

/// The partial likelihood of counting-process data (start, stop], R's `agfit4`.
///
/// The risk set at an event time t is {i : startᵢ < t ≤ stopᵢ}. Walking the rows by decreasing
/// stop time (R's `sort.end`), at each event time t the kernel first removes the rows whose start
/// is ≥ t (walking R's `sort.start`, by decreasing start), then adds every row with stop ≥ t not
/// yet added, and contributes the deaths at t as in the right-censored kernel (Breslow, or
/// Efron's d steps with the deaths' mean weight). When the risk set empties, the sums are reset
/// to zero rather than left with rounding residue. Like `agfit4`, the scores are recentred on the
/// mean linear predictor of the risk set whenever it drifts by more than 200, to keep exp() in
/// range (an exact rescaling of every term).
///
/// The order of additions and subtractions is R's, so the sums round as R's do.
///
/// - Complexity: O(n·p²) per evaluation.
extension _PartialLikelihood {
  func evaluateCounting(_ beta: [Double]) -> Double {
    guard let layout = data.counting else { return .nan }
    let p = data.covariateCount
    let n = data.count
    let x = data.covariates
    let weights = data.weights
    let strata = data.strata
    let stops = data.times
    let starts = layout.entries
    let status = data.events
    let sortEnd = layout.stopOrder
    let sortStart = layout.startOrder
    let used = sortEnd.count
    let efron = usesEfron

    var eta = [Double](repeating: 0, count: n)
    for k in sortEnd {
      var value = 0.0
      for i in 0..<p { value += beta[i] * x[k * p + i] }
      eta[k] = value
    }
    for i in 0..<p { score[i] = 0 }
    for k in 0..<packedInformation.count { packedInformation[k] = 0 }

    var loglik = 0.0
    var person = 0
    var removal = 0
    var recenter = 0.0
    var denom = 0.0
    var atRisk = 0
    var etaSum = 0.0
    func resetRiskSet() {
      denom = 0
      atRisk = 0
      etaSum = 0
      for i in 0..<p { riskSum[i] = 0 }
      for k in 0..<riskSquares.count { riskSquares[k] = 0 }
    }
    resetRiskSet()
    var stratum = used > 0 ? strata[sortEnd[0]] : 0
    while person < used {
      // The next event time.
      var k = person
      var deathTime = 0.0
      while k < used {
        let row = sortEnd[k]
        if strata[row] != stratum {
          stratum = strata[row]
          resetRiskSet()
          person = k
          removal = k
        }
        if status[row] == 1 {
          deathTime = stops[row]
          break
        }
        k += 1
      }
      if k == used { break }

      // Remove the rows whose interval starts at or after the event time.
      while removal < used {
        let row = sortStart[removal]
        if starts[row] < deathTime || strata[row] != stratum { break }
        atRisk -= 1
        if atRisk == 0 {
          etaSum = 0
          denom = 0
          for i in 0..<p { riskSum[i] = 0 }
          for k in 0..<riskSquares.count { riskSquares[k] = 0 }
        } else {
          etaSum -= eta[row]
          let risk = exp(eta[row] - recenter) * (weights?[row] ?? 1)
          denom -= risk
          var c = 0
          for i in 0..<p {
            let xi = x[row * p + i]
            riskSum[i] -= risk * xi
            for j in 0...i {
              riskSquares[c] -= risk * xi * x[row * p + j]
              c += 1
            }
          }
        }
        removal += 1
      }

      // Add the rows with stop ≥ the event time; the deaths go to the death sums.
      var deathRisk = 0.0
      var deathWeight = 0.0
      var deaths = 0
      for i in 0..<p { deathSum[i] = 0 }
      for c in 0..<deathSquares.count { deathSquares[c] = 0 }
      while person < used {
        let row = sortEnd[person]
        if strata[row] != stratum || stops[row] < deathTime { break }
        atRisk += 1
        etaSum += eta[row]
        let drift = etaSum / Double(atRisk) - recenter
        if abs(drift) > 200 {
          recenter = etaSum / Double(atRisk)
          if denom > 0 {
            let factor = exp(-drift)
            denom *= factor
            for i in 0..<p { riskSum[i] *= factor }
            for c in 0..<riskSquares.count { riskSquares[c] *= factor }
          }
        }
        let w = weights?[row] ?? 1
        let risk = exp(eta[row] - recenter) * w
        if status[row] == 1 {
          deaths += 1
          deathRisk += risk
          deathWeight += w
          loglik += w * (eta[row] - recenter)
          var c = 0
          for i in 0..<p {
            let xi = x[row * p + i]
            score[i] += w * xi
            deathSum[i] += risk * xi
            for j in 0...i {
              deathSquares[c] += risk * xi * x[row * p + j]
              c += 1
            }
          }
        } else {
          denom += risk
          var c = 0
          for i in 0..<p {
            let xi = x[row * p + i]
            riskSum[i] += risk * xi
            for j in 0...i {
              riskSquares[c] += risk * xi * x[row * p + j]
              c += 1
            }
          }
        }
        person += 1
      }

      if !efron || deaths == 1 {
        denom += deathRisk
        loglik -= deathWeight * log(denom)
        var c = 0
        for i in 0..<p {
          riskSum[i] += deathSum[i]
          let mean = riskSum[i] / denom
          score[i] -= deathWeight * mean
          for j in 0...i {
            riskSquares[c] += deathSquares[c]
            packedInformation[c] += deathWeight * ((riskSquares[c] - mean * riskSum[j]) / denom)
            c += 1
          }
        }
      } else {
        let d = Double(deaths)
        let meanWeight = deathWeight / d
        for _ in 0..<deaths {
          denom += deathRisk / d
          loglik -= meanWeight * log(denom)
          var c = 0
          for i in 0..<p {
            riskSum[i] += deathSum[i] / d
            let mean = riskSum[i] / denom
            score[i] -= meanWeight * mean
            for j in 0...i {
              riskSquares[c] += deathSquares[c] / d
              packedInformation[c] += meanWeight * ((riskSquares[c] - mean * riskSum[j]) / denom)
              c += 1
            }
          }
        }
      }
    }
    return loglik
  }
}
