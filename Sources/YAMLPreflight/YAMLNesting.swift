/// A look at the shape of YAML text before it is parsed: how deep its lists and mappings nest,
/// and whether a key is anything but text.
///
/// Yams builds its node tree by recursion, one call per level, and compares the keys of every
/// mapping by hashing them whole; so a document nested thousands of levels deep can exhaust the
/// stack, and a key made of aliases (`? [*a, *a]` with `a` itself a list of aliases) is hashed
/// exponentially long. Templates and cohort specifications nest a few levels and their keys are
/// words, so the check refuses, before Yams sees the text:
///
/// - nesting deeper than ``maximumDepth``, counting block collections (one per indentation
///   column that opens a list or a mapping) and flow brackets (`[`, `{`) that are open together;
/// - a key that is a list, a mapping or an alias (`? …`, `[a, b]: …`, `*anchor : …`).
///
/// The scan reads the text once, without recursion: quoted scalars, comments, block scalars
/// (`|`, `>`) and the continuation lines of plain scalars are skipped, so brackets and colons
/// inside text (a caption's `{{#groups}}`) do not count. It is a bound, not a parser: YAML that
/// Yams refuses may pass it, to be refused by Yams with its own message.
///
/// - Complexity: O(n) in the length of the text.
public enum YAMLNesting {
  /// The deepest nesting of lists and mappings the check lets through. Templates nest five or
  /// six levels; Yams and libyaml recurse safely far beyond this.
  public static let maximumDepth = 64

  /// What the check refuses, with its 1-based line and column (counted in Unicode scalars, as
  /// libyaml and Yams count them).
  public struct Problem: Error, Hashable, Sendable {
    public var line: Int
    public var column: Int
    /// A sentence without the location.
    public var message: String
  }

  /// The first problem of `text`, or nil when its nesting and keys are within bounds.
  public static func problem(in text: String) -> Problem? {
    var scan = _Scan(Array(text.utf8))
    return scan.run()
  }
}

/// The state of one scan of ``YAMLNesting``.
private struct _Scan {
  let bytes: [UInt8]
  var i = 0
  var line = 1
  /// Index of the first byte of the current line.
  var lineStart = 0
  /// Columns of the open block collections, increasing.
  var blocks: [Int] = []
  /// Open flow brackets.
  var flowDepth = 0
  /// Lines indented more than this belong to the block scalar (`|`, `>`) being skipped.
  var blockScalarParent: Int?
  /// Lines indented more than this continue a plain scalar of the line before.
  var plainParent: Int?

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  // MARK: Characters

  func byte(_ at: Int) -> UInt8? { at >= 0 && at < bytes.count ? bytes[at] : nil }

  static func isSpace(_ b: UInt8?) -> Bool { b == 0x20 || b == 0x09 }
  static func isBreak(_ b: UInt8?) -> Bool { b == nil || b == 0x0A || b == 0x0D }
  static func isBlank(_ b: UInt8?) -> Bool { isSpace(b) || isBreak(b) }
  static func isFlowIndicator(_ b: UInt8?) -> Bool {
    b == UInt8(ascii: ",") || b == UInt8(ascii: "[") || b == UInt8(ascii: "]") || b == UInt8(ascii: "{")
      || b == UInt8(ascii: "}")
  }

  /// The 1-based column of byte `at` on the current line, in Unicode scalars.
  func column(_ at: Int) -> Int {
    var count = 1
    var k = lineStart
    while k < at {
      if bytes[k] & 0xC0 != 0x80 { count += 1 }
      k += 1
    }
    return count
  }

  func problem(_ message: String, at: Int) -> YAMLNesting.Problem {
    YAMLNesting.Problem(line: line, column: column(at), message: message)
  }

  /// Moves past a line break at `i` (CR, LF or CRLF), starting the next line.
  mutating func newLine() {
    if byte(i) == 0x0D && byte(i + 1) == 0x0A { i += 1 }
    i += 1
    line += 1
    lineStart = i
  }

  mutating func skipSpaces() { while Self.isSpace(byte(i)) { i += 1 } }

  mutating func skipToEndOfLine() { while !Self.isBreak(byte(i)) { i += 1 } }

  // MARK: Nesting

  static let tooDeep =
    "lists and mappings nest more than \(YAMLNesting.maximumDepth) levels deep here; a template or specification needs a few levels (look for an unclosed '[' or '{')"
  static let keyNotText =
    "a key must be text, not a list, a mapping or an alias; write the key as a word"

  /// A block collection (list or mapping) opening at byte `at`.
  mutating func openBlock(at: Int) -> YAMLNesting.Problem? {
    let column = at - lineStart
    while let last = blocks.last, last > column { blocks.removeLast() }
    if blocks.last == column { return nil }
    blocks.append(column)
    return blocks.count + flowDepth > YAMLNesting.maximumDepth ? problem(Self.tooDeep, at: at) : nil
  }

  // MARK: The scan

  mutating func run() -> YAMLNesting.Problem? {
    while i < bytes.count {
      if let found = scanLine() { return found }
    }
    return nil
  }

  /// One line, from its first byte; at the end `i` is at the start of the next line.
  mutating func scanLine() -> YAMLNesting.Problem? {
    skipSpaces()
    let indent = i - lineStart
    if Self.isBreak(byte(i)) || byte(i) == UInt8(ascii: "#") {
      skipToEndOfLine()
      if i < bytes.count { newLine() }
      return nil
    }
    if flowDepth > 0 { return scanFlow() }
    if let parent = blockScalarParent {
      if indent > parent {
        skipToEndOfLine()
        if i < bytes.count { newLine() }
        return nil
      }
      blockScalarParent = nil
    }
    if let parent = plainParent {
      if indent > parent {
        skipToEndOfLine()
        if i < bytes.count { newLine() }
        return nil
      }
      plainParent = nil
    }
    if indent == 0 {
      // Directives, and document markers that start a new document.
      if byte(i) == UInt8(ascii: "%") {
        skipToEndOfLine()
        if i < bytes.count { newLine() }
        return nil
      }
      let marker = Array(bytes[i..<min(i + 3, bytes.count)])
      if (marker == Array("---".utf8) || marker == Array("...".utf8)) && Self.isBlank(byte(i + 3)) {
        blocks = []
        i += 3
        skipSpaces()
      }
    }
    while let last = blocks.last, last > indent { blocks.removeLast() }
    return scanBlockNode()
  }

  /// A node in block context starting at `i` (spaces skipped), to the end of its line.
  mutating func scanBlockNode() -> YAMLNesting.Problem? {
    while true {
      skipSpaces()
      guard let b = byte(i), !Self.isBreak(b) else {
        if i < bytes.count { newLine() }
        return nil
      }
      switch b {
      case UInt8(ascii: "#"):
        skipToEndOfLine()
      case UInt8(ascii: "-") where Self.isBlank(byte(i + 1)):
        if let found = openBlock(at: i) { return found }
        i += 1
      case UInt8(ascii: "?") where Self.isBlank(byte(i + 1)):
        return problem(Self.keyNotText, at: i)
      case UInt8(ascii: ":") where Self.isBlank(byte(i + 1)):
        i += 1
      case UInt8(ascii: "&"), UInt8(ascii: "!"):
        // An anchor or a tag before the node.
        while !Self.isBlank(byte(i)) { i += 1 }
      case UInt8(ascii: "*"):
        let start = i
        while !Self.isBlank(byte(i)) && !Self.isFlowIndicator(byte(i)) && byte(i) != UInt8(ascii: ":") { i += 1 }
        if isKeyFollowing() { return problem(Self.keyNotText, at: start) }
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        return scanFlow()
      case UInt8(ascii: "|"), UInt8(ascii: ">"):
        blockScalarParent = blocks.last ?? -1
        skipToEndOfLine()
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        let start = i
        if let found = skipQuoted() { return found }
        if isKeyFollowing(), let found = openBlock(at: start) { return found }
      default:
        let start = i
        // A plain scalar: to ': ' (it was a key), ' #' (a comment follows) or the end of the line.
        while true {
          guard let c = byte(i), !Self.isBreak(c) else {
            plainParent = blocks.last ?? -1
            break
          }
          if c == UInt8(ascii: ":") && Self.isBlank(byte(i + 1)) {
            if let found = openBlock(at: start) { return found }
            break
          }
          if c == UInt8(ascii: "#") && Self.isSpace(byte(i - 1)) {
            skipToEndOfLine()
            break
          }
          i += 1
        }
      }
    }
  }

  /// Whether `: ` follows (spaces aside), making what came before a key; moves past the colon.
  mutating func isKeyFollowing() -> Bool {
    var k = i
    while Self.isSpace(byte(k)) { k += 1 }
    guard byte(k) == UInt8(ascii: ":") else { return false }
    let next = byte(k + 1)
    guard Self.isBlank(next) || (flowDepth > 0 && Self.isFlowIndicator(next)) else { return false }
    i = k + 1
    return true
  }

  /// A quoted scalar starting at `i`, possibly over several lines; moves past its closing quote.
  mutating func skipQuoted() -> YAMLNesting.Problem? {
    let quote = bytes[i]
    i += 1
    while let c = byte(i) {
      if c == 0x0A || c == 0x0D {
        newLine()
        continue
      }
      if quote == UInt8(ascii: "\"") && c == UInt8(ascii: "\\") {
        i += Self.isBreak(byte(i + 1)) ? 1 : 2
        continue
      }
      if c == quote {
        if quote == UInt8(ascii: "'") && byte(i + 1) == quote {
          i += 2
          continue
        }
        i += 1
        return nil
      }
      i += 1
    }
    return nil
  }

  /// Flow context from `i` until the brackets close (possibly lines later), then the rest of the
  /// line in block context.
  mutating func scanFlow() -> YAMLNesting.Problem? {
    var atNodeStart = true
    while let c = byte(i) {
      switch c {
      case 0x0A, 0x0D:
        newLine()
        if flowDepth == 0 { return nil }
        continue
      case 0x20, 0x09:
        i += 1
        continue
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        flowDepth += 1
        if blocks.count + flowDepth > YAMLNesting.maximumDepth { return problem(Self.tooDeep, at: i) }
        i += 1
        atNodeStart = true
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        let start = i
        if flowDepth > 0 { flowDepth -= 1 }
        i += 1
        if isKeyFollowing() { return problem(Self.keyNotText, at: start) }
        if flowDepth == 0 { return scanBlockNode() }
        atNodeStart = false
      case UInt8(ascii: ","):
        i += 1
        atNodeStart = true
      case UInt8(ascii: "#") where i == lineStart || Self.isSpace(byte(i - 1)):
        skipToEndOfLine()
      case UInt8(ascii: "?") where atNodeStart && (Self.isBlank(byte(i + 1)) || Self.isFlowIndicator(byte(i + 1))):
        return problem(Self.keyNotText, at: i)
      case UInt8(ascii: ":"):
        i += 1
        atNodeStart = true
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        if let found = skipQuoted() { return found }
        atNodeStart = false
      case UInt8(ascii: "*") where atNodeStart:
        let start = i
        while !Self.isBlank(byte(i)) && !Self.isFlowIndicator(byte(i)) && byte(i) != UInt8(ascii: ":") { i += 1 }
        if isKeyFollowing() { return problem(Self.keyNotText, at: start) }
        atNodeStart = false
      default:
        i += 1
        atNodeStart = false
      }
    }
    return nil
  }
}
