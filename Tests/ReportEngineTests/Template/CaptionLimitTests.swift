import Foundation
import Testing

@testable import ReportEngine
@testable import ReportTemplates

/// Hostile captions: sections nested too deep, transforms piled up and sections that would
/// expand without bound are errors before Mustache parses or renders them.
@Suite("Captions: limits")
struct CaptionLimitTests {
  func render(_ template: String) throws(FigureCaptionError) -> String {
    try FigureCaption.render(template, context: CaptionNameCheckTests.context)
  }

  func message(_ template: String) -> String? {
    do {
      _ = try render(template)
      return nil
    } catch {
      return error.message
    }
  }

  @Test("sections 5,000 deep are an error at the 33rd, not a stack overflow in the Mustache parser")
  func deepSections() throws {
    let template = String(repeating: "{{#n}}", count: 5_000) + "x" + String(repeating: "{{/n}}", count: 5_000)
    #expect(
      message(template)
        == "the caption nests sections more than 32 levels deep at character 193 ('{{#n}}'); a caption needs a few levels"
    )
    // Inverted sections and blocks nest the same way.
    let inverted = String(repeating: "{{^n}}", count: 40) + String(repeating: "{{/n}}", count: 40)
    #expect(
      message(inverted)
        == "the caption nests sections more than 32 levels deep at character 193 ('{{^n}}'); a caption needs a few levels"
    )
    // 32 sections over a number render once.
    #expect(
      try render(String(repeating: "{{#n}}", count: 32) + "{{n}}" + String(repeating: "{{/n}}", count: 32)) == "23")
  }

  static let tooLong =
    "the caption could render to more than 100,000 characters: a section over a list repeats its text for every item, and sections over lists inside each other for every combination of items; nest fewer of them"

  @Test("sections over a list nested 20 deep (a million renderings of their text) are an error before rendering")
  func exponentialSections() throws {
    let template = String(repeating: "{{#groups}}", count: 20) + "x" + String(repeating: "{{/groups}}", count: 20)
    #expect(template.count == 441)
    let clock = ContinuousClock()
    let start = clock.now
    #expect(message(template) == Self.tooLong)
    #expect(clock.now - start < .seconds(1))
    // Two levels over two groups render four times.
    #expect(try render("{{#groups}}{{#groups}}{{label}}{{/groups}};{{/groups}}") == "AB;AB;")
  }

  @Test("a long text repeated over a list, and a long value repeated, count towards the length")
  func longRenderings() throws {
    let text = String(repeating: "a", count: 60_000)
    #expect(message("{{#groups}}\(text){{/groups}}") == Self.tooLong)
    #expect(try render("{{#groups}}\(text.prefix(40_000)){{/groups}}").count == 80_000)
    #expect(message(String(repeating: "{{groups}}", count: 2_000)) == Self.tooLong)
  }

  @Test("transforms piled around one name are an error, not a stack overflow in the Mustache parser")
  func deepTransforms() {
    let template =
      "{{" + String(repeating: "first(", count: 10_000) + "groups" + String(repeating: ")", count: 10_000) + "}}"
    #expect(message(template) == "the caption applies more than 8 transforms to one name at character 1; apply a few")
  }

  @Test("delimiter changes are followed: sections under new delimiters count")
  func delimiters() throws {
    let template =
      "{{=<% %>=}}" + String(repeating: "<%#n%>", count: 40) + String(repeating: "<%/n%>", count: 40)
    #expect(
      message(template)
        == "the caption nests sections more than 32 levels deep at character 204 ('<%#n%>'); a caption needs a few levels"
    )
    #expect(try render("{{=<% %>=}}<%#groups%><%label%>, <%/groups%>{{n}}") == "A, B, {{n}}")
  }

  @Test("captions of the usual shape render as before")
  func usualCaptions() throws {
    #expect(
      try render("Median {{#groups}}{{label}} {{median}}{{sep}}{{^last}}, {{/last}}{{/groups}}; {{logrank.p_text}}.")
        == "Median A 31, B 23; ; P = 0.07.")
    // Mustache's parse errors become a place and a sentence, not its internals.
    #expect(
      message("{{#groups}}{{/wrong}}")
        == "the caption cannot be read at character 12: a section is closed with another name than it was opened with ('{{#groups}}…{{/groups}}')"
    )
    #expect(
      message("P {{logrank.p | upper}}")
        == "the caption cannot be read at character 3: a '{{' is not closed by '}}', or the name inside it is not a value name (letters, digits, '_' and '.')"
    )
    #expect(
      message("Line one\n{{#groups}}x")
        == "the caption cannot be read on its line 2, character 1: a section opened with '{{#name}}' or '{{^name}}' is not closed with '{{/name}}'"
    )
  }

  @Test("a build names the caption's key, line and column")
  func located() throws {
    let caption = String(repeating: "{{#groups}}", count: 20) + "x" + String(repeating: "{{/groups}}", count: 20)
    let yaml = """
      data:
        aml: data/aml.csv
      figures:
        - id: nested
          data: aml
          time: time
          event: status
          group: x
          caption: '\(caption)'
      """
    let folder = try TemplateFolder(template: yaml)
    let template = try ReportTemplate(contentsOfFile: folder.templatePath)
    let error = try #require(throws: FigureBuildError.self) {
      try ReportBuilder(template: template, options: ReportBuildOptions(outputFolder: folder.path + "/out", jobs: 1))
        .run()
    }
    #expect(
      error.description
        == "while building figure 'nested' (\(folder.templatePath):4): \(folder.templatePath):9:14: 'figures[0].caption': \(Self.tooLong)"
    )
  }
}
