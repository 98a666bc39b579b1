import ClinicalData
import SurvivalStatistics

/// What the `response` command analyses: where the responses are, how the columns map, and
/// which rules and interval to use.
public struct ResponseRequest: Hashable, Sendable {
  public var dataPath: String
  /// The rows analysed: one ADaM parameter (BOR), a population, an expression.
  public var rowSelection = RowSelection()
  /// The column identifying the patient.
  public var idColumn: String
  /// The column with a RECIST code (CR, PR, SD, PD, NE) per row.
  public var responseColumn: String
  /// The column with the assessment time; nil: one precomputed best response per patient.
  public var timeColumn: String?
  /// The unit of the time column, to apply the rules given in weeks.
  public var timeUnit: TimeUnit
  public var groupColumn: String?
  /// The column with each patient's time of death (same unit as the time column; empty when
  /// alive), so that a duration of response can end at death; nil: progression only.
  public var deathTimeColumn: String?
  /// CR/PR must be confirmed by a later assessment at least this many weeks after; nil: off.
  public var confirmWeeks: Double?
  /// SD counts only from this many weeks after treatment start; nil: no minimum.
  public var stableDiseaseMinimumWeeks: Double?
  public var method: ProportionInterval.Method
  public var confidenceLevel: Double

  public init(
    dataPath: String, idColumn: String, responseColumn: String, timeColumn: String? = nil,
    timeUnit: TimeUnit = .days, groupColumn: String? = nil, confirmWeeks: Double? = nil,
    stableDiseaseMinimumWeeks: Double? = nil, method: ProportionInterval.Method = .clopperPearson,
    confidenceLevel: Double = 0.95, deathTimeColumn: String? = nil
  ) {
    self.deathTimeColumn = deathTimeColumn
    self.dataPath = dataPath
    self.idColumn = idColumn
    self.responseColumn = responseColumn
    self.timeColumn = timeColumn
    self.timeUnit = timeUnit
    self.groupColumn = groupColumn
    self.confirmWeeks = confirmWeeks
    self.stableDiseaseMinimumWeeks = stableDiseaseMinimumWeeks
    self.method = method
    self.confidenceLevel = confidenceLevel
  }

  /// The rules in the unit of the time column.
  var rules: BestResponseRules {
    let weeks = TimeUnit.weeks.days / timeUnit.days
    return BestResponseRules(
      confirmationInterval: confirmWeeks.map { $0 * weeks },
      stableDiseaseMinimum: stableDiseaseMinimumWeeks.map { $0 * weeks })
  }
}
