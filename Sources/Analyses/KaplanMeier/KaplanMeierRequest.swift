import ClinicalData
import FigureCore
import SurvivalFigures
import SurvivalStatistics

/// Everything a Kaplan–Meier analysis and its figure need: where the data is, how its columns
/// map to a survival sample, which statistics to compute and how to draw them. The `km`
/// command and report templates both build one.
public struct KaplanMeierRequest: Hashable, Sendable {
  // Data
  public var dataPath: String
  /// The follow-up time column; empty: `AVAL` of an ADaM time-to-event data set.
  public var timeColumn: String
  /// The event column; empty with ``censorColumn``, or for an ADaM data set (`CNSR`).
  public var eventColumn: String
  /// A censoring column instead of an event column: 0 for an event, 1 or more for a censoring
  /// (ADaM's `CNSR`), or, with ``censorValues``, those codes censored and every other an event.
  public var censorColumn: String?
  /// The code that marks an event; nil detects R's conventions (0/1, 1/2, logical).
  public var eventValue: String?
  /// Codes that mark censoring; empty with an event code means its complement in R's codings
  /// (0 for 1, 1 for 2, FALSE for TRUE), any other code being an error.
  public var censorValues: [String]
  public var groupColumn: String?
  /// Group codes in display order; nil uses R's factor order.
  public var groupOrder: [String]?
  /// Display labels for group codes ("1" → "Male").
  public var groupLabels: [String: String]
  public var strataColumn: String?
  /// Column of entry times (delayed entry): a patient is at risk from entry to time.
  public var entryColumn: String?
  /// Column of case weights (R `survfit(..., weights = w)`).
  public var weightsColumn: String?
  /// The landmark time: only patients still under observation then are analysed, on a time
  /// scale that starts at the landmark.
  public var landmark: Double?
  /// Covariates (formula terms) to adjust the curves for, by direct adjustment with a Cox
  /// model of the group and these terms; nil draws Kaplan–Meier curves.
  public var curveAdjustment: String?
  /// The rows analysed: one ADaM parameter, a population, an expression.
  public var rowSelection = RowSelection()

  // Statistics
  public var confidenceType: ConfidenceBand.Transform
  public var confidenceLevel: Double
  /// Times for survival rates ("1-, 3- and 5-year survival"), in the data's time unit.
  public var times: [Double]
  /// τ for the restricted mean survival time; nil: the largest observed time of all groups.
  public var rmstTau: Double?
  /// Fleming–Harrington ρ of the group comparison (0: log-rank, 1: Peto–Peto).
  public var rho: Double
  /// Compare every pair of groups, adjusting the P values this way; nil for no pairwise tests.
  public var pairwiseAdjustment: PValueAdjustment?
  /// Test for a trend over the groups in their order (scores 1, 2, …).
  public var testsTrend: Bool
  /// Hazard ratios of each group against the first, from a Cox model of the group (stratified
  /// by the strata column when given).
  public var estimatesHazardRatios = false
  /// Covariates adjusted for in that model, as formula terms ("age + ph.ecog").
  public var hazardRatioAdjustment: String?

  // Figure
  public var figure: KaplanMeierFigureRequest

  public init(
    dataPath: String, timeColumn: String, eventColumn: String, eventValue: String? = nil,
    censorValues: [String] = [], groupColumn: String? = nil, groupOrder: [String]? = nil,
    groupLabels: [String: String] = [:], strataColumn: String? = nil,
    confidenceType: ConfidenceBand.Transform = .log, confidenceLevel: Double = 0.95,
    times: [Double] = [], rmstTau: Double? = nil, rho: Double = 0,
    pairwiseAdjustment: PValueAdjustment? = nil, testsTrend: Bool = false,
    figure: KaplanMeierFigureRequest = .init()
  ) {
    self.dataPath = dataPath
    self.timeColumn = timeColumn
    self.eventColumn = eventColumn
    self.eventValue = eventValue
    self.censorValues = censorValues
    self.groupColumn = groupColumn
    self.groupOrder = groupOrder
    self.groupLabels = groupLabels
    self.strataColumn = strataColumn
    self.confidenceType = confidenceType
    self.confidenceLevel = confidenceLevel
    self.times = times
    self.rmstTau = rmstTau
    self.rho = rho
    self.pairwiseAdjustment = pairwiseAdjustment
    self.testsTrend = testsTrend
    self.figure = figure
  }
}

extension KaplanMeierRequest {
  /// Why strata need groups, with the option names as the caller spells them (`'--strata'`,
  /// `'strata'`).
  public static func strataWithoutGroupMessage(strata: String, group: String) -> String {
    "\(strata) needs \(group): the stratified log-rank test compares the groups within each stratum, and without groups there is no test"
  }
}

extension KaplanMeierFigureRequest {
  /// Why median lines do not apply to a cumulative-hazard plot, with the names as the caller
  /// spells them.
  public static func medianLinesOnCumulativeHazardMessage(option: String, function: String) -> String {
    "\(option) marks where the survival or event curve crosses 0.5; there is no such line for \(function)"
  }
}

/// What the figure plots on the y axis (R: `fun`).
public enum CurveFunction: String, Hashable, Sendable, CaseIterable {
  /// S(t).
  case survival
  /// 1 − S(t), the cumulative probability of the event when nothing competes with it; with
  /// competing events it is not a cumulative incidence (see `CumulativeIncidenceAnalysis`).
  case event
  /// The Nelson–Aalen cumulative hazard.
  case cumhaz
}

/// How to draw a Kaplan–Meier figure.
public struct KaplanMeierFigureRequest: Hashable, Sendable {
  /// Files, size, resolution, title and type.
  public var output = FigureOutput()
  /// The height without a `height` option, in millimetres: the figure then grows taller when
  /// its plot area would get less than its minimum height.
  public var defaultHeightMillimetres = 120.0
  public var xTitle: String?
  public var yTitle: String?
  public var function: CurveFunction = .survival
  public var percent: Bool = false
  /// The unit of the data's time column and the unit the axis shows.
  public var dataTimeUnit: TimeUnit?
  public var displayTimeUnit: TimeUnit?
  public var xBreaks: [Double]?
  public var xBreakEvery: Double?
  public var xMax: Double?
  public var showsConfidenceBands = false
  public var showsCensorMarks = true
  public var showsMedianLines = false
  public var showsPValue = true
  public var showsMedians = true
  public var riskTable: RiskTableStyle = .numberAtRisk
  public var riskTableTimes: [Double]?
  public var legend: LegendPlacement = .auto
  public var legendTitle: String?

  public init() {}

  /// The height the figure starts from.
  public var heightMillimetres: Double { output.heightMillimetres ?? defaultHeightMillimetres }
  /// Whether the user set the height; otherwise the figure grows taller when its plot area
  /// would get less than its minimum height.
  public var isHeightFixed: Bool { output.heightMillimetres != nil }
}
