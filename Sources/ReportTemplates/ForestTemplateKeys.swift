import SurvivalFigures
import SurvivalStatistics
import Analyses
import Expressions
import FigureCore

/// The keys of a forest plot in a template. The form follows from the keys given: `model`
/// (Cox models; `univariable`/`multivariable` choose the columns), `treatment` with `time`,
/// `event` and `subgroups` (subgroup analysis), or `estimate` with `label`, `lower`, `upper`
/// (published estimates).
///
/// Cox models may state how the multivariable model is chosen, as a methods section does:
/// `select: backward` with `entry-p` (univariable screen, default 0.15), `stay-p` (removal,
/// default 0.05) and `select-by: wald | lr`; `ph-test: true` tests proportional hazards of the
/// multivariable model; `counts: true` adds n and events per level.
enum ForestTemplateKeys {
  static let names = [
    "model", "univariable", "multivariable", "time", "event", "treatment", "subgroups", "label",
    "estimate", "lower", "upper", "p", "n", "group", "event-value", "censor-value", "ties", "conf-level", "labels",
    "favours", "x-title", "x-breaks", "title", "width", "height", "font-size", "font", "line-width", "palette", "dpi", "decimals",
    "select", "entry-p", "stay-p", "select-by", "ph-test", "counts",
  ]

  /// Keys that only the Cox-model form (`model`) takes.
  static let modelKeys = ["select", "entry-p", "stay-p", "select-by", "ph-test", "counts"]

  /// A P-value threshold in (0, 1].
  static func threshold(_ n: TemplateNode) throws(TemplateError) -> Double {
    let value = try n.number("a P value threshold between 0 and 1")
    guard value > 0, value <= 1 else { throw n.error("expected a P value threshold between 0 and 1, found \(JSONValue.format(value))") }
    return value
  }

  /// The selection keys: `select: backward` and its thresholds; nil without `select`.
  static func selection(_ m: TemplateMapping) throws(TemplateError) -> CoxModelSelection.Options? {
    guard let n = m["select"] else {
      for key in ["entry-p", "stay-p", "select-by"] {
        if let stray = m[key] { throw stray.error("'\(key)' sets up variable selection; add 'select: backward'") }
      }
      return nil
    }
    _ = try n.choice(["backward"])
    if let multivariable = m["multivariable"], try !multivariable.bool() {
      throw n.error("'select' chooses the multivariable model; remove 'multivariable: false'")
    }
    var options = CoxModelSelection.Options()
    if let e = m["entry-p"] { options.entryThreshold = try threshold(e) }
    if let s = m["stay-p"] { options.stayThreshold = try threshold(s) }
    if let b = m["select-by"] { options.criterion = try b.choice(["wald", "lr"]) == "wald" ? .wald : .likelihoodRatio }
    return options
  }

  static func request(_ m: TemplateMapping, dataPath: String, style: ReportStyle) throws(TemplateError) -> ForestRequest {
    let source: ForestRequest.Source
    if let model = m["model"] {
      let formula = try model.string()
      // A formula that does not parse is reported with the data it is fitted on.
      if let parsed = try? ModelFormula(parsing: formula), let message = ForestAnalysis.noTermsMessage(parsed, formula: formula) {
        throw model.error(message)
      }
      source = .models(
        formula: formula, univariable: try m["univariable"]?.bool() ?? true,
        multivariable: try m["multivariable"]?.bool() ?? true)
    } else if let stray = modelKeys.first(where: { m[$0] != nil }), let node = m[stray] {
      throw node.error("'\(stray)' applies to Cox models; give 'model'")
    } else if let treatment = m["treatment"] {
      source = .subgroups(
        time: try m.required("time").string(), event: try m.required("event").string(),
        treatment: try treatment.string(), subgroups: try m.required("subgroups").strings())
    } else if let estimate = m["estimate"] {
      source = .estimates(
        label: try m.required("label").string(), estimate: try estimate.string(),
        lower: try m.required("lower").string(), upper: try m.required("upper").string(),
        p: try m["p"]?.string(), n: try m["n"]?.string(), group: try m["group"]?.string())
    } else {
      throw m.node.error("a forest plot needs 'model' (Cox models), 'treatment' (subgroups) or 'estimate' (published estimates)")
    }
    var request = ForestRequest(dataPath: dataPath, source: source)
    request.widthMillimetres = style.width
    request.palette = style.palette
    request.fontSize = style.fontSize
    request.fontFamily = style.fontFamily
    request.lineWidth = style.lineWidth
    request.dpi = style.dpi
    request.eventValue = try m["event-value"]?.string()
    if let n = m["censor-value"] { request.censorValues = try n.strings() }
    request.selection = try selection(m)
    if let n = m["ph-test"] { request.testsProportionalHazards = try n.bool() }
    if let n = m["counts"] { request.showsCounts = try n.bool() }
    if let n = m["ties"] {
      request.ties = CoxRegressionOptions.Ties(rawValue: try n.choice(CoxRegressionOptions.Ties.allCases.map(\.rawValue)))!
    }
    if let n = m["conf-level"] { request.confidenceLevel = try n.number("a confidence level between 0 and 1") }
    for (key, value) in try m["labels"]?.entries() ?? [] { request.labels[key] = try value.string() }
    if let n = m["favours"] {
      let sides = try n.strings()
      guard sides.count == 2 else { throw n.error("expected two labels, [left, right]") }
      request.favours = (sides[0], sides[1])
    }
    if let n = m["x-title"] { request.xTitle = try n.string() }
    if let n = m["x-breaks"] {
      let breaks = try n.numbers()
      if let bad = breaks.first(where: { !($0 > 0) }) {
        throw n.error("x-breaks are hazard ratios on a log axis and must be greater than 0, found '\(JournalFormat.tick(bad))'")
      }
      request.xBreaks = breaks
    }
    request.title = try m["title"]?.string()
    if let n = m["width"] { request.widthMillimetres = try KaplanMeierTemplateKeys.millimetres(n) }
    if let n = m["height"] { request.heightMillimetres = try KaplanMeierTemplateKeys.millimetres(n) }
    if let n = m["font-size"] { request.fontSize = try KaplanMeierTemplateKeys.fontSize(n) }
    if let n = m["font"] { request.fontFamily = try KaplanMeierTemplateKeys.fontFamily(n) }
    if let n = m["line-width"] { request.lineWidth = try KaplanMeierTemplateKeys.lineWidth(n) }
    if let n = m["dpi"] { request.dpi = try KaplanMeierTemplateKeys.dpi(n) }
    if let n = m["palette"] { request.palette = try KaplanMeierTemplateKeys.palette(n) }
    if let n = m["decimals"] { request.decimals = try n.integer("a number of decimals") }
    return request
  }
}
