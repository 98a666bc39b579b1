import CairoRendering
import FigureCore
import Testing

@Suite("PNG pixels are where the scene puts them")
struct PixelProbeTests {
  static let scale = 300.0 / 72
  let image: RasterImage

  init() throws {
    image = try #require(RasterImage(png: try testRenderer.render(SampleScenes.figure(), as: .png)))
  }

  func pixel(_ x: Double, _ y: Double) -> (r: Int, g: Int, b: Int, a: Int) {
    image.rgba(Int(x * Self.scale), Int(y * Self.scale))
  }

  @Test("A filled red rectangle is red inside and white outside")
  func redRectangle() {
    let r = SampleScenes.probeRect
    #expect(pixel(r.midX, r.midY) == (255, 0, 0, 255))
    #expect(pixel(r.minX + 0.5, r.minY + 0.5) == (255, 0, 0, 255))
    #expect(pixel(r.minX - 1, r.midY) == (255, 255, 255, 255))
    #expect(pixel(r.maxX + 1, r.midY) == (255, 255, 255, 255))
    #expect(pixel(r.midX, r.maxY + 1) == (255, 255, 255, 255))
  }

  @Test("A 25 % blue band is blended over white")
  func translucentBand() {
    // Inside the band of the first step, away from the curve: #1F77B4 at 25 % over white.
    let p = pixel(47, 29)
    #expect(abs(p.r - 199) <= 1 && abs(p.g - 221) <= 1 && abs(p.b - 236) <= 1, "\(p)")
  }

  @Test("Hatch lines are anchored to the page and crisp")
  func hatchAnchoredAndCrisp() {
    // Hatch lines satisfy x + y = k·3√2. On the row y = 162 one line crosses x = 41·3√2 − 162.
    let period = 3 * 2.0.squareRoot()
    let onLine = 41 * period - 162
    let onLinePixel = pixel(onLine, 162)
    #expect(onLinePixel.r < 40, "\(onLinePixel)")
    let between = pixel(onLine + period / 2, 162)
    #expect(between == (255, 255, 255, 255))
    // Crisp: 0.6 pt lines are 2.5 px wide at 300 dpi, so some pixels are fully black.
    var darkest = 255
    for x in 0..<40 { darkest = min(darkest, image.rgba(Int(11 * Self.scale) + x, 675).r) }
    #expect(darkest <= 5)
  }

  @Test("Text rotated by 90° reads upwards, centred on its anchor")
  func rotatedText() {
    var minX = Int.max
    var maxX = 0
    var minY = Int.max
    var maxY = 0
    let panel = SampleScenes.panel
    for y in Int(panel.minY * Self.scale)..<Int(panel.maxY * Self.scale) {
      for x in Int(15 * Self.scale)..<Int(38 * Self.scale) where image.isDark(x, y) {
        minX = min(minX, x)
        maxX = max(maxX, x)
        minY = min(minY, y)
        maxY = max(maxY, y)
      }
    }
    let width = Double(maxX - minX) / Self.scale
    let height = Double(maxY - minY) / Self.scale
    #expect(height > 3 * width, "ink box \(width) × \(height) pt")
    // The glyphs' tops point left: ink lies left of the baseline at x = 30, within the ascent.
    #expect(Double(maxX) / Self.scale <= 30 + 8 * 0.22)
    #expect(Double(minX) / Self.scale >= 30 - 8 * 0.91)
    #expect(abs(Double(minY + maxY) / 2 / Self.scale - panel.midY) < 1)
  }
}
