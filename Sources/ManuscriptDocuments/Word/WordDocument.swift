import FigureCore
import SurvivalFigures

/// A Word document (Office Open XML, ECMA-376 WordprocessingML) written directly: the package
/// parts `[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml`, `word/document.xml`,
/// `word/styles.xml`, `word/settings.xml` (the decimal point of decimal tabs),
/// `word/_rels/document.xml.rels` and one `word/media/figureN.png` per
/// figure, in a ``StoredZip``.
///
/// Conventions: A4 pages with 2 cm margins (portrait, or landscape for wide tables); lengths
/// in twentieths of a point (twips, 1 pt = 20) for pages and tables, half-points for type
/// sizes, EMUs for images (1 pt = 12 700 EMU). Tables are three-line tables (rules above and
/// below the header and below the last row), headers bold and repeated on each page; figures
/// are inline pictures at their print size, scaled down to the text width when wider. No date
/// or random identifier is written, so the bytes depend only on the content.
public struct WordDocument: Sendable {
  public var blocks: [DocumentBlock]
  /// Shown in the file's properties.
  public var title: String?
  public var author: String?
  /// The font of every run.
  public var fontFamily: String
  /// The body type size in points; notes one point smaller, titles one larger.
  public var fontSize: Double
  public var isLandscape: Bool

  public init(
    blocks: [DocumentBlock], title: String? = nil, author: String? = nil, fontFamily: String = "Arial",
    fontSize: Double = 10, isLandscape: Bool = false
  ) {
    self.blocks = blocks
    self.title = title
    self.author = author
    self.fontFamily = fontFamily
    self.fontSize = fontSize
    self.isLandscape = isLandscape
  }

  /// The font Word names for a figure font family: Arial or Times New Roman (LibreOffice
  /// sets them in the metric-compatible Liberation fonts).
  public static func fontName(_ family: FontFamily) -> String {
    family == .serif ? "Times New Roman" : "Arial"
  }

  /// A4 in twips, and the margin.
  static let pageWidth = 11906
  static let pageHeight = 16838
  static let margin = 1134

  /// The width text and tables take, in twips.
  var textWidth: Int { (isLandscape ? Self.pageHeight : Self.pageWidth) - 2 * Self.margin }

  /// A document of one table, in landscape when the table fits no portrait page even two
  /// points smaller than the body.
  public static func table(_ table: ReportTable, fontFamily: String, fontSize: Double = 10) -> WordDocument {
    var document = WordDocument(blocks: [.table(table)], title: table.title, fontFamily: fontFamily, fontSize: fontSize)
    document.isLandscape =
      WordTable.fittingFontSize(table, width: document.textWidth, bodySize: fontSize) == nil
    return document
  }

  /// The `.docx` file's bytes.
  public var bytes: [UInt8] {
    var images: [[UInt8]] = []
    var body = ""
    for block in blocks {
      switch block {
      case .paragraph(let paragraph):
        body += paragraphXML(paragraph)
      case .table(let table):
        let size = WordTable.fittingFontSize(table, width: textWidth, bodySize: fontSize) ?? fontSize - 2
        body += WordTable(table: table, width: textWidth, fontSize: size, isSerif: fontFamily == "Times New Roman").xml
      case .figure(let image, let width, let height):
        images.append(image.bytes)
        body += figureXML(index: images.count, width: width, height: height)
      case .pageBreak:
        body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
      }
    }
    var zip = StoredZip()
    zip.add("[Content_Types].xml", text: contentTypes(hasImages: !images.isEmpty))
    zip.add("_rels/.rels", text: Self.packageRelationships)
    zip.add("docProps/core.xml", text: coreProperties)
    zip.add("word/document.xml", text: documentXML(body))
    zip.add("word/styles.xml", text: stylesXML)
    zip.add("word/settings.xml", text: Self.settingsXML)
    zip.add("word/_rels/document.xml.rels", text: documentRelationships(imageCount: images.count))
    for (index, image) in images.enumerated() { zip.add("word/media/figure\(index + 1).png", image) }
    return zip.bytes
  }

  func documentXML(_ body: String) -> String {
    let (w, h) = isLandscape ? (Self.pageHeight, Self.pageWidth) : (Self.pageWidth, Self.pageHeight)
    let orient = isLandscape ? " w:orient=\"landscape\"" : ""
    return Self.xmlDeclaration
      + "<w:document xmlns:w=\"\(Self.w)\" xmlns:r=\"\(Self.r)\" xmlns:wp=\"\(Self.wp)\" xmlns:a=\"\(Self.a)\" xmlns:pic=\"\(Self.pic)\">"
      + "<w:body>\(body)<w:sectPr><w:pgSz w:w=\"\(w)\" w:h=\"\(h)\"\(orient)/>"
      + "<w:pgMar w:top=\"\(Self.margin)\" w:right=\"\(Self.margin)\" w:bottom=\"\(Self.margin)\" w:left=\"\(Self.margin)\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>"
      + "</w:sectPr></w:body></w:document>"
  }

  func paragraphXML(_ paragraph: DocumentParagraph) -> String {
    let size: Double
    let bold: Bool
    var spacing = "<w:spacing w:before=\"0\" w:after=\"120\"/>"
    switch paragraph.role {
    case .title: (size, bold) = (fontSize + 2, true)
    case .heading:
      (size, bold) = (fontSize, true)
      spacing = "<w:spacing w:before=\"240\" w:after=\"120\"/><w:keepNext/>"
    case .body, .caption: (size, bold) = (fontSize, false)
    case .note:
      (size, bold) = (fontSize - 1, false)
      spacing = "<w:spacing w:before=\"0\" w:after=\"40\"/>"
    }
    return "<w:p><w:pPr>\(spacing)\(Self.justification(paragraph.alignment))</w:pPr>"
      + Self.runs(paragraph.text, size: size, bold: bold) + "</w:p>"
  }

  /// A figure as an inline picture, centred, at most the text width.
  func figureXML(index: Int, width: Double, height: Double) -> String {
    let maximum = Double(textWidth) / 20
    let scale = width > maximum ? maximum / width : 1
    let cx = Int((width * scale * 12700).rounded())
    let cy = Int((height * scale * 12700).rounded())
    return "<w:p><w:pPr><w:keepNext/><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>"
      + "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/>"
      + "<wp:docPr id=\"\(index)\" name=\"Figure \(index)\"/>"
      + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
      + "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"\(index)\" name=\"figure\(index).png\"/><pic:cNvPicPr/></pic:nvPicPr>"
      + "<pic:blipFill><a:blip r:embed=\"rIdFigure\(index)\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
      + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm>"
      + "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
      + "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
  }

  /// Runs of `text`: one `w:r` per span, "\n" as a line break.
  static func runs(_ text: StyledText, size: Double, bold: Bool = false) -> String {
    text.spans.map { span -> String in
      var properties = ""
      if bold || span.isBold { properties += "<w:b/>" }
      if span.isItalic { properties += "<w:i/>" }
      switch span.shift {
      case .superscript: properties += "<w:vertAlign w:val=\"superscript\"/>"
      case .subscript: properties += "<w:vertAlign w:val=\"subscript\"/>"
      case .none: break
      }
      properties += "<w:sz w:val=\"\(Int((size * 2).rounded()))\"/>"
      let lines = span.text.split(separator: "\n", omittingEmptySubsequences: false)
      let content = lines.map { "<w:t xml:space=\"preserve\">\(XMLText.escape(String($0)))</w:t>" }
        .joined(separator: "<w:br/>")
      return "<w:r><w:rPr>\(properties)</w:rPr>\(content)</w:r>"
    }.joined()
  }

  static func justification(_ alignment: ReportTable.Alignment) -> String {
    switch alignment {
    case .leading: return ""
    case .center: return "<w:jc w:val=\"center\"/>"
    case .trailing: return "<w:jc w:val=\"right\"/>"
    }
  }
}
