import Foundation
import SurvivalStatistics
import Testing

extension CompetingRisksTests {
  /// Seeded properties of the cumulative incidence, Gray's test and the Fine–Gray fit.
  @Suite("Competing risks properties")
  struct PropertyTests {
    private static let seeds: [UInt64] = [1, 2, 3]

    @Test(
      "the cause-specific incidences and the event-free survival sum to 1",
      arguments: seeds, [0.0, 0.3])
    func sumToOne(seed: UInt64, censoredShare: Double) throws {
      var rng = SplitMix64(seed: seed)
      let data = RandomCompetingRisks.make(
        count: 200, causeCount: 3, censoredShare: censoredShare, using: &rng)
      let fit = CumulativeIncidence(try data.sample())
      for group in fit.groups {
        for row in group.times.indices {
          let total = group.curves.reduce(group.eventFreeSurvival[row]) { $0 + $1.estimate[row] }
          #expect(abs(total - 1) < 1e-12, "group \(group.label) at \(group.times[row])")
        }
        for curve in group.curves {
          #expect(zip(curve.estimate, curve.estimate.dropFirst()).allSatisfy { $0 <= $1 })
          #expect(curve.variance.allSatisfy { $0 >= 0 })
          for row in curve.rows {
            if let lower = row.lower, let upper = row.upper {
              #expect(lower <= row.estimate && row.estimate <= upper && lower >= 0 && upper <= 1)
            }
          }
        }
      }
    }

    @Test("with one cause the incidence is 1 − Kaplan–Meier", arguments: seeds)
    func oneCause(seed: UInt64) throws {
      var rng = SplitMix64(seed: seed)
      let data = RandomCompetingRisks.make(count: 150, causeCount: 1, using: &rng)
      let curve = try #require(CumulativeIncidence(try data.sample(grouped: false)).curves.first)
      let km = KaplanMeierEstimate(
        try RightCensoredSample(times: data.times, events: data.statuses.map(\.isEvent)))
      #expect(curve.times == km.times)
      #expect(curve.atRisk == km.atRisk)
      expectClose(
        curve.estimate, km.survival.map { 1 - $0 }, relativeTolerance: 1e-12,
        absoluteTolerance: 1e-15, "F")
    }

    @Test("permuting the subjects changes nothing", arguments: seeds)
    func permutation(seed: UInt64) throws {
      var rng = SplitMix64(seed: seed)
      let data = RandomCompetingRisks.make(count: 200, using: &rng)
      let permuted = data.shuffled(using: &rng)
      #expect(CumulativeIncidence(try data.sample()) == CumulativeIncidence(try permuted.sample()))
      let tests = try GrayTest.forEachCause(try data.sample(stratified: true))
      let permutedTests = try GrayTest.forEachCause(try permuted.sample(stratified: true))
      #expect(tests == permutedTests)
      let fit = try FineGrayRegression(
        times: data.times, statuses: data.statuses, cause: 1, design: data.design)
      let permutedFit = try FineGrayRegression(
        times: permuted.times, statuses: permuted.statuses, cause: 1, design: permuted.design)
      expectClose(
        permutedFit.coefficients.map(\.estimate), fit.coefficients.map(\.estimate),
        relativeTolerance: 1e-10, "coef")
      expectClose(
        permutedFit.variance.elements, fit.variance.elements, relativeTolerance: 1e-9, "var")
      expectClose(permutedFit.logLikelihood, fit.logLikelihood, relativeTolerance: 1e-12, "loglik")
      #expect(permutedFit.iterations == fit.iterations)
    }

    @Test(
      "Gray's statistic does not depend on the group order or on a single stratum", arguments: seeds
    )
    func grayInvariance(seed: UInt64) throws {
      var rng = SplitMix64(seed: seed)
      let data = RandomCompetingRisks.make(count: 200, using: &rng)
      let forward = try GrayTest(try data.sample(), cause: 1)
      let reversed = try GrayTest(
        try CompetingRisksSample(
          times: data.times, statuses: data.statuses, groups: data.groups,
          groupOrder: ["c", "b", "a"]), cause: 1)
      expectClose(reversed.statistic, forward.statistic, relativeTolerance: 1e-9, "reversed")
      let oneStratum = try GrayTest(
        try CompetingRisksSample(
          times: data.times, statuses: data.statuses, groups: data.groups,
          strata: data.times.map { _ in "all" }), cause: 1)
      #expect(oneStratum.statistic == forward.statistic)
      #expect(oneStratum.score == forward.score)
    }

    @Test("negating a covariate negates its coefficient", arguments: seeds)
    func signEquivariance(seed: UInt64) throws {
      var rng = SplitMix64(seed: seed)
      let data = RandomCompetingRisks.make(count: 200, using: &rng)
      let fit = try FineGrayRegression(
        times: data.times, statuses: data.statuses, cause: 1, design: data.design)
      let negated = try FineGrayRegression(
        times: data.times, statuses: data.statuses, cause: 1,
        design: DesignMatrix(columns: [data.x1.map { -$0 }, data.x2], names: ["x1", "x2"]))
      expectClose(
        negated.coefficients[0].estimate, -fit.coefficients[0].estimate, relativeTolerance: 1e-10,
        "x1")
      expectClose(
        negated.coefficients[1].estimate, fit.coefficients[1].estimate, relativeTolerance: 1e-10,
        "x2")
      expectClose(
        negated.coefficients.map(\.standardError), fit.coefficients.map(\.standardError),
        relativeTolerance: 1e-10, "se")
      expectClose(negated.logLikelihood, fit.logLikelihood, relativeTolerance: 1e-12, "loglik")
    }

    @Test("without competing failures Fine–Gray is Cox with Breslow ties", arguments: seeds)
    func noCompetingRisks(seed: UInt64) throws {
      var rng = SplitMix64(seed: seed)
      let data = RandomCompetingRisks.make(count: 200, causeCount: 1, using: &rng)
      // Converged tightly (crr's default stops once the score is below 1e-6 relative).
      let fineGray = try FineGrayRegression(
        times: data.times, statuses: data.statuses, cause: 1, design: data.design,
        options: FineGrayRegressionOptions(maximumIterations: 30, gradientTolerance: 1e-10))
      let cox = try CoxRegression(
        times: data.times, events: data.statuses.map(\.isEvent), design: data.design,
        options: CoxRegressionOptions(
          ties: .breslow, convergenceTolerance: 1e-12, mergesNearTies: false))
      #expect(fineGray.isConverged)
      expectClose(
        fineGray.coefficients.map(\.estimate), cox.coefficients.map(\.estimate),
        relativeTolerance: 1e-9, "coef")
      expectClose(fineGray.logLikelihood, cox.logLikelihood, relativeTolerance: 1e-10, "loglik")
      expectClose(
        fineGray.nullLogLikelihood, cox.nullLogLikelihood, relativeTolerance: 1e-12, "null")
    }
  }
}
