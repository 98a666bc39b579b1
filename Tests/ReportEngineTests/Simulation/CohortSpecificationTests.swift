import Foundation
import SurvivalStatistics
import Testing

@testable import Analyses
@testable import Expressions
@testable import ReportEngine
@testable import ReportTemplates
@testable import SurvivalSimulation

/// Cohort specifications: messages asserted verbatim, and the study cohorts reproduced byte for byte.
@Suite("Cohort specification")
struct CohortSpecificationTests {
  private func message(_ yaml: String) -> String? {
    do {
      let specification = try CohortSpecification(yaml: yaml, path: "spec.yaml")
      _ = try SimulatedCohort(design: specification.design, seed: specification.seed)
      return nil
    } catch {
      return "\(error)"
    }
  }

  private let valid = """
    patients: 20
    seed: 4
    groups:
      - {size: 10, arm: a}
      - {size: 10, arm: b}
    covariates:
      sex: {counts: {female: 8, male: 12}}
    events:
      death:
        baseline: {median: 12}
        hazard_ratios: {arm: {b: 0.5}}
    endpoints:
      os: {events: [death]}
    censoring: {accrual: 12, follow_up: 6}

    """

  @Test("a valid specification reads and simulates")
  func validSpecification() throws {
    let specification = try CohortSpecification(yaml: valid, path: "spec.yaml")
    #expect(specification.seed == 4)
    let cohort = try SimulatedCohort(design: specification.design, seed: 4)
    #expect(cohort.columns == ["id", "arm", "sex", "os_months", "os_event"])
    #expect(cohort.rows.count == 20)
    #expect(cohort.csvText.hasPrefix("id,arm,sex,os_months,os_event\n1,"))
  }

  @Test("a status column codes the endpoint's event 1, the first competing event 2, censoring 0, from the same times")
  func statusColumn() throws {
    let yaml = """
      patients: 300
      seed: 11
      events:
        death: {baseline: {median: 20}}
        progression: {baseline: {median: 10}}
        other: {baseline: {median: 60}}
      endpoints:
        os: {events: [death]}
        ttp: {events: [progression], censored_by: [death, other], status_column: ttp_status}
      censoring: {accrual: 12, follow_up: 6}

      """
    let specification = try CohortSpecification(yaml: yaml, path: "spec.yaml")
    let cohort = try SimulatedCohort(design: specification.design, seed: 11)
    #expect(cohort.columns == ["id", "os_months", "os_event", "ttp_months", "ttp_event", "ttp_status"])
    let index = Dictionary(uniqueKeysWithValues: cohort.columns.enumerated().map { ($1, $0) })
    let rows = cohort.csvText.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    var seen: Set<Substring> = []
    for row in rows {
      let status = row[index["ttp_status"]!]
      seen.insert(status)
      #expect((status == "1") == (row[index["ttp_event"]!] == "1"))
      // Death first: the patient died at the time follow-up for progression ended.
      if status == "2" {
        #expect(row[index["os_event"]!] == "1" && row[index["os_months"]!] == row[index["ttp_months"]!])
      }
    }
    #expect(seen == ["0", "1", "2", "3"])
    #expect(
      message(yaml.replacingOccurrences(of: "censored_by: [death, other], ", with: ""))
        == "spec.yaml:9:3: endpoint 'ttp' has a 'status_column' but no 'censored_by': the status codes the competing events that end follow-up"
    )
  }

  @Test(
    "errors name the file, line and column",
    arguments: [
      (
        "patients: 20\nevents:\n  death:\n    baseline: {median: 12}\n    hazrd_ratios: {}\n",
        "spec.yaml:5:5: unknown key 'hazrd_ratios'. Did you mean 'hazard_ratios'?"
      ),
      ("patient: 20\n", "spec.yaml:1:1: unknown key 'patient'. Did you mean 'patients'?"),
      ("patients: 10\npatients: 20\n", "spec.yaml:1:1: duplicate key(s) 'patients'"),
      ("seed: 3\n", "spec.yaml:1:1: the cohort specification needs 'patients'"),
      (
        "patients: many\n",
        "spec.yaml:1:11: 'patients' expects a whole number 0 or greater, found 'many'"
      ),
      (
        "patients: 5\ntime_unit: fortnights\n",
        "spec.yaml:2:12: unknown time unit 'fortnights' (allowed: days, weeks, months, years)"
      ),
      (
        "patients: 5\ncovariates:\n  age: {normal: {mean: 60, sd: -1}}\n",
        "spec.yaml:3:32: 'sd' must be greater than 0, found '-1'"
      ),
      (
        "patients: 5\ncovariates:\n  sex: {counts: {female: 2, male: 2}}\n",
        "spec.yaml:3:3: counts of 'sex' add up to 4, but 5 patients are there"
      ),
      (
        "patients: 5\ncovariates:\n  sex: {probabilities: {female: 0.5, male: 0.6}}\n",
        "spec.yaml:3:24: probabilities add up to 1.1, not 1"
      ),
      (
        "patients: 5\nevents:\n  death: {baseline: {survival: {12: 0.5, 24: 0.6}}}\n",
        "spec.yaml:3:21: survival targets must lie in (0, 1] and not increase, found 0.6 at 24"
      ),
      (
        "patients: 5\nevents:\n  death: {baseline: {by: arm, a: {median: 3}}}\n",
        "spec.yaml:3:3: column 'arm' is not defined before this point (columns so far: )"
      ),
      (
        "patients: 5\nevents:\n  death: {baseline: {median: 3}}\nendpoints:\n  os: {events: [deaht]}\n",
        "spec.yaml:5:3: endpoint 'os' names the unknown event 'deaht' (events: death)"
      ),
      (
        "patients: 5\nevents:\n  death: {baseline: {rate: 0}}\nendpoints:\n  os: {events: [death]}\n",
        "spec.yaml:5:3: endpoint 'os' can go unobserved for ever: give 'censoring' a 'follow_up', 'loss_rate' or 'max_follow_up'"
      ),
      (
        "patients: 5\ndates: {start: 2020-13-01}\n",
        "spec.yaml:2:16: 'start' expects a date as YYYY-MM-DD, found '2020-13-01'"
      ),
      ("patients: [1\n", "spec.yaml:2:1: YAML: did not find expected ',' or ']'"),
    ])
  func errors(yaml: String, expected: String) {
    #expect(message(yaml) == expected)
  }

  /// The package root, from this file's path.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  @Test(
    "each study cohort regenerates byte for byte from its committed specification",
    arguments: ["ima", "hnmm", "imt"])
  func studyCohorts(study: String) throws {
    let spec = Self.root.appendingPathComponent("Templates/cohorts/\(study).yaml").path
    let csv = Self.root.appendingPathComponent("Templates/data/\(study).csv")
    let specification = try CohortSpecification(contentsOf: spec)
    let cohort = try SimulatedCohort(design: specification.design, seed: specification.seed)
    let committed = try String(contentsOf: csv, encoding: .utf8)
    #expect(cohort.csvText == committed)
  }
}
