import ClinicalData
import Foundation
import SurvivalFigures
import SurvivalStatistics

extension KaplanMeierAnalysis {
  /// The values a caption template can use, formatted as journals print them (times in the
  /// figure's display unit):
  ///
  /// - `n`, `events`, `excluded`; `conf_level` ("95");
  /// - `groups` (a list, each with `sep` — "; " between groups, empty after the last — and
  ///   `last`) and `group.<code>` (by the code in the data), each with `label`, `n`,
  ///   `events`, `median` ("8.5", "NR"), `median_ci` ("6.1–11.2"), `median_text`
  ///   ("8.5 (95% CI 6.1–11.2)", "NR (95% CI 3.0–NR)", or "NR" when no limit exists), `iqr` ("1.9–13.4"), `median_iqr_text` ("6.3 (IQR 1.9–13.4)"),
  ///   `median_reached` and `iqr_reached` (whether the median and the first quartile were
  ///   reached, for `{{#median_reached}}…{{/median_reached}}{{^median_reached}}…{{/median_reached}}`),
  ///   `rmst`, and `rates`, a list of `time`, `survival` ("45.2%"),
  ///   `ci` ("38.1–52.3%"), `text` ("45.2% (95% CI 38.1–52.3%)"; "100.0%" and "0.0%" without an
  ///   interval where it is a point or empty) at the requested times, and
  ///   `rates_list` ("63.3%, 44.3%, 25.3%");
  /// - `logrank.chisq` ("10.33"), `logrank.df`, `logrank.p` ("0.001", "<0.001"),
  ///   `logrank.p_text` ("P = 0.001");
  /// - `hazard_ratios` (with `hazard-ratio: true`): per group after the first, `label`, `hr`,
  ///   `lower`, `upper`, `p` and `text` ("0.59 (0.42–0.82), P = 0.002");
  /// - numbers (`median`, `median_lower`, `median_upper`, `rmst`, a rate's `survival`, `lower`
  ///   and `upper`, `logrank.chisq` and `.p`, a hazard ratio's numbers) also take the number
  ///   helpers of ``CaptionNumber``: `{{fixed2(median)}}`, `{{percent0(survival)}}`;
  /// - `follow_up.median`, `follow_up.text`;
  /// - `methods`, the methods statement.
  public func captionContext(_ request: KaplanMeierRequest) -> [String: Any] {
    let scale = request.figure.timeScale
    let decimals = timeDecimals(request.figure)
    let level = JournalFormat.tick(confidence.level * 100)
    func time(_ t: Double?) -> String { t.map { JournalFormat.fixed($0 * scale, decimals: decimals) } ?? "NR" }
    func percent(_ v: Double?) -> String { v.map { JournalFormat.fixed($0 * 100, decimals: 1) + "%" } ?? "NE" }

    var groups: [[String: Any]] = []
    var byCode: [String: Any] = [:]
    for index in estimates.indices {
      let code = sample.groupLabels[index]
      let median = quantiles[index].first { $0.probability == 0.5 } ?? estimates[index].median
      let rates = survivalAtTimes[index].map { s -> [String: Any] in
        let survival = printedSurvival(s, group: index)
        // "6.3–49.3%", the unit once, as journals print a range; no interval where it is empty
        // (after a curve reached 0) or a single point (100% before any event).
        let lower = s.lower.map { JournalFormat.fixed($0 * 100, decimals: 1) } ?? "NE"
        let ci = "\(lower)–\(percent(s.upper))"
        let hasInterval = s.lower != nil && s.upper != nil && s.lower != s.upper
        return [
          "time": JournalFormat.tick(s.time * scale),
          "survival": CaptionNumber(value: survival, text: percent(survival)),
          "lower": CaptionNumber(value: s.lower, text: percent(s.lower)),
          "upper": CaptionNumber(value: s.upper, text: percent(s.upper)),
          "ci": ci,
          "text": survival == nil
            ? "not estimable" : hasInterval ? "\(percent(survival)) (\(level)% CI \(ci))" : percent(survival),
        ]
      }
      let medianText = MedianText(median, scale: scale, decimals: decimals)
      let q25 = quantiles[index].first { $0.probability == 0.25 }?.estimate
      let q75 = quantiles[index].first { $0.probability == 0.75 }?.estimate
      let iqr = "\(time(q25))–\(time(q75))"
      let entry: [String: Any] = [
        "label": Factor.displayLabel(code, in: request.groupLabels) ?? code, "code": code,
        "n": estimates[index].subjectCount, "events": estimates[index].eventCount,
        "median": CaptionNumber(value: median.estimate.map { $0 * scale }, text: time(median.estimate)),
        "median_lower": CaptionNumber(value: median.lower.map { $0 * scale }, text: time(median.lower)),
        "median_upper": CaptionNumber(value: median.upper.map { $0 * scale }, text: time(median.upper)),
        "median_ci": medianText.interval, "median_reached": median.estimate != nil,
        "iqr_reached": q25 != nil,
        "median_text": medianText.withLevel(level),
        "iqr": iqr, "median_iqr_text": "\(time(median.estimate)) (IQR \(iqr))",
        "rates_list": survivalAtTimes[index].map { percent(printedSurvival($0, group: index)) }.joined(separator: ", "),
        "rmst": CaptionNumber(
          value: restrictedMeans[index].estimate * scale,
          text: JournalFormat.fixed(restrictedMeans[index].estimate * scale, decimals: decimals + 1)),
        "rates": rates,
      ]
      var withSeparator = entry
      withSeparator["sep"] = index < estimates.count - 1 ? "; " : ""
      withSeparator["last"] = index == estimates.count - 1
      groups.append(withSeparator)
      byCode[code] = entry
    }
    var context: [String: Any] = [
      "n": columns.count, "events": columns.eventCount, "excluded": columns.excludedCount,
      "conf_level": level, "groups": groups, "group": byCode, "methods": methods(request),
      "follow_up": [
        "median": CaptionNumber(
          value: followUp.median.estimate.map { $0 * scale }, text: time(followUp.median.estimate)),
        "text":
          "\(time(followUp.median.estimate)) (\(level)% CI \(time(followUp.median.lower))–\(time(followUp.median.upper)))",
      ],
    ]
    // Null without a test, so that a caption's {{#logrank}}…{{/logrank}} leaves it out.
    context["logrank"] = NSNull()
    if let test = logRank, let chi = test.chiSquare {
      let p = JournalFormat.pValueText(chi.pValue).plainText
      context["logrank"] = [
        "chisq": CaptionNumber(value: chi.statistic, text: JournalFormat.fixed(chi.statistic, decimals: 2)),
        "df": chi.degreesOfFreedom, "p": CaptionNumber(value: chi.pValue, text: JournalFormat.pValue(chi.pValue)),
        "p_text": p,
      ]
    }
    // Hazard ratios against the first group (with hazard-ratio: true).
    context["hazard_ratios"] = groupHazardRatios.map { c -> [String: Any] in
      let index = c.label.level.flatMap { sample.groupLabels.firstIndex(of: $0) }
      let code = index.map { sample.groupLabels[$0] } ?? (c.label.level ?? c.name)
      let ratio = ForestAnalysis.estimate(c)
      func f(_ v: Double?) -> CaptionNumber {
        CaptionNumber(value: v, text: v.map { JournalFormat.fixed($0, decimals: 2) } ?? "NE")
      }
      return [
        "label": Factor.displayLabel(code, in: request.groupLabels) ?? code, "code": code, "hr": f(ratio?.value),
        "lower": f(ratio?.lower),
        "upper": f(ratio?.upper), "p": CaptionNumber(value: c.p, text: JournalFormat.pValue(c.p)),
        "text": ratio.map {
          JournalFormat.estimate($0.value, lower: $0.lower, upper: $0.upper, decimals: 2) + ", "
            + JournalFormat.pValueText(c.p).plainText
        } ?? "NE",
      ]
    }
    return context
  }

  /// Decimals of times in captions and insets: none for days, one for weeks, months and years;
  /// without a unit, none when times reach 100 and one otherwise.
  func timeDecimals(_ figure: KaplanMeierFigureRequest) -> Int {
    if let unit = figure.displayTimeUnit ?? figure.dataTimeUnit { return unit == .days ? 0 : 1 }
    return (estimates.map(\.lastTime).max() ?? 0) * figure.timeScale >= 100 ? 0 : 1
  }

  /// How every number was computed, so that a reader can reproduce it in R or SAS.
  public func methods(_ request: KaplanMeierRequest) -> String {
    let level = JournalFormat.tick(confidence.level * 100)
    var parts = [
      "Kaplan–Meier estimates with Greenwood variance; pointwise \(level)% confidence intervals on the \(confidence.transform.rawValue) scale (R survfit conf.type = \"\(confidence.transform.rawValue)\")",
      "medians and quartiles by R's quantile.survfit rule, NR when not reached",
      "patients censored at a time are at risk at that time",
    ]
    if let censor = request.censorColumn {
      let codes =
        request.censorValues.isEmpty
        ? "0 and a censoring where it is 1 or more (CDISC ADaM)"
        : "not \(_quotedList(request.censorValues)) and a censoring where it is"
      parts.insert("times from '\(request.timeColumn)', an event where '\(censor)' is \(codes)", at: 0)
    }
    if let entry = request.entryColumn {
      parts.append(
        "delayed entry from '\(entry)': a patient is at risk from entry to the event or censoring, and numbers at risk count only those who have entered (R Surv(entry, time, status))"
      )
    }
    if let weights = request.weightsColumn {
      parts.append(
        "curves weighted by '\(weights)' (R survfit weights); numbers at risk in the risk table are unweighted counts of patients"
      )
    }
    if let landmark = request.landmark {
      parts.append(
        "landmark analysis at \(JournalFormat.tick(landmark)): only the \(sample.count) patients still under observation then (\(landmarkExcludedCount) left out), with time measured from the landmark"
      )
    }
    if let (model, _) = adjustedCurves {
      parts.append(
        "curves adjusted by direct adjustment: each group's curve is the mean, over the \(model.fit.observationCount) patients of the Cox model \(model.request.formula) (\(model.request.ties.displayName) ties), of their predicted curves with the group set to it (R: survfit(coxph, newdata) averaged), without confidence bands; groups compared by the model's Wald test; numbers at risk are observed counts"
      )
    }
    if let model = weightedTest, weightedScoreTest != nil {
      let robust = model.fit.robustScoreTest != nil ? "robust " : ""
      parts.append(
        "groups compared by the \(robust)score test of the weighted Cox model (R coxph(\(model.request.formula), weights = \(request.weightsColumn ?? "")))"
      )
    }
    if let test = logRank {
      let name =
        test.rho == 0 ? "log-rank test" : "Fleming–Harrington G-rho test (rho = \(JournalFormat.tick(test.rho)))"
      let strata = columns.strata.map { ", stratified by \($0.name)" } ?? ""
      parts.append(
        "groups compared by the \(name)\(strata) "
          + (sample.entryTimes == nil
            ? "(R survdiff)"
            : "(with delayed entry, the score test of R coxph(Surv(entry, time, status) ~ group, ties = \"exact\"))"))
    }
    parts.append("median follow-up by the reverse Kaplan–Meier method")
    if let threshold = request.figure.output.suppressBelow {
      parts.append("risk-table counts from 1 to \(threshold - 1) shown as <\(threshold)")
    }
    parts.append("computed with survfig \(SurvfigVersion.string)")
    return parts.joined(separator: "; ") + "."
  }
}

extension KaplanMeierAnalysis {
  /// S(t) as tables and captions print it: missing beyond a group's last observation (R drops
  /// such times; the JSON contract gives null), except after a curve that ended at 0 with a death,
  /// where it stays 0 (R's `summary(fit, times, extend = TRUE)`).
  func printedSurvival(_ s: KaplanMeierEstimate.SurvivalAtTime, group index: Int) -> Double? {
    s.survival ?? (estimates[index].rows.last?.survival == 0 ? 0 : nil)
  }
}
