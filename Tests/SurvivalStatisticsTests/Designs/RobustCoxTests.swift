import Foundation
import SurvivalStatistics
import Testing

/// The robust (sandwich) variance of Cox fits with `cluster()` or `robust = TRUE`, and the robust
/// Wald and score tests, against R's `coxph` (fixture `RobustCoxReference.swift`).
@Suite("Robust Cox variance vs coxph")
struct RobustCoxTests {
  @Test("robust se and variance, robust Wald and score tests as R", arguments: robustCoxReferences)
  func reference(_ reference: RobustCoxReference) throws {
    let fit = try CoxRegression(
      formula: reference.formula, data: DesignReferenceData.named(reference.data),
      options: CoxRegressionOptions(
        ties: reference.ties, robustVariance: reference.robust ? .robust : .automatic))
    #expect(fit.coefficients.map(\.name) == reference.names)
    CoxCheck.close(fit.coefficients.map(\.estimate), reference.coef, relative: 1e-9, "coef")
    CoxCheck.close(
      fit.coefficients.map(\.modelStandardError), reference.naiveSE, relative: 1e-9, "se(coef)")
    CoxCheck.close(
      fit.coefficients.compactMap(\.robustStandardError), reference.robustSE, relative: 1e-9,
      "robust se")
    CoxCheck.close(
      fit.coefficients.map(\.standardError), reference.robustSE, relative: 1e-9, "se used")
    CoxCheck.close(
      try #require(fit.robustVariance).elements, reference.robustVariance, relative: 1e-8,
      floor: 1e-12, "var")
    #expect(fit.variance == fit.robustVariance)
    CoxCheck.close(fit.waldTest.statistic, reference.wald, relative: 1e-9, "robust Wald")
    CoxCheck.close(
      try #require(fit.robustScoreTest).statistic, reference.robustScore, relative: 1e-9,
      "robust score")
    CoxCheck.close(fit.scoreTest.statistic, reference.score, relative: 1e-10, "score")
    if let concordance = fit.concordance {
      CoxCheck.close(
        concordance.standardError, reference.concordanceSE, relative: 1e-10, "concordance se")
    }
  }

  @Test(
    "seeded: clusters of one observation each give the variance of robust = TRUE",
    arguments: [41, 42, 43] as [UInt64])
  func singletonClusters(seed: UInt64) throws {
    let data = SyntheticCohort.make(rows: 200, seed: seed)
    let n = data.rowCount
    var columns: [String: ModelData.Column] = [:]
    for name in data.columnNames { columns[name] = data[name] }
    columns["id"] = .numeric((0..<n).map { Double(n - $0) })
    let withIDs = ModelData(columns: columns)
    for ties in [CoxRegressionOptions.Ties.efron, .breslow] {
      let clustered = try CoxRegression(
        formula: "Surv(time, status) ~ age + sex + x1 + cluster(id)", data: withIDs,
        options: CoxRegressionOptions(ties: ties))
      let robust = try CoxRegression(
        formula: "Surv(time, status) ~ age + sex + x1", data: withIDs,
        options: CoxRegressionOptions(ties: ties, robustVariance: .robust))
      CoxCheck.close(
        clustered.variance.elements, robust.variance.elements, relative: 1e-12, floor: 1e-14, "var")
      CoxCheck.close(
        clustered.robustScoreTest!.statistic, robust.robustScoreTest!.statistic, relative: 1e-12,
        "rscore")
      #expect(clustered.clusterCount == n)
      // Counting-process rows of one subject split at arbitrary times, clustered by subject,
      // give the same robust variance as the unsplit data.
    }
  }

  @Test(
    "seeded: splitting each subject's interval, clustered by subject, keeps the robust variance",
    arguments: [44, 45] as [UInt64])
  func splitSubjects(seed: UInt64) throws {
    var rng = SeededGenerator(seed: seed)
    let n = 120
    var start: [Double] = []
    var stop: [Double] = []
    var event: [Bool] = []
    var x: [Double] = []
    var id: [Int] = []
    var wholeTimes: [Double] = []
    var wholeEvents: [Bool] = []
    var wholeX: [Double] = []
    for subject in 0..<n {
      let time = Double(Int.random(in: 2...200, using: &rng))
      let died = Bool.random(using: &rng)
      let value = rng.normal()
      wholeTimes.append(time)
      wholeEvents.append(died)
      wholeX.append(value)
      let cut = Double(Int.random(in: 1..<Int(time), using: &rng))
      start += [0, cut]
      stop += [cut, time]
      event += [false, died]
      x += [value, value]
      id += [subject, subject]
    }
    for ties in [CoxRegressionOptions.Ties.efron, .breslow] {
      let options = CoxRegressionOptions(ties: ties, convergenceTolerance: 1e-12)
      let whole = try CoxRegression(
        times: wholeTimes, events: wholeEvents,
        design: DesignMatrix(columns: [wholeX], names: ["x"]),
        options: CoxRegressionOptions(
          ties: ties, convergenceTolerance: 1e-12, robustVariance: .robust))
      let split = try CoxRegression(
        entryTimes: start, times: stop, events: event,
        design: DesignMatrix(columns: [x], names: ["x"]),
        clusters: id, options: options)
      CoxCheck.close(
        split.coefficients[0].estimate, whole.coefficients[0].estimate, relative: 1e-9, "coef")
      CoxCheck.close(split.variance.elements, whole.variance.elements, relative: 1e-8, "robust var")
      CoxCheck.close(
        split.robustScoreTest!.statistic, whole.robustScoreTest!.statistic, relative: 1e-9, "rscore"
      )
    }
  }

  @Test("robust = FALSE ignores clusters as R warns; robust counting-process data need clusters")
  func refusals() throws {
    let fit = try CoxRegression(
      formula: "Surv(time, status) ~ rx + cluster(litter)", data: DesignReferenceData.rats,
      options: CoxRegressionOptions(robustVariance: .modelBased))
    #expect(fit.robustVariance == nil && fit.variance == fit.modelVariance)
    #expect(fit.diagnostics == [.clustersIgnored])
    #expect(fit.diagnostics[0].rWarning == "cluster specified with robust=FALSE, cluster ignored")
    #expect(throws: CoxModelError.regression(.robustVarianceNeedsClusters)) {
      try CoxRegression(
        formula: "Surv(start, stop, event) ~ age", data: DesignReferenceData.heart,
        options: CoxRegressionOptions(robustVariance: .robust))
    }
    #expect(throws: FormulaParseError.self) {
      try ModelFormula(parsing: "Surv(time, status) ~ rx + cluster(litter) + cluster(sex)")
    }
  }
}
