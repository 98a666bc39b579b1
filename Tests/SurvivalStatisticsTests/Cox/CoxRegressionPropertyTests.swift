import Foundation
import SurvivalStatistics
import Testing

/// Seeded invariance and equivariance properties of the Cox fit.
@Suite("Cox regression properties")
struct CoxRegressionPropertyTests {
  private static let formula = "Surv(time, status) ~ age + sex + factor(grade) + x1 + x2"

  private func fit(_ data: ModelData, ties: CoxRegressionOptions.Ties) throws -> CoxRegression {
    try CoxRegression(
      formula: Self.formula, data: data,
      options: CoxRegressionOptions(ties: ties, convergenceTolerance: 1e-13))
  }

  private func columns(_ data: ModelData) -> [String: ModelData.Column] {
    var result: [String: ModelData.Column] = [:]
    for name in data.columnNames { result[name] = data[name] }
    return result
  }

  private func transform(_ data: ModelData, _ body: (inout [String: ModelData.Column]) -> Void) -> ModelData {
    var all = columns(data)
    body(&all)
    return ModelData(columns: all)
  }

  @Test("permuting rows changes nothing", arguments: [1, 2, 3] as [UInt64])
  func permutation(seed: UInt64) throws {
    let data = SyntheticCohort.make(rows: 300, seed: seed)
    var rng = SeededGenerator(seed: seed &+ 100)
    let permutation = Array(0..<data.rowCount).shuffled(using: &rng)
    let permuted = transform(data) { all in
      for (name, column) in all {
        switch column {
        case .numeric(let values): all[name] = .numeric(permutation.map { values[$0] })
        case .categorical(let values, let levels):
          all[name] = .categorical(permutation.map { values[$0] }, levels: levels)
        case .coded(let codes, let labels):
          all[name] = .coded(permutation.map { codes[$0] }, labels: labels)
        }
      }
    }
    for ties in CoxRegressionOptions.Ties.allCases {
      let a = try fit(data, ties: ties)
      let b = try fit(permuted, ties: ties)
      CoxCheck.close(b.coefficients.map(\.estimate), a.coefficients.map(\.estimate), relative: 1e-9, "coef")
      CoxCheck.close(b.variance.elements, a.variance.elements, relative: 1e-8, floor: 1e-10, "var")
      CoxCheck.close(b.logLikelihood, a.logLikelihood, relative: 1e-12, "loglik")
      #expect(b.concordance == a.concordance)
    }
  }

  @Test("scaling a covariate by c divides its coefficient by c", arguments: [1, 2] as [UInt64])
  func scaling(seed: UInt64) throws {
    let data = SyntheticCohort.make(rows: 300, seed: seed)
    let c = 12.5
    let scaled = transform(data) { all in
      if case .numeric(let age)? = all["age"] { all["age"] = .numeric(age.map { $0 * c }) }
    }
    for ties in CoxRegressionOptions.Ties.allCases {
      let a = try fit(data, ties: ties)
      let b = try fit(scaled, ties: ties)
      CoxCheck.close(b.coefficients[0].estimate * c, a.coefficients[0].estimate, relative: 1e-9, "age")
      CoxCheck.close(b.coefficients[0].standardError * c, a.coefficients[0].standardError, relative: 1e-8, "se")
      CoxCheck.close(
        Array(b.coefficients.dropFirst().map(\.estimate)), Array(a.coefficients.dropFirst().map(\.estimate)),
        relative: 1e-9, "others")
      CoxCheck.close(b.logLikelihood, a.logLikelihood, relative: 1e-12, "loglik")
    }
  }

  @Test("flipping a binary covariate flips the sign of its coefficient", arguments: [1, 2] as [UInt64])
  func flipping(seed: UInt64) throws {
    let data = SyntheticCohort.make(rows: 300, seed: seed)
    let flipped = transform(data) { all in
      if case .numeric(let sex)? = all["sex"] { all["sex"] = .numeric(sex.map { 1 - $0 }) }
    }
    for ties in CoxRegressionOptions.Ties.allCases {
      let a = try fit(data, ties: ties)
      let b = try fit(flipped, ties: ties)
      CoxCheck.close(b.coefficients[1].estimate, -a.coefficients[1].estimate, relative: 1e-9, "sex")
      CoxCheck.close(b.coefficients[1].standardError, a.coefficients[1].standardError, relative: 1e-8, "se")
      CoxCheck.close(b.coefficients[0].estimate, a.coefficients[0].estimate, relative: 1e-9, "age")
      CoxCheck.close(b.logLikelihood, a.logLikelihood, relative: 1e-12, "loglik")
    }
  }

  @Test("aliased column: NaN coefficient, diagnostic, reduced df")
  func aliased() throws {
    let data = SyntheticCohort.make(rows: 200, seed: 7)
    let withCopy = transform(data) { all in
      if case .numeric(let x1)? = all["x1"] { all["x1copy"] = .numeric(x1.map { 2 * $0 }) }
    }
    let fit = try CoxRegression(formula: "Surv(time, status) ~ x1 + x1copy + age", data: withCopy)
    #expect(fit.coefficients[1].isAliased)
    #expect(fit.diagnostics == [.aliasedCoefficients(names: ["x1copy"])])
    #expect(fit.likelihoodRatioTest.degreesOfFreedom == 2)
    #expect(
      fit.diagnostics[0].description == "'x1copy' is a linear combination of other covariates; coefficient set to NA")
  }

  @Test("input errors are thrown with the offender named")
  func inputErrors() {
    let design = DesignMatrix(columns: [[1, 2, .infinity]], names: ["z"])
    #expect(throws: CoxRegressionError.invalidCovariate(name: "z", row: 2, value: .infinity, count: 1)) {
      try CoxRegression(times: [1, 2, 3], events: [true, false, true], design: design)
    }
    #expect(throws: CoxRegressionError.noEvents(observations: 3)) {
      try CoxRegression(
        times: [1, 2, 3], events: [false, false, false], design: DesignMatrix(columns: [[1, 2, 3]], names: ["z"]))
    }
    #expect(
      CoxRegressionError.noEvents(observations: 3).description
        == "no events among the 3 observations; check the event coding")
  }

  /// R 4.2.2, survival 3.5.3, `set.seed(1); x <- rnorm(100) * 1e200; coxph(Surv(rexp(100),
  /// rbinom(100, 1, 0.7)) ~ x)` prints se(coef) 0 and p < 2e-16: the variance scaled back by
  /// the spread squared underflows. Such spreads are refused, for Cox and Fine–Gray alike.
  @Test("covariates spread beyond 1e±150 are refused; 1e100 still fits and scales exactly")
  func extremeScales() throws {
    let times: [Double] = [5, 8, 3, 12, 7, 9, 2, 11, 6, 4]
    let events = [true, true, false, true, true, false, true, true, false, true]
    let x: [Double] = [0.3, -1.2, 0.8, 1.5, -0.4, 0.1, -0.9, 2.2, -1.7, 0.6]
    for factor in [1e200, 1e-200, 1e160] {
      let design = DesignMatrix(columns: [x.map { $0 * factor }], names: ["x"])
      #expect {
        try CoxRegression(times: times, events: events, design: design)
      } throws: { error in
        guard case .extremeCovariateScale(let name, let spread) = error as? CoxRegressionError else { return false }
        return name == "x" && abs(spread / factor - 0.95) < 1e-9
      }
      #expect {
        try FineGrayRegression(
          times: times, statuses: events.map { $0 ? .cause(1) : .censored }, cause: 1, design: design)
      } throws: { error in
        if case .extremeCovariateScale("x", _) = error as? FineGrayRegressionError { true } else { false }
      }
    }
    let unit = try CoxRegression(times: times, events: events, design: DesignMatrix(columns: [x], names: ["x"]))
    let scaled = try CoxRegression(
      times: times, events: events, design: DesignMatrix(columns: [x.map { $0 * 1e100 }], names: ["x"]))
    let (b, b100) = (unit.coefficients[0], scaled.coefficients[0])
    #expect(abs(b100.estimate * 1e100 / b.estimate - 1) < 1e-12)
    #expect(abs(b100.standardError * 1e100 / b.standardError - 1) < 1e-12)
    #expect(abs(b100.p - b.p) < 1e-12)
    #expect(
      CoxRegressionError.extremeCovariateScale(name: "x", spread: 9.6e199).description.hasPrefix(
        "covariate 'x' varies by about 1e200 (mean absolute deviation), beyond the 1e-150 to 1e150"))
  }
}
