import Foundation

/// The exact partial likelihood (R `ties = "exact"`: `coxexact.c` for right-censored data,
/// `agexact.c` for counting-process data).
///
/// At an event time t with the set D of d tied deaths and the risk set R (time ≥ t, or
/// start < t ≤ stop), with rᵢ = exp(xᵢᵀβ),
///
///     ℓ += Σ_D xᵢᵀβ − log e_d,   e_d = Σ_{S ⊂ R, |S| = d} Π_{i ∈ S} rᵢ,
///
/// the probability that exactly the d observed subjects fail among all subsets of size d. The
/// elementary symmetric sums e_k and their first and second derivatives in β are built by the
/// recursion over the members of R (Gail, Lubin & Rubinstein 1981), adding one member i at a
/// time for k = d…1:
///
///     e_k ← e_k + rᵢ e_{k−1},
///     ∂e_k ← ∂e_k + rᵢ (xᵢ e_{k−1} + ∂e_{k−1}),
///     ∂²e_k ← ∂²e_k + rᵢ (xᵢxᵢᵀ e_{k−1} + xᵢ ∂e_{k−1}ᵀ + ∂e_{k−1} xᵢᵀ + ∂²e_{k−1}),
///
/// so that U −= ∂e_d/e_d and I += ∂²e_d/e_d − (∂e_d/e_d)(∂e_d/e_d)ᵀ. For d = 1 this is
/// Breslow's (and Efron's) term.
///
/// - Complexity: O(Σ_t |R(t)| · d_t · p²) per evaluation, as R's (the risk set is visited at
///   every event time).
extension _PartialLikelihood {
  func evaluateExact(_ beta: [Double]) -> Double {
    let p = data.covariateCount
    let x = data.covariates
    let starts = data.counting?.entries
    var loglik = 0.0
    for i in 0..<p { score[i] = 0 }
    for k in 0..<packedInformation.count { packedInformation[k] = 0 }
    let packed = p * (p + 1) / 2
    var e: [Double] = []
    var e1: [Double] = []
    var e2: [Double] = []
    for range in data.stratumRanges {
      var risk = [Double](repeating: 0, count: range.count)
      for k in range {
        var eta = 0.0
        for i in 0..<p { eta += beta[i] * x[k * p + i] }
        risk[k - range.lowerBound] = exp(eta)
      }
      var position = range.upperBound - 1
      while position >= range.lowerBound {
        let time = data.times[position]
        var blockStart = position
        while blockStart > range.lowerBound && data.times[blockStart - 1] == time {
          blockStart -= 1
        }
        defer { position = blockStart - 1 }
        var deaths = 0
        for k in blockStart...position where data.events[k] == 1 {
          deaths += 1
          var eta = 0.0
          for i in 0..<p {
            eta += beta[i] * x[k * p + i]
            score[i] += x[k * p + i]
          }
          loglik += eta
        }
        if deaths == 0 { continue }
        let d = deaths
        e = [Double](repeating: 0, count: d + 1)
        e1 = [Double](repeating: 0, count: (d + 1) * p)
        e2 = [Double](repeating: 0, count: (d + 1) * packed)
        e[0] = 1
        // Members of the risk set: at or after this time (right-censored), or with an interval
        // containing it (counting process).
        var added = 0
        for k in blockStart..<range.upperBound {
          if let starts, !(starts[k] < time) { continue }
          let r = risk[k - range.lowerBound]
          let row = k * p
          added += 1
          for level in stride(from: min(d, added), through: 1, by: -1) {
            let previous = level - 1
            var c = 0
            for a in 0..<p {
              let xa = x[row + a]
              for b in 0...a {
                let xb = x[row + b]
                e2[level * packed + c] +=
                  r
                  * (xa * xb * e[previous] + xa * e1[previous * p + b] + xb
                    * e1[previous * p + a] + e2[previous * packed + c])
                c += 1
              }
            }
            for a in 0..<p {
              e1[level * p + a] += r * (x[row + a] * e[previous] + e1[previous * p + a])
            }
            e[level] += r * e[previous]
          }
        }
        let total = e[d]
        loglik -= log(total)
        var c = 0
        for a in 0..<p {
          let meanA = e1[d * p + a] / total
          score[a] -= meanA
          for b in 0...a {
            let meanB = e1[d * p + b] / total
            packedInformation[c] += e2[d * packed + c] / total - meanA * meanB
            c += 1
          }
        }
      }
    }
    return loglik
  }
}
