import FigureCore
import SurvivalFigures

/// A table, listing or figure (TLF) as an RTF 1.9 document, the shape pharmaceutical
/// submissions take: title lines and a population line centred in the page header with
/// "Page X of Y" at its right (RTF `PAGE` and `NUMPAGES` fields), the body (tables with their
/// header rows repeated on each page, figures as PNG pictures), the table's footnotes below it,
/// and the program name, data cut and run time in the page footer.
///
/// Conventions: A4, 2 cm margins, lengths in twips (1 pt = 20); proportional text in Arial or
/// Times New Roman, or fixed pitch in Courier New; characters outside ASCII as `\uN?` (UTF-16
/// code units as signed 16-bit numbers, RTF 1.9 §"Unicode RTF"). The run time is printed only
/// when given, so the bytes of a build are otherwise the same from run to run.
public struct RichTextDocument: Sendable {
  /// The header and footer of every page (but the section's titles) and the page's shape.
  public struct Settings: Sendable {
    /// The population line under the titles ("Population: full analysis set").
    public var population: String?
    /// The program that made the output, in the footer.
    public var program: String?
    /// The data cut, in the footer ("Data cut: 2024-03-31").
    public var dataCut: String?
    /// The time of the run, in the footer; nil (the default) keeps the bytes identical.
    public var runTime: String?
    public var isLandscape = false
    /// Courier New, as listings are set, instead of proportional type.
    public var isFixedPitch = false
    /// The proportional font (fixed pitch is always Courier New).
    public var fontFamily = "Arial"
    /// The type size in points; fixed pitch one point smaller.
    public var fontSize: Double = 9

    public init() {}
  }

  /// One output (a table, a figure) with its own title lines; each section starts a page.
  /// Pages are numbered through the document ("Page 3 of 7"): a per-section count
  /// (`SECTIONPAGES`) is one that LibreOffice leaves at its cached value ("Page 2 of 1"), so a
  /// count per output comes from writing each output to a file of its own, as a build does.
  public struct Section: Sendable {
    public var titles: [String]
    public var blocks: [DocumentBlock]
    public init(titles: [String], blocks: [DocumentBlock]) {
      self.titles = titles
      self.blocks = blocks
    }
  }

  public var sections: [Section]
  public var settings: Settings

  public init(sections: [Section], settings: Settings = Settings()) {
    self.sections = sections
    self.settings = settings
  }

  static let pageWidth = 11906
  static let pageHeight = 16838
  static let margin = 1134

  var textWidth: Int { (settings.isLandscape ? Self.pageHeight : Self.pageWidth) - 2 * Self.margin }
  var fontSize: Double { settings.isFixedPitch ? settings.fontSize - 1 : settings.fontSize }
  /// Half-points, as `\fs` takes them.
  var halfPoints: Int { Int((fontSize * 2).rounded()) }

  /// Whether every table fits a portrait page with each cell on one line.
  public var fitsPortrait: Bool {
    var portrait = self
    portrait.settings.isLandscape = false
    let size = settings.isFixedPitch ? fontSize * 1.2 : fontSize
    for case .table(let table) in sections.flatMap(\.blocks)
    where !WordTable(table: table, width: portrait.textWidth, fontSize: size).fits {
      return false
    }
    return true
  }

  /// The `.rtf` file's bytes (ASCII).
  public var bytes: [UInt8] { Array(text.utf8) }

  public var text: String {
    let (w, h) =
      settings.isLandscape ? (Self.pageHeight, Self.pageWidth) : (Self.pageWidth, Self.pageHeight)
    let font = settings.isFixedPitch ? 1 : 0
    var out = "{\\rtf1\\ansi\\ansicpg1252\\deff\(font)\\uc1\n"
    out += "{\\fonttbl{\\f0\\f\(settings.fontFamily.contains("Times") ? "roman" : "swiss")\\fcharset0 "
    out += Self.escape(settings.fontFamily) + ";}{\\f1\\fmodern\\fcharset0 Courier New;}}\n"
    out += "{\\colortbl;\\red0\\green0\\blue0;}\n"
    out +=
      "\\paperw\(w)\\paperh\(h)\\margl\(Self.margin)\\margr\(Self.margin)\\margt\(Self.margin)\\margb\(Self.margin)"
    out += "\\headery567\\footery567" + (settings.isLandscape ? "\\landscape" : "") + "\n"
    for (index, section) in sections.enumerated() {
      if index > 0 { out += "\\sect" }
      out +=
        "\\sectd\\sbkpage" + (index == 0 ? "\\pgnrestart\\pgnstarts1" : "")
        + (settings.isLandscape ? "\\lndscpsxn" : "")
      out += "\\pgwsxn\(w)\\pghsxn\(h)\n\\f\(font)\\fs\(halfPoints)\n"
      out += header(section.titles) + footer
      for block in section.blocks {
        switch block {
        case .paragraph(let paragraph): out += self.paragraph(paragraph)
        case .table(let table): out += RTFTable(table: table, document: self).text
        case .figure(let image, let width, let height): out += figure(image, width: width, height: height)
        case .pageBreak: out += "\\pard\\plain\\f\(font)\\fs\(halfPoints)\\page\\par\n"
        }
      }
    }
    return out + "}\n"
  }

  /// "Page X of Y" at the right (Y: the document's pages), the title lines and the population,
  /// centred.
  func header(_ titles: [String]) -> String {
    let font = settings.isFixedPitch ? 1 : 0
    var out = "{\\header\\pard\\plain\\f\(font)\\fs\(halfPoints)\\qr Page {\\field{\\*\\fldinst PAGE}{\\fldrslt 1}}"
    out += " of {\\field{\\*\\fldinst NUMPAGES}{\\fldrslt 1}}\\par\n"
    for title in titles {
      out += "\\pard\\plain\\f\(font)\\fs\(halfPoints)\\qc\\b \(Self.escape(title))\\b0\\par\n"
    }
    if let population = settings.population {
      out += "\\pard\\plain\\f\(font)\\fs\(halfPoints)\\qc \(Self.escape(population))\\par\n"
    }
    return out + "\\pard\\plain\\f\(font)\\fs\(halfPoints)\\par}\n"
  }

  /// Program, data cut and run time, when any is set.
  var footer: String {
    let parts =
      [
        settings.program.map { "Program: \($0)" }, settings.dataCut.map { "Data cut: \($0)" },
        settings.runTime.map {
          "Run: \($0)"
        },
      ].compactMap { $0 }
    guard !parts.isEmpty else { return "" }
    let font = settings.isFixedPitch ? 1 : 0
    return "{\\footer\\pard\\plain\\f\(font)\\fs\(halfPoints - 2)\\brdrt\\brdrs\\brdrw10 "
      + Self.escape(parts.joined(separator: "    ")) + "\\par}\n"
  }

  func paragraph(_ paragraph: DocumentParagraph) -> String {
    let font = settings.isFixedPitch ? 1 : 0
    var size = halfPoints
    var bold = false
    var spacing = "\\sa120"
    switch paragraph.role {
    case .title: (size, bold) = (halfPoints + 2, true)
    case .heading: (bold, spacing) = (true, "\\sb240\\sa120\\keepn")
    case .body, .caption: break
    case .note: (size, spacing) = (halfPoints - 2, "\\sa40")
    }
    return "\\pard\\plain\\f\(font)\\fs\(size)\(spacing)\(Self.alignment(paragraph.alignment)) "
      + Self.runs(paragraph.text, bold: bold) + "\\par\n"
  }

  /// A PNG picture at its print size, at most the text width, centred.
  func figure(_ image: PNGImage, width: Double, height: Double) -> String {
    let maximum = Double(textWidth) / 20
    let scale = width > maximum ? maximum / width : 1
    let (w, h) = (Int((width * scale * 20).rounded()), Int((height * scale * 20).rounded()))
    var hex = ""
    hex.reserveCapacity(image.bytes.count * 2 + image.bytes.count / 64)
    let digits = Array("0123456789abcdef")
    for (index, byte) in image.bytes.enumerated() {
      if index > 0 && index % 64 == 0 { hex.append("\n") }
      hex.append(digits[Int(byte >> 4)])
      hex.append(digits[Int(byte & 0x0F)])
    }
    return "\\pard\\plain\\qc\\keepn{\\pict\\pngblip\\picw\(image.pixelWidth)\\pich\(image.pixelHeight)"
      + "\\picwgoal\(w)\\pichgoal\(h)\n\(hex)}\\par\n"
  }

  /// Styled runs: bold and italic groups, super- and subscripts, "\n" as a line break.
  static func runs(_ text: StyledText, bold: Bool = false) -> String {
    text.spans.map { span -> String in
      var controls = ""
      if bold || span.isBold { controls += "\\b" }
      if span.isItalic { controls += "\\i" }
      switch span.shift {
      case .superscript: controls += "\\super"
      case .subscript: controls += "\\sub"
      case .none: break
      }
      let body = span.text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }
        .joined(separator: "\\line ")
      return controls.isEmpty ? body : "{\(controls) \(body)}"
    }.joined()
  }

  static func alignment(_ alignment: ReportTable.Alignment) -> String {
    switch alignment {
    case .leading: return "\\ql"
    case .center: return "\\qc"
    case .trailing: return "\\qr"
    }
  }

  /// `\`, `{` and `}` escaped, tabs as `\tab`, characters outside printable ASCII as `\uN?`.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\", "{", "}": out += "\\" + String(scalar)
      case "\t": out += "\\tab "
      default:
        if scalar.value >= 0x20 && scalar.value < 0x7F {
          out.unicodeScalars.append(scalar)
        } else if scalar.value >= 0x80 {
          for unit in String(scalar).utf16 { out += "\\u\(Int16(bitPattern: unit))?" }
        }
      }
    }
    return out
  }
}
