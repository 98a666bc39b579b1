import FigureCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Document information written into PDF files (and the EPS title).
public struct DocumentMetadata: Hashable, Sendable {
  /// The document title.
  public var title: String?
  /// The person or organisation that made the document.
  public var author: String?
  /// What the document is about.
  public var subject: String?
  /// Search keywords, separated by commas or semicolons.
  public var keywords: String?
  /// The application that made the document, for example "survfig 1.0".
  public var creator: String?

  /// Metadata with the given fields; nil fields are not written.
  public init(
    title: String? = nil, author: String? = nil, subject: String? = nil,
    keywords: String? = nil, creator: String? = nil
  ) {
    self.title = title
    self.author = author
    self.subject = subject
    self.keywords = keywords
    self.creator = creator
  }
}

/// How fill patterns (hatches, dots) are written in vector formats.
///
/// PNG output always uses `.clippedGeometry`.
public enum PatternStyle: Hashable, Sendable {
  /// Lines and dots clipped to each area: identical and seamless in every viewer.
  case clippedGeometry
  /// PDF, SVG and PostScript pattern objects repeating one tile: smaller files for large
  /// areas, and editable as patterns, but Poppler-based viewers (Evince, Okular, pdftoppm)
  /// show faint seams at the tile edges.
  case tilingPatterns
}

/// Settings for writing figures.
public struct RenderOptions: Hashable, Sendable {
  /// Resolution of PNG and TIFF output in dots per inch.
  public var dpi: Double
  /// Title, author and the like, for PDF (and the EPS title).
  public var metadata: DocumentMetadata
  /// The document date in seconds since 1970-01-01T00:00:00Z; nil writes no date at all.
  ///
  /// Written as the PDF creation and modification dates and the EPS `%%CreationDate`. Never
  /// the wall clock, so output bytes depend only on the inputs.
  public var creationDate: Int64?
  /// How hatches and dots are written in PDF, SVG and EPS.
  public var patternStyle: PatternStyle
  /// RGB, or CMYK for PDF and TIFF files (PNG, SVG and EPS are always RGB).
  public var colorModel: ColorModel = .rgb
  /// Glyph outlines or editable `<text>` in SVG files.
  public var svgText: SVGTextMode = .outlines

  /// Options for writing figures.
  ///
  /// - Parameters:
  ///   - dpi: PNG resolution; must be positive.
  ///   - metadata: PDF document information.
  ///   - creationDate: By default `SOURCE_DATE_EPOCH` when set, else no date.
  ///   - patternStyle: By default clipped geometry, seamless in every viewer.
  public init(
    dpi: Double = 300, metadata: DocumentMetadata = DocumentMetadata(),
    creationDate: Int64? = RenderOptions.sourceDateEpoch(),
    patternStyle: PatternStyle = .clippedGeometry
  ) {
    self.dpi = dpi
    self.metadata = metadata
    self.creationDate = creationDate
    self.patternStyle = patternStyle
  }

  /// The value of the `SOURCE_DATE_EPOCH` environment variable (reproducible-builds.org), or
  /// nil when it is unset or not a whole number of seconds.
  public static func sourceDateEpoch() -> Int64? {
    parseSourceDateEpoch(getenv("SOURCE_DATE_EPOCH").map { String(cString: $0) })
  }

  static func parseSourceDateEpoch(_ value: String?) -> Int64? {
    guard let value else { return nil }
    return Int64(value.filter { $0 != " " && $0 != "\n" })
  }
}

/// `seconds` since the epoch as ISO 8601 in UTC, `2024-01-02T03:04:05Z`.
func _iso8601(_ seconds: Int64) -> String {
  var time = time_t(seconds)
  var parts = tm()
  gmtime_r(&time, &parts)
  func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
  let year = Int(parts.tm_year) + 1900
  return "\(year)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
    + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
}
