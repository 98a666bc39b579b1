import Foundation
import Testing

@testable import SurvivalStatistics

/// The radix ordering of right-censored Cox data against its definition: merge near ties over
/// the unsorted times, then sort by (stratum, time, event first, row) with comparisons.
@Suite("Cox data sort order")
struct CoxSortOrderTests {
  /// The definition, written the plain way.
  static func reference(
    times: [Double], events: [Bool], strata: [Int32], mergesNearTies: Bool
  ) -> (order: [Int], times: [Double], merged: Int) {
    var merged = times
    let count = mergesNearTies ? _mergeNearTies(&merged) : 0
    let order = times.indices.sorted { a, b in
      if strata[a] != strata[b] { return strata[a] < strata[b] }
      if merged[a] != merged[b] { return merged[a] < merged[b] }
      if events[a] != events[b] { return events[a] }
      return a < b
    }
    return (order, order.map { merged[$0] }, count)
  }

  @Test(
    "radix order equals the comparison order, with ties, near ties, strata and negative times",
    arguments: [1, 2, 3, 4, 5, 6])
  func matchesDefinition(seed: UInt64) {
    var random = Xoshiro256StarStar(seed: seed)
    let n = 2_000 + Int(seed) * 517
    let stratumCount = seed.isMultiple(of: 2) ? 1 : Int(seed) + 1
    var times: [Double] = []
    var events: [Bool] = []
    var strata: [Int32] = []
    for _ in 0..<n {
      let base = Double(Int(random.nextUniform() * 300)) / 7
      var time: Double
      switch Int(random.nextUniform() * 5) {
      case 0: time = base  // exact ties
      case 1: time = base + 1e-12 * Double(Int(random.nextUniform() * 4))  // near ties
      case 2: time = base * 365.25 / 365.25  // days/365.25 style rounding
      case 3: time = -base / 3  // negative (entry-free data may still hold them)
      default: time = random.nextUniform() * 50
      }
      if seed == 5 && random.nextUniform() < 0.01 { time = .infinity }
      if seed == 6 && random.nextUniform() < 0.01 { time = -0.0 }
      times.append(time)
      events.append(random.nextUniform() < 0.6)
      strata.append(Int32(Int(random.nextUniform() * Double(stratumCount))))
    }
    for merging in [true, false] {
      let expected = Self.reference(times: times, events: events, strata: strata, mergesNearTies: merging)
      let sorted = _SortedRows(
        times: times, events: events, strata: strata, stratumCount: stratumCount, mergesNearTies: merging)
      #expect(sorted.order == expected.order)
      #expect(sorted.times.map { $0 + 0 } == expected.times.map { $0 + 0 })
      #expect(sorted.mergedCount == expected.merged)
      #expect(sorted.events == sorted.order.map { events[$0] ? 1 : 0 })
      #expect(sorted.strata == sorted.order.map { strata[$0] })
      if merging && seed < 5 { #expect(expected.merged > 0) }
    }
  }
}
