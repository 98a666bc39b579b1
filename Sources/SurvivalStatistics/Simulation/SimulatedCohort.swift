/// A cohort drawn from a ``CohortDesign``: named columns and one row per patient.
///
/// The draw is a pure function of the design and the seed. Random numbers come from one
/// ``Xoshiro256StarStar`` stream consumed in a fixed order: (1) the shuffle of the patients laid
/// out group by group, (2) each covariate in design order — counts shuffled per condition cell in
/// order of first appearance, other draws patient by patient, (3) for each patient in row order:
/// the entry time (if accrual > 0), one exponential per event process, the loss-to-follow-up time
/// (if its rate > 0). Arithmetic on random numbers uses portable `log`/`exp`, so the same design
/// and seed give the same cohort on every machine.
/// - Complexity: O(n · (covariates + events + endpoints)).
public struct SimulatedCohort: Sendable {
  public let columns: [String]
  public let rows: [[SimulatedValue]]

  public init(design: CohortDesign, seed: UInt64) throws(SimulationError) {
    var generator = Xoshiro256StarStar(seed: seed)
    var table = try _PatientTable(
      groups: design.groups, patients: design.patients, generator: &generator)
    for covariate in design.covariates {
      try table.draw(covariate, generator: &generator)
    }
    try table.drawOutcomes(design: design, generator: &generator)
    if let id = design.idColumn {
      table.insertFirst(
        id, values: (1...max(1, table.count)).prefix(table.count).map { .text(String($0)) })
    }
    columns = table.columns
    rows = (0..<table.count).map { i in table.columns.map { table.values[$0]![i] } }
  }

  /// The values of one column, or nil.
  public func column(_ name: String) -> [SimulatedValue]? {
    guard let j = columns.firstIndex(of: name) else { return nil }
    return rows.map { $0[j] }
  }
}
