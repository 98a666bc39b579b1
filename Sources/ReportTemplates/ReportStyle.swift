import Analyses
import Expressions
import FigureCore
import OptionSchema

/// Figure sizes and type for a journal or a page layout (template key `style`).
///
/// Presets carry the published figure widths and the smallest type the journal accepts at
/// final print size; figure lint reports text below that size.
public struct ReportStyle: Hashable, Sendable {
  public var preset: String
  /// Width of a full-width (two-column) figure and of a single-column figure, in millimetres.
  public var doubleColumnWidth: Double
  public var singleColumnWidth: Double
  /// Which of the two widths figures use by default (1 or 2 columns).
  public var columns: Int
  /// Default figure height in millimetres.
  public var height: Double
  /// Smallest text allowed at print size, in points.
  public var minimumFontSize: Double
  /// Base type size in points; nil: the size for the figure's width (9 pt at two-column widths,
  /// 7.5 pt at single-column widths).
  public var fontSize: Double?
  /// The typeface of figures, tables and the report's captions.
  public var fontFamily: FontFamily = .sans
  public var palette: [Color]?
  public var dpi: Double
  /// RGB or CMYK for PDF and TIFF files.
  public var colorModel: ColorModel = .rgb
  /// Text of SVG files.
  public var svgText: SVGTextMode = .outlines
  /// Width of curves in points; nil: the theme's.
  public var lineWidth: Double?
  /// Append each figure's methods statement to its caption.
  public var methodsInCaption = false
  /// Small-cell suppression of every risk table and characteristics table: counts from 1 to one
  /// below this print as `<N`.
  public var suppressBelow: Int?
  /// Write every figure even when figure lint finds problems (`allow-lint`).
  public var allowsLint = false
  /// The journal whose specification the style follows (`journal:`, or a journal's preset).
  public var journal: Journal?

  public var width: Double { columns == 1 ? singleColumnWidth : doubleColumnWidth }

  /// The presets by name.
  public static let presets: [String: ReportStyle] =
    Dictionary(uniqueKeysWithValues: Journal.all.map { ($0.name, ReportStyle(journal: $0)) })
    .merging(generalPresets) { general, _ in general }

  /// The presets that follow no journal.
  static let generalPresets: [String: ReportStyle] = [
    // A generic A4 manuscript: 170 mm type area, 85 mm column.
    "two-column": ReportStyle(preset: "two-column", double: 170, single: 85, columns: 2, height: 120, minimum: 6),
    "single-column": ReportStyle(preset: "single-column", double: 170, single: 85, columns: 1, height: 85, minimum: 6),
  ]

  /// A style following `journal`: its single and double column, one figure per column, its
  /// type, line weight, resolution and SVG text.
  public init(journal: Journal) {
    self.init(
      preset: journal.name, double: journal.doubleColumn, single: journal.singleColumn, columns: 1,
      height: min(journal.maximumHeight ?? 120, (journal.singleColumn * 0.9).rounded()),
      minimum: journal.minimumFontSize,
      fontSize: journal.fontSize)
    self.journal = journal
    fontFamily = journal.fontFamily
    lineWidth = journal.lineWidth
    dpi = journal.dpi
    svgText = journal.svgText
  }

  public static let presetNames = presets.keys.sorted()

  init(
    preset: String, double: Double, single: Double, columns: Int, height: Double, minimum: Double,
    fontSize: Double? = nil
  ) {
    self.preset = preset
    self.doubleColumnWidth = double
    self.singleColumnWidth = single
    self.columns = columns
    self.height = height
    self.minimumFontSize = minimum
    self.fontSize = fontSize
    self.palette = nil
    self.dpi = 300
    self.lineWidth = nil
  }

  /// The base type size of every figure of a report: the style's `font-size`, else the size
  /// the theme gives a single-column figure (7.5 pt; tick labels and table numbers 6.5 pt),
  /// whatever a figure's or panel's own width, so that type is one size across the report, as
  /// a journal sets it, and a narrow figure or panel has room for its contents (a forest plot
  /// whose columns do not fit sets smaller type, down to the minimum).
  public var baseFontSize: Double { fontSize ?? FigureOutput.themeFontSize(forWidth: singleColumnWidth) }

  /// The formats a figure is written in when it names none: PDF and PNG; with a journal, PDF
  /// (the report's) and the formats the journal takes.
  public var defaultFormats: [OutputFormat] {
    guard let journal else { return [.pdf, .png] }
    return [.pdf] + journal.formats.filter { $0 != .pdf }
  }

  /// The defaults a figure starts from: the style's width, type, palette and resolution.
  public var figureOutput: FigureOutput {
    var output = FigureOutput()
    output.widthMillimetres = width
    output.palette = palette
    output.fontSize = baseFontSize
    output.fontFamily = fontFamily
    output.lineWidth = lineWidth
    output.dpi = dpi
    output.colorModel = colorModel
    output.svgText = svgText
    output.suppressBelow = suppressBelow
    output.allowsLint = allowsLint
    output.minimumFontSize = minimumFontSize
    output.journal = journal
    return output
  }

  /// The keys of a style mapping; sizes, type and colours take what figures take.
  public static let options = OptionTable<ReportStyle>([
    OptionDeclaration(
      "preset", commandLine: .none, section: .output, summary: "The preset the other keys change.",
      valueDescription: "one of " + presetNames.joined(separator: ", "), valueName: "name", defaultText: "two-column",
      example: "preset: nature"
    ) { value, name, style throws(OptionError) in
      let preset = presets[try value.choice(name, presetNames)]!
      style = preset
    },
    OptionDeclaration(
      "journal", commandLine: .none, section: .output,
      summary:
        "Follow a journal's figure specification (its preset): widths, type, line weight, resolution, the formats figures are written in (Documentation/reference/journals.md).",
      valueDescription: "one of " + Journal.names.joined(separator: ", "), valueName: "name", example: "journal: nature"
    ) { value, name, style throws(OptionError) in
      style = ReportStyle(journal: Journal.named(try value.choice(name, Journal.names))!)
    },
    .integer(
      "columns", commandLine: .none, section: .output, "Which width figures take: 1 (single column) or 2.",
      in: .between(1, 2), what: "a number of columns", example: "columns: 1"
    ) { $0.columns = $1 },
    .number(
      "width", commandLine: .none, section: .output, "The width of that column, in millimetres.",
      in: FigureOutput.sizeRange, what: "a size in millimetres", example: "width: 89"
    ) { style, width in
      if style.columns == 1 { style.singleColumnWidth = width } else { style.doubleColumnWidth = width }
    },
    .number(
      "height", commandLine: .none, section: .output, "Default figure height in millimetres.",
      in: FigureOutput.sizeRange, what: "a size in millimetres", example: "height: 100"
    ) { $0.height = $1 },
    .choice(
      "font", FontFamily.self, commandLine: .none, section: .output,
      "Typeface of figures, tables and captions.", defaultValue: .sans, example: "font: serif"
    ) { $0.fontFamily = $1 },
    .number(
      "font-size", commandLine: .none, section: .output,
      "Base type size of every figure in points, whatever its width (default 7.5 pt; tick labels and table numbers 1 pt smaller).",
      in: FigureOutput.fontSizeRange, what: "a type size in points", example: "font-size: 7"
    ) { $0.fontSize = $1 },
    .number(
      "minimum-font-size", commandLine: .none, section: .output,
      "Smallest text allowed at print size in points; figure lint reports smaller text.", in: .greaterThan(0),
      what: "a type size in points", example: "minimum-font-size: 5"
    ) { $0.minimumFontSize = $1 },
    .number(
      "line-width", commandLine: .none, section: .output, "Width of curves in points.", in: FigureOutput.lineWidthRange,
      what: "a line width in points", example: "line-width: 1"
    ) { $0.lineWidth = $1 },
    OptionDeclaration(
      "palette", commandLine: .none, section: .output, summary: "Colours of the groups or series.",
      valueDescription: "'okabe-ito', 'grayscale', or #RRGGBB colours", valueName: "palette",
      example: "palette: grayscale"
    ) { value, name, style throws(OptionError) in style.palette = try FigureOutput.palette(value, name) },
    .number(
      "dpi", commandLine: .none, section: .output, "Resolution of PNG files.", in: FigureOutput.dpiRange,
      what: "a resolution in dots per inch", example: "dpi: 600"
    ) { $0.dpi = $1 },
    .choice(
      "color", ColorModel.self, commandLine: .none, section: .output,
      "Colours of the PDF and TIFF files: rgb, or cmyk for print (PNG, SVG and EPS files stay RGB).",
      defaultValue: .rgb, example: "color: cmyk"
    ) { $0.colorModel = $1 },
    .choice(
      "svg-text", SVGTextMode.self, commandLine: .none, section: .output,
      "Text in SVG files: outlines or editable <text> elements.", defaultValue: .outlines,
      example: "svg-text: editable"
    ) { $0.svgText = $1 },
    FigureOutput.suppressBelowDeclaration(commandLine: .none) { $0.suppressBelow = $1 },
    .allowLint(commandLine: .none) { $0.allowsLint = $1 },
    .flag(
      "methods-in-caption", commandLine: .none, section: .output,
      "Append each figure's methods statement to its caption.", example: "methods-in-caption: true"
    ) {
      $0.methodsInCaption = $1
    },
  ])

  /// The style of `node` (a preset name or a mapping), starting from `base`.
  static func parse(_ node: TemplateNode, base: ReportStyle) throws(TemplateError) -> ReportStyle {
    if case .scalar = node.node { return try preset(node) }
    let m = try node.mapping(allowing: options.templateKeys)
    var style = base
    do {
      try options.apply(
        m.keys.map { ($0, m[$0]!.optionValue) }, to: &style, spelling: .template, container: TemplateOrigin.of(node))
    } catch {
      throw error.templateError(at: node)
    }
    return style
  }

  static func preset(_ node: TemplateNode) throws(TemplateError) -> ReportStyle {
    presets[try node.choice(presetNames)]!
  }

  /// A size of a grid of panels, as a figure's.
  static func millimetres(_ node: TemplateNode) throws(TemplateError) -> Double {
    do {
      return try node.optionValue.number("'\(node.name)'", in: FigureOutput.sizeRange, what: "a size in millimetres")
    } catch { throw error.templateError(at: node) }
  }

  /// A resolution of a grid of panels, as a figure's.
  static func dpi(_ node: TemplateNode) throws(TemplateError) -> Double {
    do {
      return try node.optionValue.number(
        "'\(node.name)'", in: FigureOutput.dpiRange, what: "a resolution in dots per inch")
    } catch { throw error.templateError(at: node) }
  }
}
