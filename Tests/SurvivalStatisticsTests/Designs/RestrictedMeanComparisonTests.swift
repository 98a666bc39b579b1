import Foundation
import SurvivalStatistics
import Testing

/// RMST difference and ratio between two groups against `survRM2::rmst2`'s computation
/// (reproduced by hand in R; fixture `RestrictedMeanComparisonReference.swift`).
@Suite("RMST difference and ratio vs survRM2::rmst2")
struct RestrictedMeanComparisonTests {
  private func estimates(_ reference: RestrictedMeanComparisonReference) throws -> (
    KaplanMeierEstimate, KaplanMeierEstimate
  ) {
    typealias C = FixtureColumns
    let d = DesignReferenceData.named(reference.data)
    let sample: GroupedSample
    if reference.data == "pbc" {
      sample = try GroupedSample(
        times: C.numbers(d, "time"), events: C.numbers(d, "status").map { $0 == 2 },
        groups: C.labels(d, "trt").map { $0! }, groupOrder: ["1", "2"])
    } else {
      sample = try GroupedSample(
        times: C.numbers(d, "futime"), events: C.numbers(d, "death").map { $0 == 1 },
        groups: C.labels(d, "sex").map { $0! }, groupOrder: ["F", "M"])
    }
    let curves = KaplanMeierEstimate.byGroup(sample)
    return (curves[1], curves[0])
  }

  @Test(
    "per-group RMST, difference, ratio and RMTL ratio as rmst2",
    arguments: restrictedMeanComparisonReferences)
  func reference(_ reference: RestrictedMeanComparisonReference) throws {
    let (treatment, control) = try estimates(reference)
    let comparison = try RestrictedMeanComparison(
      treatment: treatment, control: control,
      restrictionTime: reference.tauGiven ? reference.tau : nil)
    #expect(comparison.restrictionTime == reference.tau)
    func values(_ c: RestrictedMeanComparison.Contrast, p: Bool = true) -> [Double] {
      p ? [c.estimate, c.lower, c.upper, c.p] : [c.estimate, c.lower, c.upper]
    }
    let arm1 = comparison.treatment.restrictedMean
    let arm0 = comparison.control.restrictedMean
    CoxCheck.close(
      [arm1.estimate, arm1.standardError, arm1.lower, arm1.upper], reference.arm1, relative: 1e-12,
      "arm 1")
    CoxCheck.close(
      [arm0.estimate, arm0.standardError, arm0.lower, arm0.upper], reference.arm0, relative: 1e-12,
      "arm 0")
    CoxCheck.close(
      values(comparison.treatment.restrictedMeanTimeLost, p: false), reference.timeLost1,
      relative: 1e-12, "RMTL 1")
    CoxCheck.close(
      values(comparison.difference), reference.difference, relative: 1e-11, "difference")
    CoxCheck.close(values(comparison.ratio), reference.ratio, relative: 1e-11, "ratio")
    CoxCheck.close(
      values(comparison.timeLostRatio), reference.timeLostRatio, relative: 1e-11, "RMTL ratio")
  }

  @Test("swapping the groups negates the difference and inverts the ratios")
  func symmetry() throws {
    let (a, b) = try estimates(restrictedMeanComparisonReferences[0])
    let ab = try RestrictedMeanComparison(treatment: a, control: b, restrictionTime: 2000)
    let ba = try RestrictedMeanComparison(treatment: b, control: a, restrictionTime: 2000)
    CoxCheck.close(ab.difference.estimate, -ba.difference.estimate, relative: 1e-14, "difference")
    CoxCheck.close(ab.ratio.estimate, 1 / ba.ratio.estimate, relative: 1e-14, "ratio")
    CoxCheck.close(ab.difference.p, ba.difference.p, relative: 1e-14, "p")
    #expect(throws: SurvivalOptionError.invalidRestrictionTime(0)) {
      try RestrictedMeanComparison(treatment: a, control: b, restrictionTime: 0)
    }
  }
}
