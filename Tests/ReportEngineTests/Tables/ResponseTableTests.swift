import ClinicalData
import SurvivalFigures
import Testing

@testable import Analyses
@testable import Expressions
@testable import ReportEngine
@testable import ReportTemplates
@testable import SurvivalSimulation

@Suite("Response table")
struct ResponseTableTests {
  /// Two arms with assessments and deaths (the same cohort as the `response --death-time` CLI
  /// test). Durations of response, first CR/PR to progression or death: A 10, 4, 16 (events),
  /// B 4 (censored), 2 (event). R: `quantile(survfit(Surv(dor, event) ~ arm), 0.5)` gives
  /// A 10 (4–NA), B 3 (2–NA); all patients 10 (4–NA).
  static let csv = """
    id,arm,t,bor,death
    1,A,4,PR,
    1,A,8,PR,
    1,A,12,PR,14
    2,A,4,SD,
    2,A,8,PR,
    2,A,12,PD,
    3,A,4,PR,20
    3,A,8,PR,20
    4,B,4,CR,
    4,B,8,CR,
    5,B,4,PR,6
    5,B,10,PD,
    6,B,4,SD,

    """

  func analysis(_ csv: String = Self.csv, time: String? = "t", death: String? = "death") throws -> ResponseAnalysis {
    let table = try DataTable(bytes: Array(csv.utf8), file: "deaths.csv")
    let request = ResponseRequest(
      dataPath: "deaths.csv", idColumn: "id", responseColumn: "bor", timeColumn: time, timeUnit: .weeks,
      groupColumn: "arm", deathTimeColumn: death)
    return try ResponseAnalysis(table: table, request: request)
  }

  @Test("with assessment times the table gives DoR events and the median DoR (95% CI) per group")
  func durationRows() throws {
    let table = try analysis().table(title: "Response")
    let rows = table.rows.suffix(2).map(\.cells)
    #expect(rows[0] == ["DoR events (progression or death), n/responders", "3/3", "1/2", "4/5"])
    #expect(rows[1] == ["Median DoR, weeks (95% CI)", "10.0 (4.0–NR)", "3.0 (2.0–NR)", "10.0 (4.0–NR)"])
    #expect(table.rows.last?.isBold == true)
    #expect(
      table.footnotes.last
        == "DoR, duration of response: Kaplan–Meier among the responders from the first CR/PR to progression or death, censored at the last assessment; NR, not reached; NE, no responders."
    )
    // Responders 3/3 and 2/3: R's fisher.test(matrix(c(3, 0, 2, 1), 2)) gives P = 1.
    #expect(table.footnotes.contains("Objective response between groups: Fisher's exact test, P > 0.99."))
    // The Markdown, LaTeX and PDF forms are drawn from these rows.
    #expect(
      table.markdown.contains("| **Median DoR, weeks (95% CI)** | 10.0 (4.0–NR) | 3.0 (2.0–NR) | 10.0 (4.0–NR) |"))
    #expect(table.latex.contains("Median DoR, weeks (95\\% CI)"))
  }

  @Test("a group without responders reads 0/0 and NE; without times there are no DoR rows")
  func noResponders() throws {
    let csv = "id,arm,t,bor\n1,A,4,PR\n1,A,8,PD\n2,B,4,SD\n2,B,8,PD\n"
    let table = try analysis(csv, death: nil).table(title: nil)
    #expect(
      table.rows.suffix(2).map(\.cells) == [
        ["DoR events (progression), n/responders", "1/1", "0/0", "1/1"],
        ["Median DoR, weeks (95% CI)", "4.0 (NE)", "NE", "4.0 (NE)"],
      ])
    let best = "id,arm,bor\n1,A,PR\n2,B,SD\n"
    let plain = try analysis(best, time: nil, death: nil).table(title: nil)
    #expect(!plain.rows.contains { $0.cells[0].contains("DoR") })
    #expect(!plain.footnotes.contains { $0.contains("DoR") })
  }

  @Test("a death before the first response is an error at the death's cell")
  func deathBeforeResponse() throws {
    let csv = "id,arm,t,bor,death\n1,A,4,SD,\n1,A,8,PR,6\n2,A,4,PD,\n"
    #expect {
      try analysis(csv)
    } throws: { error in
      "\(error)"
        == "deaths.csv:3:5: patient '1' died at 6 (column 'death'), before the first response (PR at 8); a response cannot follow death: correct the time of death or the assessments"
    }
    // Death at the time of the response is not before it: the response lasts 0 weeks.
    let same = try analysis("id,arm,t,bor,death\n1,A,4,SD,\n1,A,8,PR,8\n2,A,4,PD,\n")
    #expect(same.groups.last?.durationOfResponse?.estimate.eventCount == 1)
  }
}
