internal import CCairo
import FigureCore

extension FigureRenderer {
  /// The bytes of a multi-page PDF.
  ///
  /// - Precondition: the document has at least one page, and every outline item points at one
  ///   of its pages.
  /// - Throws: `RenderError.invalidPageSize` naming a bad page, `CairoError` when Cairo fails.
  public func render(_ document: PDFDocument) throws -> [UInt8] {
    precondition(!document.pages.isEmpty, "A PDFDocument needs at least one page.")
    for page in document.pages { try Self.validate(page.scene.size) }
    let surface = try _Surface.pdf(size: document.pages[0].scene.size)
    applyMetadata(to: surface)
    let context = try _DrawingContext(surface)
    for page in document.pages {
      // The size applies to the page about to be drawn.
      cairo_pdf_surface_set_size(surface.pointer, page.scene.size.width, page.scene.size.height)
      if let label = page.label { cairo_pdf_surface_set_page_label(surface.pointer, label) }
      let canvas = CairoCanvas(context: context, fonts: fonts, target: vectorTarget)
      try context.withSavedState { try page.scene.render(on: canvas) }
      if let error = canvas.firstError { throw error }
      cairo_show_page(context.pointer)
      try context.checkStatus("cairo_show_page")
    }
    addOutline(
      document.outline, parent: Int32(CAIRO_PDF_OUTLINE_ROOT), to: surface,
      pageCount: document.pages.count)
    try surface.checkStatus("cairo_pdf_surface_add_outline")
    return try surface.finish()
  }

  /// Writes a multi-page PDF to `path` atomically (see `write(_:to:as:)`).
  public func write(_ document: PDFDocument, to path: String) throws {
    let bytes: [UInt8]
    do {
      bytes = try render(document)
    } catch let error as CairoError {
      throw error.at(path)
    }
    try _AtomicFile.write(bytes, to: path)
  }

  private func addOutline(
    _ items: [PDFOutlineItem], parent: Int32, to surface: _Surface, pageCount: Int
  ) {
    for item in items {
      precondition(
        (0..<pageCount).contains(item.pageIndex),
        "Outline item '\(item.title)' points at page index \(item.pageIndex), but the document has \(pageCount) pages."
      )
      let flags = item.isOpen ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0)
      let id = cairo_pdf_surface_add_outline(
        surface.pointer, parent, item.title, "page=\(item.pageIndex + 1)", flags)
      addOutline(item.children, parent: id, to: surface, pageCount: pageCount)
    }
  }
}
