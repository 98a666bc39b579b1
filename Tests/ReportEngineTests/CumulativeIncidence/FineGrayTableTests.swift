import ClinicalData
import Foundation
import SurvivalFigures
import Testing

@testable import Analyses
@testable import ReportEngine
@testable import ReportTemplates

/// `type: fine-gray` tables: subdistribution hazard ratios beside the Cox tables.
@Suite("Fine–Gray tables")
struct FineGrayTableTests {
  static let pbc = CumulativeIncidenceFigureTests.pbc

  static func yaml(_ keys: String) -> String {
    """
    data:
      pbc: \(pbc)
    tables:
      - id: fg
        type: fine-gray
        data: pbc
        time: time
        status: status
        event-value: 2
        competing-value: 1
    \(keys)
    """
  }

  @Test("a factor's levels under its label, the reference first; numbers with their label; counts and methods below")
  func rows() throws {
    let template = try ReportTemplate(
      yaml: Self.yaml(
        """
            fine-gray: age + factor(edema) + log(bili)
            cause-labels: {1: Transplant, 2: Death}
            labels: {age: Age (years), edema: Oedema, "0.5": Without diuretics, "1": Despite diuretics, log(bili): Bilirubin (log)}

        """), file: "report.yaml")
    let built = try BuiltTable.build(template.tables[0], tables: [Self.pbc: try DataTable(contentsOfFile: Self.pbc)])
    let table = built.table
    #expect(table.columns.map(\.title) == ["Variable", "sHR (95% CI)", "P"])
    // R: summary(crr(time, status, cov1 = model.matrix(~ age + factor(edema) + log(bili), pbc)[, -1],
    // failcode = 2, cencode = 0)), rounded.
    #expect(
      table.rows.map(\.cells) == [
        ["Age (years)", "1.05 (1.03–1.07)", "<0.001"],
        ["Oedema", "", ""],
        ["0", "Reference", ""],
        ["Without diuretics", "1.57 (0.98–2.53)", "0.063"],
        ["Despite diuretics", "4.85 (2.51–9.36)", "<0.001"],
        ["Bilirubin (log)", "2.39 (2.01–2.85)", "<0.001"],
      ])
    #expect(table.rows.map(\.indent) == [0, 0, 1, 1, 1, 0])
    #expect(table.footnotes[1] == "418 patients, 161 events of 'Death', 25 competing events ('Transplant').")
  }

  @Test("without terms the table is refused at the table, naming the key")
  func missingTerms() {
    #expect(throws: TemplateError.self) { try ReportTemplate(yaml: Self.yaml(""), file: "report.yaml") }
    do {
      _ = try ReportTemplate(yaml: Self.yaml(""), file: "report.yaml")
    } catch {
      #expect(
        error.description
          == "report.yaml:4:5: 'tables[0]': missing 'fine-gray': a Fine–Gray table needs the model's terms, e.g. 'fine-gray: age + factor(stage)'"
      )
    }
  }
}
