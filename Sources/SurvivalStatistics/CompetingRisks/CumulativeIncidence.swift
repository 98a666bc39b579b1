// Implementation goals, in order of priority:
//
// 1. Agree with `cmprsk::cuminc` (2.2-11) to rounding: the estimate and the variance are
//    accumulated in the order and with the operations of cmprsk's `cinc` routine, so they match
//    `$est` and `$var` to the last few bits.
// 2. One row per distinct time of a group (events of any cause and censorings), like `survfit`,
//    so that the table, the figure and the numbers at risk come from one computation; cuminc's
//    corner points (each cause-event time twice) are the same step function.
// 3. One linear pass per group over the sorted sample: O(n · causes).
//
// Variance (Gray's delta-method / Aalen-type estimator, as cinc computes it). Let S(t−) be the
// all-cause Kaplan–Meier estimate just before t, n the number at risk, d₁ the failures from the
// cause of interest and d₂ those from other causes at t, S(t) = S(t−)(n − d₁ − d₂)/n and
// F(t) the cumulative incidence after t. Each event time tⱼ contributes, with
// cₖ = S(tⱼ−)² · (1 − (dₖ − 1)/(n − 1)) · dₖ / n²   (the factor in parentheses: tied failures)
//
//   other causes (k = 2, when S(tⱼ) > 0):   a = 1/S(tⱼ),   b = F(tⱼ)/S(tⱼ)
//   cause of interest (k = 1):               a = 1/S(tⱼ) (0 when S(tⱼ) = 0),  b = 1 + a F(tⱼ)
//
// to three running sums A₁ += b² cₖ, A₂ += a b cₖ, A₃ += a² cₖ, and
//
//   Var F(t) = A₁ + F(t)² A₃ − 2 F(t) A₂ = Σⱼ cₖ (b − a F(t))²,
//
// evaluated at each failure time of the cause; between them it is constant (later other-cause
// terms vanish because b − a F(t) = 0 for them).

import Foundation

/// Cumulative incidence functions of competing risks, estimated by Aalen–Johansen per cause and
/// per group, with the variance of `cmprsk::cuminc`.
///
/// At the distinct times t₁ < t₂ < … of a group, with nᵢ at risk, dᵢₖ failures from cause k and
/// dᵢ = Σₖ dᵢₖ:
///
///     S(t)   = ∏_{tᵢ ≤ t} (1 − dᵢ/nᵢ)                    all-cause Kaplan–Meier
///     Fₖ(t)  = Σ_{tᵢ ≤ t} S(tᵢ−) · dᵢₖ/nᵢ                 cumulative incidence of cause k
///
/// so that S(t) + Σₖ Fₖ(t) = 1. The variance is cmprsk's (see the file header); with one cause
/// Fₖ = 1 − S. Pointwise intervals come from ``confidence`` (see ``CumulativeIncidenceBand``).
///
/// R: `cuminc(ftime, fstatus, group, cencode = …)` — `$est` and `$var` of the curve named
/// `"group cause"`; `timepoints(fit, times)` for values at chosen times. Strata do not change the
/// estimates (they only enter Gray's test, ``GrayTest``).
///
/// - Complexity: O(n · c) for n subjects and c causes (the sample is already sorted).
///
/// Reference: Aalen & Johansen, Scand. J. Statist. 5 (1978); Gray, Ann. Statist. 16 (1988)
/// 1141–1154; Kalbfleisch & Prentice, *The Statistical Analysis of Failure Time Data* (2002) §8.2.
public struct CumulativeIncidence: Equatable, Sendable {
  /// The cumulative incidence of one cause in one group.
  public struct Curve: Equatable, Sendable {
    /// The cause code.
    public let cause: Int
    /// The group's label (R: the first part of the curve's name, `"0 1"` is group 0, cause 1).
    public let groupLabel: String
    /// The group's distinct times, ascending (events of any cause and censorings).
    public let times: [Double]
    /// Subjects at risk just before each time: those with time ≥ tᵢ.
    public let atRisk: [Int]
    /// Failures from this cause at each time.
    public let events: [Int]
    /// Failures from the other causes at each time.
    public let competingEvents: [Int]
    /// Censorings at each time.
    public let censored: [Int]
    /// F(tᵢ), the estimate after the events at tᵢ (R: `$est` after each jump).
    public let estimate: [Double]
    /// Var F(tᵢ) as cmprsk computes it (R: `$var`).
    public let variance: [Double]
    /// The pointwise band used by ``rows`` and ``values(atTimes:)``.
    public internal(set) var confidence: CumulativeIncidenceBand

    /// The number of failures from this cause in the group.
    public var eventCount: Int { events.reduce(0, +) }
    /// The group's last observation time; the curve is not estimated beyond it.
    public var lastTime: Double { times[times.count - 1] }
  }

  /// The Aalen–Johansen estimates of one group, with the counts per distinct time.
  public struct Group: Equatable, Sendable {
    /// The group label.
    public let label: String
    /// The number of subjects in the group.
    public let subjectCount: Int
    /// The distinct times, ascending.
    public let times: [Double]
    /// Subjects at risk just before each time.
    public let atRisk: [Int]
    /// Failures per cause and time: `events[c][i]` for the c-th cause of ``causes``.
    public let events: [[Int]]
    /// Censorings per time.
    public let censored: [Int]
    /// The all-cause Kaplan–Meier estimate S(tᵢ) (freedom from any event).
    public let eventFreeSurvival: [Double]
    /// One curve per cause, in the order of ``causes``.
    public let curves: [Curve]
    /// The cause codes, ascending.
    public let causes: [Int]
  }

  /// The cause codes, ascending (the causes with at least one failure in the sample).
  public let causes: [Int]
  /// One entry per group, in the sample's group order.
  public let groups: [Group]
  /// Whether the sample had groups (false: one group labelled `"1"`).
  public let isGrouped: Bool
  /// The pointwise band of every curve.
  public let confidence: CumulativeIncidenceBand

  /// Estimates the cumulative incidence of every cause in every group.
  ///
  /// - Parameters:
  ///   - sample: the subjects; strata are ignored here.
  ///   - confidence: the pointwise band; defaults to log-log at 95 % (tidycmprsk, ggsurvfit).
  /// - Complexity: O(n · c).
  public init(_ sample: CompetingRisksSample, confidence: CumulativeIncidenceBand = .default) {
    let groupCount = sample.groupLabels.count
    // Observations of each group, in time order (a stable counting sort by group).
    var members = [[Int]](repeating: [], count: groupCount)
    for group in 0..<groupCount { members[group].reserveCapacity(sample.groupSizes[group]) }
    for index in sample.times.indices { members[sample.groupIndices[index]].append(index) }
    self.causes = sample.causes
    self.isGrouped = sample.isGrouped
    self.confidence = confidence
    self.groups = (0..<groupCount).map { group in
      Self.estimate(
        sample: sample, members: members[group], label: sample.groupLabels[group],
        confidence: confidence)
    }
  }

  /// The same estimates with another confidence band (intervals are derived on demand).
  ///
  /// - Complexity: O(groups · causes); the arrays are shared, not copied.
  public func withConfidence(_ band: CumulativeIncidenceBand) -> CumulativeIncidence {
    CumulativeIncidence(
      causes: causes, groups: groups.map { $0.withConfidence(band) }, isGrouped: isGrouped,
      confidence: band)
  }

  private init(causes: [Int], groups: [Group], isGrouped: Bool, confidence: CumulativeIncidenceBand) {
    self.causes = causes
    self.groups = groups
    self.isGrouped = isGrouped
    self.confidence = confidence
  }

  /// The curve of `cause` in the group labelled `group`; nil when either is unknown.
  ///
  /// - Complexity: O(groups + causes).
  public func curve(group: String, cause: Int) -> Curve? {
    guard let position = causes.firstIndex(of: cause) else { return nil }
    return groups.first { $0.label == group }?.curves[position]
  }

  /// All curves in cuminc's order: cause by cause, and within a cause group by group (R:
  /// `names(fit)`, e.g. `"0 1"`, `"1 1"`, `"0 3"`, `"1 3"`).
  ///
  /// - Complexity: O(groups · causes).
  public var curves: [Curve] {
    causes.indices.flatMap { position in groups.map { $0.curves[position] } }
  }

  /// One group's table and curves from its members (indices into the sorted sample).
  private static func estimate(
    sample: CompetingRisksSample, members: [Int], label: String,
    confidence: CumulativeIncidenceBand
  ) -> Group {
    let causeCount = sample.causes.count
    // Counts per distinct time.
    var times: [Double] = []
    var atRisk: [Int] = []
    var censored: [Int] = []
    var events = [[Int]](repeating: [], count: causeCount)
    var remaining = members.count
    var position = 0
    while position < members.count {
      let time = sample.times[members[position]]
      times.append(time)
      atRisk.append(remaining)
      var censoredHere = 0
      for c in 0..<causeCount { events[c].append(0) }
      while position < members.count, sample.times[members[position]] == time {
        let cause = sample.causePositions[members[position]]
        if cause < 0 { censoredHere += 1 } else { events[cause][events[cause].count - 1] += 1 }
        position += 1
        remaining -= 1
      }
      censored.append(censoredHere)
    }

    // Aalen–Johansen estimate and cinc's variance, per cause.
    let rowCount = times.count
    var survival = [Double](repeating: 1, count: rowCount)
    var estimates = [[Double]](
      repeating: [Double](repeating: 0, count: rowCount), count: causeCount)
    var variances = estimates
    var incidence = [Double](repeating: 0, count: causeCount)
    var variance = [Double](repeating: 0, count: causeCount)
    var sum1 = [Double](repeating: 0, count: causeCount)
    var sum2 = [Double](repeating: 0, count: causeCount)
    var sum3 = [Double](repeating: 0, count: causeCount)
    var before = 1.0
    for row in 0..<rowCount {
      var failures = 0
      for c in 0..<causeCount { failures += events[c][row] }
      if failures > 0 {
        let n = Double(atRisk[row])
        let after = before * (n - Double(failures)) / n
        for c in 0..<causeCount {
          let own = events[c][row]
          let others = failures - own
          if own > 0 { incidence[c] += before * Double(own) / n }
          if others > 0 && after > 0 {
            let tieFactor = others > 1 ? 1 - Double(others - 1) / (n - 1) : 1
            let weight = before * before * tieFactor * Double(others) / (n * n)
            let a = 1 / after
            let b = incidence[c] / after
            sum1[c] += b * b * weight
            sum2[c] += a * b * weight
            sum3[c] += a * a * weight
          }
          if own > 0 {
            let tieFactor = own > 1 ? 1 - Double(own - 1) / (n - 1) : 1
            let weight = before * before * tieFactor * Double(own) / (n * n)
            let a = after > 0 ? 1 / after : 0
            let b = 1 + a * incidence[c]
            sum1[c] += b * b * weight
            sum2[c] += a * b * weight
            sum3[c] += a * a * weight
            let f = incidence[c]
            variance[c] = sum1[c] + f * f * sum3[c] - 2 * f * sum2[c]
          }
        }
        before = after
      }
      survival[row] = before
      for c in 0..<causeCount {
        estimates[c][row] = incidence[c]
        variances[c][row] = variance[c]
      }
    }

    var failuresPerRow = [Int](repeating: 0, count: rowCount)
    for c in 0..<causeCount {
      for row in 0..<rowCount { failuresPerRow[row] += events[c][row] }
    }
    let curves = (0..<causeCount).map { c in
      Curve(
        cause: sample.causes[c], groupLabel: label, times: times, atRisk: atRisk,
        events: events[c],
        competingEvents: (0..<rowCount).map { failuresPerRow[$0] - events[c][$0] },
        censored: censored, estimate: estimates[c], variance: variances[c],
        confidence: confidence)
    }
    return Group(
      label: label, subjectCount: members.count, times: times, atRisk: atRisk, events: events,
      censored: censored, eventFreeSurvival: survival, curves: curves, causes: sample.causes)
  }
}

extension CumulativeIncidence.Group {
  /// The curve of `cause`, nil when the sample has no failure from it.
  public func curve(cause: Int) -> CumulativeIncidence.Curve? {
    causes.firstIndex(of: cause).map { curves[$0] }
  }

  func withConfidence(_ band: CumulativeIncidenceBand) -> Self {
    Self(
      label: label, subjectCount: subjectCount, times: times, atRisk: atRisk, events: events,
      censored: censored, eventFreeSurvival: eventFreeSurvival,
      curves: curves.map { curve in
        var copy = curve
        copy.confidence = band
        return copy
      }, causes: causes)
  }
}
