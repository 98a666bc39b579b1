import ClinicalData
import FigureCore
import OptionSchema
import SurvivalFigures
import SurvivalStatistics

/// Subdistribution hazard ratios of a Fine–Gray model, `type: fine-gray`: the table beside the
/// Cox tables for an endpoint with competing events.
public enum FineGrayTableKind: TableKind {
  public static let name = "fine-gray"
  public static var options: OptionTable<CumulativeIncidenceRequest> { CumulativeIncidenceRequest.fineGrayTableOptions }
  public static func request(defaults: FigureOutput) -> CumulativeIncidenceRequest {
    CumulativeIncidenceKind.request(defaults: FigureOutput(), height: 0)
  }
  public static func dataFiles(_ request: CumulativeIncidenceRequest) -> [String] { [request.dataPath] }
  public static func table(_ request: CumulativeIncidenceRequest, title: String?, data: FigureData) throws
    -> ComputedTable
  {
    let analysis = try CumulativeIncidenceAnalysis(table: try data.table(request.dataPath), request: request)
    let figure = analysis.request.figure
    return ComputedTable(
      table: analysis.fineGrayTable(title: title), statistics: analysis.json(withTables: false),
      fullStatistics: analysis.json, notes: analysis.warnings.filter { !$0.hasPrefix(analysis.columns.file + ":") },
      sidecar: TimeUnit.sidecarEntries(data: figure.dataTimeUnit, display: figure.displayTimeUnit))
  }
}

extension CumulativeIncidenceRequest {
  /// The keys of a Fine–Gray table: the data and statistics keys, `fine-gray` required, and
  /// the labels of its rows.
  public static let fineGrayTableOptions = OptionTable<CumulativeIncidenceRequest>(
    options.sections([.data, .statistics]).declarations + [
      .labels(
        "labels", section: .data, "Display labels of the model's variables and levels.",
        example: "labels: {edema: Oedema, 'factor(edema):1': Despite diuretics}"
      ) { request, pairs in for (key, label) in pairs { request.termLabels[key] = label } }
    ],
    rules: { request, context throws(OptionError) in
      try request.checkCombinations(context)
      if request.fineGrayTerms == nil {
        throw context.error(
          "missing \(context.name("fine-gray")): a Fine–Gray table needs the model's terms, e.g. 'fine-gray: age + factor(stage)'"
        )
      }
    })
}

extension CumulativeIncidenceAnalysis {
  /// The Fine–Gray model as a table: per term its subdistribution hazard ratio with its
  /// interval and P value; a factor's levels under its name, the reference level first.
  public func fineGrayTable(title: String?) -> ReportTable {
    let level = JournalFormat.tick(band.level * 100)
    let columns = [
      ReportTable.Column("Variable"), ReportTable.Column("sHR (\(level)% CI)", alignment: .trailing),
      ReportTable.Column(styled: StyledText.italic("P"), alignment: .trailing),
    ]
    let labels = request.termLabels
    func display(_ name: String) -> String { labels[name] ?? labels[bare(name)] ?? bare(name) }
    func cells(_ c: FineGrayRegression.Coefficient) -> [String] {
      guard !c.isAliased, c.standardError.isFinite else { return ["NE", ""] }
      return [
        JournalFormat.estimate(c.hazardRatio, lower: c.hazardRatioLower, upper: c.hazardRatioUpper, decimals: 2),
        JournalFormat.pValue(c.p),
      ]
    }
    var rows: [ReportTable.Row] = []
    let coefficients = fineGray?.coefficients ?? []
    var terms: [String] = []
    for c in coefficients where !terms.contains(c.label.term) { terms.append(c.label.term) }
    for term in terms {
      let members = coefficients.filter { $0.label.term == term }
      let components = members.first?.label.components ?? []
      if components.count == 1, let variable = components.first?.variable, members.allSatisfy({ $0.label.level != nil })
      {
        rows.append(ReportTable.Row([display(variable), "", ""], isBold: true))
        if let reference = components.first?.reference {
          let text = ForestAnalysis.givenLabel(level: reference, of: variable, in: labels) ?? reference
          rows.append(ReportTable.Row([text, "Reference", ""], indent: 1))
        }
        for c in members {
          let value = c.label.level ?? c.name
          rows.append(
            ReportTable.Row(
              [ForestAnalysis.givenLabel(level: value, of: variable, in: labels) ?? value] + cells(c), indent: 1))
        }
      } else {
        for c in members {
          let text =
            components.count == 1 && c.label.level == nil
            ? display(c.label.term) : ForestAnalysis.interactionText(c.label, labels: labels, display: display)
          rows.append(ReportTable.Row([text] + cells(c)))
        }
      }
    }
    let event = request.causeLabel(self.columns.codes[0])
    let competing = self.columns.codes.dropFirst().map { "'\(request.causeLabel($0))'" }
    var counts = "\(fineGray?.observationCount ?? 0) patients, \(fineGray?.eventCount ?? 0) events of '\(event)'"
    if let fit = fineGray, !competing.isEmpty {
      counts += ", \(fit.competingEventCount) competing events (\(competing.joined(separator: ", ")))"
    }
    if fineGrayExcludedCount > 0 {
      counts += "; \(_counted(fineGrayExcludedCount, "patient")) with a missing covariate left out"
    }
    return ReportTable(
      title: title, columns: columns, rows: rows,
      footnotes: [
        "sHR, subdistribution hazard ratio (Fine–Gray model of '\(event)', sandwich standard errors, R cmprsk::crr); CI, confidence interval\(rows.contains { $0.cells.contains("NE") } ? "; NE, not estimable" : ""). P values by Wald tests.",
        counts + ".",
        methods(),
      ])
  }
}
