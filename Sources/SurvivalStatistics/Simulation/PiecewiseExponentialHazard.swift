/// A piecewise-constant hazard: rate λⱼ on [τⱼ, τⱼ₊₁), the last rate continuing for ever.
///
/// Cumulative hazard H(t) = Σⱼ λⱼ · |[τⱼ, τⱼ₊₁) ∩ [0, t)|, survival S(t) = exp(−H(t)). An event time
/// with hazard ratio r is drawn by inversion: E ~ Exp(1), T = H⁻¹(E / r); when the hazard is zero
/// from some time on and E / r exceeds the hazard accumulated before it, T = ∞ (never).
/// Targets (a median, landmark survival probabilities) fix the rates in closed form:
/// λⱼ = −log(Sⱼ₊₁ / Sⱼ) / (τⱼ₊₁ − τⱼ) between consecutive targets (τ₀ = 0, S₀ = 1).
/// R equivalent of the draw: `rpexp` in msm, or `rexp` for one piece.
public struct PiecewiseExponentialHazard: Sendable, Equatable {
  /// Start of each piece; the first is 0.
  public let starts: [Double]
  /// Hazard rate on each piece (events per time unit).
  public let rates: [Double]

  /// A hazard from piece starts (first 0, increasing) and non-negative rates.
  public init(starts: [Double], rates: [Double]) throws(SimulationError) {
    guard !rates.isEmpty, starts.count == rates.count, starts.first == 0 else {
      throw .invalidHazard("needs one rate per piece, the first piece starting at 0")
    }
    for (a, b) in zip(starts, starts.dropFirst()) where !(b > a) {
      throw .invalidHazard("piece starts must increase, found \(_plain(a)) then \(_plain(b))")
    }
    for rate in rates where !(rate >= 0 && rate.isFinite) {
      throw .invalidHazard("hazard rates must be finite and 0 or greater, found \(_plain(rate))")
    }
    self.starts = starts
    self.rates = rates
  }

  /// A constant hazard with the given median: λ = log 2 / median.
  public init(median: Double) throws(SimulationError) {
    try self.init(survivalTargets: [(median, 0.5)])
  }

  /// The hazard through the given (time, survival) targets, constant between them and after the
  /// last. Times must increase and be positive; survival must lie in (0, 1] and not increase.
  public init(survivalTargets: [(time: Double, survival: Double)]) throws(SimulationError) {
    guard !survivalTargets.isEmpty else {
      throw .invalidHazard("needs at least one survival target")
    }
    var starts = [0.0]
    var rates: [Double] = []
    var previous = (time: 0.0, survival: 1.0)
    for target in survivalTargets {
      guard target.time > previous.time, target.time.isFinite else {
        throw .invalidHazard(
          "target times must be positive and increase, found \(_plain(target.time))")
      }
      guard target.survival > 0, target.survival <= previous.survival else {
        throw .invalidHazard(
          "survival targets must lie in (0, 1] and not increase, found \(_plain(target.survival)) at \(_plain(target.time))"
        )
      }
      let rate =
        -_PortableMath.log(target.survival / previous.survival) / (target.time - previous.time)
      if !rates.isEmpty { starts.append(previous.time) }
      rates.append(max(0, rate))
      previous = target
    }
    try self.init(starts: starts, rates: rates)
  }

  /// H(t).
  public func cumulativeHazard(at time: Double) -> Double {
    var total = 0.0
    for j in rates.indices {
      let start = starts[j]
      if time <= start { break }
      let end = j + 1 < starts.count ? min(starts[j + 1], time) : time
      total += rates[j] * (end - start)
    }
    return total
  }

  /// S(t) = exp(−H(t)).
  public func survival(at time: Double) -> Double { _PortableMath.exp(-cumulativeHazard(at: time)) }

  /// H⁻¹(h): the time at which the cumulative hazard reaches h, or ∞ if it never does.
  public func time(atCumulativeHazard target: Double) -> Double {
    var accumulated = 0.0
    for j in rates.indices {
      let isLast = j + 1 == starts.count
      let length = isLast ? Double.infinity : starts[j + 1] - starts[j]
      let rate = rates[j]
      if rate > 0 {
        let needed = (target - accumulated) / rate
        if needed <= length { return starts[j] + needed }
      }
      if isLast { return .infinity }
      accumulated += rate * length
    }
    return .infinity
  }

  /// A draw of the event time under hazard ratio `hazardRatio` (proportional hazards).
  public func randomTime(hazardRatio: Double, using generator: inout Xoshiro256StarStar) -> Double {
    let e = generator.nextExponential()
    guard hazardRatio > 0 else { return .infinity }
    return time(atCumulativeHazard: e / hazardRatio)
  }
}

/// A number as the shortest text that reads back the same ("0.5", "12").
func _plain(_ x: Double) -> String {
  if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
  return "\(x)"
}
