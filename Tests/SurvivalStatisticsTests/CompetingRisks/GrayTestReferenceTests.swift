import SurvivalStatistics
import Testing

extension CompetingRisksTests {
  /// Gray's test against R's `cmprsk::cuminc(...)$Tests`, unstratified, stratified and weighted.
  ///
  /// Tolerances: the score and variance are accumulated as cmprsk's `crst` does; the statistic
  /// and its upper-tail p-value agree to 1e-12 relative (non-iterative). R's own `pv` is
  /// `1 - pchisq(stat, df)`, which has an absolute error near 1e-16, so it is compared to 1e-6
  /// relative where it exceeds 1e-9.
  @Suite("Gray's test vs cmprsk::cuminc")
  struct GrayTestReferenceTests {
    @Test("statistic, df and p per cause", arguments: GrayTestCase.all)
    func reference(_ reference: GrayTestCase) throws {
      let sample = try reference.dataset.sample(
        censoring: reference.censoringCode, group: reference.groupColumn,
        strata: reference.strataColumn)
      let tests = try GrayTest.forEachCause(sample, rho: reference.rho)
      #expect(tests.map(\.cause) == reference.causes)
      for (index, test) in tests.enumerated() {
        let what = "cause \(test.cause)"
        #expect(test.degreesOfFreedom == reference.degreesOfFreedom, "\(what) df")
        expectClose(
          test.statistic, reference.statistic[index], relativeTolerance: 1e-12, "\(what) stat")
        expectClose(test.p, reference.upperTailP[index], relativeTolerance: 1e-12, "\(what) p")
        if reference.rP[index] > 1e-9 {
          expectClose(test.p, reference.rP[index], relativeTolerance: 1e-6, "\(what) R pv")
        }
        #expect(test.rho == reference.rho)
        #expect(test.strataLabels.count == (reference.strataColumn == nil ? 0 : 2))
        #expect(
          !test.diagnostics.contains { if case .singularVariance = $0 { true } else { false } })
      }
    }
  }
}
