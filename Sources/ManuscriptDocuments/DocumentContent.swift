import FigureCore
import SurvivalFigures

/// What a manuscript document holds, in order, independent of its file format (Word, RTF):
/// paragraphs of styled text, report tables, figures as PNG images and page breaks.
public enum DocumentBlock: Sendable {
  case paragraph(DocumentParagraph)
  case table(ReportTable)
  /// A PNG figure shown `width` × `height` points (its print size).
  case figure(PNGImage, width: Double, height: Double)
  case pageBreak
}

/// A paragraph: styled runs, a role that sets its type size and spacing, an alignment.
public struct DocumentParagraph: Sendable {
  public enum Role: Sendable {
    /// A document's or TLF's title: bold, one size up.
    case title
    /// A table's or figure's label and title above it: bold.
    case heading
    case body
    /// A figure caption: body size.
    case caption
    /// A table's footnote: one size down.
    case note
  }
  public var text: StyledText
  public var role: Role
  public var alignment: ReportTable.Alignment

  public init(_ text: StyledText, role: Role = .body, alignment: ReportTable.Alignment = .leading) {
    self.text = text
    self.role = role
    self.alignment = alignment
  }
}

/// A PNG image and what its header says: pixel size (IHDR) and resolution (pHYs, when
/// present; 72 dpi otherwise, as PNG readers assume).
public struct PNGImage: Sendable {
  public var bytes: [UInt8]
  public var pixelWidth: Int
  public var pixelHeight: Int
  /// Pixels per inch from pHYs (unit 1: metre), nil without it.
  public var dpi: Double?

  /// Nil when `bytes` is not a PNG.
  public init?(_ bytes: [UInt8]) {
    let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    guard bytes.count >= 33, Array(bytes[0..<8]) == signature else { return nil }
    func u32(_ at: Int) -> Int {
      Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
    }
    self.bytes = bytes
    self.pixelWidth = u32(16)
    self.pixelHeight = u32(20)
    var at = 8
    var dpi: Double?
    while at + 8 <= bytes.count {
      let length = u32(at)
      let type = String(decoding: bytes[(at + 4)..<(at + 8)], as: UTF8.self)
      if type == "pHYs" && at + 17 <= bytes.count && bytes[at + 16] == 1 {
        dpi = Double(u32(at + 8)) * 0.0254
      }
      if type == "IDAT" || type == "IEND" { break }
      at += 12 + length
    }
    self.dpi = dpi
  }
}

/// Journal conventions for the text of cells and notes.
public enum JournalText {
  /// `text` with every standalone "P" (the P of "P = 0.01", "P values", "Log-rank P") in
  /// italics, as journals set the P of a P value; other letters stay roman.
  public static func italicisingP(_ text: String) -> StyledText {
    let characters = Array(text)
    var spans: [StyledText.Span] = []
    var current = ""
    for (i, ch) in characters.enumerated() {
      let before = i > 0 ? characters[i - 1] : " "
      let after = i + 1 < characters.count ? characters[i + 1] : " "
      if ch == "P" && !before.isLetter && !before.isNumber && !after.isLetter && !after.isNumber && after != "-" {
        if !current.isEmpty { spans.append(StyledText.Span(current)) }
        spans.append(StyledText.Span("P", isItalic: true))
        current = ""
      } else {
        current.append(ch)
      }
    }
    if !current.isEmpty { spans.append(StyledText.Span(current)) }
    return StyledText(spans: spans)
  }
}
