import Foundation

/// Kaplan–Meier product-limit estimate of the survival function S(t), with Greenwood standard
/// errors and the Nelson–Aalen cumulative hazard.
///
/// At the distinct times t₁ < t₂ < … (event or censoring) with nᵢ at risk and dᵢ events:
///
///     S(t)      = ∏_{tᵢ ≤ t} (1 − dᵢ/nᵢ)
///     σ(t)²     = Σ_{tᵢ ≤ t} dᵢ / (nᵢ (nᵢ − dᵢ))        Greenwood, variance of −log S (R std.err²)
///     H(t)      = Σ_{tᵢ ≤ t} dᵢ / nᵢ                    Nelson–Aalen (R cumhaz)
///     σ_H(t)²   = Σ_{tᵢ ≤ t} dᵢ / nᵢ²                   (R std.chaz²)
///
/// At a tied time, events are counted before censorings: subjects censored at tᵢ are at risk at
/// tᵢ. σ is +∞ from the time the last subject at risk has the event (nᵢ = dᵢ, S = 0).
/// Confidence intervals are formed from σ by ``confidence`` (see ``ConfidenceBand``).
///
/// Matches `survival::survfit(Surv(time, status) ~ 1, conf.type = …)`: one row per distinct time as
/// in `fit$time`, including censoring-only times.
///
/// With entry times (left truncation, R `survfit(Surv(entry, time, status) ~ 1)`) a subject is at
/// risk at t when entry < t ≤ time, so nᵢ counts only those who have entered; the rows are the
/// distinct (exit) times, as R reports them. With case weights nᵢ and dᵢ are weighted sums (R
/// `survfit(..., weights = w)`); ``atRisk``, ``events`` and ``censored`` keep the unweighted
/// counts and ``weightedAtRisk``, ``weightedEvents``, ``weightedCensored`` hold R's weighted
/// ones. As R, whole-number weights keep the Greenwood variance and any other weight gives the
/// infinitesimal-jackknife variance (`robust = TRUE`, see ``isRobust``). The columns are stored as contiguous arrays; the
/// ``rows`` view assembles a ``Row`` per time with its interval.
///
/// - Complexity: O(n) from a sorted ``RightCensoredSample`` (sorting happened when the sample was
///   built); memory O(number of distinct times).
///
/// Reference: Kaplan & Meier, JASA 53 (1958); Greenwood (1926); Therneau & Grambsch (2000) §2.1.
public struct KaplanMeierEstimate: Equatable, Sendable {
  /// The pointwise confidence band used by ``rows`` and the quantile intervals.
  public private(set) var confidence: ConfidenceBand
  /// The number of subjects (R: `n`).
  public let subjectCount: Int
  /// The number of events.
  public let eventCount: Int
  /// The distinct observation times, ascending (R: `time`).
  public let times: [Double]
  /// The number at risk just before each time: subjects with time ≥ tᵢ (R: `n.risk`).
  public let atRisk: [Int]
  /// The number of events at each time (R: `n.event`).
  public let events: [Int]
  /// The number censored at each time (R: `n.censor`).
  public let censored: [Int]
  /// The survival estimate S(tᵢ) (R: `surv`).
  public let survival: [Double]
  /// The standard error of −log S(tᵢ), Greenwood (R: `std.err`); +∞ once S = 0.
  public let standardErrorOfLogSurvival: [Double]
  /// Whether ``standardErrorOfLogSurvival`` is the infinitesimal-jackknife (robust) standard
  /// error, R's default for case weights that are not whole numbers, rather than Greenwood's.
  public let isRobust: Bool
  /// The Nelson–Aalen cumulative hazard (R: `cumhaz`).
  public let cumulativeHazard: [Double]
  /// The standard error of the Nelson–Aalen cumulative hazard (R: `std.chaz`).
  public let cumulativeHazardStandardError: [Double]
  /// The weighted number at risk at each time, Σ wᵢ over the subjects at risk (R: `n.risk` of a
  /// weighted fit); nil for an unweighted sample, whose ``atRisk`` R reports.
  public let weightedAtRisk: [Double]?
  /// The weighted number of events at each time (R: `n.event` of a weighted fit); nil when
  /// unweighted.
  public let weightedEvents: [Double]?
  /// The weighted number censored at each time (R: `n.censor` of a weighted fit); nil when
  /// unweighted.
  public let weightedCensored: [Double]?

  /// The variance of a weighted estimate.
  public enum Variance: Sendable {
    /// R's rule: the infinitesimal jackknife when a weight is not a whole number, else Greenwood.
    case automatic
    /// Greenwood's formula on the weighted counts (R: `robust = FALSE`).
    case greenwood
    /// The infinitesimal jackknife (R: `robust = TRUE`).
    case robust
  }

  /// Estimates S(t) for a sample.
  ///
  /// - Parameters:
  ///   - sample: the subjects.
  ///   - confidence: the pointwise band; defaults to R's (log, 95 %).
  ///   - variance: for a weighted sample, Greenwood's or the robust variance (default R's rule).
  /// - Complexity: O(n), O(n log n) for the robust variance.
  public init(_ sample: RightCensoredSample, confidence: ConfidenceBand = .rDefault, variance: Variance = .automatic) {
    if sample.entryTimes != nil || sample.weights != nil {
      let counts = _RiskSetCounts(
        entryTimes: sample.entryTimes, sortedTimes: sample.times, isEvent: sample.isEvent,
        weights: sample.weights)
      // R's rule: the robust variance when a weight is not a whole number.
      let robust = sample.weights.flatMap { weights in
        variance == .robust || (variance == .automatic && weights.contains { $0 != $0.rounded() })
          ? _InfinitesimalJackknife.standardErrors(
            counts: counts, entryTimes: sample.entryTimes, sortedTimes: sample.times, isEvent: sample.isEvent,
            weights: weights)
          : nil
      }
      self.init(riskSets: counts, subjectCount: sample.count, confidence: confidence, robustStandardErrors: robust)
      return
    }
    let counts = sample.times.withUnsafeBufferPointer { times in
      sample.isEvent.withUnsafeBufferPointer { isEvent in
        _DistinctTimeCounts(sortedTimes: times, isEvent: isEvent)
      }
    }
    self.init(counts: counts, subjectCount: sample.count, confidence: confidence)
  }

  /// Builds the estimate from counts per distinct time (ascending).
  init(counts: _DistinctTimeCounts, subjectCount: Int, confidence: ConfidenceBand) {
    let rowCount = counts.times.count
    var atRisk = [Int](repeating: 0, count: rowCount)
    var survival = [Double](repeating: 1, count: rowCount)
    var standardError = [Double](repeating: 0, count: rowCount)
    var hazard = [Double](repeating: 0, count: rowCount)
    var hazardError = [Double](repeating: 0, count: rowCount)
    var remaining = subjectCount
    var productLimit = 1.0
    var greenwoodSum = 0.0
    var nelsonAalen = 0.0
    var nelsonAalenVariance = 0.0
    var eventTotal = 0
    for row in 0..<rowCount {
      atRisk[row] = remaining
      let eventsHere = counts.events[row]
      if eventsHere > 0 {
        // The order of operations follows survival's survfitkm.c, so S is bit-identical to R's.
        let n = Double(remaining)
        let d = Double(eventsHere)
        nelsonAalen += d / n
        nelsonAalenVariance += d / (n * n)
        productLimit *= (n - d) / n
        greenwoodSum += d / (n * (n - d))
        eventTotal += eventsHere
      }
      survival[row] = productLimit
      standardError[row] = greenwoodSum.squareRoot()
      hazard[row] = nelsonAalen
      hazardError[row] = nelsonAalenVariance.squareRoot()
      remaining -= eventsHere + counts.censored[row]
    }
    self.confidence = confidence
    self.subjectCount = subjectCount
    self.eventCount = eventTotal
    self.times = counts.times
    self.atRisk = atRisk
    self.events = counts.events
    self.censored = counts.censored
    self.survival = survival
    self.standardErrorOfLogSurvival = standardError
    self.isRobust = false
    self.cumulativeHazard = hazard
    self.cumulativeHazardStandardError = hazardError
    self.weightedAtRisk = nil
    self.weightedEvents = nil
    self.weightedCensored = nil
  }

  /// Builds the estimate from risk-set counts of a sample with entry times or weights, with R's
  /// weighted product limit, Greenwood and Nelson–Aalen sums (`survfitkm.c`): at a time with
  /// weighted number at risk n and weighted events d (when some event has positive weight)
  ///
  ///     S ← S·(n − d)/n,   σ² += d/(n(n − d)),   H += d/n,   σ_H² += d/n².
  ///
  /// With `robustStandardErrors` (the infinitesimal jackknife, for weights that are not whole
  /// numbers) those replace the Greenwood standard errors of log S.
  init(
    riskSets counts: _RiskSetCounts, subjectCount: Int, confidence: ConfidenceBand,
    robustStandardErrors: [Double]? = nil
  ) {
    let rowCount = counts.times.count
    var survival = [Double](repeating: 1, count: rowCount)
    var standardError = [Double](repeating: 0, count: rowCount)
    var hazard = [Double](repeating: 0, count: rowCount)
    var hazardError = [Double](repeating: 0, count: rowCount)
    var productLimit = 1.0
    var greenwoodSum = 0.0
    var nelsonAalen = 0.0
    var nelsonAalenVariance = 0.0
    for row in 0..<rowCount {
      let n = counts.weightedAtRisk[row]
      let d = counts.weightedEvents[row]
      if counts.events[row] > 0 && d > 0 {
        nelsonAalen += d / n
        nelsonAalenVariance += d / (n * n)
        productLimit *= (n - d) / n
        greenwoodSum += d / (n * (n - d))
      }
      survival[row] = productLimit
      standardError[row] = greenwoodSum.squareRoot()
      hazard[row] = nelsonAalen
      hazardError[row] = nelsonAalenVariance.squareRoot()
    }
    self.confidence = confidence
    self.subjectCount = subjectCount
    self.eventCount = counts.events.reduce(0, +)
    self.times = counts.times
    self.atRisk = counts.atRisk
    self.events = counts.events
    self.censored = counts.censored
    self.survival = survival
    self.standardErrorOfLogSurvival = robustStandardErrors ?? standardError
    self.isRobust = robustStandardErrors != nil
    self.cumulativeHazard = hazard
    self.cumulativeHazardStandardError = hazardError
    let isWeighted = counts.isWeighted
    self.weightedAtRisk = isWeighted ? counts.weightedAtRisk : nil
    self.weightedEvents = isWeighted ? counts.weightedEvents : nil
    self.weightedCensored = isWeighted ? counts.weightedCensored : nil
  }

  /// The same estimate with another confidence band (the intervals are derived on demand, so this
  /// costs nothing).
  public func withConfidence(_ band: ConfidenceBand) -> KaplanMeierEstimate {
    var copy = self
    copy.confidence = band
    return copy
  }

  /// The time of the last observation (event or censoring).
  public var lastTime: Double { times[times.count - 1] }
}

/// Event and censoring counts per distinct time, in ascending time order.
struct _DistinctTimeCounts {
  var times: [Double] = []
  var events: [Int] = []
  var censored: [Int] = []

  /// Counts per distinct time of observations sorted by time.
  ///
  /// - Complexity: O(n).
  init(sortedTimes: UnsafeBufferPointer<Double>, isEvent: UnsafeBufferPointer<Bool>) {
    var distinct = 0
    var previous = -Double.infinity
    for time in sortedTimes where time != previous {
      distinct += 1
      previous = time
    }
    times = [Double](repeating: 0, count: distinct)
    events = [Int](repeating: 0, count: distinct)
    censored = [Int](repeating: 0, count: distinct)
    times.withUnsafeMutableBufferPointer { timeBuffer in
      events.withUnsafeMutableBufferPointer { eventBuffer in
        censored.withUnsafeMutableBufferPointer { censoredBuffer in
          var row = -1
          var previous = -Double.infinity
          for index in sortedTimes.indices {
            let time = sortedTimes[index]
            if time != previous {
              row += 1
              timeBuffer[row] = time
              previous = time
            }
            if isEvent[index] { eventBuffer[row] += 1 } else { censoredBuffer[row] += 1 }
          }
        }
      }
    }
  }
}
