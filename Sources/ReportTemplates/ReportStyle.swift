import FigureCore
import Analyses
import Expressions

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
  /// Width of curves in points; nil: the theme's.
  public var lineWidth: Double?
  /// Append each figure's methods statement to its caption.
  public var methodsInCaption = false

  public var width: Double { columns == 1 ? singleColumnWidth : doubleColumnWidth }

  /// The presets by name.
  public static let presets: [String: ReportStyle] = [
    // A generic A4 manuscript: 170 mm type area, 85 mm column.
    "two-column": ReportStyle(preset: "two-column", double: 170, single: 85, columns: 2, height: 120, minimum: 6),
    "single-column": ReportStyle(preset: "single-column", double: 170, single: 85, columns: 1, height: 85, minimum: 6),
    // Nature research journals: 89 mm single, 183 mm double column; text 5–7 pt.
    "nature": ReportStyle(preset: "nature", double: 183, single: 89, columns: 1, height: 80, minimum: 5, fontSize: 7),
    // The Lancet: 75 mm single, 154 mm double column.
    "lancet": ReportStyle(preset: "lancet", double: 154, single: 75, columns: 2, height: 110, minimum: 6),
  ]

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

  static let keys = [
    "preset", "columns", "width", "height", "font", "font-size", "minimum-font-size", "line-width", "palette", "dpi",
    "methods-in-caption",
  ]

  /// The style of `node` (a preset name or a mapping), starting from `base`.
  static func parse(_ node: TemplateNode, base: ReportStyle) throws(TemplateError) -> ReportStyle {
    if case .scalar = node.node { return try preset(node) }
    let m = try node.mapping(allowing: keys)
    var style = try m["preset"].map { n throws(TemplateError) in try preset(n) } ?? base
    if let n = m["columns"] {
      let c = try n.integer("1 or 2")
      guard c == 1 || c == 2 else { throw n.error("expected 1 or 2, found \(n.shown)") }
      style.columns = c
    }
    if let n = m["width"] {
      let w = try KaplanMeierTemplateKeys.millimetres(n)
      if style.columns == 1 { style.singleColumnWidth = w } else { style.doubleColumnWidth = w }
    }
    if let n = m["height"] { style.height = try KaplanMeierTemplateKeys.millimetres(n) }
    if let n = m["font-size"] { style.fontSize = try KaplanMeierTemplateKeys.fontSize(n) }
    if let n = m["font"] { style.fontFamily = try KaplanMeierTemplateKeys.fontFamily(n) }
    if let n = m["minimum-font-size"] { style.minimumFontSize = try n.number("a type size in points") }
    if let n = m["palette"] { style.palette = try KaplanMeierTemplateKeys.palette(n) }
    if let n = m["dpi"] { style.dpi = try KaplanMeierTemplateKeys.dpi(n) }
    if let n = m["line-width"] { style.lineWidth = try KaplanMeierTemplateKeys.lineWidth(n) }
    if let n = m["methods-in-caption"] { style.methodsInCaption = try n.bool() }
    return style
  }

  static func preset(_ node: TemplateNode) throws(TemplateError) -> ReportStyle {
    presets[try node.choice(presetNames)]!
  }
}
