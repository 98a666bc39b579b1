import FigureCore

/// Editable SVG text: each text run as a `<text>` element naming its font, placed where Cairo
/// would draw its glyphs (the same advance widths and baseline), for journals that redraw or
/// restyle figures in Illustrator or Inkscape.
///
/// Text runs come after all other drawing, in scene order, so text that a later area covers
/// shows above it; survfig's figures draw no area over text.
enum _SVGText {
  /// `texts` inserted before the closing `</svg>`, in one group.
  static func inserting(_ texts: [String], into svg: [UInt8]) -> [UInt8] {
    guard !texts.isEmpty else { return svg }
    let closing = Array("</svg>".utf8)
    guard let end = svg.indices.reversed().first(where: { svg[$0...].starts(with: closing) }) else { return svg }
    let group = "<g id=\"text\">\n" + texts.joined(separator: "\n") + "\n</g>\n"
    return Array(svg[..<end]) + Array(group.utf8) + Array(svg[end...])
  }

  /// The `<text>` element of `run`, its baseline's left end at `origin` in the rotated frame
  /// of `anchor` (the run's anchor point on the page).
  static func element(_ run: TextRun, anchor: Point, left: Double, baseline: Double) -> String {
    let font = run.font
    let families =
      [FontLibrary.familyName(font.family), FontLibrary.fallbackFamilyName(font.family)]
      .map { "'\($0)'" } + [font.family == .serif ? "'Times New Roman', serif" : "Arial, Helvetica, sans-serif"]
    var attributes = [
      "font-family=\"\(families.joined(separator: ", "))\"", "font-size=\"\(number(font.size))\"",
      "fill=\"\(color(run.color))\"",
    ]
    if font.isBold { attributes.append("font-weight=\"bold\"") }
    if font.isItalic { attributes.append("font-style=\"italic\"") }
    if run.color.alpha < 1 { attributes.append("fill-opacity=\"\(number(run.color.alpha))\"") }
    let position: String
    if run.rotation == 0 {
      position = "x=\"\(number(anchor.x + left))\" y=\"\(number(anchor.y + baseline))\""
    } else {
      position =
        "x=\"\(number(left))\" y=\"\(number(baseline))\" transform=\"translate(\(number(anchor.x)) \(number(anchor.y))) rotate(\(number(-run.rotation)))\""
    }
    var body = ""
    var rise = 0.0
    for span in run.text.spans {
      var style: [String] = []
      if span.isBold && !font.isBold { style.append("font-weight=\"bold\"") }
      if span.isItalic && !font.isItalic { style.append("font-style=\"italic\"") }
      let spanRise: Double
      switch span.shift {
      case .none: spanRise = 0
      case .superscript: spanRise = _PangoFonts.superscriptRise * font.size
      case .subscript: spanRise = -_PangoFonts.subscriptDrop * font.size
      }
      if spanRise != 0 { style.append("font-size=\"\(number(font.size * _PangoFonts.shiftedSizeRatio))\"") }
      if spanRise != rise { style.append("dy=\"\(number(rise - spanRise))\"") }
      rise = spanRise
      body +=
        style.isEmpty ? escaped(span.text) : "<tspan \(style.joined(separator: " "))>\(escaped(span.text))</tspan>"
    }
    return "<text xml:space=\"preserve\" \(position) \(attributes.joined(separator: " "))>\(body)</text>"
  }

  static func escaped(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(c)
      }
    }
    return out
  }

  /// A number with at most three decimals, without trailing zeros.
  static func number(_ value: Double) -> String {
    let scaled = (value * 1000).rounded() / 1000
    if scaled == scaled.rounded() { return String(Int(scaled)) }
    var text = String(scaled)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }

  static func color(_ c: Color) -> String {
    func byte(_ v: Double) -> Int { Int((max(0, min(1, v)) * 255).rounded()) }
    return "rgb(\(byte(c.red)),\(byte(c.green)),\(byte(c.blue)))"
  }
}
