/// Median follow-up by the reverse Kaplan–Meier method.
///
/// The Kaplan–Meier estimate of the censoring distribution: censoring is the event and the
/// original events are censored (R: `survfit(Surv(time, 1 - status) ~ 1)`). At tied times the
/// censorings therefore come first, the original events after them (the reverse of the ordinary
/// estimate). The median and its interval follow `quantile.survfit` with the same band.
///
/// Reference: Schemper & Smith, Controlled Clinical Trials 17 (1996).
public struct MedianFollowUp: Equatable, Sendable {
  /// The reverse Kaplan–Meier estimate (its "events" are the censorings).
  public let reverseEstimate: KaplanMeierEstimate
  /// The median follow-up with its interval; nil parts when not reached.
  public let median: KaplanMeierEstimate.Quantile

  /// The median follow-up of a sample.
  ///
  /// R: `quantile(survfit(Surv(time, 1 - status) ~ 1, conf.type = …), 0.5, conf.int = TRUE)`.
  /// - Complexity: O(n).
  public init(_ sample: RightCensoredSample, confidence: ConfidenceBand = .rDefault) {
    reverseEstimate = KaplanMeierEstimate(sample.censoringAsEvent, confidence: confidence)
    median = reverseEstimate.median
  }

  /// The median follow-up of each group, in the order of ``GroupedSample/groupLabels``.
  ///
  /// R: `survfit(Surv(time, 1 - status) ~ group, conf.type = …)`.
  /// - Complexity: O(n).
  public static func byGroup(_ sample: GroupedSample, confidence: ConfidenceBand = .rDefault)
    -> [MedianFollowUp]
  {
    (0..<sample.groupLabels.count).map { group in
      MedianFollowUp(sample.sample(inGroup: group), confidence: confidence)
    }
  }
}
