/// The competing-risks suites (cumulative incidence, Gray's test, Fine–Gray regression), grouped
/// so that `swift test --filter CompetingRisks` runs them all.
enum CompetingRisksTests {}
