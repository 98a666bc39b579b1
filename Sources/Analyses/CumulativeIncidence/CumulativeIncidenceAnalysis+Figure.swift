import ClinicalData
import FigureCore
import Foundation
import SurvivalFigures
import SurvivalStatistics

extension CumulativeIncidenceAnalysis {
  /// The figure of this analysis as `request` describes it, drawn by the Kaplan–Meier figure's
  /// layout so that the number-at-risk table is aligned with the time axis by the same
  /// computation: rising step curves of the cumulative incidence (of the event of interest per
  /// group, or of every cause per group), or the causes of one group stacked; an inset with
  /// Gray's test and the incidences at the requested times.
  public func figure(_ request: CumulativeIncidenceFigureRequest) -> KaplanMeierFigure {
    let scale = request.timeScale
    let theme = FigureTheme.styled(
      width: request.output.widthMillimetres.millimetres, fontSize: request.output.fontSize,
      fontFamily: request.output.fontFamily, lineWidth: request.output.lineWidth, palette: request.output.palette,
      minimumFontSize: request.output.minimumFontSize)
    let (curves, tableCurves) = figureCurves(request, theme: theme, scale: scale)

    var options = KaplanMeierFigureOptions(
      size: .millimetres(width: request.output.widthMillimetres, height: request.heightMillimetres), theme: theme)
    options.title = request.output.title.map { StyledText($0) }
    options.xTitle = StyledText(request.xTitle ?? defaultXTitle(request))
    options.yTitle = StyledText(request.yTitle ?? defaultYTitle(request))
    options.yAxis = request.percent ? .percent : .probability
    options.xBreaks =
      request.xBreaks
      ?? request.xBreakEvery.map { step in
        let end = request.xMax ?? (lastTime * scale / step - 1e-9).rounded(.up) * step
        return stride(from: 0, through: end + step * 1e-9, by: step).map { $0 }
      }
    options.xBreaksAreStepped = request.xBreaks == nil && request.xBreakEvery != nil
    options.xMax = request.xMax
    options.showsConfidenceBands = request.showsConfidenceBands
    options.showsCensorMarks = request.showsCensorMarks && request.curves != .stacked
    options.stacksAreas = request.curves == .stacked
    options.riskTable = request.riskTable.style
    options.riskTableTimes = request.riskTableTimes
    options.suppressedBelow = request.output.suppressBelow
    options.legend = curves.count > 1 ? request.legend : .none
    options.legendTitle = request.legendTitle
    (options.annotations, options.annotationHeadings) = annotations(request, scale: scale)
    options.growsToFit = !request.isHeightFixed
    return KaplanMeierFigure(curves: curves, options: options, tableCurves: tableCurves)
  }

  /// The last observation time of all groups, in the data's unit.
  var lastTime: Double { estimate.groups.map { $0.times.last ?? 0 }.max() ?? 0 }

  /// The display label of group `index`.
  func groupLabel(_ index: Int) -> String {
    let code = estimate.groups[index].label
    return Factor.displayLabel(code, in: request.groupLabels) ?? code
  }

  /// The display label of the cause numbered `cause`.
  func causeLabel(_ cause: Int) -> String { request.causeLabel(columns.codes[cause - 1]) }

  /// The plotted curves and, when they are not one per group, the risk table's groups.
  private func figureCurves(_ request: CumulativeIncidenceFigureRequest, theme: FigureTheme, scale: Double)
    -> ([KaplanMeierCurveData], [KaplanMeierCurveData]?)
  {
    let unit = request.percent ? 100.0 : 1
    func rows(_ group: CumulativeIncidence.Group, values: (Int) -> (Double, Double?, Double?))
      -> [KaplanMeierCurveData.Row]
    {
      let eventPosition = estimate.causes.firstIndex(of: 1) ?? 0
      return group.times.indices.map { i in
        let (value, lower, upper) = values(i)
        return KaplanMeierCurveData.Row(
          time: group.times[i] * scale, atRisk: group.atRisk[i], events: group.events[eventPosition][i],
          censored: group.censored[i], value: value * unit, lower: lower.map { $0 * unit },
          upper: upper.map { $0 * unit })
      }
    }
    func curveRows(_ group: CumulativeIncidence.Group, _ curve: CumulativeIncidence.Curve)
      -> [KaplanMeierCurveData.Row]
    {
      let band = curve.rows
      return rows(group) { i in (band[i].estimate, band[i].lower, band[i].upper) }
    }
    let groups = estimate.groups
    switch request.curves {
    case .event:
      let curves = groups.indices.compactMap { index -> KaplanMeierCurveData? in
        guard let curve = groups[index].curve(cause: 1) else { return nil }
        return KaplanMeierCurveData(
          label: groupLabel(index), total: groups[index].subjectCount, rows: curveRows(groups[index], curve),
          initialValue: 0)
      }
      return (curves, nil)
    case .causes:
      var curves: [KaplanMeierCurveData] = []
      for (position, cause) in estimate.causes.enumerated() {
        for index in groups.indices {
          let label = groups.count > 1 ? "\(groupLabel(index)), \(causeLabel(cause))" : causeLabel(cause)
          curves.append(
            KaplanMeierCurveData(
              label: label, total: groups[index].subjectCount,
              rows: curveRows(groups[index], groups[index].curves[position]), initialValue: 0,
              color: theme.color(at: groups.count > 1 ? index : position), dash: theme.dash(at: position)))
        }
      }
      return (curves, tableGroups(theme: theme, scale: scale))
    case .stacked:
      let group = groups[0]
      var sums = [Double](repeating: 0, count: group.times.count)
      let curves = estimate.causes.indices.map { position -> KaplanMeierCurveData in
        let estimates = group.curves[position].estimate
        for i in sums.indices { sums[i] += estimates[i] }
        let layer = sums
        return KaplanMeierCurveData(
          label: causeLabel(estimate.causes[position]), total: group.subjectCount,
          rows: rows(group) { i in (layer[i], nil, nil) }, initialValue: 0)
      }
      return (curves, tableGroups(theme: theme, scale: scale, single: theme.textColor))
    }
  }

  /// One risk-table row per group, in the group's colour (or in `single` for one group).
  private func tableGroups(theme: FigureTheme, scale: Double, single: Color? = nil) -> [KaplanMeierCurveData] {
    estimate.groups.enumerated().map { index, group in
      KaplanMeierCurveData(
        label: groupLabel(index), total: group.subjectCount,
        rows: group.times.indices.map { i in
          KaplanMeierCurveData.Row(
            time: group.times[i] * scale, atRisk: group.atRisk[i], events: 0, censored: group.censored[i], value: 0)
        }, initialValue: 0, color: single ?? theme.color(at: index), dash: [])
    }
  }

  func defaultXTitle(_ request: CumulativeIncidenceFigureRequest) -> String {
    guard let unit = request.displayTimeUnit ?? request.dataTimeUnit else { return "Time" }
    return "Time (\(unit.rawValue))"
  }

  /// "Cumulative incidence", of the event of interest when it has a label and is the only
  /// cause drawn.
  func defaultYTitle(_ request: CumulativeIncidenceFigureRequest) -> String {
    var title = "Cumulative incidence"
    let code = columns.codes[0]
    if request.curves == .event, let label = Factor.displayLabel(code, in: self.request.causeLabels) {
      title += " of " + Self.lowercasedWord(label)
    }
    return title + (request.percent ? " (%)" : "")
  }

  /// A label inside a sentence: its first letter lowercased when the word is an ordinary
  /// capitalised word (`Death` → `death`), unchanged when it is an abbreviation (`LRR`).
  static func lowercasedWord(_ label: String) -> String {
    let characters = Array(label)
    guard characters.count > 1, characters[0].isUppercase, characters[1].isLowercase else { return label }
    return characters[0].lowercased() + String(characters.dropFirst())
  }

  /// The inset: Gray's test, then the incidences at each requested time under a heading.
  private func annotations(_ request: CumulativeIncidenceFigureRequest, scale: Double) -> ([StyledText], Set<Int>) {
    var lines: [StyledText] = []
    var headings: Set<Int> = []
    if request.showsPValue, let test = gray, let p = test.p {
      lines.append(JournalFormat.pValueText(p, label: sample.isStratified ? "Stratified Gray's test " : "Gray's test "))
    }
    guard request.showsRates, !self.request.times.isEmpty else { return (lines, headings) }
    let level = JournalFormat.tick(band.level * 100)
    let unit = (request.displayTimeUnit ?? request.dataTimeUnit)?.rawValue
    let causes = request.curves == .event ? [1] : estimate.causes
    let times = self.request.times.sorted()
    for (k, time) in times.enumerated() {
      let when = unit.map { "\(Self.timeText(time * scale)) \($0)" } ?? "time \(Self.timeText(time * scale))"
      headings.insert(lines.count)
      lines.append(StyledText("At \(when) (\(level)% CI)"))
      for index in estimate.groups.indices {
        for cause in causes {
          guard let curve = estimate.groups[index].curve(cause: cause),
            let value = try? curve.values(atTimes: [times[k]]).first
          else { continue }
          var names: [String] = []
          if estimate.groups.count > 1 { names.append(groupLabel(index)) }
          if causes.count > 1 { names.append(causeLabel(cause)) }
          let name = names.isEmpty ? "" : names.joined(separator: ", ") + ": "
          lines.append(StyledText(name + Self.incidenceText(value, compact: true)))
        }
      }
    }
    return (lines, headings)
  }

  /// A requested time in the display unit, to one decimal at most: 1826 days in years is `5`.
  static func timeText(_ time: Double) -> String { JournalFormat.tick((time * 10).rounded() / 10) }

  /// An incidence as insets and tables print it: `25.3% (18.1–33.0)`; `0.0%` without an
  /// interval before the first event; `NE` beyond follow-up. With `compact` false, the level
  /// is named: `25.3% (95% CI 18.1–33.0%)`.
  static func incidenceText(_ value: CumulativeIncidence.Curve.ValueAtTime, compact: Bool, level: String = "")
    -> String
  {
    func percent(_ v: Double) -> String { JournalFormat.fixed(v * 100, decimals: 1) }
    guard let estimate = value.estimate else { return "NE" }
    guard let lower = value.lower, let upper = value.upper, lower != upper else { return percent(estimate) + "%" }
    return compact
      ? "\(percent(estimate))% (\(percent(lower))–\(percent(upper)))"
      : "\(percent(estimate))% (\(level)% CI \(percent(lower))–\(percent(upper))%)"
  }

  /// Checks that the figure can tell its groups apart (at most ``FigureTheme/maximumGroups``)
  /// and that an axis step without an axis end makes at most
  /// ``KaplanMeierRequest/maximumAxisBreaks`` breaks up to the last time observed.
  /// - Throws: ``TooManyGroupsError``, ``KaplanMeierDataError/tooManyBreaks(step:end:count:)``.
  public func checkAxis(_ request: CumulativeIncidenceFigureRequest) throws {
    try TooManyGroupsError.check(estimate.groups.indices.map(groupLabel), figure: CumulativeIncidenceKind.noun)
    guard request.xBreaks == nil, request.xMax == nil, let step = request.xBreakEvery else { return }
    let end = lastTime * request.timeScale
    let count = end / step
    if count > Double(KaplanMeierRequest.maximumAxisBreaks) {
      throw KaplanMeierDataError.tooManyBreaks(step: step, end: end, count: count)
    }
  }
}
