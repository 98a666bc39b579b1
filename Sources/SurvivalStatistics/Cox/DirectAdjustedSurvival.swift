import Foundation

/// Survival curves of the levels of one factor adjusted for the other covariates of a Cox model
/// by direct adjustment: for each level g, the mean over every patient of the model's predicted
/// curve with that patient's factor set to g (Makuch 1982; Zhang et al. 2007), so each curve is
/// the survival the whole sample would have had in group g.
///
///     S̄_g(t) = (1/n) Σᵢ exp(−Λ₀(t)·exp(ηᵢ^g)),   ηᵢ^g = ηᵢ − Σ_k β_k(x_ik − [g = level k])
///
/// with ηᵢ the centred linear predictor and Λ₀ the baseline cumulative hazard of
/// `survfit.coxph`: increments w_d/R at a time with event weight w_d and weighted risk score sum
/// R (Breslow), or Σ_{r<d} (w_d/d)/(R − (r/d)·D) over the d tied events of risk-score sum D (Efron,
/// when the model used Efron's ties). R:
///
///     fit <- coxph(Surv(time, status) ~ factor(g) + age, d)
///     nd <- d[rows used by fit, ]; nd$g <- level
///     rowMeans(survfit(fit, newdata = nd)$surv)
///
/// The curves have a value at every distinct time of the sample (R's `survfit.coxph` times).
/// Models with strata, or with the factor in an interaction, are refused: the mean would need a
/// baseline per stratum, and a level would change the interaction columns too.
///
/// - Complexity: O(m·n) for m distinct times and n patients per level.
public struct DirectAdjustedSurvival: Sendable {
  /// The levels in the factor's order (the reference first).
  public let levels: [String]
  /// Every distinct time of the sample (event or censoring), ascending.
  public let times: [Double]
  /// Per level, the adjusted survival at each of ``times``.
  public let survival: [[Double]]
  /// The baseline cumulative hazard Λ₀ at each of ``times`` (R: `basehaz(fit, centered =
  /// TRUE)`).
  public let baselineCumulativeHazard: [Double]

  /// Why adjusted curves cannot be formed from a fit.
  public enum Error: Swift.Error, Equatable, Sendable, CustomStringConvertible {
    /// The model has strata.
    case stratified
    /// No term of the fit is the factor, or it appears in an interaction.
    case factorNotAMainEffect(String)
    /// A coefficient of the factor is not estimable.
    case aliasedLevel(String)
    /// The exact partial likelihood has no `survfit.coxph` baseline here.
    case exactTies

    public var description: String {
      switch self {
      case .stratified:
        return "adjusted curves need a model without strata (the mean curve would need a baseline per stratum)"
      case .factorNotAMainEffect(let term):
        return "adjusted curves need '\(term)' as a main effect of the model, not in an interaction"
      case .aliasedLevel(let name):
        return "the coefficient '\(name)' is not estimable, so its adjusted curve is not either"
      case .exactTies:
        return "adjusted curves are computed for Efron or Breslow ties; refit with one of them"
      }
    }
  }

  /// The adjusted curves of the factor term `term` (its label in the fit, e.g.
  /// `relevel(factor(sex), ref = "1")`) with the given levels (reference first; the others in
  /// the order of the term's coefficients).
  ///
  /// - Throws: ``Error`` when the model has strata or exact ties, or the term is not a main
  ///   effect with estimable coefficients.
  public init(_ fit: CoxRegression, term: String, levels: [String]) throws(Error) {
    let input = fit.input
    if input.strata != nil || fit.stratumCount > 1 { throw .stratified }
    if fit.options.ties == .exact { throw .exactTies }
    let columns = fit.coefficients.indices.filter { fit.coefficients[$0].label.term == term }
    guard !columns.isEmpty, columns.count == levels.count - 1,
      !fit.coefficients.contains(where: {
        $0.label.term != term && $0.label.term.split(separator: ":").contains { String($0) == term }
      })
    else { throw .factorNotAMainEffect(term) }
    for j in columns where fit.coefficients[j].isAliased { throw .aliasedLevel(fit.coefficients[j].name) }

    let n = input.times.count
    // Each patient's linear predictor without the factor (x_ik − m_k terms removed).
    var base = fit.linearPredictors
    for j in columns {
      let beta = fit.coefficients[j].estimate
      let mean = fit.coefficients[j].mean
      let column = input.design.columns[j]
      for i in 0..<n { base[i] -= beta * (column[i] - mean) }
    }
    // The factor's contribution at each level: Σ_k β_k([g = k] − m_k).
    let centring = columns.reduce(0.0) { $0 - fit.coefficients[$1].estimate * fit.coefficients[$1].mean }
    let shifts = [centring] + columns.map { centring + fit.coefficients[$0].estimate }

    // Λ₀ at every distinct time, from the risk sets {entry < t ≤ time}.
    let hazard = Self.baseline(fit)
    self.levels = levels
    self.times = hazard.times
    self.baselineCumulativeHazard = hazard.cumulative
    self.survival = shifts.map { shift in
      let scores = base.map { exp($0 + shift) }
      return hazard.cumulative.map { lambda in
        var sum = 0.0
        for score in scores { sum += exp(-lambda * score) }
        return sum / Double(n)
      }
    }
  }

  /// `survfit.coxph`'s baseline cumulative hazard at the centred covariates, at every distinct
  /// time.
  static func baseline(_ fit: CoxRegression) -> (times: [Double], cumulative: [Double]) {
    let input = fit.input
    let n = input.times.count
    let scores = fit.linearPredictors.map { exp($0) }
    let weights = input.weights ?? [Double](repeating: 1, count: n)
    let order = (0..<n).sorted { input.times[$0] < input.times[$1] }
    var distinct: [Double] = []
    for i in order where distinct.last != input.times[i] { distinct.append(input.times[i]) }
    // Risk score sums by walking times backwards; entries leave the set at or after their time.
    let byEntry = input.entryTimes.map { entries in (0..<n).sorted { entries[$0] > entries[$1] } }
    var cumulative = [Double](repeating: 0, count: distinct.count)
    var increments = [Double](repeating: 0, count: distinct.count)
    var risk = 0.0
    var position = n - 1
    var nextEntry = 0
    var added = [Bool](repeating: false, count: n)
    for row in stride(from: distinct.count - 1, through: 0, by: -1) {
      let time = distinct[row]
      var deathWeight = 0.0
      var deathScore = 0.0
      var deaths = 0
      while position >= 0 && input.times[order[position]] == time {
        let i = order[position]
        risk += weights[i] * scores[i]
        added[i] = true
        if input.events[i] {
          deathWeight += weights[i]
          deathScore += weights[i] * scores[i]
          deaths += 1
        }
        position -= 1
      }
      if let byEntry, let entries = input.entryTimes {
        // Remove those not yet entered at `time` (entry ≥ time) that were added.
        while nextEntry < n && entries[byEntry[nextEntry]] >= time {
          let i = byEntry[nextEntry]
          if added[i] { risk -= weights[i] * scores[i] }
          added[i] = false
          nextEntry += 1
        }
      }
      guard deaths > 0 else { continue }
      if fit.options.ties == .efron && deaths > 1 {
        let d = Double(deaths)
        var sum = 0.0
        for r in 0..<deaths { sum += (deathWeight / d) / (risk - Double(r) / d * deathScore) }
        increments[row] = sum
      } else {
        increments[row] = deathWeight / risk
      }
    }
    var total = 0.0
    for row in distinct.indices {
      total += increments[row]
      cumulative[row] = total
    }
    return (distinct, cumulative)
  }

  /// The median of a level's curve by R's rule: the first time the curve is at or below 0.5,
  /// the midpoint to the next time where it is exactly 0.5; nil when it stays above.
  public func median(ofLevel index: Int) -> Double? {
    let curve = survival[index]
    guard let first = curve.firstIndex(where: { $0 <= 0.5 }) else { return nil }
    if abs(curve[first] - 0.5) < 1e-10 && first + 1 < times.count { return (times[first] + times[first + 1]) / 2 }
    return times[first]
  }
}
