/// Why a cohort could not be simulated from its design.
public enum SimulationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A hazard specification that defines no valid piecewise-constant hazard.
  case invalidHazard(String)
  /// A design element that cannot be realised; `origin` is where it was specified (e.g.
  /// `cohort.yaml:12:5`), when known.
  case invalidDesign(origin: String?, message: String)

  public var description: String {
    switch self {
    case .invalidHazard(let message): return message
    case .invalidDesign(let origin, let message):
      return origin.map { "\($0): \(message)" } ?? message
    }
  }
}
