import ClinicalData
import FigureCore
import SurvivalFigures
import SurvivalStatistics

/// The rows of a forest plot computed from a table, and the numbers behind them.
public struct ForestAnalysis: Sendable {
  public var rows: [ForestRow]
  public var seriesNames: [String]
  public var extraColumns: [String]
  /// Title of the P columns: "P", or "P for interaction" for a subgroup analysis (where only
  /// the header lines carry a P value).
  public var pTitle: String
  /// Statistical caveats of the fits (monotone likelihood, non-convergence), each naming its
  /// model, for `warning:` lines.
  public var warnings: [String]
  /// Notes for a table of these rows (how the models were chosen, what empty cells mean).
  public var footnotes: [String]
  /// Every estimate as JSON, for sidecars.
  public var json: JSONValue
  /// Patients, events and rows left out of the multivariable model (of the first model when
  /// there is none); nil for a table of estimates.
  public var modelCounts: (patients: Int, events: Int, excluded: Int)?
  /// Display names of the terms backward elimination kept; nil without selection.
  public var selectedTerms: [String]?

  public init(table source: DataTable, request: ForestRequest) throws {
    let table = try request.rowSelection.apply(to: source)
    switch request.source {
    case .models(let formula, let univariable, let multivariable):
      self = try Self.models(table, request, formula: formula, univariable: univariable, multivariable: multivariable)
    case .subgroups(let time, let event, let treatment, let subgroups):
      self = try Self.subgroups(table, request, time: time, event: event, treatment: treatment, subgroups: subgroups)
    case .estimates(let label, let estimate, let lower, let upper, let p, let n, let group):
      self = try Self.estimates(
        table, label: label, estimate: estimate, lower: lower, upper: upper, p: p, n: n, group: group)
    }
  }

  init(
    rows: [ForestRow], seriesNames: [String], extraColumns: [String], pTitle: String = "P", warnings: [String] = [],
    footnotes: [String] = [], json: JSONValue
  ) {
    self.rows = rows
    self.seriesNames = seriesNames
    self.extraColumns = extraColumns
    self.pTitle = pTitle
    self.warnings = warnings
    self.footnotes = footnotes
    self.json = json
  }

  /// The figure of these rows as `request` describes it.
  public func figure(_ request: ForestRequest) -> ForestPlot {
    let width = request.output.widthMillimetres.millimetres
    let theme = FigureTheme.styled(
      width: width, fontSize: request.output.fontSize, fontFamily: request.output.fontFamily, lineWidth: nil,
      palette: request.output.palette, minimumFontSize: request.output.minimumFontSize)
    let level = JournalFormat.tick(request.confidenceLevel * 100)
    // "P for interaction" in two lines ("P for", "interaction"), the P in italics.
    let words = pTitle.split(separator: " ").map(String.init)
    let pLines: [StyledText] =
      words.count <= 1
      ? [.italic("P")]
      : [.italic("P") + StyledText(" " + words[1]), StyledText(words.dropFirst(2).joined(separator: " "))].filter {
        !$0.isEmpty
      }
    let options = ForestPlotOptions(
      width: width, height: request.output.heightMillimetres?.millimetres, theme: theme,
      title: request.output.title.map { StyledText($0) }, extraColumns: extraColumns,
      seriesNames: seriesNames, estimateTitle: "HR (\(level)% CI)", xTitle: request.xTitle,
      favours: request.favours, xBreaks: request.xBreaks, decimals: request.decimals, pTitle: pLines)
    var plot = ForestPlot(rows: rows, options: options)
    plot.options.lineWidth = request.output.lineWidth
    return plot
  }

  /// The hazard ratio of a coefficient; nil when it is not estimable: aliased, flagged by the
  /// fit as possibly infinite (monotone likelihood), or with an interval that is not finite.
  static func estimate(_ c: CoxRegression.Coefficient, in fit: CoxRegression? = nil) -> ForestRow.Estimate? {
    guard !c.isAliased, c.hazardRatioLower > 0, c.hazardRatioUpper.isFinite, c.hazardRatio.isFinite,
      c.hazardRatio > 0, !(fit.map { isPossiblyInfinite(c.name, in: $0) } ?? false)
    else { return nil }
    return ForestRow.Estimate(value: c.hazardRatio, lower: c.hazardRatioLower, upper: c.hazardRatioUpper, p: c.p)
  }

  /// True when the fit reports the coefficient as possibly infinite.
  static func isPossiblyInfinite(_ name: String, in fit: CoxRegression) -> Bool {
    fit.diagnostics.contains { diagnostic in
      if case .possiblyInfiniteCoefficients(let names, _) = diagnostic { return names.contains(name) }
      return false
    }
  }

  /// A coefficient as JSON; `estimable` is false where the plot shows NE.
  static func json(_ c: CoxRegression.Coefficient, in fit: CoxRegression? = nil) -> JSONValue {
    .object([
      ("term", .string(c.label.term)), ("name", .string(c.name)),
      ("level", c.label.levels.map { .string($0) } ?? .null),
      ("reference", c.label.references.map { .string($0) } ?? .null), ("hr", .number(c.hazardRatio)),
      ("lower", .number(c.hazardRatioLower)), ("upper", .number(c.hazardRatioUpper)), ("p", .number(c.p)),
      ("estimable", .bool(estimate(c, in: fit) != nil)),
    ])
  }

  /// The fit's caveats as warnings about `model` ("univariable model of 'age'").
  static func warnings(_ fit: CoxRegression, model: String) -> [String] {
    fit.diagnostics.map { "\(model): \($0.description)" }
  }

  /// The label given for a level of `variable`: under `variable:level` (the variable as
  /// written or without `factor()`: `sex:1`), else under the level alone (`1`).
  static func givenLabel(level: String, of variable: String, in labels: [String: String]) -> String? {
    labels["\(variable):\(level)"] ?? labels["\(bare(variable)):\(level)"] ?? labels[level]
  }

  /// The Cox request of one model of this forest plot.
  static func coxRequest(_ request: ForestRequest, formula: String) -> CoxRequest {
    var cox = CoxRequest(
      dataPath: request.dataPath, formula: formula, eventValue: request.eventValue, censorValues: request.censorValues)
    cox.ties = request.ties
    cox.confidenceLevel = request.confidenceLevel
    cox.weightsColumn = request.weightsColumn
    return cox
  }

  static func fit(_ table: DataTable, _ request: ForestRequest, formula: String) throws -> CoxAnalysis {
    try CoxAnalysis(table: table, request: coxRequest(request, formula: formula))
  }
}

/// A variable without R's `factor(…)`, `relevel(…)` or `as.factor(…)` wrapper: `celltype`.
func bare(_ name: String) -> String {
  for prefix in ["factor(", "as.factor(", "relevel("] where name.hasPrefix(prefix) && name.hasSuffix(")") {
    let inner = name.dropFirst(prefix.count).dropLast()
    return bare(String(inner.split(separator: ",").first ?? inner).trimmingCharacters(in: .whitespaces))
  }
  return name
}

extension JSONValue {
  /// The key–value pairs of an object (empty for other values).
  var objectPairs: [(String, JSONValue)] {
    if case .object(let pairs) = self { return pairs }
    return []
  }
}
