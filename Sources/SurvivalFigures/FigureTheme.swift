import FigureCore

/// Type sizes, line widths and colours of a figure, all at final print size.
///
/// The defaults follow common journal requirements: sans-serif type no smaller than 6 pt at
/// print size (7–9 pt preferred), lines no thinner than 0.5 pt, colour-blind-safe colours
/// (Okabe & Ito, 2008) combined with distinct dash patterns so that a grayscale print still
/// tells the groups apart.
public struct FigureTheme: Hashable, Sendable {
  /// Body text: axis titles, legend, annotations.
  public var fontSize: Double
  /// Tick labels and table numbers.
  public var smallFontSize: Double
  public var titleFontSize: Double
  /// The smallest type a figure may use; lint reports anything smaller.
  public var minimumFontSize: Double
  public var curveWidth: Double
  public var axisWidth: Double
  public var tickLength: Double
  public var palette: [Color]
  public var dashPatterns: [[Double]]
  public var textColor: Color
  public var axisColor: Color
  /// Opacity of confidence bands.
  public var bandOpacity: Double
  /// The typeface of every text of the figure.
  public var fontFamily: FontFamily = .sans

  public init(
    fontSize: Double = 9, smallFontSize: Double = 8, titleFontSize: Double = 10,
    minimumFontSize: Double = 6, curveWidth: Double = 1.1, axisWidth: Double = 0.6,
    tickLength: Double = 3, palette: [Color] = FigureTheme.okabeIto,
    dashPatterns: [[Double]] = FigureTheme.defaultDashes, textColor: Color = .black,
    axisColor: Color = .black, bandOpacity: Double = 0.18
  ) {
    self.fontSize = fontSize
    self.smallFontSize = smallFontSize
    self.titleFontSize = titleFontSize
    self.minimumFontSize = minimumFontSize
    self.curveWidth = curveWidth
    self.axisWidth = axisWidth
    self.tickLength = tickLength
    self.palette = palette
    self.dashPatterns = dashPatterns
    self.textColor = textColor
    self.axisColor = axisColor
    self.bandOpacity = bandOpacity
  }

  /// A theme sized for a figure of the given width: 9/8 pt type for two-column widths
  /// (≥ 120 mm), 7/6.5 pt for single-column figures.
  public static func scaled(forWidth width: Double) -> FigureTheme {
    if width >= 120.millimetres { return FigureTheme() }
    return FigureTheme(
      fontSize: 7.5, smallFontSize: 6.5, titleFontSize: 8.5, curveWidth: 0.9, axisWidth: 0.5,
      tickLength: 2.5)
  }

  /// The eight Okabe–Ito colours, ordered for curves: the strongest contrasts on white first
  /// and yellow, weakest on white, last.
  public static let okabeIto: [Color] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442",
  ].compactMap { Color(hex: $0) }

  /// Dark-to-light grays for grayscale figures.
  public static let grayscale: [Color] = ["#000000", "#555555", "#888888", "#AAAAAA"]
    .compactMap { Color(hex: $0) }

  /// Solid, dashed, dotted, dash-dot, long dash, dash-dot-dot.
  public static let defaultDashes: [[Double]] = [
    [], [4, 2], [1, 1.6], [5, 1.6, 1, 1.6], [8, 2.5], [5, 1.6, 1, 1.6, 1, 1.6],
  ]

  public func color(at index: Int) -> Color { palette[index % palette.count] }
  public func dash(at index: Int) -> [Double] { dashPatterns[index % dashPatterns.count] }

  var font: FontSpec { FontSpec(size: fontSize, family: fontFamily) }
  var smallFont: FontSpec { FontSpec(size: smallFontSize, family: fontFamily) }
  var titleFont: FontSpec { FontSpec(size: titleFontSize, isBold: true, family: fontFamily) }
  /// A text of the figure at `size` points.
  func font(size: Double) -> FontSpec { FontSpec(size: size, family: fontFamily) }
}
