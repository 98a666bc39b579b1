import ClinicalData
import FigureCore
import Foundation
import SurvivalFigures
import SurvivalStatistics

extension KaplanMeierAnalysis {
  /// The figure of this analysis as `request` describes it: curves in the display time unit,
  /// the plotted function, group labels, and an inset with the group comparison and medians.
  public func figure(_ request: KaplanMeierFigureRequest, groupLabels: [String: String] = [:])
    -> KaplanMeierFigure
  {
    let scale = request.timeScale
    let curves = estimates.indices.map { index in
      let label = Factor.displayLabel(sample.groupLabels[index], in: groupLabels) ?? sample.groupLabels[index]
      return adjustedCurve(index, request: request, label: label, scale: scale)
        ?? curve(index, request: request, label: label, scale: scale)
    }
    let theme = FigureTheme.styled(
      width: request.output.widthMillimetres.millimetres, fontSize: request.output.fontSize,
      fontFamily: request.output.fontFamily,
      lineWidth: request.output.lineWidth,
      palette: request.output.palette, minimumFontSize: request.output.minimumFontSize)

    var options = KaplanMeierFigureOptions(
      size: .millimetres(width: request.output.widthMillimetres, height: request.heightMillimetres),
      theme: theme)
    options.title = request.output.title.map { StyledText($0) }
    options.xTitle = StyledText(request.xTitle ?? landmarkXTitle(request) ?? request.defaultXTitle)
    options.yTitle = StyledText(request.yTitle ?? request.defaultYTitle)
    options.yAxis =
      request.function == .cumhaz ? .value : (request.percent ? .percent : .probability)
    options.xBreaks =
      request.xBreaks
      ?? request.xBreakEvery.map { step in
        // Up to the axis end, or to the first break at or beyond the last observation.
        let end =
          request.xMax ?? ((estimates.map(\.lastTime).max() ?? 0) * scale / step - 1e-9).rounded(.up) * step
        return stride(from: 0, through: end + step * 1e-9, by: step).map { $0 }
      }
    options.xBreaksAreStepped = request.xBreaks == nil && request.xBreakEvery != nil
    options.xMax = request.xMax
    options.showsConfidenceBands = request.showsConfidenceBands
    options.showsCensorMarks = request.showsCensorMarks
    // At 0.5 of the survival or of the event curve (1 − S crosses it at the same time).
    options.showsMedianLines = request.showsMedianLines && request.function != .cumhaz
    options.riskTable = request.riskTable
    options.riskTableTimes = request.riskTableTimes
    options.suppressedBelow = request.output.suppressBelow
    // Weighted curves count patients at risk, not weights.
    if self.request.weightsColumn != nil { options.riskTableTitle += " (unweighted)" }
    options.legend = estimates.count > 1 ? request.legend : .none
    options.legendTitle = request.legendTitle
    (options.annotations, options.annotationHeadings) = annotations(request, scale: scale, labels: curves.map(\.label))
    options.growsToFit = !request.isHeightFixed
    return KaplanMeierFigure(curves: curves, options: options)
  }

  /// A group's directly adjusted curve, with the group's own numbers at risk, events and
  /// censorings at each time; nil without curve adjustment.
  private func adjustedCurve(
    _ index: Int, request: KaplanMeierFigureRequest, label: String, scale: Double
  ) -> KaplanMeierCurveData? {
    guard let curves = adjustedCurves?.curves, let values = adjustedSurvival(ofGroup: sample.groupLabels[index])
    else { return nil }
    let group = sample.sample(inGroup: index)
    let exits = group.times
    let entries = group.entryTimes?.sorted()
    // Patients with time ≥ t, less those who enter at or after t.
    func count(_ sorted: [Double], atLeast t: Double) -> Int {
      var low = 0
      var high = sorted.count
      while low < high {
        let middle = (low + high) / 2
        if sorted[middle] < t { low = middle + 1 } else { high = middle }
      }
      return sorted.count - low
    }
    let estimate = estimates[index]
    var rowOf: [Double: Int] = [:]
    for (row, time) in estimate.times.enumerated() { rowOf[time] = row }
    let unit = request.percent && request.function != .cumhaz ? 100.0 : 1
    let rows = zip(curves.times, values).map { time, survival -> KaplanMeierCurveData.Row in
      let row = rowOf[time]
      let value: Double
      switch request.function {
      case .survival: value = survival * unit
      case .event: value = (1 - survival) * unit
      case .cumhaz: value = -log(survival)
      }
      return KaplanMeierCurveData.Row(
        time: time * scale, atRisk: count(exits, atLeast: time) - (entries.map { count($0, atLeast: time) } ?? 0),
        events: row.map { estimate.events[$0] } ?? 0, censored: row.map { estimate.censored[$0] } ?? 0,
        value: value, lower: nil, upper: nil)
    }
    let levelIndex = curves.levels.firstIndex(of: sample.groupLabels[index]) ?? 0
    return KaplanMeierCurveData(
      label: label, total: estimate.subjectCount, rows: rows,
      initialValue: request.function == .survival ? (request.percent ? 100 : 1) : 0,
      median: curves.median(ofLevel: levelIndex).map { $0 * scale })
  }

  /// "Time from landmark at 6 (months)" for a landmark analysis without an x title.
  private func landmarkXTitle(_ request: KaplanMeierFigureRequest) -> String? {
    guard let landmark = self.request.landmark else { return nil }
    let unit = request.displayTimeUnit ?? request.dataTimeUnit
    let at = JournalFormat.tick(landmark * request.timeScale)
    return "Time from landmark at \(at)" + (unit.map { " (\($0.rawValue))" } ?? "")
  }

  private func curve(
    _ index: Int, request: KaplanMeierFigureRequest, label: String, scale: Double
  ) -> KaplanMeierCurveData {
    let estimate = estimates[index]
    let rows = estimate.rows.enumerated().map { position, row -> KaplanMeierCurveData.Row in
      let value: Double
      let lower: Double?
      let upper: Double?
      switch request.function {
      case .survival:
        (value, lower, upper) = (row.survival, row.lower, row.upper)
      case .event:
        (value, lower, upper) = (1 - row.survival, row.upper.map { 1 - $0 }, row.lower.map { 1 - $0 })
      case .cumhaz:
        // The Nelson–Aalen H ∓ z·σ_H, as R's plot(fun = "cumhaz", conf.int = TRUE) draws it.
        let interval = estimate.cumulativeHazardInterval(at: position)
        (value, lower, upper) = (row.cumulativeHazard, interval.lower, interval.upper)
      }
      // Percent axes plot probabilities × 100.
      let unit = request.percent && request.function != .cumhaz ? 100.0 : 1
      return KaplanMeierCurveData.Row(
        time: row.time * scale, atRisk: row.atRisk, events: row.events, censored: row.censored,
        value: value * unit, lower: lower.map { $0 * unit }, upper: upper.map { $0 * unit })
    }
    return KaplanMeierCurveData(
      label: label, total: estimate.subjectCount, rows: rows,
      initialValue: request.function == .survival ? (request.percent ? 100 : 1) : 0,
      median: quantiles[index].first { $0.probability == 0.5 }?.estimate.map { $0 * scale })
  }

  /// The inset: the test of the group difference, then the hazard ratios and each group's
  /// median with its interval, each under a heading (whose index is returned too).
  private func annotations(_ request: KaplanMeierFigureRequest, scale: Double, labels: [String])
    -> ([StyledText], Set<Int>)
  {
    var lines: [StyledText] = []
    var headings: Set<Int> = []
    if request.showsPValue, let test = adjustedGroupTest {
      lines.append(JournalFormat.pValueText(test.p, label: "Adjusted Cox model "))
    } else if request.showsPValue, let test = logRank, let chi = test.chiSquare {
      let name: String
      switch test.rho {
      case 0: name = "Log-rank"
      case 1: name = "Peto–Peto"
      default: name = "Fleming–Harrington (ρ = \(JournalFormat.tick(test.rho)))"
      }
      let prefix = (sample.isStratified ? "Stratified " + name.lowercased() : name) + " "
      lines.append(JournalFormat.pValueText(chi.pValue, label: prefix))
    }
    if request.showsPValue, adjustedCurves == nil, let test = weightedScoreTest {
      let robust = weightedTest?.fit.robustScoreTest != nil ? "robust " : ""
      lines.append(JournalFormat.pValueText(test.p, label: "Weighted \(robust)score test "))
    }
    let ratios = groupHazardRatios
    if !ratios.isEmpty {
      let level = JournalFormat.tick(confidence.level * 100)
      let reference = labels.first ?? ""
      let adjusted = hazardRatios?.request.formula.contains(" + ") == true ? "adjusted " : ""
      headings.insert(lines.count)
      lines.append(StyledText("\(adjusted.isEmpty ? "HR" : "Adjusted HR") (\(level)% CI) vs \(reference)"))
      for c in ratios {
        let index = c.label.level.flatMap { sample.groupLabels.firstIndex(of: $0) }
        let label = index.map { labels[$0] } ?? (c.label.level ?? c.name)
        // Not estimable (monotone likelihood, an aliased group): "NE", as in forest plots;
        // the model's warning says why.
        guard let ratio = ForestAnalysis.estimate(c) else {
          lines.append(StyledText(label + ": NE"))
          continue
        }
        let estimate = JournalFormat.estimate(ratio.value, lower: ratio.lower, upper: ratio.upper, decimals: 2)
        lines.append(StyledText(label + ": " + estimate + ", ") + JournalFormat.pValueText(c.p).dropLeadingSpace)
      }
    }
    if request.showsMedians, let curves = adjustedCurves?.curves {
      headings.insert(lines.count)
      lines.append(StyledText("Adjusted median"))
      for (index, label) in labels.enumerated() {
        let level = curves.levels.firstIndex(of: sample.groupLabels[index]) ?? 0
        let decimals = timeDecimals(request)
        let text = curves.median(ofLevel: level).map { String(format: "%.\(decimals)f", $0 * scale) } ?? "NR"
        lines.append(StyledText((labels.count > 1 ? label + ": " : "") + text))
      }
    } else if request.showsMedians {
      let medians = quantiles.map { $0.first { $0.probability == 0.5 } }
      let decimals = timeDecimals(request)
      let level = JournalFormat.tick(confidence.level * 100)
      headings.insert(lines.count)
      lines.append(StyledText("Median (\(level)% CI)"))
      for (label, median) in zip(labels, medians) {
        guard let median else { continue }
        let text = MedianText(median, scale: scale, decimals: decimals).compact
        lines.append(StyledText((labels.count > 1 ? label + ": " : "") + text))
      }
    }
    return (lines, headings)
  }
}

extension StyledText {
  /// The text without leading spaces in its first span.
  var dropLeadingSpace: StyledText {
    var copy = self
    if var first = copy.spans.first {
      first.text = String(first.text.drop { $0 == " " })
      copy.spans[0] = first
    }
    return copy
  }
}

extension KaplanMeierAnalysis {
  /// Checks that the figure can tell its groups apart (at most ``FigureTheme/maximumGroups``)
  /// and that an axis step without an axis end makes at most
  /// ``KaplanMeierRequest/maximumAxisBreaks`` breaks up to the last time observed.
  /// - Throws: ``TooManyGroupsError``, ``KaplanMeierDataError/tooManyBreaks(step:end:count:)``.
  public func checkAxis(_ request: KaplanMeierFigureRequest) throws {
    try TooManyGroupsError.check(
      sample.groupLabels.map { Factor.displayLabel($0, in: self.request.groupLabels) ?? $0 },
      figure: KaplanMeierKind.noun)
    guard request.xBreaks == nil, request.xMax == nil, let step = request.xBreakEvery else { return }
    let end = (estimates.map(\.lastTime).max() ?? 0) * request.timeScale
    let count = end / step
    if count > Double(KaplanMeierRequest.maximumAxisBreaks) {
      throw KaplanMeierDataError.tooManyBreaks(step: step, end: end, count: count)
    }
  }
}

extension KaplanMeierFigureRequest {
  /// The factor from the data's time unit to the displayed one.
  var timeScale: Double {
    guard let data = dataTimeUnit, let display = displayTimeUnit else { return 1 }
    return data.days / display.days
  }

  var defaultXTitle: String {
    guard let unit = displayTimeUnit ?? dataTimeUnit else { return "Time" }
    return "Time (\(unit.rawValue))"
  }

  var defaultYTitle: String {
    switch function {
    case .survival: return percent ? "Survival (%)" : "Survival probability"
    // 1 − S is the cumulative incidence only without competing events; the title says what it
    // is (survfig cif estimates the cumulative incidence when competing events exist).
    case .event: return percent ? "1 − Kaplan–Meier estimate (%)" : "1 − Kaplan–Meier estimate"
    case .cumhaz: return "Cumulative hazard"
    }
  }
}
