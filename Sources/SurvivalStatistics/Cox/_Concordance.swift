import Dispatch

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
/// The counts come from two backwards passes over time per stratum, each with a Fenwick tree
/// over the ranks of the scores, which share nothing and run at once on two cores: one tree
/// holds everyone already at risk and gives the events' pair counts; the other holds the events
/// seen so far. A subject's partner counts as a risk-set member are the events that happen while
/// it is at risk: the difference of the event tree's counts at the end of the pass and when the
/// subject enters. Every count is an integer, so the sums are exact in any order.
///
/// - Complexity: O(n log n); the ranks come from a radix sort of the scores.
/// With clusters (R: `coxph(... + cluster(id))`) the influence values are summed within each
/// cluster before squaring, as `concordancefit(..., cluster =)` does.
func _concordance(data: _CoxData, sortedScores: [Double], sortedClusters: [Int]? = nil)
  -> CoxRegression.Concordance
{
  let n = data.count
  let ranked = _ScoreRanks(scores: sortedScores, strata: data.stratumRanges)
  let passes = _ConcordancePasses(data: data, ranks: ranked)
  DispatchQueue.concurrentPerform(iterations: 2) { index in
    if index == 0 { passes.countRiskSetPairs() } else { passes.countEventPartners() }
  }
  // concurrentPerform returns once both passes are done.
  let risk = passes.risk
  let partner = passes.partner
  let ranks = ranked.ranks
  let events = data.events

  // Per subject: pairs in which the event subject's score is below / above / equal to the
  // partner's (survival's influence columns 1–3, before reversal).
  var influenceGreater = [Double](repeating: 0, count: n)
  var influenceSmaller = [Double](repeating: 0, count: n)
  var influenceTied = [Double](repeating: 0, count: n)
  for (stratum, range) in data.stratumRanges.enumerated() {
    // At the end of the stratum the event tree holds every event: count them by rank directly.
    let size = ranked.sizes[stratum]
    var eventsAtRank = [Int32](repeating: 0, count: size + 2)
    for k in range where events[k] == 1 { eventsAtRank[Int(ranks[k])] += 1 }
    var below = [Int32](repeating: 0, count: size + 2)
    for rank in 1...(size + 1) { below[rank] = below[rank - 1] + eventsAtRank[rank - 1] }
    let totalEvents = Int(below[size + 1])
    for k in range {
      let rank = Int(ranks[k])
      let smaller = Int(below[rank])
      let tied = Int(eventsAtRank[rank])
      influenceGreater[k] = Double(Int(risk.greater[k]) - Int(partner.smaller[k]) + smaller)
      influenceSmaller[k] = Double(
        Int(risk.smaller[k]) - Int(partner.greater[k]) + totalEvents - smaller - tied)
      influenceTied[k] = Double(Int(risk.tied[k]) - Int(partner.tied[k]) + tied)
    }
  }

  let greaterTotal = Double(passes.greaterTotal)  // pairs where the at-risk partner has the larger score
  let smallerTotal = Double(passes.smallerTotal)
  let tiedTotal = Double(passes.tiedTotal)
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
    tiedTime: Double(passes.tiedTime - passes.tiedBoth), tiedTimeAndRisk: Double(passes.tiedBoth))
}

/// Dense 1-based ranks of the scores within each stratum (equal scores share a rank), from a
/// radix sort of each stratum's scores.
struct _ScoreRanks: Sendable {
  var ranks: [Int32]
  /// The number of distinct scores of each stratum.
  var sizes: [Int]

  init(scores: [Double], strata: [Range<Int>]) {
    var ranks = [Int32](repeating: 0, count: scores.count)
    var sizes: [Int] = []
    var sortedKeys: [UInt64] = []
    var positions: [Int] = []
    scores.withUnsafeBufferPointer { score in
      for range in strata {
        sortedKeys = Array(repeating: 0, count: range.count)
        positions = Array(repeating: 0, count: range.count)
        sortedKeys.withUnsafeMutableBufferPointer { key in
          positions.withUnsafeMutableBufferPointer { position in
            _RadixSort.sort(
              count: range.count,
              entry: { index in
                _KeyedPayload(
                  key: _RadixSort.key(score[range.lowerBound + index]),
                  payload: UInt64(range.lowerBound + index))
              },
              place: { slot, entry in
                key[slot] = entry.key
                position[slot] = Int(truncatingIfNeeded: entry.payload)
              })
          }
        }
        var size = 0
        for slot in 0..<range.count {
          if slot == 0 || sortedKeys[slot] != sortedKeys[slot - 1] { size += 1 }
          ranks[positions[slot]] = Int32(size)
        }
        sizes.append(size)
      }
    }
    self.ranks = ranks
    self.sizes = sizes
  }
}

/// The two passes of ``_concordance(data:sortedScores:sortedClusters:)``, each writing only its
/// own arrays, so that they can run on two threads at once.
private final class _ConcordancePasses: @unchecked Sendable {
  let data: _CoxData
  let ranks: _ScoreRanks

  /// Pair counts of the event subjects against the risk set at their time (pass one).
  var risk = _PairCounts(count: 0)
  var greaterTotal = 0
  var smallerTotal = 0
  var tiedTotal = 0
  /// Pairs of events at the same time, and those also tied on the score.
  var tiedTime = 0
  var tiedBoth = 0
  /// Event counts around each subject's score when it enters the risk set (pass two).
  var partner = _PairCounts(count: 0)

  init(data: _CoxData, ranks: _ScoreRanks) {
    self.data = data
    self.ranks = ranks
  }

  /// Walks each stratum backwards in blocks of equal time; calls `visit(block, firstCensored)`.
  private func forEachTimeBlock(in range: Range<Int>, _ visit: (ClosedRange<Int>, Int) -> Void) {
    let times = data.times
    let events = data.events
    var position = range.upperBound - 1
    while position >= range.lowerBound {
      // The block of subjects sharing this time: events first, then censorings (sort order).
      let time = times[position]
      var blockStart = position
      while blockStart > range.lowerBound && times[blockStart - 1] == time { blockStart -= 1 }
      var firstCensored = blockStart
      while firstCensored <= position && events[firstCensored] == 1 { firstCensored += 1 }
      visit(blockStart...position, firstCensored)
      position = blockStart - 1
    }
  }

  /// Pass one: the tree of everyone at risk. Censored subjects join it before the block's
  /// events are compared with it; the events join after.
  func countRiskSetPairs() {
    var counts = _PairCounts(count: data.count)
    var deathBlock: [Int] = []
    let ranks = ranks.ranks
    for (stratum, range) in data.stratumRanges.enumerated() {
      var tree = _Fenwick(size: self.ranks.sizes[stratum])
      forEachTimeBlock(in: range) { block, firstCensored in
        for k in firstCensored..<(block.upperBound + 1) { tree.add(at: Int(ranks[k])) }
        guard firstCensored > block.lowerBound else { return }
        deathBlock.removeAll(keepingCapacity: true)
        deathBlock.append(contentsOf: block.lowerBound..<firstCensored)
        if deathBlock.count > 1 { deathBlock.sort { ranks[$0] < ranks[$1] } }
        tiedTime += deathBlock.count * (deathBlock.count - 1) / 2
        var runStart = 0
        for (index, k) in deathBlock.enumerated() {
          let rank = Int(ranks[k])
          if index > 0 && ranks[k] != ranks[deathBlock[index - 1]] { runStart = index }
          tiedBoth += index - runStart
          let (greater, smaller, tied) = tree.counts(around: rank)
          greaterTotal += greater
          smallerTotal += smaller
          tiedTotal += tied
          counts.set(k, greater: greater, smaller: smaller, tied: tied)
        }
        for k in deathBlock { tree.add(at: Int(ranks[k])) }
      }
    }
    risk = counts
  }

  /// Pass two: the tree of the events seen so far, read as each subject enters the risk set
  /// (censored subjects before the block's events join it, events after).
  func countEventPartners() {
    var counts = _PairCounts(count: data.count)
    let ranks = ranks.ranks
    for (stratum, range) in data.stratumRanges.enumerated() {
      var tree = _Fenwick(size: self.ranks.sizes[stratum])
      forEachTimeBlock(in: range) { block, firstCensored in
        for k in firstCensored..<(block.upperBound + 1) {
          let (greater, smaller, tied) = tree.counts(around: Int(ranks[k]))
          counts.set(k, greater: greater, smaller: smaller, tied: tied)
        }
        for k in block.lowerBound..<firstCensored { tree.add(at: Int(ranks[k])) }
        for k in block.lowerBound..<firstCensored {
          let (greater, smaller, tied) = tree.counts(around: Int(ranks[k]))
          counts.set(k, greater: greater, smaller: smaller, tied: tied)
        }
      }
    }
    partner = counts
  }
}

/// Per subject, counts of partners with a greater, smaller and equal score.
struct _PairCounts {
  var greater: [Int32]
  var smaller: [Int32]
  var tied: [Int32]

  init(count: Int) {
    greater = Array(repeating: 0, count: count)
    smaller = Array(repeating: 0, count: count)
    tied = Array(repeating: 0, count: count)
  }

  mutating func set(_ k: Int, greater: Int, smaller: Int, tied: Int) {
    self.greater[k] = Int32(greater)
    self.smaller[k] = Int32(smaller)
    self.tied[k] = Int32(tied)
  }
}

/// A Fenwick (binary indexed) tree of unit weights over ranks 1…size, with the weight at each
/// rank kept beside it.
struct _Fenwick {
  /// Fenwick partial sums, 1-based.
  private var cumulative: [Int32]
  /// Weight at exactly each rank.
  private var node: [Int32]
  private var total = 0

  init(size: Int) {
    cumulative = Array(repeating: 0, count: size + 1)
    node = Array(repeating: 0, count: size + 1)
  }

  mutating func add(at rank: Int) {
    total += 1
    node[rank] += 1
    cumulative.withUnsafeMutableBufferPointer { sums in
      var index = rank
      while index < sums.count {
        sums[index] += 1
        index += index & -index
      }
    }
  }

  /// Weights with rank above, below and equal to `rank`.
  func counts(around rank: Int) -> (greater: Int, smaller: Int, tied: Int) {
    var smaller = 0
    cumulative.withUnsafeBufferPointer { sums in
      var index = rank - 1
      while index > 0 {
        smaller += Int(sums[index])
        index -= index & -index
      }
    }
    let tied = Int(node[rank])
    return (total - smaller - tied, smaller, tied)
  }
}
