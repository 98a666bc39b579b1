import FigureCore
import Foundation
import SurvivalFigures
import Testing

@Suite("Colours and dashes of many groups")
struct PaletteTests {
  @Test("WCAG contrast: black on white is 21:1, white on white 1:1, #767676 4.54:1")
  func contrastReference() {
    #expect(abs(Color.black.contrastRatio(against: .white) - 21) < 1e-12)
    #expect(abs(Color.white.contrastRatio(against: .white) - 1) < 1e-12)
    // The WCAG reference value for #767676 on white is 4.54:1.
    let gray = Color(hex: "#767676")!
    #expect(abs(gray.contrastRatio(against: .white) - 4.54) < 0.005)
    // The old group 8, Okabe–Ito yellow, was 1.3:1.
    #expect(abs(Color(hex: "#F0E442")!.contrastRatio(against: .white) - 1.32) < 0.01)
  }

  @Test(
    "every colour of the default and grayscale palettes is at least 3:1 on white",
    arguments: [FigureTheme.okabeIto, FigureTheme.grayscale])
  func contrastOnWhite(palette: [Color]) {
    for color in palette {
      #expect(color.contrastRatio(against: .white) >= 3, "\(color.hexString)")
    }
  }

  @Test("the default palette has ten colours, any two clearly different (CIE L*a*b* distance ≥ 15)")
  func tenDistinctColours() {
    let palette = FigureTheme.okabeIto
    #expect(palette.count == FigureTheme.maximumGroups)
    func lab(_ c: Color) -> (Double, Double, Double) {
      func lin(_ v: Double) -> Double { v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4) }
      let (r, g, b) = (lin(c.red), lin(c.green), lin(c.blue))
      let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
      let y = 0.2126 * r + 0.7152 * g + 0.0722 * b
      let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
      func f(_ t: Double) -> Double { t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116 }
      return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }
    for i in palette.indices {
      for j in palette.indices where j > i {
        let (a, b) = (lab(palette[i]), lab(palette[j]))
        let distance = ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1) + (a.2 - b.2) * (a.2 - b.2)).squareRoot()
        #expect(distance >= 15, "groups \(i + 1) and \(j + 1)")
      }
    }
    #expect(abs(palette[5].lightness) < 1e-9)  // black
  }

  /// A dash pattern as the sequence of its dash kinds: dot (< 1.5 pt), short (< 3.5 pt), medium
  /// (< 6.5 pt), long; the smallest of its rotations, since a pattern has no first dash.
  static func signature(_ dash: [Double]) -> String {
    guard !dash.isEmpty else { return "solid" }
    let kinds = stride(from: 0, to: dash.count, by: 2).map { i -> Character in
      dash[i] < 1.5 ? "d" : dash[i] < 3.5 ? "s" : dash[i] < 6.5 ? "m" : "l"
    }
    return kinds.indices.map { String(kinds[$0...] + kinds[..<$0]) }.min()!
  }

  @Test("ten dash patterns, no two with the same sequence of dots and dashes, so grayscale tells groups apart")
  func distinctDashes() {
    let dashes = FigureTheme.defaultDashes
    #expect(dashes.count == FigureTheme.maximumGroups)
    let signatures = dashes.map(Self.signature)
    #expect(Set(signatures).count == dashes.count, "\(signatures)")
    for dash in dashes {
      #expect(dash.count % 2 == 0)
      #expect(dash.allSatisfy { $0 > 0 })
    }
    // The theme gives every group up to ten its own colour and dash.
    let theme = FigureTheme()
    let pairs = (0..<FigureTheme.maximumGroups).map { "\(theme.color(at: $0).hexString) \(theme.dash(at: $0))" }
    #expect(Set(pairs).count == FigureTheme.maximumGroups)
    #expect(Set((0..<10).map { theme.dash(at: $0) }).count == 10)
  }
}
