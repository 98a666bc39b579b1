import Dispatch
import Foundation

/// The Cox partial log-likelihood, its score vector and information matrix at a given β, with
/// Breslow or Efron handling of tied event times (R `coxfit6_iter`).
///
/// Walking the sorted data backwards, each stratum accumulates the risk-set sums
///   S₀ = Σ rᵢ,  S₁ = Σ rᵢ xᵢ,  S₂ = Σ rᵢ xᵢ xᵢᵀ,   rᵢ = exp(xᵢᵀβ),
/// over subjects whose time is ≥ the current time. At a time with d deaths (set D), Breslow adds
/// the deaths to the sums and contributes
///   ℓ += Σ_D xᵢᵀβ − d log S₀,  U += Σ_D xᵢ − d S₁/S₀,  I += d (S₂/S₀ − S₁S₁ᵀ/S₀²).
/// Efron instead adds the deaths' share in d steps k = 1…d of 1/d each, so that step k sees
/// S₀ + (k/d)·S₀ᴰ etc., and each step contributes with weight 1 (the mean case weight).
/// The information is accumulated as (S₂ − S₁ x̄ᵀ)/S₀ with x̄ = S₁/S₀, the same arithmetic as R.
///
/// The risk scores rᵢ of an evaluation are computed first, in two halves at once for large data,
/// so that the sequential walk only adds; each is the same expression as in the walk, so the
/// results do not depend on it.
///
/// Work arrays are allocated once; an evaluation performs no allocation.
///
/// - Complexity: O(n·p²) per evaluation for n subjects and p covariates.
final class _PartialLikelihood {
  let data: _CoxData
  let usesEfron: Bool
  /// Score vector U(β) of the last evaluation.
  var score: [Double]
  /// Information matrix I(β) of the last evaluation, full p × p.
  var information: [Double]

  var riskSum: [Double]  // S₁ of the risk set
  var riskSquares: [Double]  // S₂, packed lower triangle
  var deathSum: [Double]
  var deathSquares: [Double]
  var packedInformation: [Double]
  /// Per subject, rᵢ = exp(xᵢᵀβ)·wᵢ of the evaluation under way.
  var risks: [Double] = []

  /// Whether the exact partial likelihood is used (`ties = "exact"`).
  let isExact: Bool

  init(data: _CoxData, usesEfron: Bool, isExact: Bool = false) {
    self.data = data
    self.usesEfron = usesEfron
    self.isExact = isExact
    let p = data.covariateCount
    let packed = p * (p + 1) / 2
    score = Array(repeating: 0, count: p)
    information = Array(repeating: 0, count: p * p)
    riskSum = Array(repeating: 0, count: p)
    riskSquares = Array(repeating: 0, count: packed)
    deathSum = Array(repeating: 0, count: p)
    deathSquares = Array(repeating: 0, count: packed)
    packedInformation = Array(repeating: 0, count: packed)
  }

  /// Evaluates ℓ(β), storing U(β) in `score` and I(β) in `information`.
  ///
  /// - Parameter beta: coefficients on the centred and scaled covariate scale.
  @discardableResult
  func evaluate(_ beta: [Double]) -> Double {
    let p = data.covariateCount
    let n = data.count
    var logLikelihood = 0.0
    let efron = usesEfron
    if isExact {
      logLikelihood = evaluateExact(beta)
    } else if data.isCountingProcess {
      logLikelihood = evaluateCounting(beta)
    } else {
      let unitWeights = data.weights == nil
      computeRisks(beta)
      (data.weights ?? []).withUnsafeBufferPointer { weight in
        data.times.withUnsafeBufferPointer { time in
          data.events.withUnsafeBufferPointer { status in
            data.strata.withUnsafeBufferPointer { stratum in
              data.covariates.withUnsafeBufferPointer { x in
                beta.withUnsafeBufferPointer { b in
                  score.withUnsafeMutableBufferPointer { u in
                    riskSum.withUnsafeMutableBufferPointer { a in
                      riskSquares.withUnsafeMutableBufferPointer { c in
                        deathSum.withUnsafeMutableBufferPointer { a2 in
                          deathSquares.withUnsafeMutableBufferPointer { c2 in
                            packedInformation.withUnsafeMutableBufferPointer { info in
                              logLikelihood = risks.withUnsafeBufferPointer { r in
                                Self.accumulate(
                                  n: n, p: p, efron: efron, time: time, status: status,
                                  stratum: stratum, x: x, weight: unitWeights ? nil : weight,
                                  risk: r, beta: b, u: u, a: a, c: c, a2: a2, c2: c2, info: info)
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    for i in 0..<p {
      for j in 0...i {
        let value = packedInformation[i * (i + 1) / 2 + j]
        information[i * p + j] = value
        information[j * p + i] = value
      }
    }
    return logLikelihood
  }

  /// Fills `risks` with rᵢ = exp(xᵢᵀβ)·wᵢ, two halves at once when there are many subjects.
  private func computeRisks(_ beta: [Double]) {
    let n = data.count
    let p = data.covariateCount
    if risks.count != n { risks = Array(repeating: 0, count: n) }
    let halves = n >= 100_000 ? 2 : 1
    let weights = data.weights
    risks.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let output = buffer
      data.covariates.withUnsafeBufferPointer { covariates in
        nonisolated(unsafe) let x = covariates
        DispatchQueue.concurrentPerform(iterations: halves) { half in
          for person in (half * n / halves)..<((half + 1) * n / halves) {
            let row = person * p
            var eta = 0.0
            for i in 0..<p { eta += beta[i] * x[row + i] }
            // Unit weights multiply exactly, so the unweighted results are unchanged bit for bit.
            output[person] = exp(eta) * (weights?[person] ?? 1)
          }
        }
      }
    }
  }

  // swift-format-ignore
  private static func accumulate(
    n: Int, p: Int, efron: Bool,
    time: UnsafeBufferPointer<Double>, status: UnsafeBufferPointer<UInt8>,
    stratum: UnsafeBufferPointer<Int32>, x: UnsafeBufferPointer<Double>,
    weight: UnsafeBufferPointer<Double>?, risk riskScores: UnsafeBufferPointer<Double>,
    beta: UnsafeBufferPointer<Double>, u: UnsafeMutableBufferPointer<Double>,
    a: UnsafeMutableBufferPointer<Double>, c: UnsafeMutableBufferPointer<Double>,
    a2: UnsafeMutableBufferPointer<Double>, c2: UnsafeMutableBufferPointer<Double>,
    info: UnsafeMutableBufferPointer<Double>
  ) -> Double {
    var loglik = 0.0
    for i in 0..<p { u[i] = 0; a2[i] = 0 }
    for k in 0..<info.count { info[k] = 0; c2[k] = 0 }
    var denom = 0.0
    var person = n - 1
    while person >= 0 {
      if person == n - 1 || stratum[person] != stratum[person + 1] {
        // First subject (walking backwards) of a new stratum: empty risk set.
        denom = 0
        for i in 0..<p { a[i] = 0 }
        for k in 0..<c.count { c[k] = 0 }
      }
      let currentTime = time[person]
      let currentStratum = stratum[person]
      var deaths = 0
      var deathRisk = 0.0
      var deathWeight = 0.0
      repeat {
        let row = person * p
        let w = weight?[person] ?? 1
        let risk = riskScores[person]
        if status[person] == 0 {
          denom += risk
          var k = 0
          for i in 0..<p {
            let rx = risk * x[row + i]
            a[i] += rx
            for j in 0...i { c[k] += rx * x[row + j]; k += 1 }
          }
        } else {
          deaths += 1
          deathRisk += risk
          deathWeight += w
          var eta = 0.0
          for i in 0..<p { eta += beta[i] * x[row + i] }
          loglik += w * eta
          var k = 0
          for i in 0..<p {
            let xi = x[row + i]
            let rx = risk * xi
            u[i] += w * xi
            a2[i] += rx
            for j in 0...i { c2[k] += rx * x[row + j]; k += 1 }
          }
        }
        person -= 1
      } while person >= 0 && time[person] == currentTime && stratum[person] == currentStratum

      guard deaths > 0 else { continue }
      if !efron || deaths == 1 {
        denom += deathRisk
        // d is the deaths' total weight (their count when unweighted).
        let d = deathWeight
        loglik -= d * log(denom)
        let weight = d / denom
        var k = 0
        for i in 0..<p {
          a[i] += a2[i]
          let mean = a[i] / denom
          u[i] -= d * mean
          for j in 0...i {
            c[k] += c2[k]
            info[k] += weight * (c[k] - mean * a[j])
            k += 1
          }
        }
      } else {
        let d = Double(deaths)
        let share = 1 / d
        // Each step adds 1/d of the deaths' sums; dividing by d (not multiplying by 1/d)
        // would only change the last bit.
        for i in 0..<p { a2[i] *= share }
        for k in 0..<c2.count { c2[k] *= share }
        let riskShare = deathRisk / d
        // Each step carries the deaths' mean weight (1 when unweighted: exact).
        let meanWeight = deathWeight / d
        for _ in 0..<deaths {
          denom += riskShare
          loglik -= meanWeight * log(denom)
          let inverseDenominator = 1 / denom
          var k = 0
          for i in 0..<p {
            a[i] += a2[i]
            let mean = a[i] * inverseDenominator
            u[i] -= meanWeight * mean
            for j in 0...i {
              c[k] += c2[k]
              info[k] += meanWeight * ((c[k] - mean * a[j]) * inverseDenominator)
              k += 1
            }
          }
        }
      }
      for i in 0..<p { a2[i] = 0 }
      for k in 0..<c2.count { c2[k] = 0 }
    }
    return loglik
  }
}
