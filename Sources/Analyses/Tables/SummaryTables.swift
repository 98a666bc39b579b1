import ClinicalData
import FigureCore
import SurvivalFigures
import SurvivalStatistics

extension KaplanMeierAnalysis {
  /// Per group: patients, events, median with its interval, and survival at the requested
  /// times with intervals (times in the figure's display unit).
  public func summaryTable(_ request: KaplanMeierRequest, title: String?) -> ReportTable {
    let scale = request.figure.timeScale
    let decimals = timeDecimals(request.figure)
    let level = JournalFormat.tick(confidence.level * 100)
    let unit = (request.figure.displayTimeUnit ?? request.figure.dataTimeUnit).map { " \($0.rawValue)" } ?? ""
    var columns = [
      ReportTable.Column("Group"), ReportTable.Column("n", alignment: .trailing),
      ReportTable.Column("Events", alignment: .trailing),
      ReportTable.Column("Median (\(level)% CI)", alignment: .trailing),
    ]
    columns += request.times.map {
      ReportTable.Column("At \(JournalFormat.tick($0 * scale))\(unit), % (\(level)% CI)", alignment: .trailing)
    }
    func percent(_ v: Double?) -> String { v.map { JournalFormat.fixed($0 * 100, decimals: 1) } ?? "NE" }
    let rows = estimates.indices.map { index -> ReportTable.Row in
      let code = sample.groupLabels[index]
      let median = quantiles[index].first { $0.probability == 0.5 } ?? estimates[index].median
      var cells = [
        Factor.displayLabel(code, in: request.groupLabels) ?? code, String(estimates[index].subjectCount),
        String(estimates[index].eventCount),
        MedianText(median, scale: scale, decimals: decimals).compact,
      ]
      cells += survivalAtTimes[index].map { s in
        let survival = printedSurvival(s, group: index)
        return survival == nil
          ? "NE"
          : s.lower == nil && s.upper == nil
            ? percent(survival) : "\(percent(survival)) (\(percent(s.lower))–\(percent(s.upper)))"
      }
      return ReportTable.Row(cells)
    }
    var notes = ["NR, not reached; NE, not estimable."]
    if let test = logRank, let chi = test.chiSquare {
      notes.append(
        "Log-rank test: χ² = \(JournalFormat.fixed(chi.statistic, decimals: 2)), \(chi.degreesOfFreedom) df, \(JournalFormat.pValueText(chi.pValue).plainText)"
      )
    }
    notes.append(methods(request))
    return ReportTable(title: title, columns: columns, rows: rows, footnotes: notes)
  }
}

extension ResponseAnalysis {
  /// Best overall response per group: counts with percentages, then the objective response
  /// and disease control rates with their intervals; with assessment times, the duration of
  /// response: events among the responders and the Kaplan–Meier median (95% CI), "NR" when
  /// not reached, "NE" for a group without responders.
  public func table(title: String?) -> ReportTable {
    let level = JournalFormat.tick((groups.first?.summary.objectiveResponse.level ?? 0.95) * 100)
    var columns = [ReportTable.Column("Best overall response")]
    columns += groups.map { ReportTable.Column("\($0.label)\n(n = \($0.summary.patientCount))", alignment: .trailing) }
    func count(_ n: Int, _ of: Int) -> String {
      of == 0 ? "0" : "\(n) (\(JournalFormat.fixed(100 * Double(n) / Double(of), decimals: 1)))"
    }
    func rate(_ p: ProportionInterval) -> String {
      p.trials == 0
        ? "NE"
        : "\(JournalFormat.fixed(100 * p.estimate, decimals: 1)) (\(JournalFormat.fixed(100 * p.lower, decimals: 1))–\(JournalFormat.fixed(100 * p.upper, decimals: 1)))"
    }
    var rows = listedCategories.map { category in
      ReportTable.Row([category.code] + groups.map { count($0.summary.count(category), $0.summary.patientCount) })
    }
    rows.append(
      ReportTable.Row(
        ["Responders (CR + PR), n/N"]
          + groups.map { "\($0.summary.objectiveResponse.successes)/\($0.summary.objectiveResponse.trials)" }))
    rows.append(
      ReportTable.Row(["ORR, % (\(level)% CI)"] + groups.map { rate($0.summary.objectiveResponse) }, isBold: true))
    rows.append(
      ReportTable.Row(
        [
          (listedCategories.contains(.nonCompleteNonProgressive)
            ? "Disease control (CR + PR + SD + NON-CR/NON-PD)" : "Disease control (CR + PR + SD)") + ", n/N"
        ]
          + groups.map { "\($0.summary.diseaseControl.successes)/\($0.summary.diseaseControl.trials)" }))
    rows.append(
      ReportTable.Row(["DCR, % (\(level)% CI)"] + groups.map { rate($0.summary.diseaseControl) }, isBold: true))
    if hasAssessmentTimes {
      rows.append(
        ReportTable.Row(
          ["DoR events (progression\(deathTimes == nil ? "" : " or death")), n/responders"]
            + groups.map { g in
              g.durationOfResponse.map { "\($0.estimate.eventCount)/\($0.estimate.subjectCount)" } ?? "0/0"
            }))
      rows.append(
        ReportTable.Row(
          ["Median DoR, \(timeUnit.rawValue) (\(level)% CI)"]
            + groups.map { g in g.durationOfResponse.map { MedianText($0.estimate.median, decimals: 1).compact } ?? "NE"
            },
          isBold: true))
    }
    let method = groups.first?.summary.objectiveResponse.method == .wilson ? "Wilson score" : "Clopper–Pearson exact"
    let over =
      groups.first?.summary.denominator == .all
      ? "all patients (N includes NE and MISSING)"
      : "evaluable patients (best response other than NE\(listedCategories.contains(.missing) ? " and MISSING" : ""))"
    var notes = ["Counts are n (%) of all patients; rates are over \(over), with \(method) confidence intervals."]
    if let comparison {
      notes.append(
        "Objective response between groups: Fisher's exact test, \(JournalFormat.pValueText(comparison.pValue).plainText)."
      )
    }
    if hasAssessmentTimes {
      let end = deathTimes == nil ? "progression" : "progression or death"
      notes.append(
        "DoR, duration of response: Kaplan–Meier among the responders from the first CR/PR to \(end), censored at the last assessment; NR, not reached; NE, no responders."
      )
    }
    return ReportTable(title: title, columns: columns, rows: rows, footnotes: notes)
  }
}

extension ForestAnalysis {
  /// The rows of a forest plot as a table: hazard ratios with intervals and P values per
  /// model (univariable and multivariable side by side), factor headers with their overall P
  /// per model; for subgroups, events/n per arm and the interaction P on each variable's line.
  public func table(
    title: String?, confidenceLevel: Double, ties: CoxRegressionOptions.Ties = .efron, decimals: Int = 2
  ) -> ReportTable {
    let level = JournalFormat.tick(confidenceLevel * 100)
    // "P" and "P for interaction" with the P in italics.
    let pHeader = StyledText.italic("P") + StyledText(String(pTitle.dropFirst()))
    var columns = [ReportTable.Column("Variable")]
    columns += extraColumns.map { ReportTable.Column($0, alignment: .trailing) }
    var spanning: [ReportTable.SpanningHeader] = []
    for name in seriesNames {
      let start = columns.count
      columns += [
        ReportTable.Column("HR (\(level)% CI)", alignment: .trailing),
        ReportTable.Column(styled: pHeader, alignment: .trailing),
      ]
      if !name.isEmpty { spanning.append(ReportTable.SpanningHeader(name, columns: start..<start + 2)) }
    }
    let rows = self.rows.map { row -> ReportTable.Row in
      var cells = [row.label] + row.cells + Array(repeating: "", count: max(0, extraColumns.count - row.cells.count))
      for s in seriesNames.indices {
        if row.kind == .reference {
          cells += [row.note(forSeries: s) ?? "Reference", ""]
        } else if row.estimates.indices.contains(s), let e = row.estimates[s] {
          cells += [
            JournalFormat.estimate(e.value, lower: e.lower, upper: e.upper, decimals: decimals),
            e.p.map { JournalFormat.pValue($0) } ?? "",
          ]
        } else if row.kind == .header {
          cells += ["", row.headerP(forSeries: s).map { JournalFormat.pValue($0) } ?? ""]
        } else {
          cells += [row.note(forSeries: s) ?? "", ""]
        }
      }
      return ReportTable.Row(cells, indent: row.indent, isBold: row.kind == .header || row.kind == .summary)
    }
    // Only what the table shows: "NE" where it has a non-estimable cell, the joint test where a
    // variable's line carries a P value.
    let showsNE = rows.contains { $0.cells.contains("NE") }
    let showsJointTests = self.rows.contains { $0.kind == .header && $0.headerPValues.contains { $0 != nil } }
    let tests: String
    if pTitle == "P" {
      tests =
        "P values by Wald tests"
        + (showsJointTests ? "; on a variable's line, the joint Wald test of its levels." : ".")
    } else {
      tests = "Hazard ratios within each subgroup from Cox models of the treatment alone."
    }
    return ReportTable(
      title: title, columns: columns, spanningHeaders: spanning, rows: rows,
      footnotes: [
        "HR, hazard ratio (Cox proportional hazards model, \(ties.displayName) ties); CI, confidence interval\(showsNE ? "; NE, not estimable" : ""). \(tests)"
      ] + footnotes)
  }
}
