import SurvivalStatistics

/// A Cox model to fit on a CSV file (`survfig cox`, and forest plots in templates).
public struct CoxRequest: Sendable {
  public var dataPath: String
  /// The rows analysed: one ADaM parameter, a population, an expression.
  public var rowSelection = RowSelection()
  /// The model in R's formula syntax: `Surv(time, status) ~ age + factor(stage) + strata(site)`.
  public var formula: String
  /// The event code of the formula's event column (as km's `--event-value`); nil for R's rules.
  public var eventValue: String?
  /// Censoring codes of the event column.
  public var censorValues: [String]
  public var ties: CoxRegressionOptions.Ties
  /// Column of case weights (R `coxph(..., weights = w)`); nil for none.
  public var weightsColumn: String?
  public var confidenceLevel: Double
  /// Test proportional hazards (R `cox.zph`, KM transform).
  public var testsProportionalHazards: Bool
  /// Backward selection after univariable screening.
  public var selectsBackward = false
  /// The thresholds and test of that selection.
  public var selectionOptions = CoxModelSelection.Options()
  /// The files of the model's table (`--out`), and its title.
  public var tableOutput = TableOutput()

  public init(
    dataPath: String, formula: String, eventValue: String? = nil, censorValues: [String] = [],
    ties: CoxRegressionOptions.Ties = .efron, confidenceLevel: Double = 0.95,
    testsProportionalHazards: Bool = false, selection: CoxModelSelection.Options? = nil
  ) {
    self.dataPath = dataPath
    self.formula = formula
    self.eventValue = eventValue
    self.censorValues = censorValues
    self.ties = ties
    self.confidenceLevel = confidenceLevel
    self.testsProportionalHazards = testsProportionalHazards
    self.selectsBackward = selection != nil
    self.selectionOptions = selection ?? CoxModelSelection.Options()
  }

  /// The variable selection; nil fits the model as given.
  public var selection: CoxModelSelection.Options? { selectsBackward ? selectionOptions : nil }

  var fitOptions: CoxRegressionOptions {
    CoxRegressionOptions(ties: ties, confidenceLevel: confidenceLevel)
  }
}

extension CoxRegressionOptions.Ties {
  /// The name methods statements and footnotes give the tie handling: `Efron`, `Breslow`,
  /// `exact`.
  public var displayName: String {
    switch self {
    case .efron: "Efron"
    case .breslow: "Breslow"
    case .exact: "exact"
    }
  }
}

extension CoxRequest {
  /// The title of the model's table files without `--title`.
  public static let defaultTableTitle = "Cox proportional hazards model"

  /// The same model as a forest request of the models form, multivariable only: its table is a
  /// template's `type: cox` table with `univariable: false`.
  public var forestRequest: ForestRequest {
    var forest = ForestRequest(
      dataPath: dataPath, source: .models(formula: formula, univariable: false, multivariable: true))
    forest.rowSelection = rowSelection
    forest.eventValue = eventValue
    forest.censorValues = censorValues
    forest.ties = ties
    forest.weightsColumn = weightsColumn
    forest.confidenceLevel = confidenceLevel
    forest.testsProportionalHazards = testsProportionalHazards
    forest.selectsBackward = selectsBackward
    forest.selectionOptions = selectionOptions
    return forest
  }
}
