import Analyses
import ClinicalData
import Expressions
import FigureCore
import ReportTemplates
import SurvivalFigures

extension ReportBuilder {
  /// The report's page size: ISO A4 portrait, as journal submission systems take it.
  static let reportPage = Size.millimetres(width: 210, height: 297)
  /// Margin on every side of a report page.
  static let reportMargin = 20.0.millimetres

  /// A report page for one figure: the figure in the top-left corner of the text area, its
  /// label in bold ("Figure 4.") and its caption below (its *P* values in italics, as in the
  /// figures' insets), 9 pt on 12 pt lines across the text
  /// width.
  ///
  /// A figure that does not fit the text area with its caption (a swimmer plot of many
  /// patients, a figure wider than 170 mm) is scaled down, aspect ratio kept, to the largest
  /// size that fits — lines and type with it, as a printer reduces a figure; only on this page:
  /// the figure's own files keep their size. Returns the page and the scale (1: as drawn).
  static func figurePage(
    _ figure: Scene, label: String, caption: String?, fontFamily: FontFamily = .sans, measurer: some TextMeasuring
  ) -> (scene: Scene, scale: Double) {
    let page = reportPage
    let margin = reportMargin
    let font = FontSpec(size: 9, family: fontFamily)
    let lineHeight = 12.0
    let textWidth = page.width - 2 * margin
    let heading = "\(label)."
    let indent = measurer.measure(.bold(heading + " "), font: font.bold()).width
    // The first line follows the heading; the others run the full width.
    var lines: [String] = []
    if let caption {
      let first = TextWrapping.lines(caption, font: font, width: textWidth - indent, measurer: measurer).first ?? ""
      let rest = String(caption.dropFirst(first.count)).trimmingCharacters(in: .whitespaces)
      lines = [first] + (rest.isEmpty ? [] : TextWrapping.lines(rest, font: font, width: textWidth, measurer: measurer))
    }
    // From the figure's bottom to the caption's last descender.
    let captionHeight = 18 + lineHeight * Double(max(lines.count - 1, 0)) + measurer.measure("Ag", font: font).descent
    let available = Size(width: textWidth, height: page.height - 2 * margin - captionHeight)
    let scale = min(1, available.width / figure.size.width, available.height / figure.size.height)

    var commands = figure.commands
    if let background = figure.background {
      commands.insert(.fill(.rect(Rect(origin: .zero, size: figure.size)), .solid(background)), at: 0)
    }
    if scale < 1 { commands = commands.map { $0.scaled(by: scale) } }
    commands = [.group("figure", commands.map { $0.translated(dx: margin, dy: margin) })]
    var y = margin + figure.size.height * scale + 18
    commands.append(.text(TextRun(.bold(heading), font: font.bold()), at: Point(x: margin, y: y)))
    for (index, line) in StyledText.italicizingP(lines: lines).enumerated() {
      if index > 0 { y += lineHeight }
      commands.append(
        .text(
          TextRun(line, font: font), at: Point(x: margin + (index == 0 ? indent : 0), y: y)
        ))
    }
    return (Scene(size: page, background: .white, commands: commands), scale)
  }
}
