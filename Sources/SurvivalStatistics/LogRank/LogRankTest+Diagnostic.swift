/// Statistical caveats of a ``LogRankTest``.
extension LogRankTest {
  /// A caveat about the data of a log-rank test; the test may still be valid.
  public enum Diagnostic: Equatable, Sendable, CustomStringConvertible {
    /// The sample has fewer than two groups: there is nothing to compare (no test).
    case fewerThanTwoGroups(groupCount: Int)
    /// No group has an event: the test is undefined (no test).
    case noEvents
    /// A group has no events; the test is still valid.
    case groupWithoutEvents(label: String)
    /// A group has no subject at risk at any event time (E = 0); it is left out of the test and
    /// the degrees of freedom, as R does.
    case groupNeverAtRiskAtEvents(label: String)
    /// After leaving such groups out fewer than two remain (no test).
    case fewerThanTwoGroupsAtRisk
    /// The variance matrix is singular; the statistic uses a generalized inverse and
    /// `rank` degrees of freedom (no test when the rank is 0).
    case singularVariance(rank: Int, expectedRank: Int)

    /// A one-sentence explanation for a `warning:` line.
    public var description: String {
      switch self {
      case .fewerThanTwoGroups(let groupCount):
        return "the log-rank test needs at least two groups; the sample has \(groupCount)"
      case .noEvents:
        return "no group has events, so the log-rank test is undefined. Check the event coding"
      case .groupWithoutEvents(let label):
        return "group '\(label)' has no events"
      case .groupNeverAtRiskAtEvents(let label):
        return
          "group '\(label)' has no subjects at risk at any event time and is left out of the log-rank test"
      case .fewerThanTwoGroupsAtRisk:
        return
          "fewer than two groups have subjects at risk at event times, so the log-rank test is undefined"
      case .singularVariance(let rank, let expectedRank):
        return
          "the log-rank variance matrix has rank \(rank) instead of \(expectedRank); the test uses a generalized inverse with \(rank) degrees of freedom"
      }
    }
  }
}
