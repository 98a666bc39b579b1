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
/// With clusters (R: `coxph(... + cluster(id))`) the influence values are summed within each
/// cluster before squaring, as `concordancefit(..., cluster =)` does.
func _concordance(data: _CoxData, sortedScores: [Double], sortedClusters: [Int]? = nil)
  -> CoxRegression.Concordance
{
  var greaterTotal = 0.0  // pairs where the at-risk partner has the larger score
  var smallerTotal = 0.0
  var tiedTotal = 0.0
  var tiedTime = 0.0
  var tiedBoth = 0.0
  let n = data.count
  // Per subject: pairs in which the event subject's score is below / above / equal to the
  // partner's (survival's influence columns 1–3, before reversal).
  var influenceGreater = [Double](repeating: 0, count: n)
  var influenceSmaller = [Double](repeating: 0, count: n)
  var influenceTied = [Double](repeating: 0, count: n)
  var ranks = [Int32](repeating: 0, count: n)
  var deathBlock: [Int] = []
  var distinct: [Double] = []
  let times = data.times
  let events = data.events

  for range in data.stratumRanges {
    // Ranks (1-based) of the scores within the stratum; equal scores share a rank.
    distinct.removeAll(keepingCapacity: true)
    distinct.append(contentsOf: sortedScores[range])
    distinct.sort()
    var size = 0
    for value in distinct where size == 0 || distinct[size - 1] != value {
      distinct[size] = value
      size += 1
    }
    distinct.withUnsafeBufferPointer { sorted in
      for k in range {
        var low = 0
        var high = size - 1
        let value = sortedScores[k]
        while low < high {
          let mid = (low + high) >> 1
          if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        ranks[k] = Int32(low + 1)
      }
    }
    var trees = _FenwickPair(size: size)

    var position = range.upperBound - 1
    while position >= range.lowerBound {
      // The block of subjects sharing this time: events first, then censorings (sort order).
      let time = times[position]
      var blockStart = position
      while blockStart > range.lowerBound && times[blockStart - 1] == time {
        blockStart -= 1
      }
      var firstCensored = blockStart
      while firstCensored <= position && events[firstCensored] == 1 { firstCensored += 1 }

      // Censored subjects join the risk set; their partner counts start from the events so far.
      if firstCensored <= position {
        for k in firstCensored...position {
          let rank = Int(ranks[k])
          let counts = trees.counts(around: rank, tree: 1)
          influenceGreater[k] -= counts.smaller
          influenceSmaller[k] -= counts.greater
          influenceTied[k] -= counts.tied
          trees.add(at: rank, tree: 0)
        }
      }
      if firstCensored > blockStart {
        deathBlock.removeAll(keepingCapacity: true)
        deathBlock.append(contentsOf: blockStart..<firstCensored)
        if deathBlock.count > 1 { deathBlock.sort { ranks[$0] < ranks[$1] } }
        let deathCount = Double(deathBlock.count)
        tiedTime += deathCount * (deathCount - 1) / 2
        var runStart = 0
        for (index, k) in deathBlock.enumerated() {
          let rank = Int(ranks[k])
          if index > 0 && ranks[k] != ranks[deathBlock[index - 1]] { runStart = index }
          tiedBoth += Double(index - runStart)
          let counts = trees.counts(around: rank, tree: 0)
          greaterTotal += counts.greater
          smallerTotal += counts.smaller
          tiedTotal += counts.tied
          influenceGreater[k] += counts.greater
          influenceSmaller[k] += counts.smaller
          influenceTied[k] += counts.tied
          trees.add(at: rank, tree: 1)
        }
        for k in deathBlock {
          let rank = Int(ranks[k])
          let counts = trees.counts(around: rank, tree: 1)
          influenceGreater[k] -= counts.smaller
          influenceSmaller[k] -= counts.greater
          influenceTied[k] -= counts.tied
          trees.add(at: rank, tree: 0)
        }
      }
      position = blockStart - 1
    }
    // At the end of the stratum the event tree holds every event: count them by rank directly.
    var eventsAtRank = [Int32](repeating: 0, count: size + 2)
    for k in range where events[k] == 1 { eventsAtRank[Int(ranks[k])] += 1 }
    var below = [Int32](repeating: 0, count: size + 2)
    for rank in 1...(size + 1) { below[rank] = below[rank - 1] + eventsAtRank[rank - 1] }
    let totalEvents = Double(below[size + 1])
    for k in range {
      let rank = Int(ranks[k])
      let smaller = Double(below[rank])
      let tied = Double(eventsAtRank[rank])
      influenceGreater[k] += smaller
      influenceSmaller[k] += totalEvents - smaller - tied
      influenceTied[k] += tied
    }
  }

  let pairs = greaterTotal + smallerTotal + tiedTotal
  let somers = (greaterTotal - smallerTotal) / pairs
  var variance = 0.0
  var clusterSums: [Int: Double] = [:]
  for k in 0..<n {
    let dfbeta =
      ((influenceGreater[k] - influenceSmaller[k])
        - (influenceGreater[k] + influenceSmaller[k] + influenceTied[k]) * somers) / (2 * pairs)
    if let sortedClusters {
      clusterSums[sortedClusters[k], default: 0] += dfbeta
    } else {
      variance += dfbeta * dfbeta
    }
  }
  for value in clusterSums.values { variance += value * value }
  return CoxRegression.Concordance(
    concordance: 1 - (somers + 1) / 2, standardError: variance.squareRoot(),
    concordant: smallerTotal, discordant: greaterTotal, tiedRisk: tiedTotal,
    tiedTime: tiedTime - tiedBoth, tiedTimeAndRisk: tiedBoth)
}

/// Two Fenwick (binary indexed) trees of unit weights over ranks 1…size, stored interleaved so
/// that the paired operations on one rank (query one tree, add to the other) share cache lines.
/// Tree 0 holds everyone at risk, tree 1 the events seen so far.
struct _FenwickPair {
  /// `cumulative[2 * index + tree]`: Fenwick partial sums.
  private var cumulative: [Int32]
  /// `node[2 * rank + tree]`: weight at exactly this rank.
  private var node: [Int32]
  private var totals: (Int, Int) = (0, 0)

  init(size: Int) {
    cumulative = Array(repeating: 0, count: 2 * (size + 1))
    node = Array(repeating: 0, count: 2 * (size + 1))
  }

  mutating func add(at rank: Int, tree: Int) {
    if tree == 0 { totals.0 += 1 } else { totals.1 += 1 }
    node[2 * rank + tree] += 1
    let limit = cumulative.count / 2
    cumulative.withUnsafeMutableBufferPointer { sums in
      var index = rank
      while index < limit {
        sums[2 * index + tree] += 1
        index += index & -index
      }
    }
  }

  /// Weights of one tree with rank above, below and equal to `rank`.
  func counts(around rank: Int, tree: Int) -> (greater: Double, smaller: Double, tied: Double) {
    var smaller = 0
    cumulative.withUnsafeBufferPointer { sums in
      var index = rank - 1
      while index > 0 {
        smaller += Int(sums[2 * index + tree])
        index -= index & -index
      }
    }
    let tied = Int(node[2 * rank + tree])
    let total = tree == 0 ? totals.0 : totals.1
    return (Double(total - smaller - tied), Double(smaller), Double(tied))
  }
}
