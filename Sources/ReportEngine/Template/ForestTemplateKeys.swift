import SurvivalStatistics

/// The keys of a forest plot in a template. The form follows from the keys given: `model`
/// (Cox models; `univariable`/`multivariable` choose the columns), `treatment` with `time`,
/// `event` and `subgroups` (subgroup analysis), or `estimate` with `label`, `lower`, `upper`
/// (published estimates).
enum ForestTemplateKeys {
  static let names = [
    "model", "univariable", "multivariable", "time", "event", "treatment", "subgroups", "label",
    "estimate", "lower", "upper", "p", "n", "group", "event-value", "censor-value", "ties", "conf-level", "labels",
    "favours", "x-title", "x-breaks", "title", "width", "height", "font-size", "palette", "decimals",
  ]

  static func request(_ m: TemplateMapping, dataPath: String, style: ReportStyle) throws(TemplateError) -> ForestRequest {
    let source: ForestRequest.Source
    if let model = m["model"] {
      source = .models(
        formula: try model.string(), univariable: try m["univariable"]?.bool() ?? true,
        multivariable: try m["multivariable"]?.bool() ?? true)
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
    request.dpi = style.dpi
    request.eventValue = try m["event-value"]?.string()
    request.censorValues = try m["censor-value"]?.strings() ?? []
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
    if let n = m["x-breaks"] { request.xBreaks = try n.numbers() }
    request.title = try m["title"]?.string()
    if let n = m["width"] { request.widthMillimetres = try KaplanMeierTemplateKeys.millimetres(n) }
    if let n = m["height"] { request.heightMillimetres = try KaplanMeierTemplateKeys.millimetres(n) }
    if let n = m["font-size"] { request.fontSize = try n.number("a type size in points") }
    if let n = m["palette"] { request.palette = try KaplanMeierTemplateKeys.palette(n) }
    if let n = m["decimals"] { request.decimals = try n.integer("a number of decimals") }
    return request
  }
}
