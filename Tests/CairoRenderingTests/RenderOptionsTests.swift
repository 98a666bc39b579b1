import FigureCore
import Testing

@testable import CairoRendering

@Suite("Render options")
struct RenderOptionsTests {
  @Test("SOURCE_DATE_EPOCH is whole seconds; anything else means no date")
  func sourceDateEpoch() {
    #expect(RenderOptions.parseSourceDateEpoch("1700000000") == 1_700_000_000)
    #expect(RenderOptions.parseSourceDateEpoch("1700000000\n") == 1_700_000_000)
    #expect(RenderOptions.parseSourceDateEpoch(nil) == nil)
    #expect(RenderOptions.parseSourceDateEpoch("") == nil)
    #expect(RenderOptions.parseSourceDateEpoch("2024-01-01") == nil)
  }

  @Test("Dates are written as ISO 8601 in UTC")
  func iso8601() {
    #expect(_iso8601(0) == "1970-01-01T00:00:00Z")
    #expect(_iso8601(1_700_000_000) == "2023-11-14T22:13:20Z")
    #expect(_iso8601(951_782_400) == "2000-02-29T00:00:00Z")
  }

  @Test("Pixel size is round(points × dpi / 72) per side")
  func pixelSize() throws {
    let renderer = FigureRenderer(fonts: testRenderer.fonts, options: RenderOptions(dpi: 600))
    let size = try renderer.pixelSize(of: .millimetres(width: 85, height: 70))
    #expect(size.width == 2008 && size.height == 1654)
  }
}
