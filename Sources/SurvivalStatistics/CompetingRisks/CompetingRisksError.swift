/// An invalid request of a competing-risks analysis: a cause the data do not have, an invalid
/// option, or a status value the coding does not know.
///
/// Row numbers are 1-based rows of the data given to the initialiser.
public enum CompetingRisksError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The requested cause has no failures in the data (or does not exist).
  case unknownCause(Int, causes: [Int])
  /// Gray's weight exponent ρ is NaN or infinite.
  case invalidRho(Double)
  /// A status value is not allowed by the coding.
  case unknownStatus(variable: String, value: String, row: Int, coding: CompetingRisksCoding)
  /// The status of a formula is an expression rather than a variable.
  case statusNotAVariable(expression: String)

  /// The message, naming the offending value and what is allowed.
  public var description: String {
    switch self {
    case .unknownCause(let cause, let causes):
      if causes.isEmpty {
        return "cause \(cause) has no events: no subject failed from any cause"
      }
      let list = causes.map(String.init).joined(separator: ", ")
      return "cause \(cause) has no events; the causes with events are \(list)"
    case .invalidRho(let rho):
      return "rho '\(rho)' must be finite (0 for Gray's test with unit weights)"
    case .unknownStatus(let variable, let value, let row, let coding):
      return "status '\(variable)' is '\(value)' at row \(row); \(coding.expectation)"
    case .statusNotAVariable(let expression):
      return
        "the status in Surv(time, status) must be a variable whose values the coding maps to censoring and causes, found '\(expression)'"
    }
  }
}
