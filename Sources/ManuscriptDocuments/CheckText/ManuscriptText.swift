/// The text of a manuscript as lines, for finding the numbers it quotes: a Markdown, LaTeX or
/// plain-text file line by line, a Word document paragraph by paragraph (its "lines" are its
/// paragraphs, numbered from 1).
public struct ManuscriptText: Sendable {
  public enum Kind: Sendable { case plain, latex, word }

  public var lines: [String]
  public var kind: Kind

  public init(lines: [String], kind: Kind) {
    self.lines = lines
    self.kind = kind
  }

  /// The lines of `bytes`, read as the file's extension says (`.docx`: Word; `.tex`: LaTeX,
  /// with `~` read as a space and `--` as an en dash; anything else as text).
  public init(bytes: [UInt8], fileExtension: String) throws(ZipReader.Problem) {
    switch fileExtension.lowercased() {
    case "docx":
      let archive = try ZipReader(bytes)
      guard let document = try archive.entry("word/document.xml") else {
        throw ZipReader.Problem(message: "it has no word/document.xml; it is not a Word document")
      }
      self.init(lines: Self.paragraphs(ofWordXML: String(decoding: document, as: UTF8.self)), kind: .word)
    case "tex":
      let text = String(decoding: bytes, as: UTF8.self)
      self.init(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), kind: .latex)
    default:
      let text = String(decoding: bytes, as: UTF8.self)
      self.init(
        lines: text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
          .map(String.init), kind: .plain)
    }
  }

  /// The text of each `w:p` of WordprocessingML: its `w:t` runs joined, `w:tab` as a tab,
  /// `w:br` and `w:cr` as a space; XML entities decoded.
  static func paragraphs(ofWordXML xml: String) -> [String] {
    var paragraphs: [String] = []
    var current: String?
    var scanner = Substring(xml)
    while let open = scanner.firstIndex(of: "<") {
      let textBefore = scanner[..<open]
      guard let close = scanner[open...].firstIndex(of: ">") else { break }
      let tag = scanner[scanner.index(after: open)..<close]
      scanner = scanner[scanner.index(after: close)...]
      let name = tag.prefix { $0 != " " && $0 != "/" && $0 != ">" }
      let isEnd = tag.hasPrefix("/")
      let isEmpty = tag.hasSuffix("/")
      _ = textBefore
      switch isEnd ? String(tag.dropFirst().prefix { $0 != " " }) : String(name) {
      case "w:p":
        if isEnd {
          paragraphs.append(current ?? "")
          current = nil
        } else if isEmpty {
          paragraphs.append("")
        } else {
          current = ""
        }
      case "w:t" where !isEnd && !isEmpty:
        guard let end = scanner.range(of: "</w:t>") else { break }
        current? += decodeEntities(String(scanner[..<end.lowerBound]))
        scanner = scanner[end.upperBound...]
      case "w:tab" where !isEnd: current? += "\t"
      case "w:br" where !isEnd, "w:cr" where !isEnd: current? += " "
      default: break
      }
    }
    return paragraphs
  }

  static func decodeEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      guard let semi = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semi) < 10 else {
        out += "&"
        rest = rest[rest.index(after: amp)...]
        continue
      }
      let entity = String(rest[rest.index(after: amp)..<semi])
      switch entity {
      case "amp": out += "&"
      case "lt": out += "<"
      case "gt": out += ">"
      case "quot": out += "\""
      case "apos": out += "'"
      default:
        let code =
          entity.hasPrefix("#x")
          ? UInt32(entity.dropFirst(2), radix: 16) : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
        if let code, let scalar = Unicode.Scalar(code) {
          out.unicodeScalars.append(scalar)
        } else {
          out += "&\(entity);"
        }
      }
      rest = rest[rest.index(after: semi)...]
    }
    return out + rest
  }
}

extension Substring {
  /// The range of the first `target`, without Foundation.
  func range(of target: String) -> Range<Index>? {
    let needle = Array(target)
    guard let first = needle.first else { return nil }
    var index = startIndex
    while let start = self[index...].firstIndex(of: first) {
      var i = start
      var matched = true
      for ch in needle {
        guard i < endIndex, self[i] == ch else {
          matched = false
          break
        }
        i = self.index(after: i)
      }
      if matched { return start..<i }
      index = self.index(after: start)
    }
    return nil
  }
}
