import SurvivalStatistics
import Testing

extension CompetingRisksTests {
  /// Fine–Gray regression against R's `cmprsk::crr` (MASS::Melanoma and the hand-made data).
  ///
  /// Tolerances: the iterations stop where crr's do, so the estimates are crr's iterate to
  /// rounding: relative 1e-9 for coefficients, standard errors and the sandwich variance, 1e-8 for
  /// derived quantities, 1e-12 for the log pseudo-likelihoods. The score at the estimate is near 0
  /// and is compared absolutely (1e-9). A fit that does not converge (coefficients running to
  /// infinity) is compared on its coefficients and likelihood only.
  @Suite("Fine-Gray regression vs cmprsk::crr")
  struct FineGrayReferenceTests {
    private func fit(_ reference: FineGrayCase) throws -> FineGrayRegression {
      try FineGrayRegression(
        formula: reference.formula, data: reference.dataset.modelData,
        coding: .codes(censoring: reference.censoringCode), cause: reference.cause)
    }

    @Test(
      "coefficients, sandwich variance, likelihoods and convergence", arguments: FineGrayCase.all)
    func reference(_ reference: FineGrayCase) throws {
      let fit = try fit(reference)
      #expect(fit.coefficients.map(\.name) == reference.names)
      #expect(fit.observationCount == reference.n)
      #expect(fit.isConverged == reference.isConverged)
      #expect(fit.iterations == reference.iterations)
      #expect(fit.cause == reference.cause)
      expectClose(fit.logLikelihood, reference.logLikelihood, relativeTolerance: 1e-12, "loglik")
      expectClose(
        fit.nullLogLikelihood, reference.nullLogLikelihood, relativeTolerance: 1e-12, "loglik.null")
      expectClose(fit.coefficients.map(\.estimate), reference.coef, relativeTolerance: 1e-9, "coef")
      guard reference.isConverged else {
        #expect(fit.diagnostics == [.didNotConverge(iterations: reference.iterations)])
        return
      }
      #expect(fit.diagnostics.isEmpty)
      expectClose(
        fit.coefficients.map(\.standardError), reference.se, relativeTolerance: 1e-9, "se")
      expectClose(fit.variance.elements, reference.variance, relativeTolerance: 1e-9, "var")
      expectClose(fit.information.elements, reference.information, relativeTolerance: 1e-9, "inf")
      expectClose(
        fit.score, reference.score, relativeTolerance: 0, absoluteTolerance: 1e-9, "score")
      expectClose(
        fit.coefficients.map(\.hazardRatioLower), reference.lower, relativeTolerance: 1e-8, "2.5%")
      expectClose(
        fit.coefficients.map(\.hazardRatioUpper), reference.upper, relativeTolerance: 1e-8, "97.5%")
      expectClose(fit.coefficients.map(\.z), reference.z, relativeTolerance: 1e-8, "z")
      expectClose(fit.coefficients.map(\.p), reference.p, relativeTolerance: 1e-8, "p")
    }

    @Test("a design matrix gives the formula's fit", arguments: FineGrayCase.all)
    func designMatrix(_ reference: FineGrayCase) throws {
      let viaFormula = try fit(reference)
      let parsed = try ModelFormula(parsing: reference.formula)
      // The status is not a 0/1 event; a frame of the covariates needs any valid event column.
      var columns: [String: ModelData.Column] = [:]
      let data = reference.dataset.modelData
      for name in data.columnNames { columns[name] = data[name] }
      columns["status"] = .numeric([Double](repeating: 0, count: data.rowCount))
      let frame = try ModelFrame(formula: parsed, data: ModelData(columns: columns))
      let direct = try FineGrayRegression(
        times: reference.dataset.time,
        statuses: reference.dataset.statuses(censoring: reference.censoringCode),
        cause: reference.cause, design: frame.design)
      #expect(direct.coefficients == viaFormula.coefficients)
      #expect(direct.variance == viaFormula.variance)
    }
  }
}
