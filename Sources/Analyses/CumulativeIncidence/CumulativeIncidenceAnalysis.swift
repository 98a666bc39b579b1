import ClinicalData
import SurvivalStatistics

/// The statistics of a cumulative incidence analysis: the Aalen–Johansen cumulative incidence of
/// every cause per group with cmprsk's variance, the incidences at the requested times, Gray's
/// test between the groups and, when asked, a Fine–Gray model. Everything the `cif` command
/// prints and draws.
///
/// R: `cuminc(time, status, group, strata, rho = ρ, cencode)`, `timepoints(fit, times)` and
/// `crr(time, status, cov1, failcode = 1)` on the rows with a time, a status and a group.
public struct CumulativeIncidenceAnalysis: Sendable {
  /// The request as analysed, with what the data say filled in
  /// (``CumulativeIncidenceRequest/resolved(for:)``).
  public let request: CumulativeIncidenceRequest
  /// The analysed rows and their causes.
  public let columns: CompetingRisksColumns
  /// The sample: cause 1 is the event of interest, 2, 3, … the competing codes.
  public let sample: CompetingRisksSample
  /// The pointwise confidence band.
  public let band: CumulativeIncidenceBand
  /// The estimates of every cause in every group.
  public let estimate: CumulativeIncidence
  /// The incidence of the event of interest at the requested times, per group.
  public let atTimes: [[CumulativeIncidence.Curve.ValueAtTime]]
  /// Gray's test of the event of interest between the groups; nil for a single group.
  public let gray: GrayTest?
  /// The Fine–Gray model of the event of interest, when terms were given.
  public let fineGray: FineGrayRegression?
  /// The formula of that model, as R would write it.
  public let fineGrayFormula: String?

  /// The label of the single group when no group column is given.
  public static let allPatientsLabel = KaplanMeierAnalysis.allPatientsLabel

  /// Analyses the table as `request` says.
  ///
  /// - Throws: ``DataError``, ``ColumnMappingError`` or ``CompetingRisksColumnError`` (naming
  ///   file, line and column) for data that cannot be analysed; ``CoxAnalysisError`` for a
  ///   Fine–Gray model that cannot be fitted; ``SurvivalOptionError`` for invalid options.
  public init(table source: DataTable, request asked: CumulativeIncidenceRequest) throws {
    let table = try asked.rowSelection.apply(to: source)
    let request = try asked.resolved(for: table)
    let preferred = request.groupOrder == nil ? request.groupColumn.flatMap { ADaM.twinOrder(of: $0, in: table) } : nil
    let columns = try CompetingRisksColumns(table: table, request: request, preferredGroupOrder: preferred)
    guard columns.eventCount > 0 else {
      throw CompetingRisksColumnError(
        file: table.file,
        message:
          "no analysed row has the event of interest '\(columns.codes[0])' in column '\(request.statusColumn)': every row with it has a missing value in another column"
      )
    }
    let groupLabels = columns.group.map { group in group.codes.map { group.levels[$0] } }
    let sample = try CompetingRisksSample(
      times: columns.times, statuses: columns.statuses,
      groups: groupLabels ?? [String](repeating: Self.allPatientsLabel, count: columns.count),
      groupOrder: columns.group?.levels ?? [Self.allPatientsLabel],
      strata: columns.strata.map { strata in strata.codes.map { strata.levels[$0] } },
      strataOrder: columns.strata?.levels)
    let band = try CumulativeIncidenceBand(request.confidenceType, level: request.confidenceLevel)
    let estimate = CumulativeIncidence(sample, confidence: band)

    self.request = request
    self.columns = columns
    self.sample = sample
    self.band = band
    self.estimate = estimate
    self.atTimes = try estimate.groups.map { group throws(SurvivalOptionError) in
      try group.curve(cause: 1)?.values(atTimes: request.times) ?? []
    }
    self.gray = sample.groupLabels.count > 1 ? try GrayTest(sample, cause: 1, rho: request.rho) : nil
    if let terms = request.fineGrayTerms {
      let (fit, formula) = try Self.fineGray(terms: terms, table: table, request: request, columns: columns)
      self.fineGray = fit
      self.fineGrayFormula = formula
    } else {
      self.fineGray = nil
      self.fineGrayFormula = nil
    }
  }

  /// Reads the data file of `request` and analyses it.
  public init(readingDataOf request: CumulativeIncidenceRequest) throws {
    try self.init(table: try DataTable(contentsOfFile: request.dataPath), request: request)
  }

  /// The codes of the causes with events, in cause order (the event of interest first).
  public var causeCodes: [String] { estimate.causes.map { columns.codes[$0 - 1] } }

  /// The curve of the event of interest in group `index`.
  public func eventCurve(_ index: Int) -> CumulativeIncidence.Curve? {
    estimate.groups[index].curve(cause: 1)
  }

  /// Analysed rows the Fine–Gray model left out for a missing covariate.
  public var fineGrayExcludedCount: Int { fineGray.map { columns.count - $0.observationCount } ?? 0 }

  /// Things the reader of the results should know: rows left out, Gray's test caveats and
  /// the Fine–Gray model's.
  public var warnings: [String] {
    var notes: [String] = []
    if columns.excludedCount > 0 {
      notes.append("\(columns.file): \(_counted(columns.excludedCount, "row")) with a missing value left out")
    }
    for diagnostic in gray?.diagnostics ?? [] { notes.append("Gray's test: \(diagnostic)") }
    if let fit = fineGray {
      for diagnostic in fit.diagnostics { notes.append("Fine–Gray model: \(diagnostic)") }
      if fineGrayExcludedCount > 0 {
        notes.append(
          "Fine–Gray model: \(_counted(fineGrayExcludedCount, "row")) with a missing value in the model's columns left out"
        )
      }
    }
    return notes
  }
}
