import Foundation
import Mustache
import Testing

@testable import Analyses
@testable import Expressions
@testable import ReportEngine
@testable import ReportTemplates
@testable import SurvivalSimulation

@Suite("Caption names the statistics do not define")
struct CaptionNameCheckTests {
  static var context: [String: Any] {
    [
      "n": 23, "logrank": ["p": "0.07", "p_text": "P = 0.07"], "missing_test": NSNull(),
      "groups": [
        ["label": "A", "median": "31", "last": false], ["label": "B", "median": "23", "sep": "; ", "last": true],
      ],
      "follow_up": ["text": "161 (45–NR)"], "group": ["1": ["median": "31"]], "empty": [[String: Any]](),
    ]
  }

  func names(_ template: String) -> [CaptionNameCheck.Unknown] {
    CaptionNameCheck.unknownNames(in: template, context: Self.context)
  }

  @Test("defined names, sections, dotted names, transforms and comments pass")
  func known() {
    #expect(names("{{n}} patients; {{#groups}}{{label}} {{median}}{{sep}}{{^last}}, {{/last}}{{/groups}}") == [])
    #expect(names("{{ logrank.p_text }} {{{follow_up.text}}} {{&group.1.median}} {{! {{nope}} }}") == [])
    #expect(names("{{#groups}}{{n}}{{/groups}} {{#empty}}{{anything}}{{/empty}} {{uppercased(n)}} {{.}}") == [])
    #expect(names("{{#missing_test}}{{p}}{{/missing_test}} {{^missing_test}}no test{{/missing_test}}") == [])
  }

  @Test("misspelt names are reported once each with the closest defined name")
  func unknown() {
    #expect(
      names("{{medain}} {{#groups}}{{medain}} {{lable}}{{/groups}} {{logrank.p_txt}} {{logrank.p_txt}}") == [
        .init(name: "medain", suggestion: nil),
        .init(name: "lable", suggestion: "label"),
        .init(name: "logrank.p_txt", suggestion: "logrank.p_text"),
      ])
    // Outside the section only the root names are visible; inside, the items' too.
    #expect(names("{{#groups}}{{medain}}{{/groups}}") == [.init(name: "medain", suggestion: "median")])
    #expect(names("{{#grups}}{{whatever}}{{/grups}}") == [.init(name: "grups", suggestion: "groups")])
    #expect(
      names("{{n.value}} {{group.2.median}}") == [
        .init(name: "n.value", suggestion: nil), .init(name: "group.2.median", suggestion: "group.1"),
      ])
  }

  @Test("a name whose value is null for this figure is reported as empty; a delimiter change ends the check")
  func emptyAndDelimiters() {
    #expect(names("{{missing_test.p}}") == [.init(name: "missing_test.p", suggestion: nil, isEmpty: true)])
    #expect(names("{{=<% %>=}} <% nope %>") == [])
  }

  @Test("number helpers: known ones pass, a misspelt one is reported with the closest helper")
  func helpers() {
    #expect(names("{{#groups}}{{fixed1(median)}}{{/groups}} {{pvalue(logrank.p)}} {{percent0(n)}}") == [])
    #expect(names("{{fixd2(n)}} {{uppercased(fixed0(n))}}") == [.init(name: "fixd2", suggestion: "fixed2")])
  }
}

@Suite("Caption number helpers")
struct CaptionNumberTests {
  /// Captions are rendered as text, as `survfig build` renders them.
  @Test("fixed decimals, percentages and P values; a number that does not exist keeps its text")
  func render() throws {
    let context: [String: Any] = [
      "median": CaptionNumber(value: 20.146, text: "20.1"), "survival": CaptionNumber(value: 0.4535, text: "45.4%"),
      "p": CaptionNumber(value: 0.00042, text: "<0.001"), "nr": CaptionNumber(value: nil, text: "NR"),
    ]
    let template = try MustacheTemplate(
      string:
        "{{%CONTENT_TYPE:TEXT}}{{median}} {{fixed0(median)}} {{fixed2(median)}}; {{survival}} {{percent0(survival)}} {{percent1(survival)}}; "
        + "{{p}} {{pvalue(p)}} {{fixed3(p)}}; {{nr}} {{fixed1(nr)}}")
    #expect(template.render(context) == "20.1 20 20.15; 45.4% 45% 45.4%; <0.001 <0.001 0.000; NR NR")
  }
}
