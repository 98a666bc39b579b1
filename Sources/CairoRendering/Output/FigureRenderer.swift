internal import CCairo
import FigureCore

/// Renders scenes to PDF, SVG, PNG, EPS or TIFF bytes and writes them to files atomically.
///
/// Output bytes depend only on the scene, the options and the versions of Cairo, Pango,
/// FreeType and the fonts: no wall-clock dates, no process-wide counters. Rendering is safe from
/// several threads at once.
///
/// ```swift
/// let renderer = try FigureRenderer()
/// let layout = KaplanMeierLayout(measurer: renderer.measurer)  // same fonts as drawing
/// try renderer.write(scene, to: "Output/km.pdf")
/// ```
public struct FigureRenderer: Sendable {
  /// The fonts text is measured and drawn with.
  public var fonts: FontLibrary
  /// Resolution, metadata, date and pattern style.
  public var options: RenderOptions

  /// A renderer drawing text in `fonts`.
  public init(fonts: FontLibrary, options: RenderOptions = RenderOptions()) {
    self.fonts = fonts
    self.options = options
  }

  /// A renderer using `FontLibrary.standard()`.
  public init(options: RenderOptions = RenderOptions()) throws(RenderError) {
    self.init(fonts: try .standard(), options: options)
  }

  /// The measurer that matches this renderer's drawing exactly; lay figures out with it.
  public var measurer: CairoTextMeasurer { CairoTextMeasurer(fonts: fonts) }

  /// The file contents of `scene` in `format`.
  ///
  /// - Throws: `RenderError` for an invalid page size or resolution, `CairoError` when Cairo
  ///   fails.
  public func render(_ scene: Scene, as format: OutputFormat) throws -> [UInt8] {
    try renderPage(size: scene.size, isOpaque: scene.background?.alpha == 1, as: format) {
      try scene.render(on: $0)
    }
  }

  /// The file contents of a page drawn directly by `drawing`, over `background` (nil leaves a
  /// PNG transparent).
  public func render(
    size: Size, background: Color? = .white, as format: OutputFormat,
    drawing: (CairoCanvas) throws -> Void
  ) throws -> [UInt8] {
    try renderPage(size: size, isOpaque: background?.alpha == 1, as: format) { canvas in
      if let background {
        canvas.fill(.rect(Rect(origin: .zero, size: size)), with: .solid(background))
      }
      try drawing(canvas)
    }
  }

  /// Writes `scene` to `path` atomically: the file appears complete or not at all, and on any
  /// error no file is left behind (an existing file keeps its old contents).
  ///
  /// - Parameters:
  ///   - scene: The figure.
  ///   - path: The file to write; its folder must exist.
  ///   - format: By default the format named by the path's extension.
  /// - Throws: `RenderError.unknownFormat` for an unknown extension, `RenderError.fileSystem`
  ///   naming the failed call and the path when the file cannot be written, `CairoError` (with
  ///   the path) when Cairo fails.
  public func write(_ scene: Scene, to path: String, as format: OutputFormat? = nil) throws {
    let format = try format ?? OutputFormat(path: path)
    let bytes: [UInt8]
    do {
      bytes = try render(scene, as: format)
    } catch let error as CairoError {
      throw error.at(path)
    }
    try _AtomicFile.write(bytes, to: path)
  }

  // MARK: - One page per format

  private func renderPage(
    size: Size, isOpaque: Bool, as format: OutputFormat, draw: (CairoCanvas) throws -> Void
  ) throws -> [UInt8] {
    try Self.validate(size)
    let isCMYK = options.colorModel == .cmyk
    if isCMYK && format != .pdf && format != .tiff { throw RenderError.cmykUnsupported(format: format) }
    switch format {
    case .pdf:
      let surface = try _Surface.pdf(size: size)
      applyMetadata(to: surface)
      try drawPage(on: surface, target: vectorTarget, paintsOpaque: isCMYK, draw)
      let pdf = try surface.finish()
      return isCMYK ? try _GhostscriptCMYK.converted(pdf) : pdf
    case .svg:
      let surface = try _Surface.svg(size: size)
      let texts = try drawPage(on: surface, target: vectorTarget, editableText: options.svgText == .editable, draw)
      return _SVGNormalizer.normalized(_SVGText.inserting(texts, into: try surface.finish()))
    case .tiff:
      return try _TIFFEncoder.encode(
        try renderImage(size: size, isOpaque: true, draw), dpi: options.dpi, model: options.colorModel)
    case .eps:
      let surface = try _Surface.eps(size: size)
      cairo_surface_set_fallback_resolution(surface.pointer, options.dpi, options.dpi)
      if let title = options.metadata.title {
        cairo_ps_surface_dsc_comment(surface.pointer, "%%Title: " + _EPSHeader.escapedTitle(title))
        // A title too long for one DSC line (255 bytes) is reported here, not at the next call.
        try surface.checkStatus("cairo_ps_surface_dsc_comment")
      }
      try drawPage(on: surface, target: vectorTarget, paintsOpaque: true, draw)
      return _EPSHeader.normalized(
        try surface.finish(), size: size, creationDate: options.creationDate)
    case .png:
      return try renderPNG(size: size, isOpaque: isOpaque, draw)
    }
  }

  /// Draws directly on a vector surface, in points; translucent colours opaque over white when
  /// `paintsOpaque`; with `editableText`, texts are returned as SVG `<text>` elements instead of
  /// being drawn.
  @discardableResult
  private func drawPage(
    on surface: _Surface, target: CairoCanvas.Target, paintsOpaque: Bool = false, editableText: Bool = false,
    _ draw: (CairoCanvas) throws -> Void
  ) throws -> [String] {
    let context = try _DrawingContext(surface)
    let canvas = CairoCanvas(context: context, fonts: fonts, target: target)
    canvas.paintsOpaque = paintsOpaque
    if editableText { canvas.svgTexts = [] }
    try draw(canvas)
    if let error = canvas.firstError { throw error }
    try context.checkStatus("cairo_status")
    cairo_show_page(context.pointer)
    try context.checkStatus("cairo_show_page")
    return canvas.svgTexts ?? []
  }

  /// Draws the page once in points into a recording surface, then replays it on the image.
  ///
  /// Drawing in points keeps Pango's superscripts and subscripts at their size (a scaled
  /// context enlarges them in Pango 1.50) and gives the image exactly the vector layout.
  private func renderPNG(
    size: Size, isOpaque: Bool, _ draw: (CairoCanvas) throws -> Void
  ) throws -> [UInt8] {
    let image = try renderImage(size: size, isOpaque: isOpaque, draw)
    return _PNGChunks.addingResolution(try image.pngBytes(), dpi: options.dpi)
  }

  /// The page as an image at `options.dpi`.
  private func renderImage(
    size: Size, isOpaque: Bool, _ draw: (CairoCanvas) throws -> Void
  ) throws -> _Surface {
    let (width, height) = try pixelSize(of: size)
    let recording = try _Surface.recording(extents: Rect(origin: .zero, size: size))
    do {
      let context = try _DrawingContext(recording)
      let canvas = CairoCanvas(context: context, fonts: fonts, target: .raster)
      try draw(canvas)
      if let error = canvas.firstError { throw error }
      try context.checkStatus("cairo_status")
    }
    let image = try _Surface.image(width: width, height: height, isOpaque: isOpaque)
    let context = try _DrawingContext(image)
    context.paint(recording, scale: options.dpi / 72)
    try context.checkStatus("cairo_paint")
    return image
  }

  /// Pixel size of a PNG of `size` points: round(mm × dpi / 25.4) per side.
  public func pixelSize(of size: Size) throws(RenderError) -> (width: Int, height: Int) {
    let dpi = options.dpi
    guard dpi.isFinite, dpi > 0 else { throw .invalidResolution(dpi: dpi) }
    let w = (size.width * dpi / 72).rounded()
    let h = (size.height * dpi / 72).rounded()
    guard w <= 32767, h <= 32767 else {
      throw .imageTooLarge(width: Int(min(w, 1e9)), height: Int(min(h, 1e9)), dpi: dpi)
    }
    return (max(1, Int(w)), max(1, Int(h)))
  }

  var vectorTarget: CairoCanvas.Target {
    .vector(tilingPatterns: options.patternStyle == .tilingPatterns)
  }

  static func validate(_ size: Size) throws(RenderError) {
    guard size.width.isFinite, size.height.isFinite, size.width > 0, size.height > 0,
      size.width <= 14400, size.height <= 14400
    else { throw .invalidPageSize(width: size.width, height: size.height) }
  }

  func applyMetadata(to surface: _Surface) {
    let m = options.metadata
    let fields: [(cairo_pdf_metadata_t, String?)] = [
      (CAIRO_PDF_METADATA_TITLE, m.title), (CAIRO_PDF_METADATA_AUTHOR, m.author),
      (CAIRO_PDF_METADATA_SUBJECT, m.subject), (CAIRO_PDF_METADATA_KEYWORDS, m.keywords),
      (CAIRO_PDF_METADATA_CREATOR, m.creator),
    ]
    for case (let key, let value?) in fields {
      cairo_pdf_surface_set_metadata(surface.pointer, key, value)
    }
    // An empty date makes Cairo write none instead of the wall clock.
    let date = options.creationDate.map(_iso8601) ?? ""
    cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATE_DATE, date)
    cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_MOD_DATE, date)
  }
}

extension FigureRenderer {
  /// Writes `bytes` to `path` atomically (a temporary file in the same folder, then a rename),
  /// for files that go with figures: sidecars, tables, dependency files.
  ///
  /// - Throws: `RenderError.fileSystem` naming the failed call and the path.
  public static func writeFile(_ bytes: [UInt8], to path: String) throws {
    try _AtomicFile.write(bytes, to: path)
  }
}
