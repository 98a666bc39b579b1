import Foundation
import SurvivalStatistics

extension CoxAnalysis {
  /// The statistics as the `cox --json` contract lists them; term names as written in the
  /// formula, `name` the coefficient's R name (unique per row), level and reference null for
  /// numeric terms and the factors' levels joined by `:` for interactions (`2:4`, reference
  /// `1:1`). A model without covariates (R's null model, `coxph(Surv(t, e) ~ strata(x))`)
  /// has `null_model` true, empty `terms` and `factor_tests`, and `tests` and `concordance`
  /// null; its `loglik` null and model values are equal.
  public var json: JSONValue {
    func test(_ t: CoxRegression.ChiSquareTest) -> JSONValue {
      .object([("statistic", .number(t.statistic)), ("df", .int(t.degreesOfFreedom)), ("p", .number(t.p))])
    }
    let terms = fit.coefficients.map { c -> JSONValue in
      .object(
        [
          ("term", .string(c.label.term)), ("name", .string(c.name)),
          ("level", c.label.levels.map { .string($0) } ?? .null),
          ("reference", c.label.references.map { .string($0) } ?? .null),
          ("coef", .number(c.estimate)), ("se", .number(c.modelStandardError)),
        ] + (fit.robustVariance == nil ? [] : [("robust_se", .number(c.robustStandardError))]) + [
          ("hr", .number(c.hazardRatio)), ("lower", .number(c.hazardRatioLower)),
          ("upper", .number(c.hazardRatioUpper)), ("z", .number(c.z)), ("p", .number(c.p)),
        ])
    }
    let factorTests = fit.termTests.map { t -> JSONValue in
      .object([
        ("term", .string(t.term)), ("statistic", .number(t.wald.statistic)),
        ("df", .int(t.wald.degreesOfFreedom)), ("p", .number(t.wald.p)),
      ])
    }
    let ph: JSONValue =
      proportionalHazards.map { test in
        func row(_ r: ProportionalHazardsTest.Row) -> JSONValue {
          .object([
            ("term", .string(r.term)), ("chisq", .number(r.statistic)), ("df", .int(r.degreesOfFreedom)),
            ("p", .number(r.p)),
          ])
        }
        return .object([("terms", .array(test.terms.map(row))), ("global", row(test.global))])
      } ?? .null
    let steps: JSONValue =
      selection.map { selection in
        .array(
          selection.steps.map { step in
            .object([
              ("step", .int(step.number)), ("action", .string(step.action.jsonName)),
              ("term", .string(step.term)), ("p", .number(step.p)),
            ])
          })
      } ?? .null
    return .object([
      ("n", .int(fit.observationCount)),
      ("events", .int(fit.eventCount)),
      ("excluded", .int(excludedCount)),
      ("ties", .string(request.ties.rawValue)),
      ("weights", request.weightsColumn.map { .string($0) } ?? .null),
      ("robust", .bool(fit.robustVariance != nil)),
      ("clusters", fit.clusterCount.map { .int($0) } ?? .null),
      ("conf_level", .number(request.confidenceLevel)),
      ("iterations", .int(fit.iterations)),
      ("converged", .bool(fit.isConverged)),
      ("warnings", .array(fit.diagnostics.map { .string($0.description) })),
      ("terms", .array(terms)),
      ("factor_tests", .array(factorTests)),
      ("loglik", .object([("null", .number(fit.nullLogLikelihood)), ("model", .number(fit.logLikelihood))])),
      (
        "tests",
        fit.isNullModel
          ? .null
          : .object(
            [
              ("likelihood_ratio", test(fit.likelihoodRatioTest)), ("wald", test(fit.waldTest)),
              ("score", test(fit.scoreTest)),
            ] + (fit.robustScoreTest.map { [("robust_score", test($0))] } ?? []))
      ),
      (
        "concordance",
        fit.concordance.map { .object([("estimate", .number($0.concordance)), ("se", .number($0.standardError))]) }
          ?? .null
      ),
      ("ph_test", ph),
      ("selection", steps),
      ("null_model", .bool(fit.isNullModel)),
    ])
  }

  /// A table like R's `summary(coxph)`: one line per coefficient, then the global tests. Each
  /// column is as wide as its widest entry, so that extreme values (a coefficient on its way to
  /// infinity under monotone likelihood) cannot run into their neighbours; magnitudes that
  /// fixed decimals cannot show are written in scientific notation (`3.53e+09`, `2.8e-10`).
  /// A model without covariates prints, as R's `print(coxph)` of a null model, only its size
  /// and log-likelihood (seven significant digits, as R's `format`).
  public var textTable: String {
    if fit.isNullModel { return nullModelText }
    let level = Int((request.confidenceLevel * 100).rounded())
    // As R's summary(coxph): a robust fit shows both standard errors; z, p and the interval
    // use the robust one.
    let robust = fit.robustVariance != nil
    let header =
      ["", "coef", "se"] + (robust ? ["robust se"] : []) + ["HR", "lower \(level)%", "upper \(level)%", "z", "p"]
    let body = fit.coefficients.map { c in
      [c.name, Self.text(c.estimate, 4), Self.text(c.modelStandardError, 4)]
        + (robust ? [Self.text(c.robustStandardError ?? .nan, 4)] : [])
        + [
          Self.text(c.hazardRatio, 3), Self.text(c.hazardRatioLower, 3), Self.text(c.hazardRatioUpper, 3),
          Self.text(c.z, 2), Self.significant(c.p),
        ]
    }
    let widths = header.indices.map { j in ([header] + body).map { $0[j].count }.max() ?? 0 }
    func line(_ cells: [String]) -> String {
      cells.indices.map { j in
        let fill = String(repeating: " ", count: widths[j] - cells[j].count)
        return j == 0 ? cells[j] + fill : "  " + fill + cells[j]
      }.joined()
    }
    var lines = [
      "Cox model, \(fit.observationCount) patients, \(fit.eventCount) events (\(request.ties.rawValue) ties)"
        + (excludedCount > 0 ? ", \(excludedCount) \(excludedCount == 1 ? "row" : "rows") excluded" : ""),
      line(header),
    ]
    lines += body.map(line)
    lines.append("")
    for (name, t) in [
      ("Likelihood ratio", fit.likelihoodRatioTest), ("Wald", fit.waldTest), ("Score (log-rank)", fit.scoreTest),
    ] {
      lines.append(
        "\(name) test = \(Self.text(t.statistic, 2)) on \(t.degreesOfFreedom) df, p = \(Self.significant(t.p))")
    }
    if let robustScore = fit.robustScoreTest {
      lines.append(
        "Robust score test = \(Self.text(robustScore.statistic, 2)) on \(robustScore.degreesOfFreedom) df, p = \(Self.significant(robustScore.p))"
          + (fit.clusterCount.map { " (\($0) clusters)" } ?? ""))
    }
    if let c = fit.concordance {
      lines.append("Concordance = \(Self.text(c.concordance, 3)) (se = \(Self.text(c.standardError, 3)))")
    }
    return lines.joined(separator: "\n")
  }

  /// "Cox null model (no covariates, 2 strata), 228 patients, 165 events (efron ties)" and the
  /// log-likelihood.
  var nullModelText: String {
    let strata = fit.stratumCount > 1 ? ", \(fit.stratumCount) strata" : ""
    return [
      "Cox null model (no covariates\(strata)), \(fit.observationCount) patients, \(fit.eventCount) events (\(request.ties.rawValue) ties)"
        + (excludedCount > 0 ? ", \(excludedCount) \(excludedCount == 1 ? "row" : "rows") excluded" : ""),
      "Log likelihood = \(String(format: "%.7g", fit.logLikelihood))",
      "No coefficients and no tests: the model has no covariates.",
    ].joined(separator: "\n")
  }

  /// `value` with `decimals` decimals, or in three significant digits of scientific notation
  /// when that would show no significant digit or more than seven integer digits; R's `NA`,
  /// `Inf` and `-Inf` for values that are not finite.
  static func text(_ value: Double, _ decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "NA" : (value > 0 ? "Inf" : "-Inf") }
    let magnitude = abs(value)
    if magnitude >= 1e7 || (magnitude > 0 && magnitude < 0.5 * pow(10, -Double(decimals))) {
      return String(format: "%.3g", value)
    }
    return String(format: "%.\(decimals)f", value)
  }

  /// Three significant digits (`0.0384`, `2.41e-08`); `NA` when not finite.
  static func significant(_ value: Double) -> String {
    value.isFinite ? String(format: "%.3g", value) : "NA"
  }
}

extension CoxModelSelection.Step.Action {
  /// The action as written in JSON: entered, screened_out, removed, retained.
  var jsonName: String {
    switch self {
    case .entered: return "entered"
    case .screenedOut: return "screened_out"
    case .removed: return "removed"
    case .retained: return "retained"
    }
  }
}
