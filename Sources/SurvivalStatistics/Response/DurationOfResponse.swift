/// Duration of response: Kaplan–Meier among responders from the first objective response to
/// progression or death, censored at the last assessment.
///
/// For each patient with a CR or PR best response (``BestOverallResponse/responseTime`` set):
///
///     time  = min(progression, death) − first response      event
///     time  = last assessment − first response              censored (no progression or death)
///
/// Deaths before the first response do not occur among responders; a death time, when given,
/// counts only if it precedes any progression. R: `survfit(Surv(dor, event) ~ 1)` on the
/// responders.
///
/// - Complexity: O(r log r) in the number of responders r.
public struct DurationOfResponse: Sendable {
  /// The responders' durations (time from first response) and whether each ended in an event.
  public let sample: RightCensoredSample
  /// The Kaplan–Meier estimate of the duration of response.
  public let estimate: KaplanMeierEstimate

  /// Estimates the duration of response; nil when no patient responded.
  ///
  /// - Parameters:
  ///   - responses: the patients' best overall responses with their times.
  ///   - deathTimes: per patient (aligned with `responses`), the time of death or nil.
  ///   - confidence: the pointwise band of the estimate.
  public init?(
    _ responses: [BestOverallResponse], deathTimes: [Double?]? = nil,
    confidence: ConfidenceBand = .rDefault
  ) {
    var times: [Double] = []
    var events: [Bool] = []
    for (index, response) in responses.enumerated() {
      guard response.response.isObjectiveResponse, let start = response.responseTime else {
        continue
      }
      let death = deathTimes?[index].flatMap { $0 >= start ? $0 : nil }
      let end = [response.progressionTime, death].compactMap { $0 }.min()
      if let end {
        times.append(end - start)
        events.append(true)
      } else {
        times.append(max(0, (response.lastAssessmentTime ?? start) - start))
        events.append(false)
      }
    }
    guard let sample = try? RightCensoredSample(times: times, events: events) else { return nil }
    self.sample = sample
    self.estimate = KaplanMeierEstimate(sample, confidence: confidence)
  }
}
