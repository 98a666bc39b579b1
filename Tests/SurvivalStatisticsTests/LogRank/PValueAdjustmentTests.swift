import SurvivalStatistics
import Testing

@Suite("p-value adjustment as p.adjust")
struct PValueAdjustmentTests {
  static let pValues: [Double?] = [0.01, 0.04, 0.04, nil, 0.2, 0.03]

  @Test(
    "Ties and a missing value are handled as p.adjust(c(0.01, 0.04, 0.04, NA, 0.2, 0.03))",
    arguments: [
      (PValueAdjustment.holm, ExtraReference.padjustHolm),
      (.benjaminiHochberg, ExtraReference.padjustBh),
      (.bonferroni, ExtraReference.padjustBonferroni),
    ])
  func rReference(method: PValueAdjustment, expected: [Double?]) {
    expectClose(method.adjust(Self.pValues), expected, relativeTolerance: 1e-15, "\(method)")
  }

  @Test("No adjustment returns the input; an empty list stays empty")
  func trivial() {
    #expect(PValueAdjustment.none.adjust(Self.pValues) == Self.pValues)
    for method in PValueAdjustment.allCases { #expect(method.adjust([]) == []) }
    #expect(PValueAdjustment.holm.adjust([nil, nil]) == [nil, nil])
    #expect(PValueAdjustment.holm.adjust([0.3]) == [0.3])
  }

  @Test("Adjusted p-values are never below the raw ones and never above 1 (seeded)")
  func bounds() {
    var generator = SplitMix64(seed: 20_240_611)
    for _ in 0..<200 {
      let count = Int.random(in: 1...12, using: &generator)
      let p = (0..<count).map { _ in Double.random(in: 0...1, using: &generator) }
      for method in PValueAdjustment.allCases {
        let adjusted = method.adjust(p)
        for (raw, value) in zip(p, adjusted) {
          #expect(value! >= raw && value! <= 1)
        }
      }
      // Holm is never smaller than BH.
      for (holm, bh) in zip(
        PValueAdjustment.holm.adjust(p), PValueAdjustment.benjaminiHochberg.adjust(p))
      {
        #expect(holm! >= bh!)
      }
    }
  }
}
