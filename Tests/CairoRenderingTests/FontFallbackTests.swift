import CairoRendering
import FigureCore
import Foundation
import Testing

/// Whether `fonts-noto-cjk` is installed (the Makefile installs it).
let hasCJKFonts = FileManager.default.fileExists(
  atPath: FontLibrary.defaultFallbackDirectory + "/" + FontLibrary.fallbackFileNames[0])

@Suite(
  "Chinese, Japanese, Korean, Greek and accented text", .enabled(if: hasCJKFonts, "fonts-noto-cjk is not installed"))
struct FontFallbackTests {
  static let labels = [
    "男性 Männer", "女性 Frauen", "日本語 ひらがな カタカナ", "한국어 환자", "Ελληνικά αβγ Δ", "Éléphant çà ñ ø ß",
  ]

  static func scene(_ texts: [String], family: FontFamily = .sans) -> Scene {
    var scene = Scene(size: Size(width: 300, height: 200), background: .white, commands: [])
    for (i, text) in texts.enumerated() {
      let font = FontSpec(size: 9, isBold: i % 2 == 1, family: family)
      scene.commands.append(
        .text(TextRun(StyledText(text), font: font), at: Point(x: 10, y: 20 + Double(i) * 18)))
    }
    return scene
  }

  @Test("every character has a font, the CJK ones from Noto CJK, ideographs one em wide")
  func everyCharacterHasAFont() throws {
    #expect(testRenderer.fonts.fallbackDirectory != nil)
    for family in FontFamily.allCases {
      #expect(testRenderer.fonts.charactersWithoutFont(in: Self.scene(Self.labels, family: family)).isEmpty)
      #expect(testRenderer.fonts.missingGlyphWarning(for: Self.scene(Self.labels, family: family)) == nil)
    }
    // Noto CJK's ideographs, kana and hangul advance exactly 1 em.
    let measurer = testRenderer.measurer
    #expect(abs(measurer.measure("生存曲线", font: FontSpec(size: 10)).width - 40) < 1e-6)
    // Latin text keeps Liberation Sans's metrics beside CJK text (the digits are 1139/2048 em).
    let mixed = measurer.measure("生1", font: FontSpec(size: 10)).width
    #expect(abs(mixed - (10 + 1139 / 2048.0 * 10)) < 1e-6)
  }

  @Test("the PDF embeds subsets of Noto Sans CJK beside Liberation Sans, and its text extracts")
  func pdfEmbedsSubsets() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write(try testRenderer.render(Self.scene(Self.labels), as: .pdf), to: "cjk.pdf")
    let fonts = try ExternalTool.run("pdffonts", [path]).output
    let lines = fonts.split(separator: "\n").dropFirst(2)
    #expect(lines.contains { $0.contains("+NotoSansCJKsc-Regular") }, "\(fonts)")
    #expect(lines.contains { $0.contains("+NotoSansCJKsc-Bold") }, "\(fonts)")
    #expect(lines.contains { $0.contains("+LiberationSans") }, "\(fonts)")
    for line in lines {
      // emb sub uni: every font embedded, subset, with a ToUnicode map.
      let columns = line.split(separator: " ", omittingEmptySubsequences: true)
      #expect(Array(columns.suffix(5).prefix(3)) == ["yes", "yes", "yes"], "\(line)")
    }
    let text = try ExternalTool.run("pdftotext", [path, "-"]).output
    for label in Self.labels { #expect(text.contains(label), "\(label) in \(text)") }
  }

  @Test("the same figure in two font libraries gives the same bytes, whatever was drawn first")
  func deterministic() throws {
    let scene = Self.scene(Self.labels)
    let fresh = FigureRenderer(
      fonts: try FontLibrary(directory: FontLibrary.defaultDirectory), options: testRenderer.options)
    let latin = try fresh.render(Self.scene(["Latin only 123"]), as: .pdf)
    #expect(latin == (try testRenderer.render(Self.scene(["Latin only 123"]), as: .pdf)))
    #expect((try fresh.render(scene, as: .pdf)) == (try testRenderer.render(scene, as: .pdf)))
    #expect((try fresh.render(scene, as: .svg)) == (try testRenderer.render(scene, as: .svg)))
  }

  @Test("characters no font has are named in a warning")
  func missingGlyphWarning() throws {
    let scene = Self.scene(["हिन्दी OK 生", "ሰላም"])
    #expect(
      testRenderer.fonts.missingGlyphWarning(for: scene)
        == "no font of the figure has the characters 'ह' (U+0939), 'ि' (U+093F), 'न' (U+0928), '्' (U+094D), 'द' (U+0926), 'ी' (U+0940), 'ሰ' (U+1230), 'ላ' (U+120B), 'ም' (U+121D): they print as boxes. The fonts are Liberation Sans and Serif with Noto Sans and Serif CJK"
    )
    let withoutCJK = try FontLibrary(directory: FontLibrary.defaultDirectory, fallbackDirectory: nil)
    #expect(
      withoutCJK.missingGlyphWarning(for: Self.scene(["生存 αβ"]))
        == "no font of the figure has the characters '生' (U+751F), '存' (U+5B58): they print as boxes. The fonts are Liberation Sans and Serif with Noto Sans and Serif CJK; install the Debian package 'fonts-noto-cjk' for Chinese, Japanese and Korean text"
    )
  }
}
