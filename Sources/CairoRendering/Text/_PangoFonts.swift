internal import CCairo
internal import CPangoCairo
import FigureCore

/// The Pango objects of one `FontLibrary`, used only under the library's lock.
///
/// They are a private fontconfig configuration holding only the pinned files, a Cairo font map
/// using it, and one context with fixed settings.
final class _PangoFonts {
  private let fontMap: UnsafeMutablePointer<PangoFontMap>
  private let context: OpaquePointer
  private let config: OpaquePointer
  /// The CJK fallback files not yet added to the configuration.
  private var pendingFallbackFiles: [String]
  private var lineMetricsCache: [FontSpec: (ascent: Double, descent: Double)] = [:]

  /// Size of superscripts and subscripts as a fraction of the font size.
  static let shiftedSizeRatio = 0.7
  /// Raise of a superscript's baseline as a fraction of the font size.
  ///
  /// With 0.7 × the size, a superscript digit's top stays below the font's ascent (0.905 em).
  static let superscriptRise = 0.36
  /// Drop of a subscript's baseline as a fraction of the font size.
  static let subscriptDrop = 0.15

  /// A font map of `files` and, after them, `fallbackFiles`: fontconfig aliases put each
  /// family's fallback (``FontLibrary/fallbackFamilyName(_:)``) right after it, so that Pango takes
  /// a character the Liberation font lacks from the matching Noto CJK face, sans for sans.
  ///
  /// The fallback files (90 MB that fontconfig scans in about 0.2 s) are added the first time a
  /// text has a character the Liberation fonts lack. Adding them changes no text the Liberation
  /// fonts cover, so a figure's bytes do not depend on what was drawn before it.
  init(files: [String], fallbackFiles: [String] = []) throws(RenderError) {
    let config: OpaquePointer = FcConfigCreate()
    self.config = config  // the font map takes its own reference; this one is released in deinit
    for file in files where FcConfigAppFontAddFile(config, file) == 0 {
      throw .fontUnreadable(path: file)
    }
    pendingFallbackFiles = fallbackFiles
    if !fallbackFiles.isEmpty {
      let aliases = FontFamily.allCases.map { family in
        "<alias binding=\"strong\"><family>\(FontLibrary.familyName(family))</family>"
          + "<accept><family>\(FontLibrary.fallbackFamilyName(family))</family></accept></alias>"
      }
      let xml = "<?xml version=\"1.0\"?><fontconfig>" + aliases.joined() + "</fontconfig>"
      _ = FcConfigParseAndLoadFromMemory(config, xml, 1)
    }
    fontMap = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT)
    pango_fc_font_map_set_config(OpaquePointer(fontMap), config)
    context = pango_font_map_create_context(fontMap)
    // Fractional glyph positions: rounding to whole user units (points) would make widths
    // depend on rounding and letter spacing uneven.
    pango_context_set_round_glyph_positions(context, 0)
    pango_cairo_context_set_resolution(context, 72)
    pango_cairo_context_set_font_options(context, _FontOptions.shared.pointer)
    // A fixed language, so that the locale of the machine never chooses among fallback faces.
    pango_context_set_language(context, pango_language_from_string("en"))
  }

  deinit {
    g_object_unref(UnsafeMutableRawPointer(context))
    g_object_unref(UnsafeMutableRawPointer(fontMap))
    FcConfigDestroy(config)
  }

  /// Adds the fallback files when `layout` has a character no loaded font has, and lays it out
  /// again with them.
  private func loadFallbackIfNeeded(for layout: OpaquePointer) {
    guard !pendingFallbackFiles.isEmpty, pango_layout_get_unknown_glyphs_count(layout) > 0 else { return }
    for file in pendingFallbackFiles { _ = FcConfigAppFontAddFile(config, file) }
    pendingFallbackFiles = []
    pango_fc_font_map_config_changed(OpaquePointer(fontMap))
    pango_layout_context_changed(layout)
  }

  /// A single-line layout of `text` in `font`, styled with attributes built from the spans
  /// (never by parsing markup, so data characters such as `<` are always literal).
  func layout(_ text: StyledText, font: FontSpec) -> _TextLayout {
    let layout: OpaquePointer = pango_layout_new(context)
    pango_layout_set_single_paragraph_mode(layout, 1)
    let description = Self.fontDescription(font)
    pango_layout_set_font_description(layout, description)
    pango_font_description_free(description)

    var utf8: [UInt8] = []
    let attributes: OpaquePointer = pango_attr_list_new()
    func add(_ attribute: UnsafeMutablePointer<PangoAttribute>, _ start: Int, _ end: Int) {
      attribute.pointee.start_index = UInt32(start)
      attribute.pointee.end_index = UInt32(end)
      pango_attr_list_insert(attributes, attribute)
    }
    for span in text.spans {
      let start = utf8.count
      utf8.append(contentsOf: span.text.utf8)
      let end = utf8.count
      if span.isBold && !font.isBold { add(pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, end) }
      if span.isItalic && !font.isItalic {
        add(pango_attr_style_new(PANGO_STYLE_ITALIC), start, end)
      }
      let rise: Double
      switch span.shift {
      case .none: continue
      case .superscript: rise = Self.superscriptRise * font.size
      case .subscript: rise = -Self.subscriptDrop * font.size
      }
      add(
        pango_attr_size_new_absolute(Self.pangoUnits(font.size * Self.shiftedSizeRatio)), start, end
      )
      add(pango_attr_rise_new(Self.pangoUnits(rise)), start, end)
    }
    for run in Self.numberRuns(in: utf8) {
      add(pango_attr_font_features_new("kern=0"), run.lowerBound, run.upperBound)
    }
    utf8.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) {
        pango_layout_set_text(layout, $0.baseAddress, Int32($0.count))
      }
    }
    pango_layout_set_attributes(layout, attributes)
    pango_attr_list_unref(attributes)
    loadFallbackIfNeeded(for: layout)
    return _TextLayout(layout)
  }

  /// Byte ranges of numbers (digits with decimal points and commas), which are set without
  /// kerning: Liberation Sans kerns "11", so kerned numbers would not be tabular and decimal
  /// points in a right-aligned column would not line up.
  static func numberRuns(in utf8: [UInt8]) -> [Range<Int>] {
    func isNumeric(_ b: UInt8) -> Bool {
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || b == UInt8(ascii: ".")
        || b == UInt8(ascii: ",")
    }
    var runs: [Range<Int>] = []
    var start: Int?
    for (i, b) in utf8.enumerated() {
      if isNumeric(b) {
        if start == nil { start = i }
      } else if let s = start {
        if i - s > 1 { runs.append(s..<i) }
        start = nil
      }
    }
    if let s = start, utf8.count - s > 1 { runs.append(s..<utf8.count) }
    return runs
  }

  /// The font's ascent and descent (from an empty line), independent of the text, so texts in
  /// one font share their baseline whatever their anchor.
  func lineMetrics(_ font: FontSpec) -> (ascent: Double, descent: Double) {
    let key = font
    if let cached = lineMetricsCache[key] { return cached }
    let empty = layout(StyledText(spans: []), font: key)
    let metrics = (ascent: empty.baseline, descent: empty.logicalHeight - empty.baseline)
    lineMetricsCache[key] = metrics
    return metrics
  }

  private static func fontDescription(_ font: FontSpec) -> OpaquePointer {
    let description: OpaquePointer = pango_font_description_new()
    pango_font_description_set_family(description, FontLibrary.familyName(font.family))
    pango_font_description_set_weight(
      description, font.isBold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
    pango_font_description_set_style(
      description, font.isItalic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
    // Absolute size is in user units (points); the plain size would assume 96 dpi.
    pango_font_description_set_absolute_size(description, Double(pangoUnits(font.size)))
    return description
  }

  static func pangoUnits(_ points: Double) -> Int32 {
    Int32((points * Double(PANGO_SCALE)).rounded())
  }
}

/// An owned `PangoLayout` with its logical extents in points.
final class _TextLayout {
  let pointer: OpaquePointer
  /// Left edge of the logical box relative to the layout origin.
  let logicalX: Double
  /// Advance width: the logical, not the ink, width.
  let width: Double
  let logicalHeight: Double
  /// Distance from the top of the logical box to the baseline.
  let baseline: Double

  init(_ pointer: OpaquePointer) {
    self.pointer = pointer
    var logical = PangoRectangle()
    pango_layout_get_extents(pointer, nil, &logical)
    let scale = Double(PANGO_SCALE)
    logicalX = Double(logical.x) / scale
    width = Double(logical.width) / scale
    logicalHeight = Double(logical.height) / scale
    baseline = Double(pango_layout_get_baseline(pointer)) / scale
  }

  deinit { g_object_unref(UnsafeMutableRawPointer(pointer)) }
}
