import ClinicalData
import SurvivalStatistics

/// What the `response` command analyses: where the responses are, how the columns map, and
/// which rules and interval to use.
public struct ResponseRequest: Hashable, Sendable {
  public var dataPath: String
  /// The rows analysed: one ADaM parameter (BOR), a population, an expression.
  public var rowSelection = RowSelection()
  /// The column identifying the patient; empty: `USUBJID` of ADaM data.
  public var idColumn: String
  /// The column with a RECIST code (CR, PR, SD, NON-CR/NON-PD, PD, NE, MISSING) per row;
  /// empty: `AVALC` of ADaM data.
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
  /// Who the rates are over; nil: every patient for ADaM data (a BDS with `PARAMCD` and
  /// `AVALC`, as a clinical study report counts), the evaluable patients otherwise.
  public var denominator: ResponseSummary.Denominator?
  /// The files of the response table (`--out`), and its title.
  public var tableOutput = TableOutput()

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

extension ResponseRequest {
  /// The request with what ADaM data say filled in where it is silent: `USUBJID` as the
  /// patient, `AVALC` as the response, and rates over every patient.
  /// - Throws: ``ResponseDataError`` when the columns are not given and the data are not ADaM.
  public func resolved(for table: DataTable) throws -> ResponseRequest {
    var request = self
    let isADaM = ADaM.hasTextValues(table)
    if request.idColumn.isEmpty {
      guard table.index(ofColumn: ADaM.subject) != nil else { throw ResponseDataError.missing("id", file: table.file) }
      request.idColumn = ADaM.subject
    }
    if request.responseColumn.isEmpty {
      guard isADaM else { throw ResponseDataError.missing("response", file: table.file) }
      request.responseColumn = ADaM.textValue
    }
    if request.denominator == nil { request.denominator = isADaM ? .all : .evaluable }
    return request
  }
}

/// Data a response analysis cannot read.
public enum ResponseDataError: Error, CustomStringConvertible, Sendable {
  /// A column neither given nor found among ADaM's.
  case missing(String, file: String)

  public var description: String {
    switch self {
    case .missing(let option, let file):
      let column = option == "id" ? "USUBJID" : "PARAMCD and AVALC"
      return
        "\(file): give the \(option) column (--\(option) on the command line, \(option == "id" ? "id-column" : option): in a template); the data have no \(column) of an ADaM data set"
    }
  }
}

extension ResponseRequest {
  /// The title of the response table files without `--title`.
  public static let defaultTableTitle = "Best overall response"
}
