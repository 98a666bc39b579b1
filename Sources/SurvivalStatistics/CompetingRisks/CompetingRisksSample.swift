/// A validated competing-risks sample: a time and a status (censored or a cause) per subject,
/// with optional groups and strata.
///
/// R: the data of `cmprsk::cuminc(ftime, fstatus, group, strata)`. Observations are sorted once
/// by time (stable, so ties keep their input order, as `d[order(d$time), ]`); times are used as
/// given — unlike `survfit`, cmprsk does not merge near-tied times. Groups and strata are indices
/// into ordered label lists; every declared label has at least one observation (cuminc drops
/// empty group levels). An ungrouped sample has one group labelled `"1"`, the name cuminc gives it.
///
/// - Complexity: O(n) validation and label look-ups plus the O(n) radix sort by time.
public struct CompetingRisksSample: Equatable, Sendable {
  /// Observation times in ascending order (R: `ftime`, sorted).
  public let times: [Double]
  /// The status of each observation, aligned with ``times``.
  public let statuses: [CompetingRisksStatus]
  /// The causes with at least one failure, ascending (R: `sort(unique(fstatus[fstatus != cencode]))`).
  public let causes: [Int]
  /// Group labels in analysis order (R: the levels of `factor(group)`).
  public let groupLabels: [String]
  /// The group of each observation as an index into ``groupLabels``, aligned with ``times``.
  public let groupIndices: [Int]
  /// The number of subjects per group.
  public let groupSizes: [Int]
  /// Stratum labels; empty when the sample is not stratified.
  public let strataLabels: [String]
  /// The stratum of each observation as an index into ``strataLabels``; nil when unstratified.
  public let stratumIndices: [Int]?
  /// Whether groups were given (false: one group labelled `"1"`).
  public let isGrouped: Bool
  /// Per observation: the position of its cause in ``causes``, or −1 when censored.
  let causePositions: [Int]

  /// The number of subjects.
  public var count: Int { times.count }
  /// Whether the sample has strata.
  public var isStratified: Bool { stratumIndices != nil }

  /// Validates and sorts a sample.
  ///
  /// Without `groupOrder` the groups are ordered as R's `factor()` orders them: numerically when
  /// every label reads as a number, otherwise by string comparison; the same for strata.
  ///
  /// - Parameters:
  ///   - times: follow-up times, finite and ≥ 0 (R: `ftime`).
  ///   - statuses: censored or the cause of failure, per subject (R: `fstatus`).
  ///   - groups: the group label of each subject, or nil for one group (R: `group`).
  ///   - groupOrder: the analysis order of the groups; every observed label must be listed and
  ///     every listed label observed.
  ///   - strata: the stratum label of each subject, or nil (R: `strata`, used by Gray's test).
  ///   - strataOrder: the order of the strata (default: sorted as for groups).
  /// - Throws: ``SurvivalDataError`` naming the first invalid observation or label.
  /// - Complexity: O(n).
  public init(
    times: [Double], statuses: [CompetingRisksStatus], groups: [String]? = nil,
    groupOrder: [String]? = nil, strata: [String]? = nil, strataOrder: [String]? = nil
  ) throws(SurvivalDataError) {
    let n = times.count
    guard n > 0 else { throw .noObservations }
    guard statuses.count == n else {
      throw .lengthMismatch(column: "statuses", count: statuses.count, timeCount: n)
    }
    if let groups, groups.count != n {
      throw .lengthMismatch(column: "groups", count: groups.count, timeCount: n)
    }
    if let strata, strata.count != n {
      throw .lengthMismatch(column: "strata", count: strata.count, timeCount: n)
    }
    if let invalid = _TimeOrdering.firstInvalidTime(times) {
      throw .invalidTime(index: invalid.index, value: invalid.value, invalidCount: invalid.count)
    }
    let groupLabels: [String]
    let groupCodes: [Int]
    if let groups {
      groupLabels = groupOrder ?? GroupedSample.defaultOrder(groups)
      groupCodes = try GroupedSample.codes(groups, labels: groupLabels, variable: .group)
    } else {
      groupLabels = ["1"]
      groupCodes = [Int](repeating: 0, count: n)
    }
    let groupSizes = try GroupedSample.labelCounts(
      groupCodes, labels: groupLabels, variable: .group)
    var strataLabels: [String] = []
    var strataCodes: [Int]?
    if let strata {
      strataLabels = strataOrder ?? GroupedSample.defaultOrder(strata)
      let codes = try GroupedSample.codes(strata, labels: strataLabels, variable: .stratum)
      _ = try GroupedSample.labelCounts(codes, labels: strataLabels, variable: .stratum)
      strataCodes = codes
    }

    // A stable sort by time carrying each observation's input position.
    let (sortedTimes, positions) = _TimeOrdering.sorted(times, payloads: (0..<n).map { UInt64($0) })
    let order = positions.map { Int($0) }
    let sortedStatuses = order.map { statuses[$0] }
    let causes = Array(Set(sortedStatuses.compactMap(\.cause))).sorted()
    var positionOfCause: [Int: Int] = [:]
    for (position, cause) in causes.enumerated() { positionOfCause[cause] = position }

    self.times = sortedTimes
    self.statuses = sortedStatuses
    self.causes = causes
    self.causePositions = sortedStatuses.map { status in
      status.cause.map { positionOfCause[$0]! } ?? -1
    }
    self.groupLabels = groupLabels
    self.groupIndices = order.map { groupCodes[$0] }
    self.groupSizes = groupSizes
    self.strataLabels = strataLabels
    self.stratumIndices = strataCodes.map { codes in order.map { codes[$0] } }
    self.isGrouped = groups != nil
  }

  /// The number of failures from each cause, in the order of ``causes``.
  public var eventCounts: [Int] {
    var counts = [Int](repeating: 0, count: causes.count)
    for position in causePositions where position >= 0 { counts[position] += 1 }
    return counts
  }

  /// The position of `cause` in ``causes``, or nil when no subject failed from it.
  public func position(ofCause cause: Int) -> Int? {
    causes.firstIndex(of: cause)
  }
}
