import FigureCore
import SurvivalFigures

extension FigureTheme {
  /// The theme of a figure `width` points wide with a template's or a command's style applied:
  /// the typeface, the smallest type allowed, the base type size (tick labels and table numbers 1 pt smaller, not below the
  /// theme's minimum; titles 1 pt larger), the width of the data lines and the palette. Every figure
  /// type (Kaplan–Meier, forest, swimmer) takes its theme from here, so that one style gives
  /// one look.
  static func styled(
    width: Double, fontSize: Double?, fontFamily: FontFamily = .sans, lineWidth: Double?, palette: [Color]?,
    minimumFontSize: Double? = nil
  ) -> FigureTheme {
    var theme = FigureTheme.scaled(forWidth: width)
    if let minimumFontSize {
      theme.minimumFontSize = minimumFontSize
      theme.smallFontSize = max(theme.smallFontSize, minimumFontSize)
    }
    theme.fontFamily = fontFamily
    if let palette, !palette.isEmpty { theme.palette = palette }
    if let lineWidth { theme.curveWidth = lineWidth }
    if let fontSize {
      theme.fontSize = fontSize
      theme.smallFontSize = max(fontSize - 1, theme.minimumFontSize)
      theme.titleFontSize = fontSize + 1
    }
    return theme
  }
}
