import FigureCore
import SurvivalStatistics

/// A forest plot to build: from Cox models of a data set, from a subgroup analysis of a
/// treatment effect, or from a table of published estimates.
public struct ForestRequest: Sendable {
  public enum Source: Sendable {
    /// A row per term of the formula's Cox model: univariable fits (each term alone), the
    /// multivariable fit, or both side by side.
    case models(formula: String, univariable: Bool, multivariable: Bool)
    /// The hazard ratio of `treatment` (its second level against the first) overall and within
    /// each level of each subgroup variable, with the treatment-by-subgroup interaction P
    /// (likelihood-ratio test of nested Cox models).
    case subgroups(time: String, event: String, treatment: String, subgroups: [String])
    /// Rows read from a table of estimates.
    case estimates(
      label: String, estimate: String, lower: String, upper: String, p: String?, n: String?, group: String?)
  }

  public var dataPath: String
  /// The rows analysed: one ADaM parameter, a population, an expression.
  public var rowSelection = RowSelection()
  /// The columns and formula of the three forms; ``source`` is the form they make.
  public var form = Form()
  public var eventValue: String?
  public var censorValues: [String] = []
  public var ties: CoxRegressionOptions.Ties = .efron
  /// Column of case weights of the Cox fits (R `coxph(..., weights = w)`); nil for none.
  public var weightsColumn: String?
  public var confidenceLevel = 0.95
  /// Display labels for variables and levels ("ph.ecog" → "ECOG performance status"); an
  /// interaction row also takes a label under R's coefficient name
  /// (`factor(trt)2:factor(celltype)4`) or the same without `factor()` (`trt2:celltype4`).
  public var labels: [String: String] = [:]
  /// Models form: univariable screening and backward elimination for the multivariable model
  /// (the univariable fits then use the selection's rows).
  public var selectsBackward = false
  /// The thresholds and test of that selection.
  public var selectionOptions = CoxModelSelection.Options()
  /// Models form: test proportional hazards of the multivariable model (R `cox.zph`).
  public var testsProportionalHazards = false
  /// Models form: columns with the patients and events of each level.
  public var showsCounts = false

  // Figure
  /// Files, size, resolution, title and type; without a height the plot is as tall as its rows.
  public var output = FigureOutput()
  public var xTitle = "Hazard ratio"
  public var favours: (left: String, right: String)?
  public var xBreaks: [Double]?
  public var decimals = 2

  public init(dataPath: String, source: Source) {
    self.dataPath = dataPath
    self.form = Form(source)
  }

  /// What the user named for each form; exactly one form is complete in a valid request.
  public struct Form: Sendable {
    public var formula: String?
    public var fitsUnivariable = true
    public var fitsMultivariable = true
    public var time: String?
    public var event: String?
    public var treatment: String?
    public var subgroups: [String] = []
    public var label: String?
    public var estimate: String?
    public var lower: String?
    public var upper: String?
    public var p: String?
    public var n: String?
    public var group: String?

    public init() {}

    init(_ source: Source) {
      switch source {
      case .models(let formula, let univariable, let multivariable):
        (self.formula, fitsUnivariable, fitsMultivariable) = (formula, univariable, multivariable)
      case .subgroups(let time, let event, let treatment, let subgroups):
        (self.time, self.event, self.treatment, self.subgroups) = (time, event, treatment, subgroups)
      case .estimates(let label, let estimate, let lower, let upper, let p, let n, let group):
        (self.label, self.estimate, self.lower, self.upper) = (label, estimate, lower, upper)
        (self.p, self.n, self.group) = (p, n, group)
      }
    }
  }

  /// The form the request names: the Cox models of `model`, the subgroups of `treatment`, or
  /// the table of `estimate` (the options' rules make sure exactly one is complete).
  public var source: Source {
    if let formula = form.formula {
      return .models(formula: formula, univariable: form.fitsUnivariable, multivariable: form.fitsMultivariable)
    }
    if let treatment = form.treatment {
      return .subgroups(time: form.time ?? "", event: form.event ?? "", treatment: treatment, subgroups: form.subgroups)
    }
    return .estimates(
      label: form.label ?? "", estimate: form.estimate ?? "", lower: form.lower ?? "", upper: form.upper ?? "",
      p: form.p, n: form.n, group: form.group)
  }

  /// Models form: the variable selection, nil to fit the formula as given.
  public var selection: CoxModelSelection.Options? { selectsBackward ? selectionOptions : nil }
}
