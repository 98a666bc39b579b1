import SurvivalStatistics

extension CoxAnalysis {
  /// The statistics as the `cox --json` contract lists them; term names as written in the
  /// formula, `name` the coefficient's R name (unique per row), level and reference null for
  /// numeric terms and the factors' levels joined by `:` for interactions (`2:4`, reference
  /// `1:1`).
  public var json: JSONValue {
    func test(_ t: CoxRegression.ChiSquareTest) -> JSONValue {
      .object([("statistic", .number(t.statistic)), ("df", .int(t.degreesOfFreedom)), ("p", .number(t.p))])
    }
    let terms = fit.coefficients.map { c -> JSONValue in
      .object([
        ("term", .string(c.label.term)), ("name", .string(c.name)),
        ("level", c.label.levels.map { .string($0) } ?? .null),
        ("reference", c.label.references.map { .string($0) } ?? .null),
        ("coef", .number(c.estimate)), ("se", .number(c.standardError)),
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
    let ph: JSONValue = proportionalHazards.map { test in
      func row(_ r: ProportionalHazardsTest.Row) -> JSONValue {
        .object([("term", .string(r.term)), ("chisq", .number(r.statistic)), ("df", .int(r.degreesOfFreedom)), ("p", .number(r.p))])
      }
      return .object([("terms", .array(test.terms.map(row))), ("global", row(test.global))])
    } ?? .null
    let steps: JSONValue = selection.map { selection in
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
      ("conf_level", .number(request.confidenceLevel)),
      ("iterations", .int(fit.iterations)),
      ("converged", .bool(fit.isConverged)),
      ("warnings", .array(fit.diagnostics.map { .string($0.description) })),
      ("terms", .array(terms)),
      ("factor_tests", .array(factorTests)),
      ("loglik", .object([("null", .number(fit.nullLogLikelihood)), ("model", .number(fit.logLikelihood))])),
      (
        "tests",
        .object([
          ("likelihood_ratio", test(fit.likelihoodRatioTest)), ("wald", test(fit.waldTest)),
          ("score", test(fit.scoreTest)),
        ])
      ),
      (
        "concordance",
        fit.concordance.map { .object([("estimate", .number($0.concordance)), ("se", .number($0.standardError))]) } ?? .null
      ),
      ("ph_test", ph),
      ("selection", steps),
    ])
  }

  /// A table like R's `summary(coxph)`: one line per coefficient, then the global tests.
  public var textTable: String {
    func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
      let fill = String(repeating: " ", count: max(0, width - s.count))
      return left ? s + fill : fill + s
    }
    func f(_ v: Double, _ d: Int) -> String { v.isFinite ? String(format: "%.\(d)f", v) : "NA" }
    let level = Int((request.confidenceLevel * 100).rounded())
    let names = fit.coefficients.map(\.name)
    let width = max(4, names.map(\.count).max() ?? 4)
    var lines = [
      "Cox model, \(fit.observationCount) patients, \(fit.eventCount) events (\(request.ties.rawValue) ties)"
        + (excludedCount > 0 ? ", \(excludedCount) rows excluded" : ""),
      pad("", width, left: true) + pad("coef", 10) + pad("se", 9) + pad("HR", 9)
        + pad("lower \(level)%", 11) + pad("upper \(level)%", 11) + pad("z", 8) + pad("p", 11),
    ]
    for c in fit.coefficients {
      lines.append(
        pad(c.name, width, left: true) + pad(f(c.estimate, 4), 10) + pad(f(c.standardError, 4), 9)
          + pad(f(c.hazardRatio, 3), 9) + pad(f(c.hazardRatioLower, 3), 11) + pad(f(c.hazardRatioUpper, 3), 11)
          + pad(f(c.z, 2), 8) + pad(c.p.isFinite ? String(format: "%.3g", c.p) : "NA", 11))
    }
    lines.append("")
    for (name, t) in [("Likelihood ratio", fit.likelihoodRatioTest), ("Wald", fit.waldTest), ("Score (log-rank)", fit.scoreTest)] {
      lines.append("\(name) test = \(f(t.statistic, 2)) on \(t.degreesOfFreedom) df, p = \(String(format: "%.3g", t.p))")
    }
    if let c = fit.concordance {
      lines.append("Concordance = \(f(c.concordance, 3)) (se = \(f(c.standardError, 3)))")
    }
    return lines.joined(separator: "\n")
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
