internal import CPangoCairo
import FigureCore

extension FontLibrary {
  /// The characters of `scene`'s texts that none of the pinned fonts has, in order of first
  /// appearance: Pango draws each as a hex box (`pango_layout_get_unknown_glyphs_count`).
  public func charactersWithoutFont(in scene: Scene) -> [Unicode.Scalar] {
    var seen: Set<Unicode.Scalar> = []
    var missing: [Unicode.Scalar] = []
    withPango { pango in
      for (run, _) in scene.texts where pango.unknownGlyphCount(run.text, font: run.font) > 0 {
        for scalar in run.text.plainText.unicodeScalars where !seen.contains(scalar) {
          seen.insert(scalar)
          if scalar.properties.isWhitespace { continue }
          if pango.unknownGlyphCount(StyledText(String(scalar)), font: run.font) > 0 { missing.append(scalar) }
        }
      }
    }
    return missing
  }

  /// A warning naming the characters of `scene` that no pinned font has; nil when there are
  /// none.
  public func missingGlyphWarning(for scene: Scene) -> String? {
    let missing = charactersWithoutFont(in: scene)
    guard !missing.isEmpty else { return nil }
    let shown = missing.prefix(10).map { scalar in
      let hex = String(scalar.value, radix: 16, uppercase: true)
      return "'\(scalar)' (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))"
    }
    let more = missing.count > 10 ? " and \(missing.count - 10) more" : ""
    let fallback =
      fallbackDirectory == nil
      ? "; install the Debian package 'fonts-noto-cjk' for Chinese, Japanese and Korean text" : ""
    return
      "no font of the figure has the characters \(shown.joined(separator: ", "))\(more): they print as boxes. The fonts are Liberation Sans and Serif with Noto Sans and Serif CJK\(fallback)"
  }
}

extension _PangoFonts {
  /// The number of glyphs of `text` in `font` that no font has.
  func unknownGlyphCount(_ text: StyledText, font: FontSpec) -> Int {
    let laidOut = layout(text, font: font)
    return withExtendedLifetime(laidOut) { Int(pango_layout_get_unknown_glyphs_count(laidOut.pointer)) }
  }
}
