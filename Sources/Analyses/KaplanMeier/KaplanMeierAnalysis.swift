import ClinicalData
import SurvivalStatistics

/// The statistics of a Kaplan–Meier analysis: one curve per group with its quantiles, survival
/// at the requested times and restricted mean, the (stratified) Fleming–Harrington test between
/// the groups and the median follow-up. Everything the `km` command prints and draws.
public struct KaplanMeierAnalysis: Sendable {
  /// The request as analysed: the one asked, with what the data say filled in
  /// (``KaplanMeierRequest/resolved(for:)``).
  public let request: KaplanMeierRequest
  /// The analysed columns and the rows left out: their names, levels and counts, without the
  /// per-patient values, which ``sample`` holds in time order
  /// (``SurvivalColumns/withoutSampleValues()``).
  public let columns: SurvivalColumns
  /// The samples by group (a single group "All" when no group column was given).
  public let sample: GroupedSample
  public let confidence: ConfidenceBand
  /// One estimate per group, in `sample.groupLabels` order.
  public let estimates: [KaplanMeierEstimate]
  /// The 25th, 50th and 75th percentiles of each group.
  public let quantiles: [[KaplanMeierEstimate.Quantile]]
  /// Survival at the requested times, per group.
  public let survivalAtTimes: [[KaplanMeierEstimate.SurvivalAtTime]]
  /// Restricted mean survival time per group, all up to the same τ.
  public let restrictedMeans: [KaplanMeierEstimate.RestrictedMean]
  /// The group comparison; nil for a single group.
  public let logRank: LogRankTest?
  /// Median follow-up of all patients by the reverse Kaplan–Meier method (computed on first
  /// use when the analysis was made for a figure only).
  public var followUp: MedianFollowUp {
    computedFollowUp ?? MedianFollowUp(sample.pooled, confidence: confidence)
  }
  private let computedFollowUp: MedianFollowUp?
  /// Every pair of groups compared, when requested and there are more than two groups.
  public let pairwise: PairwiseLogRankTests?
  public let pairwiseAdjustment: PValueAdjustment?
  /// The test for trend over the ordered groups, when requested.
  public let trend: LogRankTrendTest?
  /// The Cox model of the group giving hazard ratios against the first group, when requested.
  public let hazardRatios: CoxAnalysis?
  /// With case weights, the group comparison: the score test of the weighted Cox model of the
  /// group (robust when the variance is, as R makes it for weights that are not whole numbers);
  /// nil without weights or groups.
  public let weightedTest: CoxAnalysis?
  /// The difference and ratio of the restricted mean survival times of the second group
  /// against the first, when an RMST horizon is given and there are two groups (and no
  /// weights or entry times, which `rmst2` does not define).
  public let restrictedMeanComparison: RestrictedMeanComparison?
  /// The number of patients left out by the landmark (their time is before it).
  public let landmarkExcludedCount: Int
  /// With ``KaplanMeierRequest/curveAdjustment``, the Cox model of the group and the
  /// covariates and its directly adjusted curves (in ``sample``'s group order).
  public let adjustedCurves: (model: CoxAnalysis, curves: DirectAdjustedSurvival)?

  /// The probabilities reported as quantiles.
  public static let quantileProbabilities = [0.25, 0.5, 0.75]

  /// The label of the single group when no group column is given.
  public static let allPatientsLabel = "All"

  /// What an analysis computes ahead: everything the JSON, tables and report print, or what
  /// a figure draws (the reverse Kaplan–Meier follow-up, which no figure shows, is then
  /// computed only if asked for).
  public enum Scope: Sendable {
    case all, figure
  }

  /// Analyses the table as `request` says.
  ///
  /// - Throws: `DataError` or `ColumnMappingError` (naming file, line and column) for data
  ///   that cannot be analysed; `SurvivalOptionError` for invalid options.
  ///
  /// The table is consumed: when no Cox model needs it again, its memory is released once
  /// the analysed columns are taken from it.
  public init(table source: consuming DataTable, request asked: KaplanMeierRequest, scope: Scope = .all) throws {
    let table = try asked.rowSelection.apply(to: source)
    _ = consume source
    let request = try asked.resolved(for: table)
    var mapping = SurvivalColumnMapping(
      time: request.timeColumn, event: request.statusColumn, eventCoding: request.eventCoding,
      group: request.groupColumn, groupOrder: request.groupOrder, strata: request.strataColumn,
      entry: request.entryColumn, weights: request.weightsColumn)
    if request.groupOrder == nil, let group = request.groupColumn {
      mapping.preferredGroupOrder = ADaM.twinOrder(of: group, in: table)
    }
    let columns = try SurvivalColumns(table: table, mapping: mapping)
    let file = table.file
    let fitsModels =
      request.weightsColumn != nil || request.curveAdjustment != nil || request.estimatesHazardRatios
    let modelTable: DataTable? = fitsModels ? table : nil
    _ = consume table
    let group = columns.group
    let fullSample = try GroupedSample(
      entryTimes: columns.entryTimes, times: columns.times, events: columns.events,
      groupCodes: group?.codes ?? [Int](repeating: 0, count: columns.count),
      groupLabels: group?.levels ?? [Self.allPatientsLabel],
      strataCodes: columns.strata?.codes, strataLabels: columns.strata?.levels ?? [],
      weights: columns.weights)
    let lastTime = request.landmark == nil ? 0 : columns.times.max() ?? 0
    // The sample holds the per-patient values from here on.
    self.columns = columns.withoutSampleValues()
    _ = consume columns
    var sample = fullSample
    if let landmark = request.landmark {
      guard let kept = try fullSample.landmark(at: landmark, resettingOrigin: true) else {
        throw KaplanMeierDataError.nothingAtLandmark(file: file, landmark: landmark, lastTime: lastTime)
      }
      sample = kept
    }
    self.landmarkExcludedCount = fullSample.count - sample.count
    let confidence = try ConfidenceBand(request.confidenceType, level: request.confidenceLevel)
    // The curves and the log-rank test share nothing but the sample: both at once, then each
    // group's quantiles, survival at times and restricted mean at once.
    let comparesGroups = sample.groupLabels.count > 1
    let testsGroups = comparesGroups && sample.weights == nil
    let (estimates, logRankResult) = _concurrently(
      { [sample] in KaplanMeierEstimate.byGroup(sample, confidence: confidence) },
      { [sample] () -> Result<LogRankTest?, SurvivalOptionError> in
        guard testsGroups else { return .success(nil) }
        return Result { () throws(SurvivalOptionError) in try LogRankTest(sample, rho: request.rho) }
      })
    let tau = request.rmstTau ?? KaplanMeierEstimate.commonRestrictionTime(estimates) ?? 0
    let perGroup = _concurrentMap(estimates.count) { index in
      let estimate = estimates[index]
      return (
        quantiles: Result { () throws(SurvivalOptionError) in try estimate.quantiles(Self.quantileProbabilities) },
        survival: Result { () throws(SurvivalOptionError) in try estimate.survival(atTimes: request.times) },
        restrictedMean: Result { () throws(SurvivalOptionError) in try estimate.restrictedMean(upTo: tau) }
      )
    }

    self.request = request
    self.sample = sample
    self.confidence = confidence
    self.estimates = estimates
    // Errors in the order of computing one after the other.
    self.quantiles = try perGroup.map { group throws(SurvivalOptionError) in try group.quantiles.get() }
    self.survivalAtTimes = try perGroup.map { group throws(SurvivalOptionError) in try group.survival.get() }
    self.restrictedMeans = try perGroup.map { group throws(SurvivalOptionError) in try group.restrictedMean.get() }
    self.logRank = try logRankResult.get()
    if comparesGroups, request.weightsColumn != nil, let group = request.groupColumn {
      self.weightedTest = try CoxAnalysis(
        table: Self.landmarkTable(modelTable!, request),
        request: Self.groupModel(request, group: group, levels: sample.groupLabels))
    } else {
      self.weightedTest = nil
    }
    if let terms = request.curveAdjustment, let group = request.groupColumn, comparesGroups {
      let model = try CoxAnalysis(
        table: Self.landmarkTable(modelTable!, request),
        request: Self.groupModel(request, group: group, levels: sample.groupLabels, adjustment: terms))
      let groupTerm = model.fit.coefficients.first?.label.term ?? ""
      // The coefficients' levels, in the fit's order, after the reference.
      let levels =
        [sample.groupLabels[0]]
        + model.fit.coefficients.filter { $0.label.term == groupTerm }.map { $0.label.level ?? $0.name }
      let curves: DirectAdjustedSurvival
      do { curves = try DirectAdjustedSurvival(model.fit, term: groupTerm, levels: levels) } catch {
        throw CoxAnalysisError(file: file, formula: model.request.formula, message: "\(error)")
      }
      guard Set(levels) == Set(sample.groupLabels) else {
        throw CoxAnalysisError(
          file: file, formula: model.request.formula,
          message:
            "the model leaves out a group (all its patients have a missing covariate), so its adjusted curve cannot be drawn"
        )
      }
      self.adjustedCurves = (model, curves)
    } else {
      self.adjustedCurves = nil
    }
    if let tau = request.rmstTau, estimates.count == 2, sample.weights == nil, sample.entryTimes == nil {
      self.restrictedMeanComparison = try RestrictedMeanComparison(
        treatment: estimates[1], control: estimates[0], restrictionTime: tau, confidenceLevel: confidence.level)
    } else {
      self.restrictedMeanComparison = nil
    }
    self.computedFollowUp = scope == .all ? MedianFollowUp(sample.pooled, confidence: confidence) : nil
    let comparesPairs = request.pairwiseAdjustment != nil && sample.groupLabels.count > 2
    self.pairwise = comparesPairs ? try PairwiseLogRankTests(sample, rho: request.rho) : nil
    self.pairwiseAdjustment = request.pairwiseAdjustment
    self.trend = request.testsTrend && logRank != nil ? try LogRankTrendTest(logRank!) : nil
    if request.estimatesHazardRatios, let group = request.groupColumn {
      self.hazardRatios = try CoxAnalysis(
        table: Self.landmarkTable(modelTable!, request),
        request: Self.hazardRatioModel(request, group: group, levels: sample.groupLabels))
    } else {
      self.hazardRatios = nil
    }
  }

  /// `Surv(time, event) ~ relevel(factor(group), ref = "first") + adjustment + strata(strata)`,
  /// with `Surv(entry, time, event)` for delayed entry and the case weights of the request.
  static func hazardRatioModel(_ request: KaplanMeierRequest, group: String, levels: [String]) -> CoxRequest {
    groupModel(request, group: group, levels: levels, adjustment: request.hazardRatioAdjustment)
  }

  /// The Cox model of the group (with `adjustment` terms) on the analysed outcome.
  static func groupModel(
    _ request: KaplanMeierRequest, group: String, levels: [String], adjustment: String? = nil
  ) -> CoxRequest {
    func name(_ column: String) -> String { ForestAnalysis.term(column) }
    let reference = levels.first.map { ", ref = \"\($0.replacingOccurrences(of: "\"", with: "\\\""))\"" } ?? ""
    // A censoring indicator is an event where it is 0 (ADaM's CNSR), unless codes are given.
    let status =
      request.censorColumn.map { request.censorValues.isEmpty ? "\(name($0)) == 0" : name($0) }
      ?? name(request.eventColumn)
    let time = landmarkTimeColumn(request)
    let entry = request.entryColumn.map { landmarkEntryColumn(request, $0) + ", " } ?? ""
    var formula = "Surv(\(entry)\(time), \(status)) ~ relevel(factor(\(name(group)))\(reference))"
    if let adjustment, !adjustment.isEmpty { formula += " + " + adjustment }
    if let strata = request.strataColumn { formula += " + strata(\(name(strata)))" }
    var cox = CoxRequest(
      dataPath: request.dataPath, formula: formula, eventValue: request.eventValue,
      censorValues: request.censorValues, confidenceLevel: request.confidenceLevel)
    cox.weightsColumn = request.weightsColumn
    return cox
  }

  /// The time column of the group models: after a landmark, the derived time from it.
  static func landmarkTimeColumn(_ request: KaplanMeierRequest) -> String {
    request.landmark == nil ? ForestAnalysis.term(request.timeColumn) : landmarkTimeName
  }

  /// The entry column of the group models: after a landmark, measured from it (and not before it).
  static func landmarkEntryColumn(_ request: KaplanMeierRequest, _ entry: String) -> String {
    request.landmark == nil ? ForestAnalysis.term(entry) : landmarkEntryName
  }

  static let landmarkTimeName = ".time_from_landmark"
  static let landmarkEntryName = ".entry_from_landmark"

  /// The rows of `table` for the group models: every row without a landmark; with one, the
  /// rows still under observation at it, with their times (and entries) measured from it, as
  /// ``GroupedSample/landmark(at:resettingOrigin:)`` keeps them.
  static func landmarkTable(_ table: DataTable, _ request: KaplanMeierRequest) throws -> DataTable {
    guard let landmark = request.landmark else { return table }
    let times = try table.column(named: request.timeColumn).numericValues()
    let kept = times.indices.filter { times[$0].map { $0 >= landmark } ?? false }
    var result = table.rows(kept).appending(
      DataTable.NewColumn(name: landmarkTimeName, numbers: kept.map { times[$0].map { $0 - landmark } }))
    if let entry = request.entryColumn {
      let entries = try table.column(named: entry).numericValues()
      result = result.appending(
        DataTable.NewColumn(name: landmarkEntryName, numbers: kept.map { entries[$0].map { $0 - landmark } }))
    }
    return result
  }

  /// Things the reader of the results should know: rows left out, merged near-ties, and
  /// anything that made the group comparison degenerate.
  public var warnings: [String] {
    var notes: [String] = []
    if columns.excludedCount > 0 {
      let rows = columns.excludedCount == 1 ? "row" : "rows"
      notes.append(
        "\(columns.file): \(columns.excludedCount) \(rows) with a missing value left out")
    }
    if sample.mergedNearTieCount > 0 {
      notes.append(
        "\(sample.mergedNearTieCount) times within rounding error of another were treated as ties (as R's survfit does)"
      )
    }
    for diagnostic in logRank?.diagnostics ?? [] { notes.append(diagnostic.description) }
    for warning in hazardRatios?.warnings ?? [] { notes.append("hazard-ratio model: " + warning) }
    for warning in weightedTest?.warnings ?? [] { notes.append("weighted group comparison: " + warning) }
    for warning in adjustedCurves?.model.warnings ?? [] { notes.append("curve adjustment model: " + warning) }
    if request.rmstTau != nil && estimates.count == 2 && restrictedMeanComparison == nil {
      notes.append(
        "the RMST difference and ratio are left out: survRM2's rmst2 defines them for right-censored, unweighted data only"
      )
    }
    return notes
  }

  /// The statistics as the `km --json` contract lists them.
  public var json: JSONValue { json(withTables: true, suppressingBelow: nil) }

  /// The statistics as the `km --json` contract lists them; without `withTables`, each group
  /// leaves out its `table` of every event and censoring time, from which the data could be
  /// rebuilt (a sidecar that circulates keeps what the figure and tables print).
  ///
  /// With `suppressingBelow`, the numbers at risk of `at_times` from 1 to one below it are null,
  /// as the risk table prints them `<N`.
  public func json(withTables: Bool, suppressingBelow threshold: Int? = nil) -> JSONValue {
    var groups: [JSONValue] = []
    for index in estimates.indices {
      groups.append(groupJSON(index, withTable: withTables, suppressingBelow: threshold))
    }
    return .object([
      ("n", .int(sample.count)),
      ("excluded", .int(columns.excludedCount)),
      ("conf_type", .string(confidence.transform.rawValue)),
      ("conf_level", .number(confidence.level)),
      ("event_coding", .string(columns.eventCoding.description)),
      ("entry", request.entryColumn.map { .string($0) } ?? .null),
      ("weights", request.weightsColumn.map { .string($0) } ?? .null),
      (
        "landmark",
        request.landmark.map {
          .object([("time", .number($0)), ("excluded", .int(landmarkExcludedCount)), ("origin", .string("landmark"))])
        } ?? .null
      ),
      ("groups", .array(groups)),
      ("logrank", logRankJSON),
      ("weighted_test", weightedTestJSON),
      ("rmst_comparison", restrictedMeanComparisonJSON),
      ("adjusted_curves", adjustedCurvesJSON(withTables: withTables)),
      ("trend", trendJSON),
      ("pairwise", pairwiseJSON),
      ("hazard_ratios", hazardRatiosJSON),
      (
        "follow_up",
        .object([
          ("median", .number(followUp.median.estimate)),
          ("lower", .number(followUp.median.lower)),
          ("upper", .number(followUp.median.upper)),
        ])
      ),
    ])
  }

  private func groupJSON(_ index: Int, withTable: Bool, suppressingBelow threshold: Int?) -> JSONValue {
    let estimate = estimates[index]
    func quantile(_ q: KaplanMeierEstimate.Quantile, withProbability: Bool) -> JSONValue {
      var pairs: [(String, JSONValue)] = withProbability ? [("p", .number(q.probability))] : []
      pairs += [
        ("estimate", .number(q.estimate)), ("lower", .number(q.lower)), ("upper", .number(q.upper)),
      ]
      return .object(pairs)
    }
    let quantiles = self.quantiles[index]
    let median = quantiles.first { $0.probability == 0.5 } ?? estimate.median
    // Weighted curves also give R's weighted numbers at risk and of events. Rows are made as
    // they are written: a table of a million times is never held as values.
    let rows = estimate.rows
    let isWeighted = estimate.weightedAtRisk != nil && estimate.weightedEvents != nil
    let keys =
      ["time", "n_risk", "n_event", "n_censor"] + (isWeighted ? ["n_risk_weighted", "n_event_weighted"] : [])
      + ["survival", "std_err", "lower", "upper"]
    let table = JSONRows(count: rows.count, keys: keys) { index, values in
      let row = rows[index]
      values.append(row.time)
      values.append(row.atRisk)
      values.append(row.events)
      values.append(row.censored)
      if let atRisk = estimate.weightedAtRisk, let events = estimate.weightedEvents {
        values.append(atRisk[index])
        values.append(events[index])
      }
      values.append(row.survival)
      values.append(row.standardError)
      values.append(row.lower)
      values.append(row.upper)
    }
    let atTimes = survivalAtTimes[index].map { s -> JSONValue in
      .object([
        ("time", .number(s.time)),
        ("n_risk", threshold.map { s.atRisk > 0 && s.atRisk < $0 } == true ? .null : .int(s.atRisk)),
        ("survival", .number(s.survival)),
        ("lower", .number(s.lower)), ("upper", .number(s.upper)),
      ])
    }
    let rmst = restrictedMeans[index]
    return .object([
      ("label", .string(sample.groupLabels[index])),
      ("n", .int(estimate.subjectCount)),
      ("events", .int(estimate.eventCount)),
      ("median", quantile(median, withProbability: false)),
      (
        "quantiles",
        .array(quantiles.filter { $0.probability != 0.5 }.map { quantile($0, withProbability: true) })
      ),
      ("table", withTable ? .rows(table) : .null),
      ("at_times", .array(atTimes)),
      (
        "rmst",
        .object([
          ("tau", .number(rmst.restrictionTime)), ("estimate", .number(rmst.estimate)),
          ("se", .number(rmst.standardError)),
        ])
      ),
    ])
  }

  /// The group coefficients of the hazard-ratio model: group against reference.
  public var groupHazardRatios: [CoxRegression.Coefficient] {
    guard let fit = hazardRatios?.fit, let term = fit.coefficients.first?.label.term else { return [] }
    return fit.coefficients.filter { $0.label.term == term }
  }

  private var hazardRatiosJSON: JSONValue {
    guard let model = hazardRatios else { return .null }
    return .object([
      ("model", .string(model.request.formula)),
      ("n", .int(model.fit.observationCount)),
      (
        "groups",
        .array(
          groupHazardRatios.map { c in
            .object([
              ("group", c.label.level.map { .string($0) } ?? .null),
              ("reference", c.label.reference.map { .string($0) } ?? .null),
              ("hr", .number(c.hazardRatio)), ("lower", .number(c.hazardRatioLower)),
              ("upper", .number(c.hazardRatioUpper)), ("p", .number(c.p)),
            ])
          })
      ),
      ("warnings", .array(model.warnings.map { .string($0) })),
    ])
  }

  /// The score test of the weighted Cox model of the group: robust when its variance is.
  public var weightedScoreTest: CoxRegression.ChiSquareTest? {
    guard let fit = weightedTest?.fit else { return nil }
    return fit.robustScoreTest ?? fit.scoreTest
  }

  private var weightedTestJSON: JSONValue {
    guard let model = weightedTest, let test = weightedScoreTest else { return .null }
    return .object([
      ("model", .string(model.request.formula)),
      ("weights", model.request.weightsColumn.map { .string($0) } ?? .null),
      ("robust", .bool(model.fit.robustScoreTest != nil)),
      ("chisq", .number(test.statistic)), ("df", .int(test.degreesOfFreedom)), ("p", .number(test.p)),
    ])
  }

  /// A group's adjusted curve, by its label.
  public func adjustedSurvival(ofGroup label: String) -> [Double]? {
    guard let curves = adjustedCurves?.curves, let index = curves.levels.firstIndex(of: label) else { return nil }
    return curves.survival[index]
  }

  /// The Wald test of the group in the adjustment model: the joint test of its coefficients,
  /// z² for a single one.
  public var adjustedGroupTest: CoxRegression.ChiSquareTest? {
    guard let fit = adjustedCurves?.model.fit, let first = fit.coefficients.first else { return nil }
    if let joint = fit.termTests.first(where: { $0.term == first.label.term }) { return joint.wald }
    return CoxRegression.ChiSquareTest(statistic: first.z * first.z, degreesOfFreedom: 1)
  }

  private func adjustedCurvesJSON(withTables: Bool) -> JSONValue {
    guard let (model, curves) = adjustedCurves else { return .null }
    let groups = sample.groupLabels.map { label -> JSONValue in
      let index = curves.levels.firstIndex(of: label) ?? 0
      let table = zip(curves.times, curves.survival[index]).map { time, value -> JSONValue in
        .object([("time", .number(time)), ("survival", .number(value))])
      }
      return .object([
        ("label", .string(label)), ("median", .number(curves.median(ofLevel: index))),
        ("table", withTables ? .array(table) : .null),
      ])
    }
    let test = adjustedGroupTest
    return .object([
      ("model", .string(model.request.formula)),
      ("method", .string("direct adjustment: the mean of the Cox model's predicted curves over every patient")),
      ("n", .int(model.fit.observationCount)),
      (
        "group_test",
        test.map {
          .object([("chisq", .number($0.statistic)), ("df", .int($0.degreesOfFreedom)), ("p", .number($0.p))])
        } ?? .null
      ),
      ("groups", .array(groups)),
    ])
  }

  private var restrictedMeanComparisonJSON: JSONValue {
    guard let comparison = restrictedMeanComparison else { return .null }
    func contrast(_ c: RestrictedMeanComparison.Contrast) -> JSONValue {
      .object([
        ("estimate", .number(c.estimate)), ("se", .number(c.standardError)), ("lower", .number(c.lower)),
        ("upper", .number(c.upper)), ("p", .number(c.p)),
      ])
    }
    return .object([
      ("tau", .number(comparison.restrictionTime)),
      ("group", .string(sample.groupLabels[1])), ("reference", .string(sample.groupLabels[0])),
      ("difference", contrast(comparison.difference)), ("ratio", contrast(comparison.ratio)),
      ("rmtl_ratio", contrast(comparison.timeLostRatio)),
    ])
  }

  private var trendJSON: JSONValue {
    guard let trend else { return .null }
    return .object([
      ("scores", .array(trend.scores.map { .number($0) })),
      ("z", .number(trend.zStatistic)),
      ("chisq", .number(trend.chiSquare?.statistic)),
      ("df", trend.chiSquare.map { .int($0.degreesOfFreedom) } ?? .null),
      ("p", .number(trend.chiSquare?.pValue)),
    ])
  }

  private var pairwiseJSON: JSONValue {
    guard let pairwise, let adjustment = pairwiseAdjustment else { return .null }
    let adjusted = pairwise.adjustedPValues(adjustment)
    let comparisons = zip(pairwise.comparisons, adjusted).map { comparison, p -> JSONValue in
      .object([
        (
          "groups",
          .array([
            .string(pairwise.groupLabels[comparison.firstGroup]),
            .string(pairwise.groupLabels[comparison.secondGroup]),
          ])
        ),
        ("chisq", .number(comparison.test.chiSquare?.statistic)),
        ("p", .number(comparison.pValue)),
        ("p_adjusted", .number(p)),
      ])
    }
    return .object([("adjustment", .string(adjustment.rawValue)), ("comparisons", .array(comparisons))])
  }

  private var logRankJSON: JSONValue {
    guard let test = logRank else { return .null }
    return .object([
      ("rho", .number(test.rho)),
      ("stratified", .bool(sample.isStratified)),
      ("chisq", .number(test.chiSquare?.statistic)),
      ("df", test.chiSquare.map { .int($0.degreesOfFreedom) } ?? .null),
      ("p", .number(test.chiSquare?.pValue)),
      ("observed", .array(test.observed.map { .number($0) })),
      ("expected", .array(test.expected.map { .number($0) })),
    ])
  }
}
