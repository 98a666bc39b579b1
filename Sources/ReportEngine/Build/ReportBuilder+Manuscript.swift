import CairoRendering
import FigureCore
import Foundation
import ManuscriptDocuments
import ReportTemplates
import SurvivalFigures

extension ReportBuilder {
  /// The manuscript outputs this build writes: `--documents`, else the template's `documents`.
  var documents: [ManuscriptDocumentKind] { options.documents ?? template.documents }

  /// The files of a full build besides the report PDF, in the order written, as far as
  /// ``documents`` asks for them: the report as a Word document and as RTF, the methods
  /// paragraph (Markdown, LaTeX, BibTeX) and, when the template names numbers, their LaTeX
  /// macros, JSON and CSV.
  var manuscriptOutputs: [String] {
    let base = "\(options.outputFolder)/\(reportName)"
    var paths: [String] = []
    if documents.contains(.docx) { paths.append("\(base).docx") }
    if documents.contains(.rtf) { paths.append("\(base).rtf") }
    if documents.contains(.methods) { paths += ["\(base)-methods.md", "\(base)-methods.tex", "\(base)-methods.bib"] }
    if documents.contains(.numbers) && !template.numbers.isEmpty {
      paths += ["\(base)-numbers.tex", "\(base)-numbers.json", "\(base)-numbers.csv"]
    }
    return paths
  }

  /// The bytes of ``manuscriptOutputs``.
  func manuscriptFiles(
    _ figures: [BuiltFigure], tables: [BuiltTable], rendered: [[(String, [UInt8])]], renderer: FigureRenderer
  ) throws -> [(String, [UInt8])] {
    let documents = documents
    let images =
      documents.contains(.docx) || documents.contains(.rtf)
      ? try figureImages(figures, rendered: rendered, renderer: renderer) : []
    var bytes: [[UInt8]] = []
    if documents.contains(.docx) { bytes.append(wordReport(figures, images: images, tables: tables)) }
    if documents.contains(.rtf) {
      let tlfFigures = zip(figures, images).map {
        ($0.spec.label, $0.caption, $1, $0.scene.size.width, $0.scene.size.height)
      }
      bytes.append(TLFDocuments.report(tlfFigures, tables: tables, template: template))
    }
    if documents.contains(.methods) {
      let methods = MethodsParagraph(figures: figures, tables: tables)
      bytes += [Array(methods.markdown.utf8), Array(methods.latex.utf8), Array(methods.bibtex.utf8)]
    }
    if documents.contains(.numbers) && !template.numbers.isEmpty {
      let numbers = try resolvedNumbers(figures, tables: tables)
      bytes += [
        Array(NumberFiles.latex(numbers, template: template.file).utf8), NumberFiles.json(numbers),
        Array(NumberFiles.csv(numbers).utf8),
      ]
    }
    return Array(zip(manuscriptOutputs, bytes))
  }

  /// The template's named numbers, read from the figures' caption values and the tables'
  /// printed cells.
  func resolvedNumbers(_ figures: [BuiltFigure], tables: [BuiltTable]) throws -> [ResolvedNumber] {
    let figureValues = Dictionary(figures.map { ($0.spec.id, $0.values) }, uniquingKeysWith: { a, _ in a })
    let tableValues = Dictionary(
      tables.map { ($0.spec.id, CaptionValueTree($0.labelledTable)) }, uniquingKeysWith: { a, _ in a })
    return try template.numbers.map { number in
      try ResolvedNumber.resolve(number, figures: figureValues, tables: tableValues)
    }
  }

  /// The report as a Word document (`Output/<template>.docx`): the template's title, then each
  /// figure as a PNG at its print size and resolution with its label in bold and its caption
  /// below, then each table ("Table 2. …", the table, its footnotes), in template order.
  func wordReport(_ figures: [BuiltFigure], images: [PNGImage], tables: [BuiltTable]) -> [UInt8] {
    var blocks: [DocumentBlock] = []
    if let title = template.title { blocks.append(.paragraph(DocumentParagraph(StyledText(title), role: .title))) }
    for (figure, image) in zip(figures, images) {
      blocks.append(.figure(image, width: figure.scene.size.width, height: figure.scene.size.height))
      var caption = StyledText(spans: [StyledText.Span("\(figure.spec.label).", isBold: true)])
      if let text = figure.caption, !text.isEmpty { caption = caption + JournalText.italicisingP(" " + text) }
      blocks.append(.paragraph(DocumentParagraph(caption, role: .caption)))
    }
    for table in tables { blocks.append(.table(table.labelledTable)) }
    return WordDocument(
      blocks: blocks, title: template.title, author: template.author,
      fontFamily: WordDocument.fontName(template.style.fontFamily)
    ).bytes
  }

  /// Each figure as a PNG at its resolution: the PNG the build writes when the figure has that
  /// format, else one rendered for the document.
  func figureImages(_ figures: [BuiltFigure], rendered: [[(String, [UInt8])]], renderer: FigureRenderer) throws
    -> [PNGImage]
  {
    let folder = options.outputFolder
    let slots = ResultSlots<[UInt8]>(count: figures.count)
    DispatchQueue.concurrentPerform(iterations: min(options.jobs, max(figures.count, 1))) { _ in
      while let index = slots.claim() {
        let figure = figures[index]
        let path = "\(folder)/\(figure.spec.id).png"
        if let written = rendered[index].first(where: { $0.0 == path }) {
          slots.store(.success(written.1), at: index)
          continue
        }
        var renderer = renderer
        renderer.options.dpi = figure.spec.dpi
        slots.store(Result { try renderer.render(figure.scene, as: .png) }, at: index)
      }
    }
    return try zip(figures, slots.values).map { figure, result in
      do {
        guard let image = PNGImage(try result!.get()) else { throw UnreadableFigureImage(figure: figure.spec.id) }
        return image
      } catch {
        throw OutputError.translating(
          error, path: "\(folder)/\(reportName).docx", title: template.title, titleOption: titleOption)
      }
    }
  }
}

/// A figure rendered as PNG without a PNG header (a broken renderer).
struct UnreadableFigureImage: Error, CustomStringConvertible {
  var figure: String
  var description: String { "the PNG rendered of figure '\(figure)' has no PNG header" }
}
