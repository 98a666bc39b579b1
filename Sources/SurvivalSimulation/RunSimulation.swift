import SurvivalStatistics

/// What `survfig simulate` did.
public struct SimulationSummary: Sendable, Equatable {
  public let patients: Int
  public let columns: [String]
  public let seed: UInt64
}

/// Reads a cohort specification and draws the cohort (with `seed`, else the specification's):
/// its CSV text, for the caller to write, and a summary.
public func simulateCohort(specificationPath: String, seed: UInt64? = nil) throws
  -> (csv: String, summary: SimulationSummary)
{
  let specification = try CohortSpecification(contentsOf: specificationPath)
  let usedSeed = seed ?? specification.seed
  let cohort = try SimulatedCohort(design: specification.design, seed: usedSeed)
  return (cohort.csvText, SimulationSummary(patients: cohort.rows.count, columns: cohort.columns, seed: usedSeed))
}
