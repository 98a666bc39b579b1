/// A validated right-censored sample: one time and one event flag per subject, optionally with
/// a delayed entry time and a case weight.
///
/// R: `Surv(time, status)`, or `Surv(entry, time, status)` for left-truncated data (a subject is
/// at risk at t when entry < t ≤ time), with `survfit(..., weights = w)`. The initialiser
/// validates the times, sorts the observations once by time (stable, so ties keep their input
/// order) and, as R's `survfit` and `survdiff` do by default (`timefix = TRUE`, `aeqSurv`),
/// merges times that differ by less than √ε (ε = 2⁻⁵²) absolutely or relative to the mean
/// distinct time (entry and exit times jointly when there are entry times). All estimators then
/// work in linear passes.
///
/// The input order is not kept: `times`, `isEvent`, `entryTimes` and `weights` are in ascending
/// time order.
public struct RightCensoredSample: Equatable, Sendable {
  /// Observation times in ascending order, after near-tie merging.
  public let times: [Double]
  /// Whether each observation (aligned with ``times``) is an event (`true`) or censored.
  public let isEvent: [Bool]
  /// The number of events.
  public let eventCount: Int
  /// How many observations had their time moved by near-tie merging (0 when nothing merged).
  public let mergedNearTieCount: Int
  /// Entry times aligned with ``times`` (left truncation); nil when every subject is at risk
  /// from the start.
  public let entryTimes: [Double]?
  /// Case weights aligned with ``times``; nil when every weight is 1.
  public let weights: [Double]?

  /// The number of subjects.
  public var count: Int { times.count }

  /// Validates, sorts and (by default) merges near-tied times.
  ///
  /// - Parameters:
  ///   - entryTimes: optional entry (left-truncation) time per subject, finite and before its
  ///     time (R: the first argument of `Surv(entry, time, status)`).
  ///   - times: follow-up times, finite and ≥ 0 (R: the time argument of `Surv`).
  ///   - events: `true` for an event (death, progression), `false` for censoring.
  ///   - weights: optional case weights, finite and ≥ 0 (R: `survfit(..., weights =)`).
  ///   - mergingNearTies: merge times closer than √ε as R's `aeqSurv` (default `true`, as R).
  /// - Throws: ``SurvivalDataError`` naming the first bad value: no observations, a length
  ///   mismatch, an invalid time, entry time or weight, an empty interval, or an interval that
  ///   near-tie merging reduces to length 0.
  /// - Complexity: O(n) without entry times, O(n log n) with them.
  public init(
    entryTimes: [Double]? = nil, times: [Double], events: [Bool], weights: [Double]? = nil,
    mergingNearTies: Bool = true
  ) throws(SurvivalDataError) {
    guard !times.isEmpty else { throw .noObservations }
    guard events.count == times.count else {
      throw .lengthMismatch(column: "events", count: events.count, timeCount: times.count)
    }
    if let invalid = _TimeOrdering.firstInvalidTime(times) {
      throw .invalidTime(index: invalid.index, value: invalid.value, invalidCount: invalid.count)
    }
    if entryTimes == nil && weights == nil {
      var (sortedTimes, payloads) = _TimeOrdering.sorted(
        times, payloads: events.map { $0 ? 1 : 0 })
      let merged = mergingNearTies ? _TimeOrdering.mergeNearTies(&sortedTimes) : 0
      let sortedEvents = payloads.map { $0 != 0 }
      self.init(sortedTimes: sortedTimes, isEvent: sortedEvents, mergedNearTieCount: merged)
      return
    }
    let prepared = try _TimeOrdering.prepare(
      entryTimes: entryTimes, times: times, weights: weights, mergingNearTies: mergingNearTies)
    self.init(
      sortedTimes: prepared.times, isEvent: prepared.order.map { events[$0] },
      mergedNearTieCount: prepared.mergedCount, entryTimes: prepared.entryTimes,
      weights: prepared.weights)
  }

  /// Wraps observations that are already sorted by time and validated.
  init(
    sortedTimes: [Double], isEvent: [Bool], mergedNearTieCount: Int,
    entryTimes: [Double]? = nil, weights: [Double]? = nil
  ) {
    self.times = sortedTimes
    self.isEvent = isEvent
    self.mergedNearTieCount = mergedNearTieCount
    self.entryTimes = entryTimes
    self.weights = weights
    var events = 0
    for flag in isEvent where flag { events += 1 }
    self.eventCount = events
  }

  /// The same subjects with the event indicator reversed: censoring becomes the event.
  ///
  /// The Kaplan–Meier estimate of this sample is the reverse Kaplan–Meier estimate of the
  /// follow-up (censoring) distribution. R: `Surv(time, 1 - status)`.
  public var censoringAsEvent: RightCensoredSample {
    RightCensoredSample(
      sortedTimes: times, isEvent: isEvent.map { !$0 }, mergedNearTieCount: mergedNearTieCount,
      entryTimes: entryTimes, weights: weights)
  }
}
