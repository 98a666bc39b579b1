/// Kaplan–Meier estimates for every group of a ``GroupedSample`` in one pass.
extension KaplanMeierEstimate {
  /// One estimate per group, in the order of ``GroupedSample/groupLabels``, pooling strata.
  ///
  /// R: `survfit(Surv(time, status) ~ group, conf.type = …)`, one curve per stratum of the fit.
  /// The sample is already sorted, so the curves are built in linear passes.
  /// - Complexity: O(n).
  public static func byGroup(
    _ sample: GroupedSample, confidence: ConfidenceBand = .rDefault, variance: Variance = .automatic
  ) -> [KaplanMeierEstimate] {
    if sample.entryTimes != nil || sample.weights != nil {
      return (0..<sample.groupLabels.count).map { group in
        KaplanMeierEstimate(sample.sample(inGroup: group), confidence: confidence, variance: variance)
      }
    }
    // A stable counting sort by group makes each group's observations contiguous and sorted.
    let groupCount = sample.groupLabels.count
    var starts = [Int](repeating: 0, count: groupCount + 1)
    for group in 0..<groupCount { starts[group + 1] = starts[group] + sample.groupSizes[group] }
    var groupedTimes = [Double](repeating: 0, count: sample.count)
    var groupedEvents = [Bool](repeating: false, count: sample.count)
    var next = Array(starts[0..<groupCount])
    sample.times.withUnsafeBufferPointer { times in
      sample.isEvent.withUnsafeBufferPointer { isEvent in
        sample.groupIndices.withUnsafeBufferPointer { groups in
          groupedTimes.withUnsafeMutableBufferPointer { timeTarget in
            groupedEvents.withUnsafeMutableBufferPointer { eventTarget in
              next.withUnsafeMutableBufferPointer { slots in
                for index in times.indices {
                  let slot = slots[groups[index]]
                  slots[groups[index]] = slot + 1
                  timeTarget[slot] = times[index]
                  eventTarget[slot] = isEvent[index]
                }
              }
            }
          }
        }
      }
    }
    let counts = groupedTimes.withUnsafeBufferPointer { times in
      groupedEvents.withUnsafeBufferPointer { isEvent in
        (0..<groupCount).map { group in
          let range = starts[group]..<starts[group + 1]
          return _DistinctTimeCounts(
            sortedTimes: UnsafeBufferPointer(rebasing: times[range]),
            isEvent: UnsafeBufferPointer(rebasing: isEvent[range]))
        }
      }
    }
    return counts.indices.map { group in
      KaplanMeierEstimate(
        counts: counts[group], subjectCount: sample.groupSizes[group], confidence: confidence)
    }
  }
}
