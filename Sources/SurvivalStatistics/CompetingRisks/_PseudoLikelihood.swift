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
/// - Complexity: O(n p²) per evaluation; memory O(n + m p + √m p²) for m failure times.
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

    // B sums of the competing failures before each failure time, forwards. They are needed in
    // the backward pass over failure times; rather than storing them for every failure time
    // (O(m p²) memory), the forward state is saved every √m failure times and each block's B sums
    // are recomputed from its checkpoint just before the backward pass reaches the block. The
    // sums are the same in every bit.
    let blockSize = max(1, Int(Double(m).squareRoot().rounded(.up)))
    var forward = _CompetingSums(covariateCount: p, derivatives: derivatives)
    var checkpoints: [_CompetingSums] = []
    for f in 0..<m {
      if f % blockSize == 0 { checkpoints.append(forward) }
      forward.advance(to: failures[f].start, data: data, risk: risk)
    }
    var blockB0 = [Double](repeating: 0, count: blockSize)
    var blockB1 = [Double](repeating: 0, count: blockSize * firsts)
    var blockB2 = [Double](repeating: 0, count: blockSize * squares)

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
    for block in stride(from: checkpoints.count - 1, through: 0, by: -1) {
      let first = block * blockSize
      let last = min(m, first + blockSize)
      var sums = checkpoints[block]
      for f in first..<last {
        sums.advance(to: failures[f].start, data: data, risk: risk)
        blockB0[f - first] = sums.zero
        if derivatives {
          for j in 0..<p { blockB1[(f - first) * p + j] = sums.first[j] }
          for index in 0..<squares { blockB2[(f - first) * squares + index] = sums.second[index] }
        }
      }
      for f in stride(from: last - 1, through: first, by: -1) {
        let failure = failures[f]
        let local = f - first
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
        let s0 = a0 + g * blockB0[local]
        let d = Double(failure.count)
        riskSets.weightedCount[f] = s0
        // The failures at s, among the observations tied at s.
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
            s1[j] = (a1[j] + g * blockB1[local * p + j]) / s0
            riskSets.means[f * p + j] = s1[j]
            score[j] -= d * s1[j]
          }
          for j in 0..<p {
            for l in j..<p {
              let s2 = (a2[j * p + l] + g * blockB2[local * squares + j * p + l]) / s0
              information[j * p + l] += d * (s2 - s1[j] * s1[l])
            }
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

/// Running sums over the competing failures before an observation position: Σ rⱼ/Ĝ(tⱼ−) and its
/// first and second moments in x (upper triangle of the p × p array).
private struct _CompetingSums {
  /// The first sorted position not yet included.
  var next = 0
  var zero = 0.0
  var first: [Double]
  var second: [Double]
  let covariateCount: Int
  let derivatives: Bool

  init(covariateCount p: Int, derivatives: Bool) {
    covariateCount = p
    self.derivatives = derivatives
    first = [Double](repeating: 0, count: derivatives ? p : 0)
    second = [Double](repeating: 0, count: derivatives ? p * p : 0)
  }

  /// Includes the competing failures at positions `next..<position`.
  mutating func advance(to position: Int, data: _FineGrayData, risk: [Double]) {
    let p = covariateCount
    let x = data.covariates
    while next < position {
      if data.kinds[next] == .competing {
        let w = risk[next] / data.censoringSurvival[next]
        zero += w
        if derivatives {
          for j in 0..<p {
            let wx = w * x[next * p + j]
            first[j] += wx
            for l in j..<p { second[j * p + l] += wx * x[next * p + l] }
          }
        }
      }
      next += 1
    }
  }
}
