extension CoxRegression {
  /// A statistical caveat about a fit: data of the result, never printed by this module.
  public enum Diagnostic: Equatable, Sendable, CustomStringConvertible {
    /// The log-likelihood converged while the Newton step for these coefficients was still
    /// large: the likelihood is monotone in them (separation) and the estimate is a point on
    /// the way to ±∞. Its Wald test and interval are meaningless; use the likelihood-ratio or
    /// score test. R: `"Loglik converged before variable  1 ; coefficient may be infinite. "`.
    case possiblyInfiniteCoefficients(names: [String], positions: [Int])
    /// Newton–Raphson stopped at the iteration limit. R: "Ran out of iterations and did not
    /// converge".
    case didNotConverge(iterations: Int)
    /// After running out of iterations the linear predictor exceeded 500 or the step was not
    /// finite. R: "one or more coefficients may be infinite".
    case coefficientsMayBeInfinite
    /// Columns found to be linear combinations of earlier ones (Cholesky pivot below the
    /// tolerance); their coefficients are reported as NaN (R: `NA`).
    case aliasedCoefficients(names: [String])
    /// Distinct times closer than √ε were merged (R `aeqSurv`).
    case nearTiesMerged(count: Int)
    /// Clusters were given with the model-based variance requested; they were not used. R:
    /// "cluster specified with robust=FALSE, cluster ignored".
    case clustersIgnored
    /// Rows of `Surv(start, stop, event)` whose stop was not after their start were dropped as
    /// missing. R: "Stop time must be > start time, NA created".
    case emptyIntervalsDropped(count: Int)

    /// A sentence for a `warning: …` line.
    public var description: String {
      switch self {
      case .possiblyInfiniteCoefficients(let names, _):
        let list = names.map { "'\($0)'" }.joined(separator: ", ")
        return
          "the log-likelihood converged before the coefficient of \(list); the coefficient may be infinite (monotone likelihood). Use the likelihood-ratio or score test rather than the Wald test"
      case .didNotConverge(let iterations):
        return "Newton-Raphson ran out of iterations (\(iterations)) and did not converge"
      case .coefficientsMayBeInfinite:
        return "one or more coefficients may be infinite"
      case .aliasedCoefficients(let names):
        let list = names.map { "'\($0)'" }.joined(separator: ", ")
        return
          "\(list) \(names.count == 1 ? "is a linear combination" : "are linear combinations") of other covariates; coefficient set to NA"
      case .nearTiesMerged(let count):
        return
          "\(count) time \(count == 1 ? "value was" : "values were") within rounding error of another and treated as tied"
      case .emptyIntervalsDropped(let count):
        return
          "\(count) \(count == 1 ? "row was" : "rows were") dropped because the stop time was not after the start time"
      case .clustersIgnored:
        return
          "clusters were given but the model-based variance was requested; the clusters were ignored"
      }
    }

    /// The warning R's `coxph` gives for the same condition, verbatim (nil when R is silent).
    public var rWarning: String? {
      switch self {
      case .possiblyInfiniteCoefficients(_, let positions):
        let list = positions.map { String($0 + 1) }.joined(separator: ",")
        return "Loglik converged before variable  \(list) ; coefficient may be infinite. "
      case .didNotConverge:
        return "Ran out of iterations and did not converge"
      case .coefficientsMayBeInfinite:
        return "one or more coefficients may be infinite"
      case .emptyIntervalsDropped:
        return "Stop time must be > start time, NA created"
      case .clustersIgnored:
        return "cluster specified with robust=FALSE, cluster ignored"
      case .aliasedCoefficients, .nearTiesMerged:
        return nil
      }
    }
  }
}
