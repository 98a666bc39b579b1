import FigureCore
import SurvivalFigures
import SurvivalStatistics
import Analyses
import Expressions
import ClinicalCSV

/// The keys of a Kaplan–Meier figure in a template: every option of `survfig km`, under the
/// same name without the leading dashes (`--group-labels` is `group-labels:`), applied to a
/// ``KaplanMeierRequest``.
///
/// Switches that the command spells as `--no-…` are booleans here (`p-value: false`,
/// `censor-marks: false`), as a hand-written template reads better that way.
enum KaplanMeierTemplateKeys {
  typealias Apply = @Sendable (TemplateNode, inout KaplanMeierRequest) throws(TemplateError) -> Void

  static let keys: [(String, Apply)] = [
    // Data
    ("time", { n, r throws(TemplateError) in r.timeColumn = try n.string() }),
    ("event", { n, r throws(TemplateError) in r.eventColumn = try n.string() }),
    ("event-value", { n, r throws(TemplateError) in r.eventValue = try n.string() }),
    ("censor-value", { n, r throws(TemplateError) in r.censorValues = try n.strings() }),
    ("group", { n, r throws(TemplateError) in r.groupColumn = try n.string() }),
    ("group-order", { n, r throws(TemplateError) in r.groupOrder = try n.strings() }),
    (
      "group-labels",
      { n, r throws(TemplateError) in
        for (code, label) in try n.entries() { r.groupLabels[code] = try label.string() }
      }
    ),
    ("strata", { n, r throws(TemplateError) in r.strataColumn = try n.string() }),
    // Statistics
    (
      "conf-type",
      { n, r throws(TemplateError) in
        r.confidenceType = ConfidenceBand.Transform(
          rawValue: try n.choice(ConfidenceBand.Transform.allCases.map(\.rawValue)))!
      }
    ),
    (
      "conf-level",
      { n, r throws(TemplateError) in
        let level = try n.number("a confidence level between 0 and 1 (e.g. 0.95)")
        guard level > 0, level < 1 else {
          throw n.error("expected a confidence level between 0 and 1 (e.g. 0.95), found \(n.shown)")
        }
        r.confidenceLevel = level
      }
    ),
    ("times", { n, r throws(TemplateError) in r.times = try n.numbers() }),
    ("rmst-tau", { n, r throws(TemplateError) in r.rmstTau = try n.number() }),
    ("rho", { n, r throws(TemplateError) in r.rho = try n.number() }),
    (
      "pairwise",
      { n, r throws(TemplateError) in
        r.pairwiseAdjustment = PValueAdjustment(
          rawValue: try n.choice(PValueAdjustment.allCases.map(\.rawValue)))
      }
    ),
    ("trend", { n, r throws(TemplateError) in r.testsTrend = try n.bool() }),
    ("hazard-ratio", { n, r throws(TemplateError) in r.estimatesHazardRatios = try n.bool() }),
    (
      "hr-adjust",
      { n, r throws(TemplateError) in
        r.hazardRatioAdjustment = try n.string()
        r.estimatesHazardRatios = true
      }
    ),
    // Figure
    ("title", { n, r throws(TemplateError) in r.figure.title = try n.string() }),
    ("x-title", { n, r throws(TemplateError) in r.figure.xTitle = try n.string() }),
    ("y-title", { n, r throws(TemplateError) in r.figure.yTitle = try n.string() }),
    (
      "fun",
      { n, r throws(TemplateError) in
        r.figure.function = CurveFunction(rawValue: try n.choice(CurveFunction.allCases.map(\.rawValue)))!
      }
    ),
    ("percent", { n, r throws(TemplateError) in r.figure.percent = try n.bool() }),
    ("time-unit", { n, r throws(TemplateError) in r.figure.dataTimeUnit = try unit(n) }),
    ("display-unit", { n, r throws(TemplateError) in r.figure.displayTimeUnit = try unit(n) }),
    ("x-breaks", { n, r throws(TemplateError) in r.figure.xBreaks = try n.numbers() }),
    ("x-by", { n, r throws(TemplateError) in r.figure.xBreakEvery = try positive(n) }),
    ("x-max", { n, r throws(TemplateError) in r.figure.xMax = try positive(n) }),
    ("confidence-bands", { n, r throws(TemplateError) in r.figure.showsConfidenceBands = try n.bool() }),
    ("censor-marks", { n, r throws(TemplateError) in r.figure.showsCensorMarks = try n.bool() }),
    ("median-lines", { n, r throws(TemplateError) in r.figure.showsMedianLines = try n.bool() }),
    ("p-value", { n, r throws(TemplateError) in r.figure.showsPValue = try n.bool() }),
    ("medians", { n, r throws(TemplateError) in r.figure.showsMedians = try n.bool() }),
    (
      "risk-table",
      { n, r throws(TemplateError) in
        r.figure.riskTable = RiskTableStyle(rawValue: try n.choice(RiskTableStyle.allCases.map(\.rawValue)))!
      }
    ),
    ("risk-times", { n, r throws(TemplateError) in r.figure.riskTableTimes = try n.numbers() }),
    (
      "legend",
      { n, r throws(TemplateError) in
        r.figure.legend = LegendPlacement(rawValue: try n.choice(LegendPlacement.allCases.map(\.rawValue)))!
      }
    ),
    ("legend-title", { n, r throws(TemplateError) in r.figure.legendTitle = try n.string() }),
    ("width", { n, r throws(TemplateError) in r.figure.widthMillimetres = try millimetres(n) }),
    (
      "height",
      { n, r throws(TemplateError) in
        r.figure.heightMillimetres = try millimetres(n)
        r.figure.isHeightFixed = true
      }
    ),
    ("dpi", { n, r throws(TemplateError) in r.figure.dpi = try dpi(n) }),
    ("palette", { n, r throws(TemplateError) in r.figure.palette = try palette(n) }),
    ("line-width", { n, r throws(TemplateError) in r.figure.lineWidth = try lineWidth(n) }),
    ("font-size", { n, r throws(TemplateError) in r.figure.fontSize = try fontSize(n) }),
    ("font", { n, r throws(TemplateError) in r.figure.fontFamily = try fontFamily(n) }),
  ]

  static let names = keys.map(\.0)

  static func apply(_ mapping: TemplateMapping, to request: inout KaplanMeierRequest) throws(TemplateError) {
    for (key, apply) in keys {
      if let node = mapping[key] { try apply(node, &request) }
    }
  }

  /// Keys that make no sense together: `strata` without `group`, `median-lines` on a
  /// cumulative-hazard plot.
  static func checkCombinations(_ mapping: TemplateMapping, _ request: KaplanMeierRequest) throws(TemplateError) {
    if let strata = mapping["strata"], request.groupColumn == nil {
      throw strata.error(KaplanMeierRequest.strataWithoutGroupMessage(strata: "'strata'", group: "'group'"))
    }
    if let lines = mapping["median-lines"], request.figure.showsMedianLines, request.figure.function == .cumhaz {
      throw lines.error(
        KaplanMeierFigureRequest.medianLinesOnCumulativeHazardMessage(option: "'median-lines'", function: "'fun: cumhaz'"))
    }
  }

  static func unit(_ n: TemplateNode) throws(TemplateError) -> TimeUnit {
    TimeUnit(rawValue: try n.choice(TimeUnit.allCases.map(\.rawValue)))!
  }

  static func positive(_ n: TemplateNode) throws(TemplateError) -> Double {
    let v = try n.number("a number greater than 0")
    guard v > 0 else { throw n.error("expected a number greater than 0, found \(n.shown)") }
    return v
  }

  /// A PNG resolution, 36–2400 dpi (every figure type and the style).
  static func dpi(_ n: TemplateNode) throws(TemplateError) -> Double {
    let dpi = try n.number("a resolution in dots per inch")
    guard dpi >= 36, dpi <= 2400 else { throw n.error("expected a resolution between 36 and 2400 dpi, found \(n.shown)") }
    return dpi
  }

  /// A typeface, `sans` (Liberation Sans, as Arial and Helvetica) or `serif` (Liberation Serif,
  /// as Times New Roman), for every figure type and the style.
  static func fontFamily(_ n: TemplateNode) throws(TemplateError) -> FontFamily {
    FontFamily(rawValue: try n.choice(FontFamily.allCases.map(\.rawValue)))!
  }

  /// A base type size, 4–24 pt (every figure type and the style).
  static func fontSize(_ n: TemplateNode) throws(TemplateError) -> Double {
    let size = try n.number("a type size in points")
    guard size >= 4, size <= 24 else { throw n.error("expected a type size between 4 and 24 pt, found \(n.shown)") }
    return size
  }

  /// A width of the data lines (curves, intervals, response lines), over 0 and at most 5 pt.
  static func lineWidth(_ n: TemplateNode) throws(TemplateError) -> Double {
    let width = try n.number("a line width in points")
    guard width > 0, width <= 5 else { throw n.error("expected a line width between 0 and 5 pt, found \(n.shown)") }
    return width
  }

  static func millimetres(_ n: TemplateNode) throws(TemplateError) -> Double {
    let v = try n.number("a size in millimetres")
    guard v >= 30, v <= 1000 else { throw n.error("expected a size between 30 and 1000 mm, found \(n.shown)") }
    return v
  }

  /// `okabe-ito`, `grayscale`, or a list of `#RRGGBB` colours.
  static func palette(_ n: TemplateNode) throws(TemplateError) -> [Color] {
    if case .scalar = n.node {
      switch try n.string() {
      case "okabe-ito": return FigureTheme.okabeIto
      case "grayscale", "greyscale": return FigureTheme.grayscale
      default: break
      }
    }
    return try n.strings().map { item throws(TemplateError) in
      guard let color = Color(hex: item) else {
        throw n.error("expected 'okabe-ito', 'grayscale' or colours like '#0072B2', found '\(item)'")
      }
      return color
    }
  }
}
