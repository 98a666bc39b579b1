import FigureCore

/// Small hand-built scenes exercising every drawing feature.
enum SampleScenes {
  static let blue = Color(red: 0x1F / 255, green: 0x77 / 255, blue: 0xB4 / 255)
  static let orange = Color(red: 1, green: 0x7F / 255, blue: 0x0E / 255)
  static let red = Color(red: 1, green: 0, blue: 0)

  /// The red probe rectangle of `figure`, in points.
  static let probeRect = Rect(x: 10, y: 10, width: 20, height: 10)
  /// The x position every number of the right-aligned column ends at.
  static let columnRight = 228.0
  static let columnNumbers = ["1", "12", "0.56", "1234.56"]
  static func columnBaseline(_ row: Int) -> Double { 150 + Double(row) * 11 }
  static let panel = Rect(x: 40, y: 24, width: 185, height: 100)

  /// An 85 × 70 mm figure: a KM-like step curve with a translucent band, a dashed reference
  /// line, hatched areas, special characters, italics, superscripts, rotated text and a
  /// right-aligned number column.
  static func figure(title: String = "Overall survival") -> Scene {
    var commands: [DrawCommand] = []
    commands.append(.fill(.rect(probeRect), .solid(red)))
    commands.append(
      .text(
        TextRun(StyledText(title), font: FontSpec(size: 9, isBold: true)), at: Point(x: 40, y: 16)))

    // Panel with a band, a step curve and a dashed line, clipped.
    var steps: [Point] = [Point(x: panel.minX, y: panel.minY)]
    var band: [Point] = []
    var y = panel.minY
    for i in 1...12 {
      let x = panel.minX + Double(i) * 15
      steps.append(Point(x: x, y: y))
      y += 6
      steps.append(Point(x: x, y: y))
    }
    for p in steps { band.append(Point(x: p.x, y: p.y - 8)) }
    for p in steps.reversed() { band.append(Point(x: p.x, y: p.y + 8)) }
    let curve: [DrawCommand] = [
      .fill(.polygon(band), .solid(blue.withAlpha(0.25))),
      .stroke(.polyline(steps), StrokeStyle(color: blue, width: 1.5)),
      .stroke(
        .line(from: Point(x: panel.minX, y: panel.midY), to: Point(x: panel.maxX, y: panel.midY)),
        StrokeStyle(color: orange, width: 1, dash: [4, 2], cap: .round)),
    ]
    commands.append(.group("curve:A", [.clip(panel, curve)]))
    commands.append(
      .stroke(.rect(panel), StrokeStyle(color: .black, width: 0.5, join: .miter)))

    // Rotated axis title.
    commands.append(
      .text(
        TextRun("Survival (%)", font: FontSpec(size: 8), anchor: .centerBaseline, rotation: 90),
        at: Point(x: 30, y: panel.midY)))

    // Annotation with special characters, italic P and superscript.
    let annotation =
      StyledText("≥ 65 – χ") + .superscript("2") + " = 9.6; " + .italic("P") + " = 0.002; µg"
    commands.append(
      .text(
        TextRun(annotation, font: FontSpec(size: 8)),
        at: Point(x: panel.minX + 4, y: panel.maxY - 4)))

    // Hatched and patterned areas.
    let kinds = FillPattern.Kind.allCases
    for (i, kind) in kinds.enumerated() {
      let r = Rect(x: 10 + Double(i) * 22, y: 142, width: 18, height: 40)
      commands.append(
        .fill(.rect(r), .pattern(FillPattern(kind: kind, foreground: .black, background: .white))))
      commands.append(.stroke(.rect(r), StrokeStyle(color: .black, width: 0.4)))
    }

    // Right-aligned number column with a guide line.
    commands.append(
      .stroke(
        .line(from: Point(x: columnRight, y: 140), to: Point(x: columnRight, y: 192)),
        StrokeStyle(color: Color(red: 0.8, green: 0.8, blue: 0.8), width: 0.25)))
    for (row, number) in columnNumbers.enumerated() {
      commands.append(
        .text(
          TextRun(StyledText(number), font: FontSpec(size: 8), anchor: .trailingBaseline),
          at: Point(x: columnRight, y: columnBaseline(row))))
    }
    return Scene(size: .millimetres(width: 85, height: 70), commands: commands)
  }
}
