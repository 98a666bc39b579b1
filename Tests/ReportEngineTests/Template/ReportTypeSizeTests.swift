import CairoRendering
import ClinicalData
import FigureCore
import Foundation
import Testing

@testable import Analyses
@testable import ReportEngine
@testable import ReportTemplates

/// One type size across a report: tick labels and table numbers are the same size in every
/// figure, whatever its width or the width of its panel.
@Suite("survfig build: one type size across a report")
struct ReportTypeSizeTests {
  @Test("every figure of lung.yaml sets its tick labels, table numbers and axis titles in the same sizes")
  func uniformTicks() throws {
    let template = try ReportTemplate(contentsOfFile: FigureStyleTests.root + "/Templates/lung.yaml")
    var tables: [String: DataTable] = [:]
    // The data with the template's derived columns, as the build reads it.
    for (name, path) in template.data.sorted(by: { $0.key < $1.key }) {
      var table = try tables[path] ?? DataTable(contentsOfFile: path)
      for derivation in template.derivations[name] ?? [] {
        table = table.appending(try derivation.expression.column(named: derivation.name, of: table))
      }
      tables[path] = table
    }
    let measurer = try FigureRenderer().measurer
    var sizes: [String: Set<Double>] = [:]
    for spec in template.figures {
      let figure = try BuiltFigure.build(spec, tables: tables, measurer: measurer, minimumFontSize: 6)
      // Texts of the figure, without the panel letters (larger by design) and titles.
      let texts = figure.scene.commands.filter {
        if case .group(let name, _) = $0 { return name != "panel-labels" }
        return true
      }.flatMap(\.texts).map { $0.0.font.size }
      sizes[spec.id] = Set(texts)
    }
    let smallest = Set(sizes.values.compactMap { $0.min() })
    #expect(smallest == [6.5], "the smallest type by figure: \(sizes.mapValues { $0.sorted() })")
  }
}
