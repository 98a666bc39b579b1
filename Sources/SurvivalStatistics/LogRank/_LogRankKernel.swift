import Foundation

/// Observed, expected and variance sums of the G-rho family, one linear pass per stratum.
///
/// Contract (as survival's `survdiff2.c`): the sample is sorted by time; within each stratum, at
/// every distinct time t with D deaths among N at risk (n_g and d_g per group) and the pooled
/// left-continuous Kaplan–Meier estimate S(t−) of the stratum, the weight is w = S(t−)^ρ and
///
///     O_g += w d_g,   E_g += w D n_g / N,
///     V_gh += w² D (N − D) / (N (N − 1)) · n_g (δ_gh − n_h / N)     (only when N > 1).
///
/// The products are formed in R's order so that results agree to the last bits.
enum _LogRankKernel {
  struct Sums {
    /// Observed weighted events, `[group][stratum]`.
    var observed: [[Double]]
    /// Expected weighted events, `[group][stratum]`.
    var expected: [[Double]]
    /// The k × k variance matrix summed over strata, row-major.
    var variance: [Double]
    /// Unweighted event counts per group.
    var eventCounts: [Int]
  }

  /// - Complexity: O(n + T k²) for T distinct times and k groups.
  static func sums(_ sample: GroupedSample, rho: Double) -> Sums {
    let groupCount = sample.groupLabels.count
    let strataCount = max(sample.strataLabels.count, 1)
    var observed = [Double](repeating: 0, count: groupCount * strataCount)
    var expected = [Double](repeating: 0, count: groupCount * strataCount)
    var variance = [Double](repeating: 0, count: groupCount * groupCount)
    var eventCounts = [Int](repeating: 0, count: groupCount)
    let order = stratumOrder(sample, strataCount: strataCount)
    var stratumStart = 0
    var risk = [Double](repeating: 0, count: groupCount)
    var deathsByGroup = [Double](repeating: 0, count: groupCount)
    var leavingByGroup = [Double](repeating: 0, count: groupCount)
    sample.times.withUnsafeBufferPointer { times in
      sample.isEvent.withUnsafeBufferPointer { isEvent in
        sample.groupIndices.withUnsafeBufferPointer { groups in
          order.permutation.withUnsafeBufferPointer { permutation in
            for stratum in 0..<strataCount {
              let stratumEnd = order.ends[stratum]
              defer { stratumStart = stratumEnd }
              if stratumStart == stratumEnd { continue }
              for group in 0..<groupCount { risk[group] = 0 }
              for position in stratumStart..<stratumEnd {
                risk[groups[permutation[position]]] += 1
              }
              let offset = stratum * groupCount
              var atRisk = Double(stratumEnd - stratumStart)
              var survival = 1.0
              var position = stratumStart
              while position < stratumEnd {
                let time = times[permutation[position]]
                var deaths = 0.0
                var leaving = 0.0
                while position < stratumEnd {
                  let index = permutation[position]
                  if times[index] != time { break }
                  let group = groups[index]
                  leavingByGroup[group] += 1
                  leaving += 1
                  if isEvent[index] {
                    deathsByGroup[group] += 1
                    deaths += 1
                    eventCounts[group] += 1
                  }
                  position += 1
                }
                if deaths > 0 {
                  let weight = rho == 0 ? 1 : pow(survival, rho)
                  for group in 0..<groupCount {
                    observed[offset + group] += weight * deathsByGroup[group]
                    expected[offset + group] += weight * deaths * risk[group] / atRisk
                  }
                  if atRisk > 1 {
                    let squaredWeight = weight * weight
                    for row in 0..<groupCount {
                      let term =
                        squaredWeight * deaths * risk[row] * (atRisk - deaths)
                        / (atRisk * (atRisk - 1))
                      variance[row * groupCount + row] += term
                      for column in 0..<groupCount {
                        variance[row * groupCount + column] -= term * risk[column] / atRisk
                      }
                    }
                  }
                  survival = survival * (atRisk - deaths) / atRisk
                }
                for group in 0..<groupCount {
                  risk[group] -= leavingByGroup[group]
                  leavingByGroup[group] = 0
                  deathsByGroup[group] = 0
                }
                atRisk -= leaving
              }
            }
          }
        }
      }
    }
    return Sums(
      observed: (0..<groupCount).map { g in (0..<strataCount).map { observed[$0 * groupCount + g] }
      },
      expected: (0..<groupCount).map { g in (0..<strataCount).map { expected[$0 * groupCount + g] }
      },
      variance: variance, eventCounts: eventCounts)
  }

  /// Positions grouped by stratum, time order kept within each (a stable counting sort), with the
  /// end position of each stratum; the identity when unstratified.
  private struct StratumOrder {
    var permutation: [Int]
    var ends: [Int]
  }

  private static func stratumOrder(_ sample: GroupedSample, strataCount: Int) -> StratumOrder {
    guard let strata = sample.stratumIndices else {
      return StratumOrder(permutation: Array(0..<sample.count), ends: [sample.count])
    }
    var starts = [Int](repeating: 0, count: strataCount + 1)
    for stratum in strata { starts[stratum + 1] += 1 }
    for stratum in 0..<strataCount { starts[stratum + 1] += starts[stratum] }
    let ends = Array(starts[1...])
    var next = Array(starts[0..<strataCount])
    var permutation = [Int](repeating: 0, count: strata.count)
    for (index, stratum) in strata.enumerated() {
      permutation[next[stratum]] = index
      next[stratum] += 1
    }
    return StratumOrder(permutation: permutation, ends: ends)
  }
}
