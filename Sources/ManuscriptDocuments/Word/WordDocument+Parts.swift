/// The fixed parts of a Word package: content types, relationships, properties and styles.
extension WordDocument {
  static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
  static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
  static let pic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
  static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"

  func contentTypes(hasImages: Bool) -> String {
    Self.xmlDeclaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + (hasImages ? "<Default Extension=\"png\" ContentType=\"image/png\"/>" : "")
      + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
      + "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
      + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
      + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
      + "</Types>"
  }

  static let packageRelationships =
    xmlDeclaration + "<Relationships xmlns=\"\(relationships)\">"
    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
    + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    + "</Relationships>"

  /// Title and author, no dates (a date would change the bytes at every build).
  var coreProperties: String {
    Self.xmlDeclaration
      + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
      + (title.map { "<dc:title>\(XMLText.escape($0))</dc:title>" } ?? "")
      + (author.map { "<dc:creator>\(XMLText.escape($0))</dc:creator>" } ?? "")
      + "</cp:coreProperties>"
  }

  func documentRelationships(imageCount: Int) -> String {
    var out =
      Self.xmlDeclaration + "<Relationships xmlns=\"\(Self.relationships)\">"
      + "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
      + "<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
    for index in 0..<imageCount {
      out +=
        "<Relationship Id=\"rIdFigure\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/figure\(index + 1).png\"/>"
    }
    return out + "</Relationships>"
  }

  /// The decimal point of decimal tab stops, `.` (Word and LibreOffice otherwise take the
  /// reader's locale's, and a German reader's `,` would undo the alignment).
  static let settingsXML =
    xmlDeclaration
    + "<w:settings xmlns:w=\"\(w)\"><w:decimalSymbol w:val=\".\"/><w:listSeparator w:val=\",\"/></w:settings>"

  /// The default font and size of every run, and single line spacing.
  var stylesXML: String {
    let font = XMLText.escape(fontFamily)
    return Self.xmlDeclaration + "<w:styles xmlns:w=\"\(Self.w)\"><w:docDefaults><w:rPrDefault><w:rPr>"
      + "<w:rFonts w:ascii=\"\(font)\" w:hAnsi=\"\(font)\" w:cs=\"\(font)\" w:eastAsia=\"\(font)\"/>"
      + "<w:sz w:val=\"\(Int((fontSize * 2).rounded()))\"/><w:szCs w:val=\"\(Int((fontSize * 2).rounded()))\"/>"
      + "<w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault>"
      + "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
      + "</w:docDefaults>"
      + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
      + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
      + "<w:tblPr><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
      + "</w:styles>"
  }
}

/// Text in XML content and attribute values.
enum XMLText {
  /// `&`, `<`, `>` and `"` as entities; characters XML 1.0 forbids (C0 controls but tab, line
  /// feed and carriage return) left out.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default:
        if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" { continue }
        if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
