/// A validated right-censored sample: one time and one event flag per subject.
///
/// R: `Surv(time, status)`. The initialiser validates the times, sorts the observations once by
/// time (stable, so ties keep their input order) and, as R's `survfit` and `survdiff` do by
/// default (`timefix = TRUE`, `aeqSurv`), merges times that differ by less than √ε (ε = 2⁻⁵²)
/// absolutely or relative to the mean distinct time. All estimators then work in linear passes.
///
/// The input order is not kept: `times` and `isEvent` are in ascending time order.
public struct RightCensoredSample: Equatable, Sendable {
  /// Observation times in ascending order, after near-tie merging.
  public let times: [Double]
  /// Whether each observation (aligned with ``times``) is an event (`true`) or censored.
  public let isEvent: [Bool]
  /// The number of events.
  public let eventCount: Int
  /// How many observations had their time moved by near-tie merging (0 when nothing merged).
  public let mergedNearTieCount: Int

  /// The number of subjects.
  public var count: Int { times.count }

  /// Validates, sorts and (by default) merges near-tied times.
  ///
  /// - Parameters:
  ///   - times: follow-up times, finite and ≥ 0 (R: the first argument of `Surv`).
  ///   - events: `true` for an event (death, progression), `false` for censoring.
  ///   - mergingNearTies: merge times closer than √ε as R's `aeqSurv` (default `true`, as R).
  /// - Throws: ``SurvivalDataError/noObservations``, ``SurvivalDataError/lengthMismatch(column:count:timeCount:)``
  ///   or ``SurvivalDataError/invalidTime(index:value:invalidCount:)`` naming the first bad time.
  /// - Complexity: O(n).
  public init(times: [Double], events: [Bool], mergingNearTies: Bool = true)
    throws(SurvivalDataError)
  {
    guard !times.isEmpty else { throw .noObservations }
    guard events.count == times.count else {
      throw .lengthMismatch(column: "events", count: events.count, timeCount: times.count)
    }
    if let invalid = _TimeOrdering.firstInvalidTime(times) {
      throw .invalidTime(index: invalid.index, value: invalid.value, invalidCount: invalid.count)
    }
    var (sortedTimes, payloads) = _TimeOrdering.sorted(times, payloads: events.map { $0 ? 1 : 0 })
    let merged = mergingNearTies ? _TimeOrdering.mergeNearTies(&sortedTimes) : 0
    let sortedEvents = payloads.map { $0 != 0 }
    self.init(sortedTimes: sortedTimes, isEvent: sortedEvents, mergedNearTieCount: merged)
  }

  /// Wraps observations that are already sorted by time and validated.
  init(sortedTimes: [Double], isEvent: [Bool], mergedNearTieCount: Int) {
    self.times = sortedTimes
    self.isEvent = isEvent
    self.mergedNearTieCount = mergedNearTieCount
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
      sortedTimes: times, isEvent: isEvent.map { !$0 }, mergedNearTieCount: mergedNearTieCount)
  }
}
