import FigureCore

/// A journal's figure specification, from its published instructions to authors (`--journal`,
/// a template style's `journal:`): the column widths figures are printed at, the type, the
/// line weights, the formats and the resolution it asks for.
///
/// A journal sets every figure's defaults; options given beside it (`--width 120`,
/// `--font-size 8`) change them. Values a journal does not publish are survfig's choices and
/// are marked as such in ``notes``, so that the reference can say which is which.
public struct Journal: Hashable, Sendable {
  /// The name used on the command line and in templates (`nature`).
  public var name: String
  /// The journal's name as printed (`Nature`).
  public var title: String
  /// Printed figure widths, in millimetres.
  public var singleColumn: Double
  public var oneAndHalfColumn: Double?
  public var doubleColumn: Double
  /// The tallest figure the journal prints, in millimetres; nil when not published.
  public var maximumHeight: Double?
  public var fontFamily: FontFamily
  /// The base type size (axis titles, legends) and the smallest type allowed, in points; tick
  /// labels and table numbers are set 1 pt smaller than the base, not below the minimum.
  public var fontSize: Double
  public var minimumFontSize: Double
  /// Width of the data lines (curves, intervals), in points.
  public var lineWidth: Double
  /// Formats the journal takes for graphs, the preferred first.
  public var formats: [OutputFormat]
  /// Resolution of raster files (TIFF, PNG), in dots per inch.
  public var dpi: Double
  /// How text is written in SVG files: editable where the journal restyles figures.
  public var svgText: SVGTextMode = .outlines
  /// The instructions the values come from.
  public var source: String
  /// What the source states and what is chosen where it states nothing.
  public var notes: String

  /// A figure column: one, one and a half, or two (the page width).
  public enum Column: String, CaseIterable, Sendable {
    case single
    case oneAndHalf = "one-and-a-half"
    case double
  }

  /// The width of `column`, nil when the journal publishes none for it.
  public func width(_ column: Column) -> Double? {
    switch column {
    case .single: singleColumn
    case .oneAndHalf: oneAndHalfColumn
    case .double: doubleColumn
    }
  }

  /// The journals, in the order the reference lists them.
  public static let all: [Journal] = [
    Journal(
      name: "nature", title: "Nature", singleColumn: 89, oneAndHalfColumn: 120, doubleColumn: 183,
      maximumHeight: 170, fontFamily: .sans, fontSize: 7, minimumFontSize: 5, lineWidth: 1,
      formats: [.pdf, .eps], dpi: 450, svgText: .editable,
      source: "https://research-figure-guide.nature.com/figures/building-and-exporting-figure-panels/",
      notes:
        "Stated: printed widths 89 mm (single) and 183 mm (double column), figures at most 170 mm tall to leave room for the legend, Arial or Helvetica, all text 5–7 pt, fonts embedded and text not outlined, line weights 0.25–1 pt, vector files (AI, EPS, PDF) for graphs, images at least 300 dpi and 450 dpi recommended (the online proofs' maximum), RGB. The 1.5-column width is given as 120–136 mm (final-submission page, https://www.nature.com/nature/for-authors/final-submission); the preset takes 120 mm. Chosen: base type 7 pt (tick labels and table numbers 6 pt), curves at 1 pt, the upper end of the stated range."
    ),
    Journal(
      name: "lancet", title: "The Lancet", singleColumn: 85, oneAndHalfColumn: nil, doubleColumn: 170,
      maximumHeight: nil, fontFamily: .sans, fontSize: 7.5, minimumFontSize: 6, lineWidth: 1,
      formats: [.pdf, .svg], dpi: 300, svgText: .editable,
      source: "https://www.thelancet.com/pb-assets/Lancet/authors/tl-info-for-authors-1690986041530.pdf",
      notes:
        "Stated: original, editable artwork files are encouraged; photographs at least 300 dpi and at least 107 mm wide. The instructions state no column widths, type or line weights for figures (the journal redraws accepted figures in its house style, which also sets decimal points midline, 23·4). Chosen: survfig's manuscript widths (85 and 170 mm) and type (7.5 pt, at least 6 pt), editable vector files: PDF and SVG with editable text."
    ),
    Journal(
      name: "nejm", title: "The New England Journal of Medicine", singleColumn: 85, oneAndHalfColumn: nil,
      doubleColumn: 170, maximumHeight: nil, fontFamily: .sans, fontSize: 7.5, minimumFontSize: 6, lineWidth: 1,
      formats: [.pdf, .eps], dpi: 1200, svgText: .editable,
      source: "https://www.nejm.org/author-center/new-manuscripts",
      notes:
        "No published figure widths, type or line weights could be confirmed for NEJM (its illustrators redraw accepted figures). Chosen: survfig's manuscript widths (85 and 170 mm) and type (7.5 pt, at least 6 pt), sans-serif, vector PDF and EPS, and 1200 dpi for raster files, the resolution journals that redraw commonly ask of line art."
    ),
    Journal(
      name: "jama", title: "JAMA", singleColumn: 85, oneAndHalfColumn: 127, doubleColumn: 170, maximumHeight: nil,
      fontFamily: .sans, fontSize: 7.5, minimumFontSize: 6, lineWidth: 1, formats: [.pdf, .eps, .tiff], dpi: 600,
      svgText: .editable,
      source: "https://jamanetwork.com/DocumentLibrary/InstructionsForAuthors/TechnicalRequirementsforFigures.pdf",
      notes:
        "Stated (Technical Requirements for Figures, linked from https://jamanetwork.com/journals/jama/pages/instructions-for-authors): formats accepted at submission include AI, EMF, EPS and JPG; print resolution by figure type is set at acceptance, when the journal's graphics staff redraw figures. The AMA Manual of Style asks images at least 5 in (127 mm) wide, the 1.5-column width here. Chosen: survfig's manuscript widths (85 and 170 mm) and type (7.5 pt, at least 6 pt), vector PDF and EPS, and TIFF at 600 dpi."
    ),
    Journal(
      name: "jco", title: "Journal of Clinical Oncology", singleColumn: 85, oneAndHalfColumn: nil, doubleColumn: 170,
      maximumHeight: nil, fontFamily: .sans, fontSize: 7.5, minimumFontSize: 6, lineWidth: 1,
      formats: [.pdf, .eps, .tiff], dpi: 600, svgText: .outlines,
      source: "https://ascopubs.org/jco/site/ifc/determine-my-article-type.xhtml",
      notes:
        "No published figure widths, type or line weights could be confirmed in the JCO author center (Preparing a Manuscript). Chosen: survfig's manuscript widths (85 and 170 mm) and type (7.5 pt, at least 6 pt), vector PDF and EPS, and TIFF at 600 dpi."
    ),
    Journal(
      name: "plos", title: "PLOS", singleColumn: 85, oneAndHalfColumn: 132, doubleColumn: 190.5, maximumHeight: 222.3,
      fontFamily: .sans, fontSize: 8, minimumFontSize: 8, lineWidth: 1, formats: [.tiff, .eps], dpi: 600,
      svgText: .outlines, source: "https://journals.plos.org/plosmedicine/s/figures",
      notes:
        "Stated (the same page for every PLOS journal): widths from 6.68 cm to 19.05 cm, at most 22.23 cm tall (the whole page, without the caption), Arial, Times or Symbol at 8–12 pt, TIFF (LZW) or EPS only, 300–600 dpi, RGB or grayscale, under 10 MB. PLOS publishes no column widths: single column here is 85 mm and 1.5 columns 132 mm (survfig's choice within the range), double the stated maximum width. Chosen: 8 pt for all text (the stated minimum), TIFF at 600 dpi (the stated maximum)."
    ),
    Journal(
      name: "elife", title: "eLife", singleColumn: 85, oneAndHalfColumn: nil, doubleColumn: 170, maximumHeight: nil,
      fontFamily: .sans, fontSize: 7.5, minimumFontSize: 6, lineWidth: 1, formats: [.pdf, .tiff], dpi: 300,
      svgText: .outlines, source: "https://elifesciences.org/inside-elife",
      notes:
        "No published figure widths, type or line weights could be confirmed for eLife, which publishes online at the reader's width and takes common formats (PDF, TIFF, EPS). Chosen: survfig's manuscript widths (85 and 170 mm) and type (7.5 pt, at least 6 pt), vector PDF and TIFF at 300 dpi."
    ),
  ]

  public static let names = all.map(\.name)

  /// The journal named `name`, nil for an unknown name.
  public static func named(_ name: String) -> Journal? { all.first { $0.name == name } }
}
