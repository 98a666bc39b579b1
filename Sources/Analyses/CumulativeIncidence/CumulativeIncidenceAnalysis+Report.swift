import ClinicalData
import Foundation
import SurvivalFigures
import SurvivalStatistics

extension CumulativeIncidenceAnalysis {
  /// The values a caption template can use, formatted as journals print them (times in the
  /// figure's display unit):
  ///
  /// - `n`, `events` (of the event of interest), `competing`, `excluded`; `conf_level` ("95");
  ///   `event` and `competing_events`, the labels of the causes;
  /// - `groups` (a list, each with `sep` and `last`) and `group.<code>`, each with `label`,
  ///   `code`, `n`, `events`, `competing`, and `rates`, a list of `time`, `incidence`
  ///   ("25.3%"), `lower`, `upper`, `ci` ("18.1–33.0%") and `text` ("25.3% (95% CI
  ///   18.1–33.0%)") at the requested times, and `rates_list` ("25.3%, 31.0%");
  /// - `gray.statistic`, `gray.df`, `gray.p` ("0.003", "<0.001"), `gray.p_text` ("P = 0.003");
  ///   null for one group;
  /// - `fine_gray` (with terms): per coefficient `name`, `hr`, `lower`, `upper`, `p` and `text`
  ///   ("1.52 (1.10–2.11), P = 0.012");
  /// - numbers take the number helpers of ``CaptionNumber``: `{{percent0(incidence)}}`;
  /// - `methods`, the methods statement.
  public func captionContext() -> [String: Any] {
    let scale = request.figure.timeScale
    let level = JournalFormat.tick(band.level * 100)
    func percent(_ v: Double?) -> String { v.map { JournalFormat.fixed($0 * 100, decimals: 1) + "%" } ?? "NE" }
    var groups: [[String: Any]] = []
    var byCode: [String: Any] = [:]
    for index in estimate.groups.indices {
      let group = estimate.groups[index]
      let rates = atTimes[index].map { value -> [String: Any] in
        let lower = value.lower.map { JournalFormat.fixed($0 * 100, decimals: 1) } ?? "NE"
        return [
          "time": Self.timeText(value.time * scale),
          "incidence": CaptionNumber(value: value.estimate, text: percent(value.estimate)),
          "lower": CaptionNumber(value: value.lower, text: percent(value.lower)),
          "upper": CaptionNumber(value: value.upper, text: percent(value.upper)),
          "ci": "\(lower)–\(percent(value.upper))",
          "text": value.estimate == nil ? "not estimable" : Self.incidenceText(value, compact: false, level: level),
        ]
      }
      let competing = estimate.causes.indices.filter { estimate.causes[$0] != 1 }.reduce(0) {
        $0 + group.curves[$1].eventCount
      }
      let entry: [String: Any] = [
        "label": groupLabel(index), "code": group.label, "n": group.subjectCount,
        "events": group.curve(cause: 1)?.eventCount ?? 0, "competing": competing, "rates": rates,
        "rates_list": atTimes[index].map { percent($0.estimate) }.joined(separator: ", "),
      ]
      var withSeparator = entry
      withSeparator["sep"] = index < estimate.groups.count - 1 ? "; " : ""
      withSeparator["last"] = index == estimate.groups.count - 1
      groups.append(withSeparator)
      byCode[group.label] = entry
    }
    var context: [String: Any] = [
      "n": columns.count, "events": columns.eventCount, "competing": columns.competingCount,
      "excluded": columns.excludedCount, "conf_level": level, "groups": groups, "group": byCode,
      "event": request.causeLabel(columns.codes[0]),
      "competing_events": columns.codes.dropFirst().map { request.causeLabel($0) }.joined(separator: ", "),
      "methods": methods(),
    ]
    context["gray"] = NSNull()
    if let test = gray, let statistic = test.statistic, let p = test.p {
      context["gray"] = [
        "statistic": CaptionNumber(value: statistic, text: JournalFormat.fixed(statistic, decimals: 2)),
        "df": test.degreesOfFreedom, "p": CaptionNumber(value: p, text: JournalFormat.pValue(p)),
        "p_text": JournalFormat.pValueText(p).plainText,
      ]
    }
    context["fine_gray"] = (fineGray?.coefficients ?? []).map { c -> [String: Any] in
      func f(_ v: Double) -> CaptionNumber {
        CaptionNumber(value: v.isFinite ? v : nil, text: v.isFinite ? JournalFormat.fixed(v, decimals: 2) : "NE")
      }
      return [
        "name": c.name, "hr": f(c.hazardRatio), "lower": f(c.hazardRatioLower), "upper": f(c.hazardRatioUpper),
        "p": CaptionNumber(value: c.p.isFinite ? c.p : nil, text: c.p.isFinite ? JournalFormat.pValue(c.p) : "NE"),
        "text": c.isAliased
          ? "NE"
          : JournalFormat.estimate(c.hazardRatio, lower: c.hazardRatioLower, upper: c.hazardRatioUpper, decimals: 2)
            + ", " + JournalFormat.pValueText(c.p).plainText,
      ]
    }
    return context
  }

  /// How every number was computed, so that a reader can reproduce it in R.
  public func methods() -> String {
    let level = JournalFormat.tick(band.level * 100)
    let event = request.causeLabel(columns.codes[0])
    let competing = columns.codes.dropFirst().map { "'\(request.causeLabel($0))'" }
    var parts = [
      "Cumulative incidence of '\(event)' by the Aalen–Johansen estimator"
        + (competing.isEmpty
          ? "" : " with \(competing.joined(separator: ", ")) as competing \(competing.count == 1 ? "event" : "events")")
        + ", variance as R cmprsk::cuminc computes it; pointwise \(level)% confidence intervals on the \(band.transform.rawValue) scale",
      "status from '\(request.statusColumn)': \(statusCoding)",
      "patients at risk are those free of any event and not yet censored",
      "a competing event ends follow-up for the event of interest without censoring it, so the curve is not 1 − Kaplan–Meier",
    ]
    if let test = gray {
      let strata = columns.strata.map { ", stratified by \($0.name)" } ?? ""
      parts.append("groups compared by Gray's test (rho = \(JournalFormat.tick(test.rho)))\(strata) (R cuminc $Tests)")
    }
    if let formula = fineGrayFormula {
      parts.append(
        "subdistribution hazard ratios from the Fine–Gray model \(formula) with the event of interest as failcode (R cmprsk::crr, sandwich variance)"
      )
    }
    if let threshold = request.figure.output.suppressBelow {
      parts.append("risk-table counts from 1 to \(threshold - 1) shown as <\(threshold)")
    }
    parts.append("computed with survfig \(SurvfigVersion.string)")
    return parts.joined(separator: "; ") + "."
  }
}
