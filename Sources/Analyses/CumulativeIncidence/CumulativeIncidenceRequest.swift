import ClinicalData
import FigureCore
import SurvivalFigures
import SurvivalStatistics

/// Everything a cumulative incidence (competing risks) analysis and its figure need: where the
/// data is, how its status column codes the event of interest, the competing events and
/// censoring, which statistics to compute and how to draw them. The `cif` command and report
/// templates both build one.
///
/// R: `cmprsk::cuminc(ftime = time, fstatus = status, group, strata, cencode)` with the event of
/// interest as one cause and each competing code as another; `timepoints(fit, times)`;
/// `crr(time, status, cov1, failcode, cencode)` for the Fine–Gray model.
public struct CumulativeIncidenceRequest: Hashable, Sendable {
  // Data
  public var dataPath: String
  /// The follow-up time column; empty: `AVAL` of an ADaM time-to-event data set.
  public var timeColumn: String
  /// The status (event type) column: the event of interest, a competing event or a censoring
  /// per row.
  public var statusColumn: String
  /// A censoring indicator column (ADaM's `CNSR`: 0 for an event, 1 or more for a censoring);
  /// with it, the status column gives the type of the events only.
  public var censorColumn: String?
  /// The code of the event of interest in the status column (R: `failcode`).
  public var eventValue: String?
  /// The codes of competing events; each is a cause of its own.
  public var competingValues: [String] = []
  /// The codes of censoring in the status column (R: `cencode`); empty: `0`. With a censor
  /// column, its censoring codes instead (empty: 1 or more, as ADaM's `CNSR`).
  public var censorValues: [String] = []
  public var groupColumn: String?
  /// Group codes in display order; nil uses R's factor order.
  public var groupOrder: [String]?
  /// Display labels for group codes.
  public var groupLabels: [String: String] = [:]
  /// Strata of Gray's test.
  public var strataColumn: String?
  /// Display labels of the event and competing codes (`1` → `Distant metastasis`).
  public var causeLabels: [String: String] = [:]
  /// The rows analysed: one ADaM parameter, a population, an expression.
  public var rowSelection = RowSelection()

  // Statistics
  public var confidenceType: CumulativeIncidenceBand.Transform = .logLog
  public var confidenceLevel = 0.95
  /// Times for cumulative incidences ("incidence at 3 and 5 years"), in the data's time unit.
  public var times: [Double] = []
  /// Gray's weight exponent ρ (0: unit weights, cmprsk's default).
  public var rho = 0.0
  /// Terms of a Fine–Gray model of the event of interest ("age + factor(stage)"); nil for none.
  public var fineGrayTerms: String?
  /// Display labels of the model's variables and levels, for a Fine–Gray table.
  public var termLabels: [String: String] = [:]

  // Figure
  public var figure = CumulativeIncidenceFigureRequest()

  public init(dataPath: String, timeColumn: String, statusColumn: String, eventValue: String? = nil) {
    self.dataPath = dataPath
    self.timeColumn = timeColumn
    self.statusColumn = statusColumn
    self.eventValue = eventValue
  }
}

/// Which curves a cumulative incidence figure draws.
public enum CumulativeIncidenceCurves: String, Hashable, Sendable, CaseIterable {
  /// The cumulative incidence of the event of interest, one curve per group.
  case event
  /// The event of interest and every competing event, per group: colour by group, line type by
  /// cause.
  case causes
  /// Every cause of one group stacked, the event-free share on top (the fates of the patients).
  case stacked
}

/// The tables a cumulative incidence figure can print under its plot.
public enum CumulativeIncidenceRiskTable: String, Hashable, Sendable, CaseIterable {
  case none
  /// One row per group: the number still at risk (free of any event and uncensored).
  case numberAtRisk = "number-at-risk"

  var style: RiskTableStyle { self == .none ? .none : .numberAtRisk }
}

/// How to draw a cumulative incidence figure.
public struct CumulativeIncidenceFigureRequest: Hashable, Sendable {
  /// Files, size, resolution, title and type.
  public var output = FigureOutput()
  /// The height without a `height` option, in millimetres (the figure then grows when its
  /// plot area would get less than its minimum height).
  public var defaultHeightMillimetres = 120.0
  public var xTitle: String?
  public var yTitle: String?
  public var curves: CumulativeIncidenceCurves = .event
  public var percent = false
  /// The unit of the data's time column and the unit the axis shows.
  public var dataTimeUnit: TimeUnit?
  public var displayTimeUnit: TimeUnit?
  public var xBreaks: [Double]?
  public var xBreakEvery: Double?
  public var xMax: Double?
  public var showsConfidenceBands = false
  public var showsCensorMarks = true
  public var showsPValue = true
  /// Print the incidences at the requested times on the figure.
  public var showsRates = true
  public var riskTable: CumulativeIncidenceRiskTable = .numberAtRisk
  public var riskTableTimes: [Double]?
  public var legend: LegendPlacement = .auto
  public var legendTitle: String?

  public init() {}

  /// The height the figure starts from.
  public var heightMillimetres: Double { output.heightMillimetres ?? defaultHeightMillimetres }
  /// Whether the user set the height.
  public var isHeightFixed: Bool { output.heightMillimetres != nil }

  /// The factor from the data's time unit to the displayed one.
  var timeScale: Double {
    guard let data = dataTimeUnit, let display = displayTimeUnit else { return 1 }
    return data.days / display.days
  }
}
