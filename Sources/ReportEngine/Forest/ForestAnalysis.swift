import ClinicalCSV
import FigureCore
import SurvivalFigures
import SurvivalStatistics

/// The rows of a forest plot computed from a table, and the numbers behind them.
public struct ForestAnalysis: Sendable {
  public var rows: [ForestRow]
  public var seriesNames: [String]
  public var extraColumns: [String]
  /// Every estimate as JSON, for sidecars.
  public var json: JSONValue

  public init(table: DataTable, request: ForestRequest) throws {
    switch request.source {
    case .models(let formula, let univariable, let multivariable):
      self = try Self.models(table, request, formula: formula, univariable: univariable, multivariable: multivariable)
    case .subgroups(let time, let event, let treatment, let subgroups):
      self = try Self.subgroups(table, request, time: time, event: event, treatment: treatment, subgroups: subgroups)
    case .estimates(let label, let estimate, let lower, let upper, let p, let n, let group):
      self = try Self.estimates(table, label: label, estimate: estimate, lower: lower, upper: upper, p: p, n: n, group: group)
    }
  }

  init(rows: [ForestRow], seriesNames: [String], extraColumns: [String], json: JSONValue) {
    self.rows = rows
    self.seriesNames = seriesNames
    self.extraColumns = extraColumns
    self.json = json
  }

  /// The figure of these rows as `request` describes it.
  public func figure(_ request: ForestRequest) -> ForestPlot {
    let width = request.widthMillimetres.millimetres
    var theme = FigureTheme.scaled(forWidth: width)
    if let palette = request.palette, !palette.isEmpty { theme.palette = palette }
    if let size = request.fontSize {
      theme.fontSize = size
      theme.smallFontSize = max(size - 1, theme.minimumFontSize)
      theme.titleFontSize = size + 1
    }
    let level = JournalFormat.tick(request.confidenceLevel * 100)
    let options = ForestPlotOptions(
      width: width, height: request.heightMillimetres?.millimetres, theme: theme,
      title: request.title.map { StyledText($0) }, extraColumns: extraColumns,
      seriesNames: seriesNames, estimateTitle: "HR (\(level)% CI)", xTitle: request.xTitle,
      favours: request.favours, xBreaks: request.xBreaks, decimals: request.decimals)
    return ForestPlot(rows: rows, options: options)
  }

  /// The hazard ratio of a coefficient; nil when it is not estimable (aliased, or an
  /// interval that is not finite, as under monotone likelihood).
  static func estimate(_ c: CoxRegression.Coefficient) -> ForestRow.Estimate? {
    guard !c.isAliased, c.hazardRatioLower > 0, c.hazardRatioUpper.isFinite, c.hazardRatio.isFinite,
      c.hazardRatio > 0
    else { return nil }
    return ForestRow.Estimate(value: c.hazardRatio, lower: c.hazardRatioLower, upper: c.hazardRatioUpper, p: c.p)
  }

  static func json(_ c: CoxRegression.Coefficient) -> JSONValue {
    .object([
      ("term", .string(c.label.term)), ("name", .string(c.name)),
      ("level", c.label.levels.map { .string($0) } ?? .null),
      ("reference", c.label.references.map { .string($0) } ?? .null), ("hr", .number(c.hazardRatio)),
      ("lower", .number(c.hazardRatioLower)), ("upper", .number(c.hazardRatioUpper)), ("p", .number(c.p)),
    ])
  }

  static func fit(_ table: DataTable, _ request: ForestRequest, formula: String) throws -> CoxAnalysis {
    var cox = CoxRequest(dataPath: request.dataPath, formula: formula, eventValue: request.eventValue, censorValues: request.censorValues)
    cox.ties = request.ties
    cox.confidenceLevel = request.confidenceLevel
    return try CoxAnalysis(table: table, request: cox)
  }

  // MARK: Models

  static func models(
    _ table: DataTable, _ request: ForestRequest, formula: String, univariable: Bool, multivariable: Bool
  ) throws -> ForestAnalysis {
    let parsed: ModelFormula
    do { parsed = try ModelFormula(parsing: formula) } catch {
      throw CoxAnalysisError(file: table.file, formula: formula, message: "\(error)")
    }
    let response = String(formula[..<(formula.firstIndex(of: "~") ?? formula.endIndex)]).trimmingCharacters(in: .whitespaces)
    let strata = parsed.strata.isEmpty ? "" : " + strata(" + parsed.strata.map(\.description).joined(separator: ", ") + ")"
    var series: [(name: String, fits: [String: CoxRegression])] = []
    if univariable || !multivariable {
      var fits: [String: CoxRegression] = [:]
      for term in parsed.terms {
        fits[term.label] = try fit(table, request, formula: "\(response) ~ \(term.label)\(strata)").fit
      }
      series.append(("Univariable", fits))
    }
    var full: CoxRegression?
    if multivariable {
      let model = try fit(table, request, formula: formula).fit
      full = model
      series.append(("Multivariable", Dictionary(uniqueKeysWithValues: parsed.terms.map { ($0.label, model) })))
    }
    func display(_ name: String) -> String { request.labels[name] ?? request.labels[bare(name)] ?? bare(name) }

    var rows: [ForestRow] = []
    var entries: [JSONValue] = []
    for term in parsed.terms {
      let coefficients = (series.last?.fits[term.label] ?? full)?.coefficients.filter { $0.label.term == term.label } ?? []
      func estimates(_ name: String) -> [ForestRow.Estimate?] {
        series.map { s in s.fits[term.label]?.coefficient(named: name).flatMap(Self.estimate) }
      }
      let isFactor = coefficients.contains { $0.label.level != nil } && !coefficients.contains { $0.label.isInteraction }
      if isFactor, let first = coefficients.first {
        let variable = first.label.components.first?.variable ?? term.label
        let test = series.last?.fits[term.label]?.termTest(for: term.label)
        let p = coefficients.count > 1 ? test?.wald.p : nil
        rows.append(ForestRow(kind: .header, label: display(variable), headerPValues: series.indices.map { $0 == series.count - 1 ? p : nil }))
        if let reference = first.label.reference {
          rows.append(ForestRow(kind: .reference, label: display(reference), indent: 1))
        }
        for c in coefficients {
          rows.append(ForestRow(kind: .estimate, label: display(c.label.level ?? c.name), indent: 1, estimates: estimates(c.name), note: "NE"))
        }
      } else {
        for c in coefficients {
          rows.append(ForestRow(kind: .estimate, label: display(c.name), estimates: estimates(c.name), note: "NE"))
        }
      }
      for (name, fits) in series {
        for c in fits[term.label]?.coefficients.filter({ $0.label.term == term.label }) ?? [] {
          entries.append(.object([("model", .string(name.lowercased()))] + (Self.json(c).objectPairs)))
        }
      }
    }
    return ForestAnalysis(rows: rows, seriesNames: series.count > 1 ? series.map(\.name) : [""], extraColumns: [], json: .object([("form", .string("models")), ("formula", .string(formula)), ("estimates", .array(entries))]))
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
