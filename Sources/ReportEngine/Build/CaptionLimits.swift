import Foundation

/// Bounds on a caption template, checked before Mustache parses or renders it.
///
/// swift-mustache parses a section (`{{#name}}`, `{{^name}}`, `{{$name}}`, `{{<name}}`) and a
/// transform (`{{fixed1(median)}}`) by recursion, one call per level, and renders a section over
/// a list once per item: `{{#groups}}` nested twenty deep over two groups renders its text a
/// million times. Captions nest two or three sections and one or two transforms, so the check
/// refuses:
///
/// - sections nested more than ``maximumSectionDepth`` deep,
/// - more than ``maximumTransforms`` transforms around one name,
/// - a caption that could render to more than ``maximumLength`` characters, counting each piece
///   of text once per combination of the items of the lists around it.
///
/// The expansion is a bound computed from the caption's values before rendering: a section over
/// a name repeats its content as often as the longest list of that name among the values (the
/// longest list of all for `.` and for names the values do not define), a variable renders at
/// most as long as the longest value of its name. The scan follows Mustache's tags as
/// swift-mustache reads them, delimiter changes (`{{=<% %>=}}`) included, and stops where
/// swift-mustache would stop with a syntax error.
///
/// - Complexity: O(n) in the length of the caption, plus one walk of the values.
enum CaptionLimits {
  /// The deepest nesting of sections.
  static let maximumSectionDepth = 32
  /// The most transforms around one name (`{{fixed1(median)}}` has one).
  static let maximumTransforms = 8
  /// The most characters a caption may render to.
  static let maximumLength = 100_000

  /// The first limit `template` exceeds over `context`, as a sentence; nil within every limit.
  static func problem(in template: String, context: [String: Any]) -> String? {
    var scan = _CaptionScan(Array(template), bounds: _ValueBounds(context))
    return scan.run()
  }
}

/// For each name of a caption's values, the longest list and the longest text it stands for.
private struct _ValueBounds {
  var longestList: [String: Int] = [:]
  var longestText: [String: Int] = [:]
  /// Over all values: for `.` and for names the values do not define.
  var anyList = 1
  var anyText = 0

  init(_ context: [String: Any]) {
    visit(context, name: nil)
  }

  private mutating func visit(_ value: Any, name: String?) {
    let length = String(describing: value).count
    anyText = max(anyText, length)
    if let name {
      longestText[name] = max(longestText[name] ?? 0, length)
      longestList[name] = max(longestList[name] ?? 1, 1)
    }
    if let list = value as? [Any] {
      anyList = max(anyList, list.count)
      if let name { longestList[name] = max(longestList[name] ?? 1, list.count) }
      for item in list { visit(item, name: nil) }
    } else if let mapping = value as? [String: Any] {
      for (key, item) in mapping { visit(item, name: key) }
    }
  }

  /// The key a name is found under: its last dotted part, without transforms.
  private static func key(_ name: String) -> String? {
    guard name != "." else { return nil }
    return name.split(separator: ".").last.map(String.init)
  }

  func repetitions(of name: String) -> Int {
    Self.key(name).flatMap { longestList[$0] } ?? anyList
  }

  func length(of name: String) -> Int {
    Self.key(name).flatMap { longestText[$0] } ?? anyText
  }
}

/// One pass over a caption's tags, as swift-mustache's parser reads them.
private struct _CaptionScan {
  let text: [Character]
  let bounds: _ValueBounds
  var i = 0
  var start: [Character] = ["{", "{"]
  var end: [Character] = ["}", "}"]
  /// How often each open section repeats its content.
  var repetitions: [Int] = []
  /// How often text at this point is rendered: the product of `repetitions`.
  var multiplicity = 1
  var length = 0

  init(_ text: [Character], bounds: _ValueBounds) {
    self.text = text
    self.bounds = bounds
  }

  static let nameCharacters = Set<Character>(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
  static let partialNameCharacters = nameCharacters.union(["/"])

  func matches(_ delimiter: [Character], at k: Int) -> Bool {
    guard k + delimiter.count <= text.count else { return false }
    for (offset, character) in delimiter.enumerated() where text[k + offset] != character { return false }
    return true
  }

  /// The index of the next start delimiter from `i`, or the end.
  func nextTag() -> Int {
    var k = i
    while k < text.count && !matches(start, at: k) { k += 1 }
    return k
  }

  mutating func skipWhitespace() { while i < text.count && text[i].isWhitespace { i += 1 } }

  /// A name and the end delimiter; nil where swift-mustache would stop with a syntax error.
  mutating func name(_ characters: Set<Character>) -> String? {
    skipWhitespace()
    let from = i
    while i < text.count && characters.contains(text[i]) { i += 1 }
    let name = String(text[from..<i])
    skipWhitespace()
    guard matches(end, at: i) else { return nil }
    i += end.count
    return name
  }

  /// Adds `count` characters rendered at the current multiplicity; false past the limit.
  mutating func add(_ count: Int) -> Bool {
    let (product, overflow) = count.multipliedReportingOverflow(by: multiplicity)
    length += product
    return !overflow && length <= CaptionLimits.maximumLength
  }

  var tooLong: String {
    "the caption could render to more than \(CaptionLimits.maximumLength.grouped) characters: a section over a list repeats its text for every item, and sections over lists inside each other for every combination of items; nest fewer of them"
  }

  mutating func run() -> String? {
    while i < text.count {
      let tag = nextTag()
      guard add(tag - i) else { return tooLong }
      i = tag
      guard i < text.count else { return nil }
      let tagStart = i
      i += start.count
      guard i < text.count else { return nil }
      let sigil = text[i]
      switch sigil {
      case "#", "^", "$", "<":
        i += 1
        guard let name = name(sigil == "<" ? Self.partialNameCharacters : Self.nameCharacters) else { return nil }
        if let problem = transforms(in: name, at: tagStart) { return problem }
        guard repetitions.count < CaptionLimits.maximumSectionDepth else {
          return
            "the caption nests sections more than \(CaptionLimits.maximumSectionDepth) levels deep at character \(tagStart + 1) ('\(String(text[tagStart..<i]))'); a caption needs a few levels"
        }
        let times = sigil == "#" ? max(bounds.repetitions(of: Self.stripped(name)), 1) : 1
        repetitions.append(times)
        let (product, overflow) = multiplicity.multipliedReportingOverflow(by: times)
        guard !overflow && product <= CaptionLimits.maximumLength else { return tooLong }
        multiplicity = product
      case "/":
        i += 1
        guard name(Self.nameCharacters) != nil, let times = repetitions.popLast() else { return nil }
        multiplicity /= times
      case "!", "%":
        // A comment or a setting, to the first end delimiter.
        while i < text.count && !matches(end, at: i) { i += 1 }
        guard i < text.count else { return nil }
        i += end.count
      case "=":
        i += 1
        guard setDelimiters() else { return nil }
      case ">":
        i += 1
        guard name(Self.partialNameCharacters) != nil else { return nil }
      default:
        let isTriple = sigil == "{"
        if isTriple || sigil == "&" { i += 1 }
        guard let name = name(Self.nameCharacters) else { return nil }
        if isTriple {
          guard i < text.count, text[i] == "}" else { return nil }
          i += 1
        }
        if let problem = transforms(in: name, at: tagStart) { return problem }
        guard add(bounds.length(of: Self.stripped(name))) else { return tooLong }
      }
    }
    return nil
  }

  /// `{{=<% %>=}}`: the new delimiters, as swift-mustache reads them.
  mutating func setDelimiters() -> Bool {
    skipWhitespace()
    var from = i
    while i < text.count && !text[i].isWhitespace { i += 1 }
    let newStart = Array(text[from..<i])
    skipWhitespace()
    from = i
    while i < text.count && !text[i].isWhitespace && text[i] != "=" { i += 1 }
    let newEnd = Array(text[from..<i])
    skipWhitespace()
    guard i < text.count, text[i] == "=" else { return false }
    i += 1
    guard matches(end, at: i), !newStart.isEmpty, !newEnd.isEmpty else { return false }
    i += end.count
    (start, end) = (newStart, newEnd)
    return true
  }

  func transforms(in name: String, at tagStart: Int) -> String? {
    guard name.filter({ $0 == "(" }).count > CaptionLimits.maximumTransforms else { return nil }
    return
      "the caption applies more than \(CaptionLimits.maximumTransforms) transforms to one name at character \(tagStart + 1); apply a few"
  }

  /// `median` of `fixed1(median)`.
  static func stripped(_ name: String) -> String {
    guard let open = name.lastIndex(of: "(") else { return name }
    return String(name[name.index(after: open)...].prefix { $0 != ")" })
  }
}

extension Int {
  /// `100,000`: the number with a comma between groups of three digits.
  fileprivate var grouped: String {
    var text = String(self)
    var index = text.endIndex
    while text.distance(from: text.startIndex, to: index) > 3 {
      index = text.index(index, offsetBy: -3)
      text.insert(",", at: index)
    }
    return text
  }
}
