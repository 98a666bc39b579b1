import Foundation

// The robust (sandwich) variance of the Fine–Gray estimator, as `cmprsk::crr` computes it
// (its routine `crrvv`): Var β̂ = I⁻¹ (Σᵢ (ηᵢ + ψᵢ)(ηᵢ + ψᵢ)ᵀ) I⁻¹.
//
// ηᵢ is subject i's score martingale term with the estimated subdistribution hazard
// dΛ̂(s) = d/S⁰(s) at the failure times s of the cause (x̄(s), S⁰(s) as in `_PseudoLikelihood`,
// rᵢ = exp(xᵢᵀβ̂), Ĝ the censoring KM as crr evaluates it):
//
//   ηᵢ = δᵢ (xᵢ − x̄(tᵢ)) − rᵢ Σ_{s ≤ tᵢ} (xᵢ − x̄(s)) dΛ̂(s)
//        − [i failed from a competing cause] rᵢ/Ĝ(tᵢ−) Σ_{s > tᵢ} Ĝ(s−) (xᵢ − x̄(s)) dΛ̂(s)
//
// ψᵢ accounts for estimating Ĝ (Fine & Gray 1999, §3). For a censoring time u,
//
//   q(u) = Σ_{s ≥ u} dΛ̂(s) Ĝ(s−) Σ_{j competing, tⱼ < u} rⱼ/Ĝ(tⱼ−) (xⱼ − x̄(s))
//        = E¹(u) D⁰(u) − E⁰(u) D¹(u)
//
// with E the sums of rⱼ/Ĝ(tⱼ−) (times xⱼ) over competing failures before u and D the sums of
// Ĝ(s−) dΛ̂(s) (times x̄(s)) over failure times s ≥ u. With R(u) the number at risk at u and
// cᵤ the censorings there,
//
//   ψᵢ = [i censored] q(tᵢ)/R(tᵢ) − Σ_{u ≤ tᵢ} cᵤ q(u)/R(u)².
//
// crr evaluates these sums by nested loops (O(n²) and more); here every sum is a running prefix or
// suffix sum over the sorted data, O(n p²) in all. The sums are those of crr term for term, so
// the results agree to rounding.
//
// Reference: Fine & Gray, JASA 94 (1999) 496–509, §3 and the appendix.

/// The meat of the Fine–Gray sandwich; see the file header.
enum _FineGraySandwich {
  /// Σᵢ (ηᵢ + ψᵢ)(ηᵢ + ψᵢ)ᵀ as a row-major p × p array, at β with the risk-set summaries of
  /// an evaluation at that β.
  ///
  /// - Complexity: O(n p²).
  static func meat(
    data: _FineGrayData, beta: [Double], riskSets: _PseudoLikelihood.RiskSets
  ) -> [Double] {
    let n = data.count
    let p = data.covariateCount
    let x = data.covariates
    let failures = data.failureTimes
    let m = failures.count
    var risk = [Double](repeating: 0, count: n)
    for k in 0..<n {
      var eta = 0.0
      for j in 0..<p { eta += x[k * p + j] * beta[j] }
      risk[k] = exp(eta)
    }
    // dΛ̂ and x̄ at each failure time; suffix sums D over failure times s ≥ s_f.
    var hazard = [Double](repeating: 0, count: m)
    for f in 0..<m { hazard[f] = Double(failures[f].count) / riskSets.weightedCount[f] }
    var suffix0 = [Double](repeating: 0, count: m + 1)
    var suffix1 = [Double](repeating: 0, count: (m + 1) * p)
    for f in stride(from: m - 1, through: 0, by: -1) {
      let weight = failures[f].censoringSurvival * hazard[f]
      suffix0[f] = suffix0[f + 1] + weight
      for j in 0..<p {
        suffix1[f * p + j] = suffix1[(f + 1) * p + j] + weight * riskSets.means[f * p + j]
      }
    }

    var meat = [Double](repeating: 0, count: p * p)
    var prefix0 = 0.0  // Σ_{s ≤ t} dΛ̂(s)
    var prefix1 = [Double](repeating: 0, count: p)  // Σ_{s ≤ t} x̄(s) dΛ̂(s)
    var competing0 = 0.0  // E⁰: competing failures before the current time
    var competing1 = [Double](repeating: 0, count: p)
    var censoringSum = [Double](repeating: 0, count: p)  // Σ_{u ≤ t} cᵤ q(u)/R(u)²
    var q = [Double](repeating: 0, count: p)
    var term = [Double](repeating: 0, count: p)
    var passed = 0  // failure times s < current time
    var start = 0
    while start < n {
      let time = data.times[start]
      var end = start
      var censorings = 0
      while end < n && data.times[end] == time {
        if data.kinds[end] == .censored { censorings += 1 }
        end += 1
      }
      while passed < m && failures[passed].time < time { passed += 1 }
      let atOrAfter = passed
      let hasFailure = atOrAfter < m && failures[atOrAfter].time == time
      let after = hasFailure ? atOrAfter + 1 : atOrAfter
      if hasFailure {
        prefix0 += hazard[atOrAfter]
        for j in 0..<p { prefix1[j] += riskSets.means[atOrAfter * p + j] * hazard[atOrAfter] }
      }
      let riskCount = Double(n - start)
      if censorings > 0 {
        for j in 0..<p {
          q[j] = competing1[j] * suffix0[atOrAfter] - competing0 * suffix1[atOrAfter * p + j]
          censoringSum[j] += Double(censorings) * q[j] / (riskCount * riskCount)
        }
      }
      for i in start..<end {
        let r = risk[i]
        let kind = data.kinds[i]
        for j in 0..<p {
          let xi = x[i * p + j]
          var value = -r * (xi * prefix0 - prefix1[j])
          switch kind {
          case .cause:
            value += xi - riskSets.means[atOrAfter * p + j]
          case .competing:
            let scale = r / data.censoringSurvival[i]
            value -= scale * (xi * suffix0[after] - suffix1[after * p + j])
          case .censored:
            value += q[j] / riskCount
          }
          term[j] = value - censoringSum[j]
        }
        for j in 0..<p {
          for l in j..<p { meat[j * p + l] += term[j] * term[l] }
        }
      }
      for i in start..<end where data.kinds[i] == .competing {
        let w = risk[i] / data.censoringSurvival[i]
        competing0 += w
        for j in 0..<p { competing1[j] += w * x[i * p + j] }
      }
      start = end
    }
    for j in 0..<p {
      for l in 0..<j { meat[j * p + l] = meat[l * p + j] }
    }
    return meat
  }
}
