import SurvivalStatistics

extension CumulativeIncidenceAnalysis {
  /// The statistics as the `cif --json` contract lists them.
  public var json: JSONValue { json(withTables: true, suppressingBelow: nil) }

  /// The statistics as the `cif --json` contract lists them (Documentation/json-contract.md);
  /// without `withTables`, each group's `table` of every event and censoring time is null (a
  /// sidecar that circulates keeps what the figure and tables print). With `suppressingBelow`,
  /// the numbers at risk of `at_times` from 1 to one below it are null, as the risk table prints
  /// them `<N`.
  public func json(withTables: Bool, suppressingBelow threshold: Int? = nil) -> JSONValue {
    .object([
      ("n", .int(columns.count)),
      ("excluded", .int(columns.excludedCount)),
      ("event", .string(columns.codes[0])),
      ("competing", .array(columns.codes.dropFirst().map { .string($0) })),
      ("status_coding", .string(statusCoding)),
      ("conf_type", .string(band.transform.rawValue)),
      ("conf_level", .number(band.level)),
      (
        "groups",
        .array(estimate.groups.indices.map { groupJSON($0, withTable: withTables, suppressingBelow: threshold) })
      ),
      ("gray", grayJSON),
      ("fine_gray", fineGrayJSON),
    ])
  }

  /// How the status column was read, for the JSON and the methods.
  var statusCoding: String {
    let codes = columns.codes
    var parts = ["'\(codes[0])' = event of interest"]
    if codes.count > 1 { parts.append("\(_quotedList(Array(codes.dropFirst()))) = competing events") }
    if let censor = request.censorColumn {
      let rule =
        request.censorValues.isEmpty
        ? "1 or more" : _quotedList(request.censorValues.map(_trimmed))
      parts.append("censored where '\(censor)' is \(rule)")
    } else {
      parts.append("\(_quotedList(request.statusCensoringCodes)) = censored")
    }
    return parts.joined(separator: ", ")
  }

  private func groupJSON(_ index: Int, withTable: Bool, suppressingBelow threshold: Int?) -> JSONValue {
    let group = estimate.groups[index]
    let causes = estimate.causes
    func atRisk(_ n: Int) -> JSONValue { threshold.map { n > 0 && n < $0 } == true ? .null : .int(n) }
    func value(_ v: CumulativeIncidence.Curve.ValueAtTime) -> JSONValue {
      .object([
        ("time", .number(v.time)), ("n_risk", atRisk(v.atRisk)), ("estimate", .number(v.estimate)),
        ("variance", .number(v.variance)), ("lower", .number(v.lower)), ("upper", .number(v.upper)),
      ])
    }
    var table: JSONValue = .null
    if withTable, let curve = group.curve(cause: 1) {
      table = .array(
        curve.rows.enumerated().map { i, row in
          .object([
            ("time", .number(row.time)), ("n_risk", .int(row.atRisk)),
            (
              "events",
              .object(causes.indices.map { c in (columns.codes[causes[c] - 1], .int(group.events[c][i])) })
            ),
            ("n_censor", .int(row.censored)), ("estimate", .number(row.estimate)),
            ("variance", .number(row.variance)), ("lower", .number(row.lower)), ("upper", .number(row.upper)),
          ])
        })
    }
    let competing = causes.indices.filter { causes[$0] != 1 }.map { c -> JSONValue in
      let curve = group.curves[c]
      let values = (try? curve.values(atTimes: request.times)) ?? []
      return .object([
        ("code", .string(columns.codes[causes[c] - 1])), ("events", .int(curve.eventCount)),
        ("at_times", .array(values.map(value))),
      ])
    }
    let events = group.curve(cause: 1)?.eventCount ?? 0
    let competingCount = causes.indices.filter { causes[$0] != 1 }.reduce(0) { $0 + group.curves[$1].eventCount }
    return .object([
      ("label", .string(group.label)),
      ("n", .int(group.subjectCount)),
      ("events", .int(events)),
      ("competing", .int(competingCount)),
      ("table", table),
      ("at_times", .array(atTimes[index].map(value))),
      ("competing_causes", .array(competing)),
    ])
  }

  private var grayJSON: JSONValue {
    guard let test = gray else { return .null }
    return .object([
      ("statistic", .number(test.statistic)),
      ("df", .int(test.degreesOfFreedom)),
      ("p", .number(test.p)),
      ("rho", .number(test.rho)),
      ("stratified", .bool(sample.isStratified)),
      ("warnings", .array(test.diagnostics.map { .string($0.description) })),
    ])
  }

  private var fineGrayJSON: JSONValue {
    guard let fit = fineGray, let formula = fineGrayFormula else { return .null }
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
    return .object([
      ("model", .string(formula)),
      ("n", .int(fit.observationCount)),
      ("events", .int(fit.eventCount)),
      ("competing", .int(fit.competingEventCount)),
      ("excluded", .int(fineGrayExcludedCount)),
      ("conf_level", .number(fit.options.confidenceLevel)),
      ("converged", .bool(fit.isConverged)),
      ("iterations", .int(fit.iterations)),
      (
        "loglik",
        .object([("null", .number(fit.nullLogLikelihood)), ("model", .number(fit.logLikelihood))])
      ),
      ("warnings", .array(fit.diagnostics.map { .string($0.description) })),
      ("terms", .array(terms)),
    ])
  }
}
