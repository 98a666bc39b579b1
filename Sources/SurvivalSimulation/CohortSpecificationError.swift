/// A cohort specification that cannot be read: `cohort.yaml:12:5: unknown key 'hazrd'. Did you
/// mean 'hazard'?`.
public struct CohortSpecificationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// File, line and column (`cohort.yaml:12:5`), or the file alone.
  public let location: String
  public let message: String

  public init(location: String, message: String) {
    self.location = location
    self.message = message
  }

  public var description: String { "\(location): \(message)" }
}
