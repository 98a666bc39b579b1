/// Harrell's concordance between risk scores and survival, with its infinitesimal-jackknife
/// standard error, as survival 3.x computes it for a Cox fit (`concordancefit(…, reverse =
/// TRUE, timewt = "n")`).
///
/// A pair (i, j) is comparable when i has an event at tᵢ and j is still at risk after tᵢ
/// (tⱼ > tᵢ, or tⱼ = tᵢ and j censored), within the same stratum. It is concordant when the
/// subject failing first has the higher risk score, discordant when lower, tied on x when equal.
/// Pairs of events at the same time are not comparable (tied on y). With C, D, T the totals,
/// N = C + D + T and Somers' d = (D − C)/N in survival's orientation,
///   concordance = (C + T/2)/N = 1 − (d + 1)/2.
/// The influence of observation k on d is
///   dfbetaₖ = ((Gₖ − Lₖ) − (Gₖ + Lₖ + Tₖ) d) / (2N),
/// where Gₖ, Lₖ, Tₖ count the comparable pairs containing k in which the event subject's score
/// is below, above or equal to its partner's; the variance is Σₖ dfbetaₖ².
///
/// The counts come from one backwards pass over time per stratum with two Fenwick trees over the
/// ranks of the scores: one holding everyone already at risk, one holding the events seen so
/// far. A subject's partner counts as a risk-set member are the events that happen while it is
/// at risk: the difference of the event tree's counts at the end of the pass and when the
/// subject enters.
///
/// - Complexity: O(n log n).
func _concordance(data: _CoxData, sortedScores: [Double]) -> CoxRegression.Concordance {
  var greaterTotal = 0.0  // pairs where the at-risk partner has the larger score
  var smallerTotal = 0.0
  var tiedTotal = 0.0
  var tiedTime = 0.0
  var tiedBoth = 0.0
  let n = data.count
  var influenceGreater = [Double](repeating: 0, count: n)
  var influenceSmaller = [Double](repeating: 0, count: n)
  var influenceTied = [Double](repeating: 0, count: n)
  var ranks = [Int](repeating: 0, count: n)
  var deathBlock: [Int] = []

  for range in data.stratumRanges {
    // Ranks (1-based) of the scores within the stratum; equal scores share a rank.
    let distinct = Array(Set(sortedScores[range])).sorted()
    let size = distinct.count
    for k in range {
      var low = 0
      var high = size - 1
      let value = sortedScores[k]
      while low < high {
        let mid = (low + high) / 2
        if distinct[mid] < value { low = mid + 1 } else { high = mid }
      }
      ranks[k] = low + 1
    }
    var everyone = _FenwickTree(size: size)
    var deaths = _FenwickTree(size: size)

    var position = range.upperBound - 1
    while position >= range.lowerBound {
      // The block of subjects sharing this time: events first, then censorings (sort order).
      let time = data.times[position]
      var blockStart = position
      while blockStart > range.lowerBound && data.times[blockStart - 1] == time {
        blockStart -= 1
      }
      var firstCensored = blockStart
      while firstCensored <= position && data.events[firstCensored] == 1 { firstCensored += 1 }

      // Censored subjects join the risk set.
      if firstCensored <= position {
        for k in firstCensored...position {
          let counts = deaths.counts(around: ranks[k])
          influenceGreater[k] -= counts.smaller
          influenceSmaller[k] -= counts.greater
          influenceTied[k] -= counts.tied
          everyone.add(1, at: ranks[k])
        }
      }
      if firstCensored > blockStart {
        deathBlock.removeAll(keepingCapacity: true)
        deathBlock.append(contentsOf: blockStart..<firstCensored)
        deathBlock.sort { ranks[$0] < ranks[$1] }
        let deathCount = Double(deathBlock.count)
        tiedTime += deathCount * (deathCount - 1) / 2
        var runStart = 0
        for (index, k) in deathBlock.enumerated() {
          if index > 0 && ranks[k] != ranks[deathBlock[index - 1]] { runStart = index }
          tiedBoth += Double(index - runStart)
          let counts = everyone.counts(around: ranks[k])
          greaterTotal += counts.greater
          smallerTotal += counts.smaller
          tiedTotal += counts.tied
          influenceGreater[k] += counts.greater
          influenceSmaller[k] += counts.smaller
          influenceTied[k] += counts.tied
          deaths.add(1, at: ranks[k])
        }
        for k in deathBlock {
          let counts = deaths.counts(around: ranks[k])
          influenceGreater[k] -= counts.smaller
          influenceSmaller[k] -= counts.greater
          influenceTied[k] -= counts.tied
          everyone.add(1, at: ranks[k])
        }
      }
      position = blockStart - 1
    }
    for k in range {
      let counts = deaths.counts(around: ranks[k])
      influenceGreater[k] += counts.smaller
      influenceSmaller[k] += counts.greater
      influenceTied[k] += counts.tied
    }
  }

  let pairs = greaterTotal + smallerTotal + tiedTotal
  let somers = (greaterTotal - smallerTotal) / pairs
  var variance = 0.0
  for k in 0..<n {
    let dfbeta =
      ((influenceGreater[k] - influenceSmaller[k])
        - (influenceGreater[k] + influenceSmaller[k] + influenceTied[k]) * somers) / (2 * pairs)
    variance += dfbeta * dfbeta
  }
  return CoxRegression.Concordance(
    concordance: 1 - (somers + 1) / 2, standardError: variance.squareRoot(),
    concordant: smallerTotal, discordant: greaterTotal, tiedRisk: tiedTotal,
    tiedTime: tiedTime - tiedBoth, tiedTimeAndRisk: tiedBoth)
}

/// A Fenwick (binary indexed) tree of weights over ranks 1…size.
struct _FenwickTree {
  private var tree: [Double]
  private var node: [Double]
  private(set) var total = 0.0

  init(size: Int) {
    tree = Array(repeating: 0, count: size + 1)
    node = Array(repeating: 0, count: size + 1)
  }

  mutating func add(_ weight: Double, at rank: Int) {
    node[rank] += weight
    total += weight
    var index = rank
    while index < tree.count {
      tree[index] += weight
      index += index & -index
    }
  }

  /// Weight below `rank` (exclusive).
  func prefix(_ rank: Int) -> Double {
    var sum = 0.0
    var index = rank - 1
    while index > 0 {
      sum += tree[index]
      index -= index & -index
    }
    return sum
  }

  /// Weights with rank above, below and equal to `rank`.
  func counts(around rank: Int) -> (greater: Double, smaller: Double, tied: Double) {
    let smaller = prefix(rank)
    let tied = node[rank]
    return (total - smaller - tied, smaller, tied)
  }
}
