import CairoRendering
import FigureCore
import Foundation
import Testing

/// Prints the time per figure and format when `CAIRO_BENCHMARK` is set; does nothing otherwise.
@Test("Speed per figure and format (only when CAIRO_BENCHMARK is set)")
func benchmarkFormats() throws {
  guard ProcessInfo.processInfo.environment["CAIRO_BENCHMARK"] != nil else { return }
  let scene = BenchmarkScene.kaplanMeier(measurer: testRenderer.measurer)
  for format in OutputFormat.allCases {
    _ = try testRenderer.render(scene, as: format)
    let repeats = format == .png ? 10 : 40
    let start = ContinuousClock.now
    var bytes = 0
    for _ in 0..<repeats { bytes = try testRenderer.render(scene, as: format).count }
    let each = (ContinuousClock.now - start) / repeats
    print("benchmark \(format): \(each) per figure, \(bytes) bytes")
  }
  let start = ContinuousClock.now
  for _ in 0..<40 {
    _ = testRenderer.measurer.measure("Number at risk 1234.56", font: FontSpec(size: 8))
  }
  print("benchmark measure: \((ContinuousClock.now - start) / 40) per call")
}

/// A Kaplan–Meier figure of typical weight: two arms of 150 steps with bands and censor
/// ticks, axes, a legend, an annotation and a number-at-risk table (about 60 texts).
enum BenchmarkScene {
  static func kaplanMeier(measurer: some TextMeasuring) -> Scene {
    let panel = Rect(x: 50, y: 20, width: 420, height: 220)
    var commands: [DrawCommand] = []
    let colors = [
      Color(red: 0x1F / 255, green: 0x77 / 255, blue: 0xB4 / 255),
      Color(red: 1, green: 0x7F / 255, blue: 0x0E / 255),
    ]
    for arm in 0..<2 {
      var steps: [Point] = [Point(x: panel.minX, y: panel.minY)]
      var s = 1.0
      var ticks: [DrawCommand] = []
      for i in 1...150 {
        let x = panel.minX + panel.width * Double(i) / 151
        steps.append(Point(x: x, y: panel.maxY - s * panel.height))
        s *= arm == 0 ? 0.992 : 0.986
        steps.append(Point(x: x, y: panel.maxY - s * panel.height))
        if i % 5 == 0 {
          ticks.append(
            .stroke(
              MarkerShape.verticalTick.path(
                center: Point(x: x + 1, y: panel.maxY - s * panel.height), size: 4),
              StrokeStyle(color: colors[arm], width: 0.8)))
        }
      }
      let band =
        steps.map { Point(x: $0.x, y: $0.y - 10) }
        + steps.reversed().map { Point(x: $0.x, y: $0.y + 10) }
      commands.append(
        .group(
          "curve:\(arm)",
          [
            .clip(
              panel,
              [
                .fill(.polygon(band), .solid(colors[arm].withAlpha(0.2))),
                .stroke(
                  .polyline(steps),
                  StrokeStyle(color: colors[arm], width: 1.2, dash: arm == 1 ? [4, 2] : [])),
              ] + ticks)
          ]))
    }
    let axis = StrokeStyle(color: .black, width: 0.6)
    commands.append(
      .stroke(
        .polyline([
          Point(x: panel.minX, y: panel.minY), Point(x: panel.minX, y: panel.maxY),
          Point(x: panel.maxX, y: panel.maxY),
        ]), axis))
    let font = FontSpec(size: 8)
    for i in 0...6 {
      let x = panel.minX + panel.width * Double(i) / 6
      commands.append(
        .stroke(.line(from: Point(x: x, y: panel.maxY), to: Point(x: x, y: panel.maxY + 3)), axis))
      commands.append(
        .text(
          TextRun(StyledText("\(i * 6)"), font: font, anchor: .centerTop),
          at: Point(x: x, y: panel.maxY + 5)))
      for arm in 0..<2 {
        commands.append(
          .text(
            TextRun(
              StyledText("\(300 - i * (40 + arm * 7))"), font: font, anchor: .centerBaseline,
              color: colors[arm]), at: Point(x: x, y: panel.maxY + 40 + Double(arm) * 11)))
      }
    }
    for i in 0...5 {
      let y = panel.maxY - panel.height * Double(i) / 5
      commands.append(
        .text(
          TextRun(StyledText("\(i * 20)"), font: font, anchor: .trailingMiddle),
          at: Point(x: panel.minX - 5, y: y)))
    }
    commands.append(
      .text(
        TextRun("Survival probability (%)", font: font, anchor: .centerBaseline, rotation: 90),
        at: Point(x: 20, y: panel.midY)))
    commands.append(
      .text(
        TextRun("Months since randomisation", font: font, anchor: .centerTop),
        at: Point(x: panel.midX, y: panel.maxY + 16)))
    commands.append(
      .text(TextRun("Number at risk", font: font.bold()), at: Point(x: 4, y: panel.maxY + 30)))
    commands.append(
      .text(
        TextRun(
          StyledText("HR 0.58 (95% CI 0.41–0.82); log-rank χ") + .superscript("2") + " = 9.6; "
            + .italic("P") + " = 0.002", font: font), at: Point(x: panel.midX, y: panel.minY + 14)))
    return Scene(size: .millimetres(width: 170, height: 110), commands: commands)
  }
}

extension TextRun {
  fileprivate init(_ text: StyledText, font: FontSpec, anchor: TextAnchor, color: Color) {
    self.init(text, font: font, color: color, anchor: anchor)
  }
}
