import Foundation
import Testing

@testable import SurvivalStatistics

/// Piecewise-exponential hazards and the cohort draw: targets, hazard ratios, censoring.
@Suite("Simulation: hazards and cohorts")
struct PiecewiseExponentialTests {
  @Test("survival targets are met exactly and extend with the last hazard")
  func targets() throws {
    let h = try PiecewiseExponentialHazard(survivalTargets: [(12, 0.7), (24, 0.45), (60, 0.45)])
    #expect(abs(h.survival(at: 12) - 0.7) < 1e-14)
    #expect(abs(h.survival(at: 24) - 0.45) < 1e-14)
    #expect(abs(h.survival(at: 100) - 0.45) < 1e-14)  // zero hazard after 24: a plateau
    #expect(h.time(atCumulativeHazard: 2) == .infinity)
    let median = try PiecewiseExponentialHazard(median: 17)
    #expect(abs(median.survival(at: 17) - 0.5) < 1e-15)
    #expect(abs(median.time(atCumulativeHazard: log(2)) - 17) < 1e-12)
  }

  @Test("invalid hazards are refused with a reason")
  func invalid() {
    #expect(
      throws: SimulationError.invalidHazard(
        "survival targets must lie in (0, 1] and not increase, found 0.8 at 24")
    ) {
      try PiecewiseExponentialHazard(survivalTargets: [(12, 0.7), (24, 0.8)])
    }
    #expect(throws: SimulationError.invalidHazard("piece starts must increase, found 6 then 6")) {
      try PiecewiseExponentialHazard(starts: [0, 6, 6], rates: [1, 1, 1])
    }
  }

  private func design(patients: Int) throws -> CohortDesign {
    var design = CohortDesign(patients: patients)
    design.groups = [
      PatientGroup(size: .proportion(0.5), values: [("arm", "control")]),
      PatientGroup(size: .proportion(0.5), values: [("arm", "treatment")]),
    ]
    design.covariates = [
      Covariate(
        name: "sex", kind: .categorical(.value(.probabilities([("female", 0.4), ("male", 0.6)])))),
      Covariate(
        name: "age",
        kind: .continuous(
          .value(.normal(mean: 60, standardDeviation: 10)), digits: 0, lower: 20, upper: 90)),
    ]
    design.events = [
      EventProcess(
        name: "death", baseline: .value(try PiecewiseExponentialHazard(median: 12)),
        effects: [.levels(column: "arm", ratios: ["treatment": 0.6])])
    ]
    design.endpoints = [
      Endpoint(name: "os", events: ["death"], timeColumn: "os_months", eventColumn: "os_event")
    ]
    design.censoring.accrual = 24
    design.censoring.minimumFollowUp = 36
    return design
  }

  @Test("the same seed gives the same cohort; another seed another")
  func determinism() throws {
    let d = try design(patients: 200)
    let a = try SimulatedCohort(design: d, seed: 9)
    let b = try SimulatedCohort(design: d, seed: 9)
    let c = try SimulatedCohort(design: d, seed: 10)
    #expect(a.rows == b.rows)
    #expect(a.rows != c.rows)
    #expect(a.columns == ["id", "arm", "sex", "age", "os_months", "os_event"])
  }

  @Test("the control median and the hazard ratio are recovered (seeded, n = 4000)")
  func recovery() throws {
    let cohort = try SimulatedCohort(design: try design(patients: 4000), seed: 2024)
    let time = cohort.column("os_months")!.map { Double($0.text)! }
    let event = cohort.column("os_event")!.map { Double($0.text)! }
    let arm = cohort.column("arm")!.map { $0.text == "treatment" ? 1.0 : 0.0 }
    #expect(arm.reduce(0, +) == 2000)
    let control = time.indices.filter { arm[$0] == 0 }
    let sample = try RightCensoredSample(
      times: control.map { time[$0] }, events: control.map { event[$0] == 1 })
    let estimate = KaplanMeierEstimate(sample)
    #expect(abs((estimate.median.estimate ?? 0) - 12) < 0.8)
    let fit = try CoxRegression(
      formula: "Surv(time, status) ~ arm",
      data: ModelData(columns: [
        "time": .numeric(time), "status": .numeric(event), "arm": .numeric(arm),
      ]))
    let hr = try #require(fit.coefficients.first).hazardRatio
    #expect(abs(hr - 0.6) < 0.05)
    let followUp = time.indices.filter { event[$0] == 0 }.map { time[$0] }
    #expect(followUp.min()! >= 36 - 0.05 && followUp.max()! <= 60 + 0.05)
  }

  @Test("exact counts per condition cell, derived columns and their errors")
  func counts() throws {
    var d = try design(patients: 10)
    d.covariates = [
      Covariate(
        name: "stage",
        kind: .categorical(
          .by(
            column: "arm",
            levels: [
              "control": .value(.counts([("I", 2), ("II", 3)])),
              "treatment": .value(.counts([("II", 5)])),
            ]))),
      Covariate(name: "early", kind: .derived(from: ["stage"], map: ["I": "yes"], fallback: "no")),
    ]
    let cohort = try SimulatedCohort(design: d, seed: 1)
    let pairs = zip(cohort.column("arm")!, cohort.column("stage")!).map { "\($0.text) \($1.text)" }
    #expect(pairs.filter { $0 == "control I" }.count == 2)
    #expect(pairs.filter { $0 == "treatment II" }.count == 5)
    #expect(cohort.column("early")!.filter { $0.text == "yes" }.count == 2)
    d.covariates[0].kind = .categorical(.value(.counts([("I", 4)])))
    d.covariates[0].origin = "spec.yaml:3:3"
    #expect(
      throws: SimulationError.invalidDesign(
        origin: "spec.yaml:3:3", message: "counts of 'stage' add up to 4, but 10 patients are there"
      )
    ) {
      try SimulatedCohort(design: d, seed: 1)
    }
  }

  @Test("numbers are written with fixed decimals")
  func fixedDecimals() {
    #expect(SimulatedValue.number(2.5, digits: 0).text == "3")
    #expect(SimulatedValue.number(0.05, digits: 1).text == "0.1")
    #expect(SimulatedValue.number(-0.04, digits: 1).text == "0.0")
    #expect(SimulatedValue.number(12, digits: 2).text == "12.00")
    #expect(SimulatedValue.number(0.004, digits: 3).text == "0.004")
  }
}
