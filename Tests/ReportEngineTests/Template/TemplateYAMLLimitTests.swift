import Foundation
import Testing

@testable import ReportTemplates
@testable import SurvivalSimulation

/// Hostile YAML: nesting past the limit and keys that are not text are located errors before
/// Yams reads the text, and the YAML templates are written in (block scalars, multi-line plain
/// captions, anchors) passes.
@Suite("Report templates: YAML limits")
struct TemplateYAMLLimitTests {
  func message(_ yaml: String) -> String? {
    do {
      _ = try ReportTemplate(yaml: yaml, file: "report.yaml")
      return nil
    } catch {
      return error.description
    }
  }

  static let tooDeep =
    "lists and mappings nest more than 64 levels deep here; a template or specification needs a few levels (look for an unclosed '[' or '{')"
  static let keyNotText = "a key must be text, not a list, a mapping or an alias; write the key as a word"

  @Test("brackets 5,000 deep are an error at the 64th level, before Yams recurses into them")
  func deepFlow() {
    let yaml = "data: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
    #expect(message(yaml) == "report.yaml:1:70: \(Self.tooDeep)")
    let mappings = "data: " + String(repeating: "{a: ", count: 5_000) + "1" + String(repeating: "}", count: 5_000)
    #expect(message(mappings) == "report.yaml:1:259: \(Self.tooDeep)")
  }

  @Test("indentation 100 levels deep, and lists inside lists on one line, are errors at the 65th level")
  func deepBlocks() {
    let yaml =
      "data:\n" + (1...100).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x\n"
    #expect(message(yaml) == "report.yaml:65:65: \(Self.tooDeep)")
    let compact = "figures:\n" + String(repeating: "- ", count: 100) + "x\n"
    #expect(message(compact) == "report.yaml:2:129: \(Self.tooDeep)")
  }

  @Test("a key built of aliases (hashed exponentially long by Yams) is an error, as is any key that is not text")
  func keysNotText() {
    var lines = ["data:", "  ? &a0 [x, x, x, x, x, x, x, x, x, x]", "  : 0"]
    for i in 1...9 {
      lines += ["  ? &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]", "  : \(i)"]
    }
    #expect(message(lines.joined(separator: "\n")) == "report.yaml:2:3: \(Self.keyNotText)")
    #expect(message("data:\n  aml: &a data/aml.csv\n  *a : x\n") == "report.yaml:3:3: \(Self.keyNotText)")
    #expect(message("data: {[a, b]: x}\n") == "report.yaml:1:13: \(Self.keyNotText)")
    #expect(message("data:\n  {a: 1}: x\n") == "report.yaml:2:8: \(Self.keyNotText)")
  }

  @Test("brackets, colons and question marks inside text do not count")
  func textIsText() throws {
    let folder = try TemplateFolder(
      template: """
        # A comment with [[[[ and {{{{ and ? and *x : y
        title: "Trial [1]: {{#a}} ? *b : c"
        data:
          aml: data/aml.csv
        figures:
          - id: plain
            data: aml
            time: time
            event: status
            group: x
            group-labels: &labels {1: Maintained, 2: Not maintained}
            caption: Median survival by arm.
              {{#groups}}{{label}} {{median_text}} [{{n}}]; {{/groups}}
              ? {{logrank.p_text}} *here
          - id: literal
            data: aml
            time: time
            event: status
            group: x
            group-labels: *labels
            caption: |
              [[[[[[[[ {{#groups}}{ {label}}: {{median_text}}{{/groups}}
                ? key : value
              - [a]: b
            title: 'It''s [ok]: {'
        """)
    let template = try ReportTemplate(contentsOfFile: folder.templatePath)
    #expect(template.figures.map(\.id) == ["plain", "literal"])
    #expect(
      template.figures[0].caption
        == "Median survival by arm. {{#groups}}{{label}} {{median_text}} [{{n}}]; {{/groups}} ? {{logrank.p_text}} *here"
    )
    #expect(template.figures[1].caption?.hasPrefix("[[[[[[[[ {{#groups}}") == true)
  }

  @Test("cohort specifications are checked the same way")
  func cohortSpecifications() {
    func message(_ yaml: String) -> String? {
      do {
        _ = try CohortSpecification(yaml: yaml, path: "spec.yaml")
        return nil
      } catch {
        return error.description
      }
    }
    #expect(
      message("patients: 10\ncovariates: " + String(repeating: "[", count: 100) + "\n")
        == "spec.yaml:2:76: \(Self.tooDeep)")
    #expect(message("patients: 10\n? [patients]\n: 3\n") == "spec.yaml:2:1: \(Self.keyNotText)")
  }
}
