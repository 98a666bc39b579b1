/// A validated right-censored sample with a group for every subject and optional strata,
/// entry times and case weights.
///
/// R: the data of `survfit(Surv(time, status) ~ group)` (`survfit(Surv(entry, time, status) ~
/// group, weights = w)` with entry times and weights) and
/// `survdiff(Surv(time, status) ~ group + strata(stratum))`. Groups and strata are identified by
/// index into the ordered ``groupLabels`` and ``strataLabels``; every declared label has at least
/// one observation. As ``RightCensoredSample``, observations are sorted once by time and
/// near-tied times are merged over the whole sample (R applies `aeqSurv` before splitting).
public struct GroupedSample: Equatable, Sendable {
  /// Group labels in analysis order (the order of curves, log-rank rows and trend scores).
  public let groupLabels: [String]
  /// Stratum labels; empty when the sample is not stratified.
  public let strataLabels: [String]
  /// Observation times in ascending order, after near-tie merging.
  public let times: [Double]
  /// Event flags aligned with ``times``.
  public let isEvent: [Bool]
  /// The group of each observation, as an index into ``groupLabels``, aligned with ``times``.
  public let groupIndices: [Int]
  /// The stratum of each observation as an index into ``strataLabels``; nil when unstratified.
  public let stratumIndices: [Int]?
  /// The number of subjects in each group (R: `survdiff(...)$n`).
  public let groupSizes: [Int]
  /// How many observations had their time moved by near-tie merging.
  public let mergedNearTieCount: Int
  /// Entry times aligned with ``times`` (left truncation, R `Surv(entry, time, status)`); nil
  /// when every subject is at risk from the start.
  public let entryTimes: [Double]?
  /// Case weights aligned with ``times`` (R `survfit(..., weights =)`); nil when every weight
  /// is 1.
  public let weights: [Double]?

  /// The number of subjects.
  public var count: Int { times.count }
  /// Whether the sample has strata.
  public var isStratified: Bool { stratumIndices != nil }

  /// Builds a sample from integer codes (the fast path for large data).
  ///
  /// - Parameters:
  ///   - times: follow-up times, finite and ≥ 0.
  ///   - events: `true` for an event, `false` for censoring.
  ///   - groupCodes: the group of each subject, an index into `groupLabels`.
  ///   - groupLabels: the group labels in analysis order; each must have observations.
  ///   - strataCodes: the stratum of each subject as an index into `strataLabels`, or nil.
  ///   - strataLabels: the stratum labels (ignored when `strataCodes` is nil).
  ///   - mergingNearTies: merge times closer than √ε as R's `aeqSurv` (default `true`).
  /// - Throws: ``SurvivalDataError`` naming the first invalid observation or label.
  /// - Complexity: O(n).
  public init(
    entryTimes: [Double]? = nil, times: [Double], events: [Bool], groupCodes: [Int],
    groupLabels: [String], strataCodes: [Int]? = nil, strataLabels: [String] = [],
    weights: [Double]? = nil, mergingNearTies: Bool = true
  ) throws(SurvivalDataError) {
    guard !times.isEmpty else { throw .noObservations }
    guard events.count == times.count else {
      throw .lengthMismatch(column: "events", count: events.count, timeCount: times.count)
    }
    guard groupCodes.count == times.count else {
      throw .lengthMismatch(column: "groups", count: groupCodes.count, timeCount: times.count)
    }
    if let strataCodes, strataCodes.count != times.count {
      throw .lengthMismatch(column: "strata", count: strataCodes.count, timeCount: times.count)
    }
    if let invalid = _TimeOrdering.firstInvalidTime(times) {
      throw .invalidTime(index: invalid.index, value: invalid.value, invalidCount: invalid.count)
    }
    let groupSizes = try Self.labelCounts(groupCodes, labels: groupLabels, variable: .group)
    if let strataCodes {
      _ = try Self.labelCounts(strataCodes, labels: strataLabels, variable: .stratum)
    }
    if entryTimes != nil || weights != nil {
      let prepared = try _TimeOrdering.prepare(
        entryTimes: entryTimes, times: times, weights: weights, mergingNearTies: mergingNearTies)
      let order = prepared.order
      self.init(
        groupLabels: groupLabels, strataLabels: strataCodes == nil ? [] : strataLabels,
        times: prepared.times, isEvent: order.map { events[$0] },
        groupIndices: order.map { groupCodes[$0] },
        stratumIndices: strataCodes.map { codes in order.map { codes[$0] } },
        groupSizes: groupSizes, mergedNearTieCount: prepared.mergedCount,
        entryTimes: prepared.entryTimes, weights: prepared.weights)
      return
    }
    // Payload bits: 0 the event flag, 1–31 the group code, 32–63 the stratum code.
    var payloads = [UInt64](repeating: 0, count: times.count)
    for index in times.indices {
      let stratum = strataCodes.map { UInt64($0[index]) } ?? 0
      payloads[index] =
        (events[index] ? 1 : 0) | UInt64(groupCodes[index]) << 1 | stratum << 32
    }
    var (sortedTimes, sortedPayloads) = _TimeOrdering.sorted(times, payloads: payloads)
    let merged = mergingNearTies ? _TimeOrdering.mergeNearTies(&sortedTimes) : 0
    self.init(
      groupLabels: groupLabels, strataLabels: strataCodes == nil ? [] : strataLabels,
      times: sortedTimes, isEvent: sortedPayloads.map { $0 & 1 != 0 },
      groupIndices: sortedPayloads.map { Int(($0 >> 1) & 0x7FFF_FFFF) },
      stratumIndices: strataCodes == nil ? nil : sortedPayloads.map { Int($0 >> 32) },
      groupSizes: groupSizes, mergedNearTieCount: merged)
  }

  /// Builds a sample from group (and stratum) labels.
  ///
  /// Without `groupOrder` the groups are ordered as R's `factor()` would: numerically when every
  /// label reads as a number, otherwise by string comparison. The same applies to strata.
  ///
  /// - Parameters:
  ///   - groups: the group label of each subject.
  ///   - groupOrder: the analysis order of the groups; every observed label must be listed and
  ///     every listed label observed.
  ///   - strata: the stratum label of each subject, or nil for an unstratified sample.
  ///   - strataOrder: the order of the strata (default: sorted as for groups).
  /// - Throws: ``SurvivalDataError`` naming the first invalid observation or label.
  /// - Complexity: O(n) label look-ups plus O(n) for the sort.
  public init(
    entryTimes: [Double]? = nil, times: [Double], events: [Bool], groups: [String],
    groupOrder: [String]? = nil, strata: [String]? = nil, strataOrder: [String]? = nil,
    weights: [Double]? = nil, mergingNearTies: Bool = true
  ) throws(SurvivalDataError) {
    guard events.count == times.count else {
      throw .lengthMismatch(column: "events", count: events.count, timeCount: times.count)
    }
    guard groups.count == times.count else {
      throw .lengthMismatch(column: "groups", count: groups.count, timeCount: times.count)
    }
    if let strata, strata.count != times.count {
      throw .lengthMismatch(column: "strata", count: strata.count, timeCount: times.count)
    }
    let groupLabels = groupOrder ?? Self.defaultOrder(groups)
    let groupCodes = try Self.codes(groups, labels: groupLabels, variable: .group)
    var strataLabels: [String] = []
    var strataCodes: [Int]?
    if let strata {
      strataLabels = strataOrder ?? Self.defaultOrder(strata)
      strataCodes = try Self.codes(strata, labels: strataLabels, variable: .stratum)
    }
    try self.init(
      entryTimes: entryTimes, times: times, events: events, groupCodes: groupCodes,
      groupLabels: groupLabels, strataCodes: strataCodes, strataLabels: strataLabels,
      weights: weights, mergingNearTies: mergingNearTies)
  }

  /// Wraps observations that are already sorted, coded and validated.
  init(
    groupLabels: [String], strataLabels: [String], times: [Double], isEvent: [Bool],
    groupIndices: [Int], stratumIndices: [Int]?, groupSizes: [Int], mergedNearTieCount: Int,
    entryTimes: [Double]? = nil, weights: [Double]? = nil
  ) {
    self.entryTimes = entryTimes
    self.weights = weights
    self.groupLabels = groupLabels
    self.strataLabels = strataLabels
    self.times = times
    self.isEvent = isEvent
    self.groupIndices = groupIndices
    self.stratumIndices = stratumIndices
    self.groupSizes = groupSizes
    self.mergedNearTieCount = mergedNearTieCount
  }

  /// The subjects of one group, in time order.
  ///
  /// - Complexity: O(n).
  public func sample(inGroup group: Int) -> RightCensoredSample {
    precondition(groupLabels.indices.contains(group), "group index \(group) is out of range")
    var groupTimes: [Double] = []
    var groupEvents: [Bool] = []
    var positions: [Int] = []
    groupTimes.reserveCapacity(groupSizes[group])
    groupEvents.reserveCapacity(groupSizes[group])
    for index in times.indices where groupIndices[index] == group {
      groupTimes.append(times[index])
      groupEvents.append(isEvent[index])
      if entryTimes != nil || weights != nil { positions.append(index) }
    }
    return RightCensoredSample(
      sortedTimes: groupTimes, isEvent: groupEvents, mergedNearTieCount: mergedNearTieCount,
      entryTimes: entryTimes.map { e in positions.map { e[$0] } },
      weights: weights.map { w in positions.map { w[$0] } })
  }

  /// All subjects regardless of group and stratum (R: `survfit(Surv(time, status) ~ 1)`).
  public var pooled: RightCensoredSample {
    RightCensoredSample(
      sortedTimes: times, isEvent: isEvent, mergedNearTieCount: mergedNearTieCount,
      entryTimes: entryTimes, weights: weights)
  }

  /// The subjects of the given groups, relabelled 0, 1, … in the order given (strata kept).
  func restricted(toGroups groups: [Int]) -> GroupedSample {
    var newIndex = [Int](repeating: -1, count: groupLabels.count)
    for (position, group) in groups.enumerated() { newIndex[group] = position }
    var keptTimes: [Double] = []
    var keptEvents: [Bool] = []
    var keptGroups: [Int] = []
    var keptStrata: [Int] = []
    var keptPositions: [Int] = []
    for index in times.indices {
      let position = newIndex[groupIndices[index]]
      if position < 0 { continue }
      keptPositions.append(index)
      keptTimes.append(times[index])
      keptEvents.append(isEvent[index])
      keptGroups.append(position)
      if let stratumIndices { keptStrata.append(stratumIndices[index]) }
    }
    return GroupedSample(
      groupLabels: groups.map { groupLabels[$0] }, strataLabels: strataLabels, times: keptTimes,
      isEvent: keptEvents, groupIndices: keptGroups,
      stratumIndices: stratumIndices == nil ? nil : keptStrata,
      groupSizes: groups.map { groupSizes[$0] }, mergedNearTieCount: mergedNearTieCount,
      entryTimes: entryTimes.map { e in keptPositions.map { e[$0] } },
      weights: weights.map { w in keptPositions.map { w[$0] } })
  }
}
