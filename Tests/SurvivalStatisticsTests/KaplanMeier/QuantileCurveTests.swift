import Testing

@testable import SurvivalStatistics

/// R's `findq` keeps the first occurrence of each value of a curve (`duplicated`, NA counting
/// as one value) and uses the last kept one; `_QuantileCurve` finds it from the end and falls
/// back to a set of the seen values. Both paths against that definition.
@Suite("Quantile curve: R's last kept value")
struct QuantileCurveTests {
  /// R's rule written out: the points 0, y₁, …, yₙ without repeats, the last one (nil for NA).
  static func lastKept(_ values: [Double]) -> Double? {
    var kept: [Double] = [0]
    for value in values
    where !kept.contains(where: { value.isNaN ? $0.isNaN : $0 == value }) {
      kept.append(value)
    }
    let last = kept[kept.count - 1]
    return last.isNaN ? nil : last
  }

  static func finished(_ values: [Double]) -> Double? {
    var curve = _QuantileCurve(probabilities: [0.5], lastTime: Double(values.count))
    for (index, value) in values.enumerated() { curve.add(time: Double(index + 1), value: value) }
    curve.finish(count: values.count) { values[$0] }
    return curve.lastKeptValue
  }

  @Test("Random curves with runs, repeats, NAs and zeros, 20 seeds", arguments: 1...20)
  func randomCurves(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    for _ in 0..<200 {
      let count = Int.random(in: 1...30, using: &generator)
      // Few distinct values, so that repeats far apart (the set fallback) are common.
      let palette: [Double] = [0, -0.0, .nan, 0.1, 0.25, 0.5, 0.75, 1]
      var values: [Double] = []
      while values.count < count {
        let value = palette[Int.random(in: 0..<palette.count, using: &generator)]
        let run = Int.random(in: 1...3, using: &generator)
        values += Array(repeating: value, count: min(run, count - values.count))
      }
      let expected = Self.lastKept(values)
      let found = Self.finished(values)
      // NA is reported as nil, so a found value is never NaN.
      #expect(found == expected, "\(values)")
    }
  }

  @Test("The last run new, a run repeated earlier, every value seen, more runs than the limit")
  func cases() {
    #expect(Self.finished([0.5, 0.25, 0.75, 0.75]) == 0.75)
    #expect(Self.finished([0.5, 0.75, 0.25, 0.75, 0.75]) == 0.25)
    #expect(Self.finished([0.5, 0, 0.5]) == 0.5)
    #expect(Self.finished([0.5, .nan, 0.25, .nan]) == 0.25)
    #expect(Self.finished([0.5, 0.25, .nan, 0.25]) == nil)
    // Six runs whose values all occur earlier, then the first value: the set decides.
    let repeated: [Double] = [0.9, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]
    #expect(_QuantileCurve.candidateLimit < 6)
    #expect(Self.finished(repeated) == 0.6)
  }
}
