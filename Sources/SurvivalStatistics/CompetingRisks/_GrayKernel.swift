import Foundation

// Score and variance of Gray's k-sample test within one stratum.
//
// Implementation goals, in order of priority:
//
// 1. Agree with `cmprsk::cuminc(...)$Tests` (its routine `crst`) to rounding: the same quantities
//    are accumulated in the same order with the same operations.
// 2. One pass over the stratum's distinct times: O(n + T k³) for T distinct times and k groups
//    (k is small; the k³ is the variance update per event time).
//
// Notation at a distinct time t, for group g with n_g at risk, d₁g failures from the cause of
// interest and d₂g from other causes; S_g(t−), S_g(t) the group's all-cause Kaplan–Meier
// estimate before and after t; F_g(t−) its cumulative incidence of the cause before t:
//
//   h_g   = n_g / S_g(t−)                       (R_g/Ĝ_g in Gray's notation: the "at risk" for
//                                               the subdistribution, n_g over the censoring KM)
//   H     = Σ_g h_g,   Q = Σ_g n_g (1 − F_g(t−)) / S_g(t−),   D₁ = Σ_g d₁g
//   F⁰(t) = F⁰(t−) + D₁/H                       the pooled cumulative incidence
//   w     = (1 − F⁰(t−))^ρ                      the weight (ρ = 0: all ones)
//
// Score for group g (Gray 1988, eq. 2.3, the first k − 1 groups):
//
//   s_g += w · (d₁g − D₁ · n_g (1 − F_g(t−)) / (S_g(t−) Q))
//
// Variance: with a_gl = w h_g (δ_gl − h_l/H) and the running sums c_gl += a_gl D₁/(H (1 − F⁰(t−))),
// each time adds, per group l with subjects at risk,
//
//   cause of interest (D₁ > 0):  u = 1 − (1 − F⁰(t))/S_l(t)  (1 when S_l(t) = 0),
//                                m = (1 − (D₁ − 1)/(H S_l(t−) − 1)) · S_l(t−) D₁/(H n_l)
//   other causes (d₂l > 0, S_l(t) > 0):
//                                u = (1 − F⁰(t))/S_l(t),
//                                m = (1 − (d₂l − 1)/(n_l − 1)) · S_l(t−)² d₂l / n_l²
//
// to  V_gj += (a_gl − u c_gl)(a_jl − u c_jl) m  (other causes: a := 0 and the sign of u flips),
// v2_gl += (a_gl − u c_gl) u m  and  v3_l += u² m; at the end
// V_gj += Σ_l c_gl c_jl v3_l + c_gl v2_jl + c_jl v2_gl. The factors (1 − (d − 1)/(n − 1))
// correct for tied failures.
//
// Reference: Gray, Ann. Statist. 16 (1988) 1141–1154, §2–3.

/// Gray's test statistics of one stratum; see the file header for the method.
enum _GrayKernel {
  /// The observation's outcome relative to the cause under test.
  enum Outcome: UInt8 {
    case censored = 0
    case cause = 1
    case otherCause = 2
  }

  /// The score of the first k − 1 groups and its (k − 1) × (k − 1) variance (row-major) for
  /// observations sorted by time.
  ///
  /// - Parameters:
  ///   - times: the stratum's times, ascending.
  ///   - outcomes: each observation's outcome.
  ///   - groups: each observation's group, in 0..<groupCount.
  ///   - groupCount: k ≥ 2.
  ///   - rho: the weight exponent ρ.
  static func stratum(
    times: [Double], outcomes: [Outcome], groups: [Int], groupCount k: Int, rho: Double
  ) -> (score: [Double], variance: [Double]) {
    let k1 = k - 1
    var atRisk = [Int](repeating: 0, count: k)
    for group in groups { atRisk[group] += 1 }
    var score = [Double](repeating: 0, count: k1)
    var variance = [Double](repeating: 0, count: k1 * k1)  // lower triangle used until the end
    var incidenceBefore = [Double](repeating: 0, count: k)
    var incidence = [Double](repeating: 0, count: k)
    var survivalBefore = [Double](repeating: 1, count: k)
    var survival = [Double](repeating: 1, count: k)
    var v3 = [Double](repeating: 0, count: k)
    var v2 = [Double](repeating: 0, count: k1 * k)  // v2[i * k + l]
    var c = [Double](repeating: 0, count: k * k)  // c[i * k + l]
    var a = [Double](repeating: 0, count: k * k)
    var pooledBefore = 0.0
    var pooled = 0.0
    var own = [Int](repeating: 0, count: k)
    var other = [Int](repeating: 0, count: k)

    var start = 0
    let n = times.count
    while start < n {
      var end = start
      while end + 1 < n && times[end + 1] == times[start] { end += 1 }
      for g in 0..<k {
        own[g] = 0
        other[g] = 0
      }
      for index in start...end {
        switch outcomes[index] {
        case .cause: own[groups[index]] += 1
        case .otherCause: other[groups[index]] += 1
        case .censored: break
        }
      }
      let d1 = own.reduce(0, +)
      let d2 = other.reduce(0, +)
      if d1 > 0 || d2 > 0 {
        var sumH = 0.0
        var sumQ = 0.0
        for g in 0..<k where atRisk[g] > 0 {
          let failures = Double(own[g] + other[g])
          let risk = Double(atRisk[g])
          survival[g] = survivalBefore[g] * (risk - failures) / risk
          incidence[g] = incidenceBefore[g] + (survivalBefore[g] * Double(own[g])) / risk
          sumH += risk / survivalBefore[g]
          sumQ += risk * (1 - incidenceBefore[g]) / survivalBefore[g]
        }
        pooled = pooledBefore + Double(d1) / sumH
        let weight = pow(1 - pooledBefore, rho)
        for g in 0..<k {
          for l in g..<k { a[g * k + l] = 0 }
          guard atRisk[g] > 0 else { continue }
          let h = Double(atRisk[g]) / survivalBefore[g]
          a[g * k + g] = weight * h * (1 - h / sumH)
          c[g * k + g] += a[g * k + g] * Double(d1) / (sumH * (1 - pooledBefore))
          for l in (g + 1)..<max(k, g + 1) where atRisk[l] > 0 {
            a[g * k + l] = -(weight * h * Double(atRisk[l]) / (survivalBefore[l] * sumH))
            c[g * k + l] += a[g * k + l] * Double(d1) / (sumH * (1 - pooledBefore))
          }
        }
        for g in 1..<k {
          for l in 0..<g {
            a[g * k + l] = a[l * k + g]
            c[g * k + l] = c[l * k + g]
          }
        }
        for g in 0..<k1 where atRisk[g] > 0 {
          score[g] +=
            weight
            * (Double(own[g]) - Double(d1 * atRisk[g]) * (1 - incidenceBefore[g])
              / (survivalBefore[g] * sumQ))
        }
        if d1 > 0 {
          for l in 0..<k where atRisk[l] > 0 {
            let u = survival[l] > 0 ? 1 - (1 - pooled) / survival[l] : 1
            let tie = d1 > 1 ? 1 - Double(d1 - 1) / (sumH * survivalBefore[l] - 1) : 1
            let m = tie * survivalBefore[l] * Double(d1) / (sumH * Double(atRisk[l]))
            v3[l] += u * u * m
            for i in 0..<k1 {
              let t1 = a[i * k + l] - u * c[i * k + l]
              v2[i * k + l] += t1 * u * m
              for j in 0...i {
                let t2 = a[j * k + l] - u * c[j * k + l]
                variance[i * k1 + j] += t1 * t2 * m
              }
            }
          }
        }
        if d2 > 0 {
          for l in 0..<k where survival[l] > 0 && other[l] > 0 {
            let u = (1 - pooled) / survival[l]
            let risk = Double(atRisk[l])
            let tie = other[l] > 1 ? 1 - (Double(other[l]) - 1) / (risk - 1) : 1
            let squaredRisk = Double(atRisk[l] * atRisk[l])
            let m = tie * (survivalBefore[l] * survivalBefore[l] * Double(other[l])) / squaredRisk
            v3[l] += u * u * m
            for i in 0..<k1 {
              let t1 = u * c[i * k + l]
              v2[i * k + l] -= t1 * u * m
              for j in 0...i {
                let t2 = u * c[j * k + l]
                variance[i * k1 + j] += t1 * t2 * m
              }
            }
          }
        }
      }
      if end == n - 1 { break }
      for index in start...end { atRisk[groups[index]] -= 1 }
      pooledBefore = pooled
      for g in 0..<k {
        incidenceBefore[g] = incidence[g]
        survivalBefore[g] = survival[g]
      }
      start = end + 1
    }

    for i in 0..<k1 {
      for j in 0...i {
        var value = variance[i * k1 + j]
        for l in 0..<k {
          value += c[i * k + l] * c[j * k + l] * v3[l]
          value += c[i * k + l] * v2[j * k + l]
          value += c[j * k + l] * v2[i * k + l]
        }
        variance[i * k1 + j] = value
        variance[j * k1 + i] = value
      }
    }
    return (score, variance)
  }
}
