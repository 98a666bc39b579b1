import Analyses
import Foundation
import OptionSchema
import ReportTemplates
import Testing

@testable import SurvfigCLI

/// `Documentation/reference/` is generated from the declarations the parsers use; these tests
/// fail when a page is stale or misses a declared option or key. `RECORD_REFERENCE=1 swift test
/// --filter ReferenceDocumentation` (or `survfig reference Documentation/reference`) rewrites it.
@Suite("Documentation/reference against the option declarations")
struct ReferenceDocumentationTests {
  static let folder = Survfig.packageRoot + "/Documentation/reference"

  @Test("each committed page is the page the declarations generate")
  func pagesAreCurrent() throws {
    for (file, text) in ReferenceDocumentation.pages {
      let path = Self.folder + "/" + file
      if ProcessInfo.processInfo.environment["RECORD_REFERENCE"] != nil {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
      }
      let committed = try String(contentsOfFile: path, encoding: .utf8)
      #expect(committed == text, "\(file) is stale: run `survfig reference Documentation/reference`")
    }
  }

  static func page(_ file: String) throws -> String {
    try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
  }

  @Test("every option of every command is on its page")
  func commandOptions() throws {
    func check<Request>(_ file: String, _ options: OptionTable<Request>) throws {
      let page = try Self.page(file)
      for name in options.declarations.compactMap(\.commandLineName) {
        #expect(page.contains("`--\(name)"), "\(file) lacks --\(name)")
      }
    }
    try check("km.md", KaplanMeierRequest.options)
    try check("forest.md", ForestRequest.options)
    try check("swimmer.md", SwimmerRequest.options)
    try check("cox.md", CoxRequest.options)
    try check("response.md", ResponseRequest.options)
  }

  @Test("every template key is on the template page")
  func templateKeys() throws {
    let page = try Self.page("templates.md")
    var keys = ReportTemplate.rootKeyDescriptions.map(\.key) + ReportTemplate.endpointKeyNames
    keys += FigureSpec.keyDescriptions.map(\.key) + FigureSpec.panelKeyDescriptions.map(\.key)
    keys += ReportStyle.options.templateKeys + CharacteristicsRequest.Variable.options.templateKeys
    keys += FigureKinds.all.flatMap { $0.templateKeys } + TableKinds.all.flatMap { $0.templateKeys }
    for key in Set(keys) { #expect(page.contains("`\(key)`"), "templates.md lacks \(key)") }
    for kind in FigureKinds.names + TableKinds.names { #expect(page.contains("`type: \(kind)`")) }
  }
}
