/// Kaplan–Meier estimates for every group of a ``GroupedSample`` in one pass.
extension KaplanMeierEstimate {
  /// One estimate per group, in the order of ``GroupedSample/groupLabels``, pooling strata.
  ///
  /// R: `survfit(Surv(time, status) ~ group, conf.type = …)`, one curve per stratum of the fit.
  /// The sample is already sorted, so all curves are built in a single linear pass.
  /// - Complexity: O(n).
  public static func byGroup(_ sample: GroupedSample, confidence: ConfidenceBand = .rDefault)
    -> [KaplanMeierEstimate]
  {
    var counts = [_DistinctTimeCounts](
      repeating: _DistinctTimeCounts(), count: sample.groupLabels.count)
    sample.times.withUnsafeBufferPointer { times in
      sample.isEvent.withUnsafeBufferPointer { isEvent in
        sample.groupIndices.withUnsafeBufferPointer { groups in
          for index in times.indices {
            counts[groups[index]].add(time: times[index], isEvent: isEvent[index])
          }
        }
      }
    }
    return counts.indices.map { group in
      KaplanMeierEstimate(
        counts: counts[group], subjectCount: sample.groupSizes[group], confidence: confidence)
    }
  }
}
