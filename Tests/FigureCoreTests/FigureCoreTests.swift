import Testing

@testable import FigureCore

@Suite("FigureCore")
struct FigureCoreTests {
  @Test("markup parses the four tags and keeps everything else literal")
  func markup() {
    let t = StyledText(markup: "χ<sup>2</sup> = 4.1; <i>P</i> < 0.05 <x>")
    #expect(t.plainText == "χ2 = 4.1; P < 0.05 <x>")
    #expect(t.spans.map(\.shift) == [.none, .superscript, .none, .none, .none])
    #expect(t.spans[3].isItalic)
    #expect(StyledText(markup: "a</i>b").plainText == "a</i>b")
  }

  @Test("recording canvas reproduces the scene's commands")
  func recording() throws {
    let scene = Scene(
      size: Size(width: 100, height: 50), background: nil,
      commands: [
        .group("g", [.stroke(.line(from: .zero, to: Point(x: 1, y: 1)), StrokeStyle(color: .black, width: 1))]),
        .clip(Rect(x: 0, y: 0, width: 10, height: 10), [.text(TextRun("x", font: FontSpec(size: 8)), at: .zero)]),
      ])
    let canvas = RecordingCanvas()
    try scene.render(on: canvas)
    #expect(canvas.commands == scene.commands)
    #expect(scene.transcript.contains("group g"))
  }

  @Test("colours parse from hex and blend")
  func colours() throws {
    let c = try #require(Color(hex: "#D55E00"))
    #expect(c.hexString == "#D55E00")
    #expect(Color(hex: "zz") == nil)
    #expect(Color.black.withAlpha(0.5).blended(over: .white).hexString == "#808080")
  }

  @Test("rotated text bounds turn with the text")
  func rotatedBounds() {
    let m = MonospaceTextMeasurer()
    let run = TextRun("abcd", font: FontSpec(size: 10), anchor: TextAnchor(.center, .bottom), rotation: 90)
    let r = m.bounds(of: run, at: Point(x: 50, y: 50))
    #expect(abs(r.width - 10) < 1e-9 && abs(r.height - 24) < 1e-9)
    #expect(abs(r.maxX - 50) < 1e-9)
  }
}
