/// Landmark analysis: the subjects still under observation at a landmark time s, for estimates
/// and tests conditional on having survived to s (Anderson, Cain & Gelber 1983; van
/// Houwelingen 2007).
///
/// A subject is kept when its (exit) time is ≥ s, as R's `survfit(..., start.time = s)` keeps
/// `y[, ny - 1] >= start.time`, so that the Kaplan–Meier estimate of the kept subjects is R's
/// conditional curve Ŝ(t | T ≥ s). With `resettingOrigin`, times (and entry times) are measured
/// from s: R's `Surv(time - s, status)` on `subset(data, time >= s)`.
///
/// - Complexity: O(n).
extension RightCensoredSample {
  /// The subjects with time ≥ `landmark`, on the original time scale or (with
  /// `resettingOrigin`) measured from the landmark.
  ///
  /// - Throws: ``SurvivalOptionError/invalidTime(_:)`` unless the landmark is finite and ≥ 0.
  /// - Returns: nil when no subject is still under observation.
  public func landmark(at landmark: Double, resettingOrigin: Bool = false)
    throws(SurvivalOptionError) -> RightCensoredSample?
  {
    guard landmark.isFinite, landmark >= 0 else { throw .invalidTime(landmark) }
    let kept = times.indices.filter { times[$0] >= landmark }
    if kept.isEmpty { return nil }
    let shift = resettingOrigin ? landmark : 0
    return RightCensoredSample(
      sortedTimes: kept.map { times[$0] - shift }, isEvent: kept.map { isEvent[$0] },
      mergedNearTieCount: mergedNearTieCount,
      entryTimes: entryTimes.map { e in kept.map { e[$0] - shift } },
      weights: weights.map { w in kept.map { w[$0] } })
  }
}

extension GroupedSample {
  /// The subjects with time ≥ `landmark` in every group and stratum, on the original time
  /// scale or (with `resettingOrigin`) measured from the landmark. Groups and strata keep
  /// their labels; a group without subjects left is dropped from the result (R drops empty
  /// curves too).
  ///
  /// - Throws: ``SurvivalOptionError/invalidTime(_:)`` unless the landmark is finite and ≥ 0.
  /// - Returns: nil when no subject is still under observation.
  public func landmark(at landmark: Double, resettingOrigin: Bool = false)
    throws(SurvivalOptionError) -> GroupedSample?
  {
    guard landmark.isFinite, landmark >= 0 else { throw .invalidTime(landmark) }
    let kept = times.indices.filter { times[$0] >= landmark }
    if kept.isEmpty { return nil }
    let shift = resettingOrigin ? landmark : 0
    var sizes = [Int](repeating: 0, count: groupLabels.count)
    for index in kept { sizes[groupIndices[index]] += 1 }
    let present = groupLabels.indices.filter { sizes[$0] > 0 }
    var newIndex = [Int](repeating: -1, count: groupLabels.count)
    for (position, group) in present.enumerated() { newIndex[group] = position }
    var strataLabels = self.strataLabels
    var stratumIndices = self.stratumIndices.map { s in kept.map { s[$0] } }
    if let indices = stratumIndices {
      let used = Array(Set(indices)).sorted()
      var remap = [Int](repeating: -1, count: strataLabels.count)
      for (position, stratum) in used.enumerated() { remap[stratum] = position }
      strataLabels = used.map { strataLabels[$0] }
      stratumIndices = indices.map { remap[$0] }
    }
    return GroupedSample(
      groupLabels: present.map { groupLabels[$0] }, strataLabels: strataLabels,
      times: kept.map { times[$0] - shift }, isEvent: kept.map { isEvent[$0] },
      groupIndices: kept.map { newIndex[groupIndices[$0]] }, stratumIndices: stratumIndices,
      groupSizes: present.map { sizes[$0] }, mergedNearTieCount: mergedNearTieCount,
      entryTimes: entryTimes.map { e in kept.map { e[$0] - shift } },
      weights: weights.map { w in kept.map { w[$0] } })
  }
}
