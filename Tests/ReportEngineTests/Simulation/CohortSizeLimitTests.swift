import Testing

@testable import SurvivalSimulation

/// Cohort sizes: a number the process could not hold is an error naming the limit, not an abort
/// while allocating; sums of group sizes and level counts cannot overflow.
@Suite("Cohort specification: sizes")
struct CohortSizeLimitTests {
  private func message(_ yaml: String) -> String? {
    do {
      _ = try CohortSpecification(yaml: yaml, path: "spec.yaml")
      return nil
    } catch {
      return error.description
    }
  }

  @Test("2,000,000,000 patients (48 GB) are an error naming the limit")
  func tooManyPatients() {
    #expect(
      message("patients: 2000000000\n")
        == "spec.yaml:1:11: 'patients' must be at most 10,000,000, found '2000000000': survfig holds a simulated cohort in memory whole"
    )
    #expect(CohortSpecification.maximumPatients == 10_000_000)
    #expect(message("patients: 10000000\n") == nil)
  }

  @Test("group sizes and level counts have the same limit, so that their sums cannot overflow")
  func sizesAndCounts() {
    #expect(
      message(
        "patients: 10\ngroups:\n  - {size: 9223372036854775807, arm: a}\n  - {size: 9223372036854775807, arm: b}\n")
        == "spec.yaml:3:12: 'size' must be at most 10,000,000, found '9223372036854775807': survfig holds a simulated cohort in memory whole"
    )
    #expect(
      message("patients: 10\ncovariates:\n  sex: {counts: {f: 9223372036854775807, m: 9223372036854775807}}\n")
        == "spec.yaml:3:21: a count must be at most 10,000,000, found '9223372036854775807': survfig holds a simulated cohort in memory whole"
    )
  }
}
