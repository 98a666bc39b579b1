import SurvivalStatistics
import Testing

/// Log-rank and G-ρ tests against R's `survdiff`, trend statistics computed from its output and
/// the pairwise tests of survminer's `pairwise_survdiff`.
///
/// Tolerance: 1e-12 relative for the closed-form sums and statistics, with an absolute 1e-12 for
/// variance entries that are zero in exact arithmetic.
@Suite("Log-rank against survival::survdiff")
struct LogRankReferenceTests {
  static let tolerance = 1e-12

  @Test(
    "Observed, expected, variance, chi-square, df and p match survdiff",
    arguments: LogRankReference.all)
  func survdiff(_ reference: LogRankReference) throws {
    let test = try reference.test()
    let name = reference.name
    #expect(test.groupSizes == reference.subjects, "\(name) n")
    expectClose(
      test.observed.map(Optional.some), reference.observed, relativeTolerance: Self.tolerance,
      "\(name) obs")
    expectClose(
      test.expected.map(Optional.some), reference.expected, relativeTolerance: Self.tolerance,
      "\(name) exp")
    for (row, expectedRow) in zip(test.variance, reference.variance) {
      expectClose(
        row.map(Optional.some), expectedRow, relativeTolerance: Self.tolerance,
        absoluteTolerance: 1e-12, "\(name) var")
    }
    if let byStratum = reference.observedByStratum {
      for (row, expectedRow) in zip(test.observedByStratum, byStratum) {
        expectClose(
          row.map(Optional.some), expectedRow, relativeTolerance: Self.tolerance,
          "\(name) obs by stratum")
      }
    }
    let chiSquare = try #require(test.chiSquare)
    expectClose(
      chiSquare.statistic, reference.chiSquare, relativeTolerance: Self.tolerance, "\(name) chisq")
    #expect(chiSquare.degreesOfFreedom == reference.degreesOfFreedom, "\(name) df")
    expectClose(chiSquare.pValue, reference.pValue, relativeTolerance: Self.tolerance, "\(name) p")
    #expect(test.diagnostics.isEmpty)
  }

  @Test("Stratified log-rank of celltype within trt matches survdiff(... + strata(trt))")
  func stratifiedCelltype() throws {
    // c(fit$chisq, rowSums(fit$obs), rowSums(fit$exp))
    let expected = ExtraReference.logrankCelltypeStrataTrt
    let test = try LogRankTest(ReferenceData.veteran.grouped(by: "celltype", strata: "trt"))
    expectClose(test.chiSquare?.statistic, expected[0], relativeTolerance: Self.tolerance, "chisq")
    expectClose(
      test.observed.map(Optional.some), Array(expected[1...4]), relativeTolerance: Self.tolerance,
      "obs")
    expectClose(
      test.expected.map(Optional.some), Array(expected[5...8]), relativeTolerance: Self.tolerance,
      "exp")
    #expect(test.strataLabels == ["1", "2"])
    #expect(test.observedByStratum.allSatisfy { $0.count == 2 })
  }

  @Test(
    "Trend over celltype matches sum(w (O - E))^2 / (w' V w)",
    arguments: [
      (nil as [Double]?, 0.0, ExtraReference.trendCelltypeRho0),
      (nil, 1.0, ExtraReference.trendCelltypeRho1),
      ([1, 2, 4, 8], 0.0, ExtraReference.trendCelltypeScores1248),
    ])
  func trend(scores: [Double]?, rho: Double, expected: [Double?]) throws {
    let sample = try ReferenceData.veteran.grouped(by: "celltype")
    let trend = try LogRankTrendTest(sample, scores: scores, rho: rho)
    expectClose(trend.scoreStatistic, expected[0], relativeTolerance: Self.tolerance, "U")
    expectClose(trend.scoreVariance, expected[1], relativeTolerance: Self.tolerance, "Var U")
    let chiSquare = try #require(trend.chiSquare)
    expectClose(chiSquare.statistic, expected[2], relativeTolerance: Self.tolerance, "chisq")
    #expect(chiSquare.degreesOfFreedom == 1)
    expectClose(chiSquare.pValue, expected[3], relativeTolerance: Self.tolerance, "p")
    #expect(trend.scores == (scores ?? [1, 2, 3, 4]))
  }

  @Test("Stratified trend over celltype within trt matches the survdiff-based statistic")
  func stratifiedTrend() throws {
    let expected = ExtraReference.trendCelltypeStrataTrt
    let trend = try LogRankTrendTest(ReferenceData.veteran.grouped(by: "celltype", strata: "trt"))
    expectClose(trend.scoreStatistic, expected[0], relativeTolerance: Self.tolerance, "U")
    expectClose(trend.scoreVariance, expected[1], relativeTolerance: Self.tolerance, "Var U")
    expectClose(trend.chiSquare?.statistic, expected[2], relativeTolerance: Self.tolerance, "chisq")
    expectClose(trend.chiSquare?.pValue, expected[3], relativeTolerance: Self.tolerance, "p")
  }

  @Test(
    "Pairwise tests over celltype match pairwise_survdiff with Holm, BH and Bonferroni",
    arguments: [
      (
        nil as String?, 0.0, ExtraReference.pairwiseCelltypeRho0Chisq,
        ExtraReference.pairwiseCelltypeRho0P,
        ExtraReference.pairwiseCelltypeRho0Holm, ExtraReference.pairwiseCelltypeRho0Bh,
        ExtraReference.pairwiseCelltypeRho0Bonferroni
      ),
      (
        nil, 1.0, ExtraReference.pairwiseCelltypeRho1Chisq, ExtraReference.pairwiseCelltypeRho1P,
        ExtraReference.pairwiseCelltypeRho1Holm, ExtraReference.pairwiseCelltypeRho1Bh,
        ExtraReference.pairwiseCelltypeRho1Bonferroni
      ),
      (
        "trt", 0.0, ExtraReference.pairwiseCelltypeStrataTrtRho0Chisq,
        ExtraReference.pairwiseCelltypeStrataTrtRho0P,
        ExtraReference.pairwiseCelltypeStrataTrtRho0Holm,
        ExtraReference.pairwiseCelltypeStrataTrtRho0Bh,
        ExtraReference.pairwiseCelltypeStrataTrtRho0Bonferroni
      ),
      (
        "trt", 1.0, ExtraReference.pairwiseCelltypeStrataTrtRho1Chisq,
        ExtraReference.pairwiseCelltypeStrataTrtRho1P,
        ExtraReference.pairwiseCelltypeStrataTrtRho1Holm,
        ExtraReference.pairwiseCelltypeStrataTrtRho1Bh,
        ExtraReference.pairwiseCelltypeStrataTrtRho1Bonferroni
      ),
    ])
  func pairwise(
    strata: String?, rho: Double, chiSquare: [Double?], p: [Double?], holm: [Double?],
    benjaminiHochberg: [Double?], bonferroni: [Double?]
  ) throws {
    let sample = try ReferenceData.veteran.grouped(by: "celltype", strata: strata)
    let pairwise = try PairwiseLogRankTests(sample, rho: rho)
    #expect(
      pairwise.comparisons.map { [$0.firstGroup, $0.secondGroup] } == [
        [0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3],
      ])
    expectClose(
      pairwise.comparisons.map { $0.test.chiSquare?.statistic }, chiSquare,
      relativeTolerance: Self.tolerance, "chisq")
    expectClose(pairwise.comparisons.map(\.pValue), p, relativeTolerance: Self.tolerance, "p")
    expectClose(pairwise.adjustedPValues(.holm), holm, relativeTolerance: Self.tolerance, "holm")
    expectClose(
      pairwise.adjustedPValues(.benjaminiHochberg), benjaminiHochberg,
      relativeTolerance: Self.tolerance, "BH")
    expectClose(
      pairwise.adjustedPValues(.bonferroni), bonferroni, relativeTolerance: Self.tolerance,
      "bonferroni")
    #expect(pairwise.adjustedPValues(.none) == pairwise.comparisons.map(\.pValue))
  }
}
