import Foundation

/// The Fine–Gray log pseudo-likelihood with its score and information, and the per-failure-time
/// risk-set summaries the sandwich variance needs.
///
/// At each distinct failure time s of the cause (d failures), the weighted risk set holds every
/// subject with time ≥ s (weight 1) and every subject who failed from a competing cause at
/// tⱼ < s (weight wⱼ = Ĝ(s−)/Ĝ(tⱼ−)); with rⱼ = exp(xⱼᵀβ),
///
///     S⁰ = Σ wⱼ rⱼ,   S¹ = Σ wⱼ rⱼ xⱼ,   S² = Σ wⱼ rⱼ xⱼxⱼᵀ,   x̄ = S¹/S⁰
///     ℓ(β) = Σ_s [ Σ_{i fails at s} xᵢᵀβ − d log S⁰ ]
///     U(β) = Σ_s [ Σ_{i fails at s} xᵢ − d x̄ ]
///     I(β) = Σ_s d (S²/S⁰ − x̄ x̄ᵀ)
///
/// Tied failures share one risk set (Breslow), as crr's `crrfsv`/`crrf` do.
///
/// The sums split as S = A(s) + Ĝ(s−) B(s): A over subjects with time ≥ s, accumulated from the
/// last time backwards, and B over competing failures before s of rⱼ/Ĝ(tⱼ−), accumulated
/// forwards. Each is a plain running sum, never a difference of totals, so small late risk sets
/// keep their precision.
///
/// - Complexity: O(n p²) per evaluation.
struct _PseudoLikelihood {
  /// Risk-set summaries at the failure times after an evaluation.
  struct RiskSets {
    /// S⁰ at each failure time.
    var weightedCount: [Double]
    /// x̄ at each failure time, `covariateCount` values each.
    var means: [Double]
  }

  let data: _FineGrayData

  /// ℓ(β) only (R: `crrf`, which returns −ℓ).
  func logLikelihood(_ beta: [Double]) -> Double {
    evaluate(beta, derivatives: false).logLikelihood
  }

  /// ℓ(β), U(β) and I(β) (row-major p × p), with the risk-set summaries.
  ///
  /// - Complexity: O(n p²) (O(n p) without derivatives).
  func evaluate(_ beta: [Double], derivatives: Bool = true) -> (
    logLikelihood: Double, score: [Double], information: [Double], riskSets: RiskSets
  ) {
    let n = data.count
    let p = data.covariateCount
    let x = data.covariates
    let failures = data.failureTimes
    let m = failures.count
    let squares = derivatives ? p * p : 0
    let firsts = derivatives ? p : 0

    var risk = [Double](repeating: 0, count: n)
    var linear = [Double](repeating: 0, count: n)
    for k in 0..<n {
      var eta = 0.0
      for j in 0..<p { eta += x[k * p + j] * beta[j] }
      linear[k] = eta
      risk[k] = exp(eta)
    }

    // Forward pass: B sums of the competing failures before each failure time.
    var b0 = [Double](repeating: 0, count: m)
    var b1 = [Double](repeating: 0, count: m * firsts)
    var b2 = [Double](repeating: 0, count: m * squares)
    var running0 = 0.0
    var running1 = [Double](repeating: 0, count: firsts)
    var running2 = [Double](repeating: 0, count: squares)
    var next = 0
    for (f, failure) in failures.enumerated() {
      while next < failure.start {
        if data.kinds[next] == .competing {
          let w = risk[next] / data.censoringSurvival[next]
          running0 += w
          if derivatives {
            for j in 0..<p {
              let wx = w * x[next * p + j]
              running1[j] += wx
              for l in j..<p { running2[j * p + l] += wx * x[next * p + l] }
            }
          }
        }
        next += 1
      }
      b0[f] = running0
      if derivatives {
        for j in 0..<p { b1[f * p + j] = running1[j] }
        for index in 0..<squares { b2[f * squares + index] = running2[index] }
      }
    }

    // Backward pass: A sums over time ≥ s, combined with B at each failure time.
    var logLikelihood = 0.0
    var score = [Double](repeating: 0, count: p)
    var information = [Double](repeating: 0, count: p * p)
    var riskSets = RiskSets(
      weightedCount: [Double](repeating: 0, count: m),
      means: [Double](repeating: 0, count: m * p))
    var a0 = 0.0
    var a1 = [Double](repeating: 0, count: firsts)
    var a2 = [Double](repeating: 0, count: squares)
    var position = n
    var s1 = [Double](repeating: 0, count: p)
    for f in stride(from: m - 1, through: 0, by: -1) {
      let failure = failures[f]
      while position > failure.start {
        position -= 1
        let r = risk[position]
        a0 += r
        if derivatives {
          for j in 0..<p {
            let rx = r * x[position * p + j]
            a1[j] += rx
            for l in j..<p { a2[j * p + l] += rx * x[position * p + l] }
          }
        }
      }
      let g = failure.censoringSurvival
      let s0 = a0 + g * b0[f]
      let d = Double(failure.count)
      riskSets.weightedCount[f] = s0
      // The failures at s: positions start..<start + (ties), kinds == .cause.
      var k = failure.start
      while k < n && data.times[k] == failure.time {
        if data.kinds[k] == .cause {
          logLikelihood += linear[k]
          if derivatives { for j in 0..<p { score[j] += x[k * p + j] } }
        }
        k += 1
      }
      logLikelihood -= d * log(s0)
      if derivatives {
        for j in 0..<p {
          s1[j] = (a1[j] + g * b1[f * p + j]) / s0
          riskSets.means[f * p + j] = s1[j]
          score[j] -= d * s1[j]
        }
        for j in 0..<p {
          for l in j..<p {
            let s2 = (a2[j * p + l] + g * b2[f * squares + j * p + l]) / s0
            information[j * p + l] += d * (s2 - s1[j] * s1[l])
          }
        }
      }
    }
    for j in 0..<p {
      for l in 0..<j { information[j * p + l] = information[l * p + j] }
    }
    return (logLikelihood, score, information, riskSets)
  }
}
