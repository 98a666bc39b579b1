import Foundation
import ManuscriptDocuments
import ReportTemplates
import SurvivalFigures

/// The RTF outputs of a build, set as the template's `tlf` key says: one file per table, and
/// `<template>.rtf` holding every figure and table, each in its own section with its label and
/// title as title lines, pages numbered "Page X of Y" through the file (a table's own file
/// numbers its own pages).
enum TLFDocuments {
  /// The page settings of `template`; the run time only when `run-time: true`.
  static func settings(_ template: ReportTemplate) -> RichTextDocument.Settings {
    var settings = RichTextDocument.Settings()
    let tlf = template.tlf
    settings.population = tlf.population
    settings.program = tlf.program
    settings.dataCut = tlf.dataCut
    if tlf.showsRunTime {
      let formatter = ISO8601DateFormatter()
      formatter.timeZone = TimeZone(identifier: "UTC")
      settings.runTime = formatter.string(from: Date())
    }
    settings.isFixedPitch = tlf.pitch == .fixed
    settings.fontFamily = WordDocument.fontName(template.style.fontFamily)
    settings.fontSize = tlf.fontSize
    settings.isLandscape = tlf.orientation == .landscape
    return settings
  }

  /// A table's section: its label and title as title lines, the table without its title.
  static func section(_ table: BuiltTable) -> RichTextDocument.Section {
    var body = table.table
    body.title = nil
    return RichTextDocument.Section(
      titles: [table.spec.label, table.table.title ?? table.spec.id], blocks: [.table(body)])
  }

  /// Every figure (a PNG at its print size, its caption below) and table of the build.
  static func report(
    _ figures: [(label: String, caption: String?, image: PNGImage, width: Double, height: Double)],
    tables: [BuiltTable], template: ReportTemplate
  ) -> [UInt8] {
    var sections = figures.map { figure in
      RichTextDocument.Section(
        titles: [figure.label],
        blocks: [.figure(figure.image, width: figure.width, height: figure.height)]
          + (figure.caption.map { [.paragraph(DocumentParagraph(JournalText.italicisingP($0), role: .note))] } ?? []))
    }
    sections += tables.map(section)
    var settings = settings(template)
    if template.tlf.orientation == .auto {
      settings.isLandscape = !RichTextDocument(sections: sections, settings: settings).fitsPortrait
    }
    return RichTextDocument(sections: sections, settings: settings).bytes
  }
}
