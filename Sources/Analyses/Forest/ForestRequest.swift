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
    case estimates(label: String, estimate: String, lower: String, upper: String, p: String?, n: String?, group: String?)
  }

  public var dataPath: String
  public var source: Source
  public var eventValue: String?
  public var censorValues: [String] = []
  public var ties: CoxRegressionOptions.Ties = .efron
  public var confidenceLevel = 0.95
  /// Display labels for variables and levels ("ph.ecog" → "ECOG performance status"); an
  /// interaction row also takes a label under R's coefficient name
  /// (`factor(trt)2:factor(celltype)4`) or the same without `factor()` (`trt2:celltype4`).
  public var labels: [String: String] = [:]
  /// Models form: univariable screening and backward elimination for the multivariable model
  /// (the univariable fits then use the selection's rows); nil fits the formula as given.
  public var selection: CoxModelSelection.Options?
  /// Models form: test proportional hazards of the multivariable model (R `cox.zph`).
  public var testsProportionalHazards = false
  /// Models form: columns with the patients and events of each level.
  public var showsCounts = false

  // Figure
  public var outputs: [String] = []
  public var widthMillimetres = 170.0
  public var heightMillimetres: Double?
  public var dpi = 300.0
  public var title: String?
  public var xTitle = "Hazard ratio"
  public var favours: (left: String, right: String)?
  public var xBreaks: [Double]?
  public var decimals = 2
  public var fontSize: Double?
  /// The typeface of the figure's text.
  public var fontFamily: FontFamily = .sans
  /// Width of the confidence-interval lines in points; nil: the theme's.
  public var lineWidth: Double?
  public var palette: [Color]?

  public init(dataPath: String, source: Source) {
    self.dataPath = dataPath
    self.source = source
  }
}
