import FigureCore

/// A page of text and pattern cases to look at: anchors, rotations, styled spans, kerning,
/// special characters, a character the fonts lack, and every fill pattern.
enum TestCard {
  static func scene(measurer: some TextMeasuring) -> Scene {
    var commands: [DrawCommand] = []
    let hairline = StrokeStyle(color: Color(red: 0.9, green: 0.2, blue: 0.2), width: 0.25)
    func cross(_ p: Point) {
      commands.append(
        .stroke(.line(from: Point(x: p.x - 4, y: p.y), to: Point(x: p.x + 4, y: p.y)), hairline))
      commands.append(
        .stroke(.line(from: Point(x: p.x, y: p.y - 4), to: Point(x: p.x, y: p.y + 4)), hairline))
    }
    func text(
      _ t: StyledText, _ p: Point, size: Double = 9, anchor: TextAnchor = .leadingBaseline,
      rotation: Double = 0, bold: Bool = false
    ) {
      let run = TextRun(
        t, font: FontSpec(size: size, isBold: bold), anchor: anchor, rotation: rotation)
      let box = measurer.bounds(of: run, at: p)
      commands.append(
        .stroke(.rect(box), StrokeStyle(color: Color(red: 0.6, green: 0.8, blue: 1), width: 0.25)))
      commands.append(.text(run, at: p))
      cross(p)
    }
    text("Test card: Liberation Sans via Pango", Point(x: 20, y: 24), size: 12, bold: true)
    text("AVAWAY To Wy kerning; 1111 vs 1234 tabular", Point(x: 20, y: 44))
    text(
      StyledText("≥ 65 ≤ – — ± × · χ") + .superscript("2") + " µg/L α β Δ → ← ✓",
      Point(x: 20, y: 62))
    text(
      StyledText.italic("P") + " < 0.001; HR" + .subscript("adj") + " = 0.58; e"
        + .superscript("−x") + "; 10" + .superscript("−3"),
      Point(x: 20, y: 80))
    text(
      StyledText("Bold ") + .bold("span") + " and " + .italic("italic ")
        + StyledText(spans: [.init("both", isItalic: true, isBold: true)]),
      Point(x: 20, y: 98))
    text("<b>not markup</b> & <0.05", Point(x: 20, y: 116))

    let anchors: [(TextAnchor.Horizontal, TextAnchor.Vertical)] = [
      (.leading, .top), (.center, .middle), (.trailing, .bottom), (.trailing, .baseline),
    ]
    for (i, a) in anchors.enumerated() {
      text(
        StyledText("Hxg \(a.0)/\(a.1)"), Point(x: 150, y: 140 + Double(i) * 20), size: 8,
        anchor: TextAnchor(a.0, a.1))
    }
    for (i, r) in [90.0, 45, -90].enumerated() {
      text(
        StyledText("Rotated \(Int(r))°"), Point(x: 230 + Double(i) * 50, y: 180), size: 8,
        anchor: .centerMiddle, rotation: r)
    }
    for (i, n) in ["1", "11.5", "23.5", "1234.56", "0.002"].enumerated() {
      text(
        StyledText(n), Point(x: 420, y: 140 + Double(i) * 11), size: 8, anchor: .trailingBaseline)
    }
    for (i, kind) in FillPattern.Kind.allCases.enumerated() {
      let r = Rect(x: 20 + Double(i) * 40, y: 230, width: 34, height: 40)
      commands.append(.fill(.rect(r), .pattern(FillPattern(kind: kind, foreground: .black))))
      commands.append(
        .fill(
          .circle(center: Point(x: r.midX, y: r.maxY + 24), radius: 16),
          .pattern(
            FillPattern(
              kind: kind, foreground: Color(red: 0x1F / 255, green: 0x77 / 255, blue: 0xB4 / 255),
              background: nil, spacing: 2.5,
              lineWidth: 0.5))))
    }
    return Scene(size: Size(width: 440, height: 320), commands: commands)
  }
}
