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

  /// The most groups a figure tells apart by colour and dash; more is an error suggesting panels.
  public static let maximumGroups = 10

  /// Ten colours for curves, each at least 3:1 against white (WCAG 2.1, 1.4.11 non-text contrast)
  /// so that a curve and its coloured label read on the page: Okabe & Ito's blue, vermilion,
  /// bluish green and reddish purple unchanged (5.2, 3.9, 3.4 and 3.1:1); their orange, sky blue
  /// and yellow (2.3, 2.3 and 1.3:1) darkened at the same hue to #B37B00 (3.7:1), #3A8BB5
  /// (3.8:1) and the olive #7C7300 (4.9:1); black; and violet #6A3D9A (7.6:1) and brown
  /// #8C564B (5.9:1). The most distinct hues come first. In grayscale the lightness of most
  /// of them is alike, so each group also has its own dash pattern (``defaultDashes``).
  ///
  /// Reference: Okabe M, Ito K. Color universal design (CUD). 2008.
  public static let okabeIto: [Color] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#B37B00", "#000000", "#6A3D9A", "#7C7300",
    "#8C564B", "#3A8BB5",
  ].compactMap { Color(hex: $0) }

  /// Dark-to-light grays for grayscale figures, the lightest still 3.5:1 against white.
  public static let grayscale: [Color] = ["#000000", "#404040", "#676767", "#8A8A8A"]
    .compactMap { Color(hex: $0) }

  /// Ten dash patterns (on, off, … in points), one per group, each a different sequence of
  /// dots (< 1.5 pt), short (< 3.5 pt), medium (< 6.5 pt) and long dashes: solid, dashed,
  /// dotted, dash–dot, long dash, dash–dot–dot, long–short, long–dot, long–dot–dot and
  /// dash–dash–dot.
  public static let defaultDashes: [[Double]] = [
    [], [4, 2], [1, 1.6], [5, 1.6, 1, 1.6], [8, 2.5], [5, 1.6, 1, 1.6, 1, 1.6], [8, 2, 3, 2],
    [8, 2, 1, 2], [8, 2, 1, 2, 1, 2], [4, 1.6, 4, 1.6, 1, 1.6],
  ]

  public func color(at index: Int) -> Color { palette[index % palette.count] }
  public func dash(at index: Int) -> [Double] { dashPatterns[index % dashPatterns.count] }

  var font: FontSpec { FontSpec(size: fontSize, family: fontFamily) }
  var smallFont: FontSpec { FontSpec(size: smallFontSize, family: fontFamily) }
  var titleFont: FontSpec { FontSpec(size: titleFontSize, isBold: true, family: fontFamily) }
  /// A text of the figure at `size` points.
  func font(size: Double) -> FontSpec { FontSpec(size: size, family: fontFamily) }
}
