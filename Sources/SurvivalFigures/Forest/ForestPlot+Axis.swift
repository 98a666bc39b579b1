import Foundation

extension ForestPlot {
  /// Ratios that read well on a log axis, with their priority (0 first): 1, the decades, the
  /// halves and doubles (0.5 ↔ 2, 0.05 ↔ 20), the quarters (0.25 ↔ 4), and for narrow
  /// ranges 0.75, 0.8, 1.25 and 1.5.
  static let tickCandidates: [(value: Double, rank: Int)] = [
    (1, 0), (0.1, 1), (10, 1), (0.01, 1), (100, 1), (0.001, 1), (1000, 1),
    (0.5, 2), (2, 2), (0.05, 2), (20, 2), (0.005, 2), (200, 2), (0.25, 3), (4, 3),
    (0.75, 5), (1.5, 5), (0.8, 6), (1.25, 6),
  ]

  /// The axis range for estimates and limits spanning `low`…`high`: always including 1, never
  /// beyond 0.001…1000 (intervals reaching further end in arrows), and widened to a tick
  /// candidate when one lies within 25 % of an end (0.09…3.6 gives 0.09…4, 0.95…1.05 gives
  /// 0.8…1.25). A range that still has no candidate besides 1 widens to 0.5…2. The line of
  /// no effect keeps room from the panel's edges: when 1 lies within 15 % of the axis (on the
  /// log scale) of an end — all estimates and limits ≥ 1, or all ≤ 1 — that end moves out to
  /// the nearest candidate that leaves 15 % (1.2…3 gives 0.8…3, 0.7…0.95 gives 0.7…1.25).
  public static func axisDomain(covering low: Double, _ high: Double) -> ClosedRange<Double> {
    var lo = max(min(low, 1), 0.001)
    var hi = min(max(high, 1), 1000)
    let round = tickCandidates.map(\.value)
    if let below = round.filter({ $0 <= lo * (1 + 1e-9) }).max(), lo / below <= 1.25 { lo = below }
    if let above = round.filter({ $0 >= hi * (1 - 1e-9) }).min(), above / hi <= 1.25 { hi = above }
    if !tickCandidates.contains(where: { $0.value != 1 && $0.value >= lo * (1 - 1e-9) && $0.value <= hi * (1 + 1e-9) })
    {
      lo = min(lo, 0.5)
      hi = max(hi, 2)
    }
    let room = 0.15
    if log(1 / lo) < room * log(hi / lo) {
      lo = round.filter { $0 < 1 && log(1 / $0) >= room * log(hi / $0) }.max() ?? lo
    }
    if log(hi) < room * log(hi / lo) {
      hi = round.filter { $0 > 1 && log($0) >= room * log($0 / lo) }.min() ?? hi
    }
    return lo...hi
  }

  /// Even tick sequences on a log axis, finest first: every tick the same ratio from the next,
  /// so that equal distances read as equal ratios (0.25, 0.5, 1, 2, 4 — never 0.5, 1, 2, 4, 10, 20).
  /// 0.8, 1, 1.25 serve a narrow range; doubling runs from 0.25 to 8, quadrupling from 0.25 to
  /// 16, then decades and steps of 100.
  static let tickSequences: [(ratio: Double, ticks: [Double])] = [
    (1.25, [0.8, 1, 1.25]),
    (2, [0.25, 0.5, 1, 2, 4, 8]),
    (4, [0.25, 1, 4, 16]),
    (10, [0.001, 0.01, 0.1, 1, 10, 100, 1000]),
    (100, [0.01, 1, 100]),
  ]

  /// Ticks inside `domain`: the first of ``tickSequences`` that reaches within one of its steps
  /// of both ends of the domain, has at least two ticks inside it and whose ticks `fits`
  /// accepts (labels apart); otherwise 1 alone (when inside). Every tick is one ratio from the
  /// next.
  public static func ticks(in domain: ClosedRange<Double>, fits: ([Double]) -> Bool = { _ in true }) -> [Double] {
    let (lo, hi) = (domain.lowerBound, domain.upperBound)
    for sequence in tickSequences {
      let all = sequence.ticks.sorted()
      guard let first = all.first, let last = all.last,
        first <= lo * sequence.ratio * (1 + 1e-9), last >= hi / sequence.ratio * (1 - 1e-9)
      else { continue }
      let inside = all.filter { $0 >= lo * (1 - 1e-9) && $0 <= hi * (1 + 1e-9) }
      if inside.count >= 2, fits(inside) { return inside }
    }
    // A domain no sequence reaches across (0.6–1.5): the ticks of the first sequence with two
    // inside it, else 1 alone.
    for sequence in tickSequences {
      let inside = sequence.ticks.sorted().filter { $0 >= lo * (1 - 1e-9) && $0 <= hi * (1 + 1e-9) }
      if inside.count >= 2, fits(inside) { return inside }
    }
    return domain.contains(1) ? [1] : []
  }
}
