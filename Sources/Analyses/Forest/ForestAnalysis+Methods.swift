import SurvivalFigures
import SurvivalStatistics

extension ForestAnalysis {
  /// How every number of the plot was computed, so that a reader can reproduce it in R or SAS:
  /// the model and its tie handling, the interval and the tests behind the P values.
  public func methods(_ request: ForestRequest) -> String {
    let level = JournalFormat.tick(request.confidenceLevel * 100)
    let ties = request.ties.displayName
    let cox =
      "Cox proportional hazards models (\(ties) ties, R coxph ties = \"\(request.ties.rawValue)\") on the patients with complete data; hazard ratios with \(level)% Wald confidence intervals, exp(β ± z·SE)"
    var parts: [String]
    switch request.source {
    case .models(_, let univariable, let multivariable):
      parts = [cox]
      if univariable || !multivariable {
        parts.append("univariable models: each variable alone, with the formula's strata")
      }
      if multivariable {
        if let selection = request.selection {
          let test = selection.criterion == .wald ? "Wald" : "likelihood-ratio"
          parts.append(
            "multivariable model by backward elimination (\(test) tests): variables with univariable P < \(JournalFormat.tick(selection.entryThreshold)) entered, the variable with the largest P above \(JournalFormat.tick(selection.stayThreshold)) removed one at a time, every model fitted on the patients complete for all candidates"
          )
        } else {
          parts.append("multivariable model: all variables together")
        }
      }
      parts.append("P values by Wald tests; on a factor's line the joint Wald test of its levels")
      if multivariable && request.testsProportionalHazards {
        parts.append("proportional hazards tested by scaled Schoenfeld residuals with the KM transform (R cox.zph)")
      }
    case .subgroups:
      parts = [
        cox + ", from models of the treatment alone within each subgroup",
        "P for interaction by the likelihood-ratio test of models with and without the treatment-by-subgroup interaction",
        "squares sized by the number of events",
      ]
    case .estimates(_, let estimate, let lower, let upper, let p, _, _):
      let given = [estimate, lower, upper] + (p.map { [$0] } ?? [])
      parts = [
        "estimates, intervals\(p == nil ? "" : " and P values") as given in the data (columns \(given.joined(separator: ", "))); no model fitted"
      ]
    }
    parts.append("computed with survfig \(SurvfigVersion.string)")
    return parts.joined(separator: "; ") + "."
  }
}
