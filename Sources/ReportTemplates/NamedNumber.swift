import Analyses

/// A number of a build named for the manuscript (the template key `numbers`): where it comes
/// from in a figure's caption values or a table's printed cells, and the words a manuscript
/// puts before it, so that `survfig check-text` can find where the text quotes it.
///
/// ```yaml
/// numbers:
///   os_median_all: ima-os-all.groups[All].median
///   os_p_immuno: ima-figure-3.panel.B.logrank.p_text
///   hr_immuno: "ima-table-3.rows[Immunotherapy/Yes][Multivariable: HR (95% CI)]"
///   median_fixed2: fixed2(ima-os-all.groups[1].median)
///   os_median_no_immuno:
///     value: ima-figure-3.panel.B.group.no.median
///     quoted-after: [non-immunotherapy interventions (median]
/// ```
///
/// A value is `<figure or table id>` followed by steps: `.name` or `[name]` (a key; brackets
/// for keys with spaces or dots), `[text]` on a list (the entry whose `label` or `code` is
/// the text) or `[n]` (its n-th entry, from 1). It may be wrapped in a number helper of
/// captions (`fixed0` … `fixed3`, `percent0` … `percent2`, `pvalue`).
public struct NamedNumber: Sendable, Hashable {
  /// One step of a value's path.
  public enum Step: Sendable, Hashable {
    /// `.name` or `[name]`: a key of a mapping, or a list entry by label, code or position.
    case key(String)
  }

  /// `[A-Za-z][A-Za-z0-9_]*`, as macro and metadata names can be.
  public var name: String
  /// The figure or table id.
  public var id: String
  public var steps: [Step]
  /// A number helper applied to the value (`fixed2`), nil for the caption's text.
  public var helper: String?
  /// The value as written in the template.
  public var source: String
  /// The words a manuscript puts before the number (`quoted-after`).
  public var quotedAfter: [String]
  /// Where the value is, for messages.
  public var position: TemplateKeyPosition

  static let keys = ["value", "quoted-after"]

  /// Reads `numbers` once the ids of the template's figures and tables are known.
  static func parse(_ node: TemplateNode, ids: [String]) throws(TemplateError) -> [NamedNumber] {
    var numbers: [NamedNumber] = []
    for (name, value) in try node.entries() {
      guard let first = name.first, first.isASCII && first.isLetter,
        name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
      else {
        throw value.error(
          "the name '\(name)' is not a name of letters, digits and '_' starting with a letter; LaTeX macros and metadata keys are made from it"
        )
      }
      var sourceNode = value
      var quotedAfter: [String] = []
      if (try? value.uncheckedMapping()) != nil {
        let m = try value.mapping(allowing: keys)
        sourceNode = try m.required("value")
        quotedAfter =
          try m["quoted-after"].map { n throws(TemplateError) in
            if let list = try? n.list() { return try list.map { item throws(TemplateError) in try item.string() } }
            return [try n.string()]
          } ?? []
        if let empty = quotedAfter.first(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
          throw (m["quoted-after"] ?? value).error(
            "a 'quoted-after' phrase is empty ('\(empty)'); write the words before the number")
        }
      }
      let source = try sourceNode.string()
      let (id, steps, helper) = try parsePath(source, ids: ids, node: sourceNode)
      numbers.append(
        NamedNumber(
          name: name, id: id, steps: steps, helper: helper, source: source, quotedAfter: quotedAfter,
          position: sourceNode.position))
    }
    return numbers
  }

  /// `helper(id.step[step]…)` split into its parts.
  static func parsePath(_ text: String, ids: [String], node: TemplateNode) throws(TemplateError) -> (
    String, [Step], String?
  ) {
    var path = Substring(text.trimmingCharacters(in: .whitespaces))
    var helper: String?
    if let open = path.firstIndex(of: "("), path.hasSuffix(")") {
      let name = String(path[..<open])
      guard CaptionNumber.transforms.contains(name) else {
        throw node.error(
          "unknown number helper '\(name)'; use one of \(CaptionNumber.transforms.map { "'\($0)'" }.joined(separator: ", "))"
        )
      }
      helper = name
      path = path[path.index(after: open)..<path.index(before: path.endIndex)]
    }
    // The longest id that the path starts with, followed by a step or nothing.
    let id = ids.filter { id in
      path.hasPrefix(id) && (path.count == id.count || [".", "["].contains(path.dropFirst(id.count).first!))
    }.max { $0.count < $1.count }
    guard let id else {
      let head = String(path.prefix { $0 != "." && $0 != "[" })
      throw node.error(FigureSpec.unknown("figure or table id", head, among: ids) + "; a number is '<id>.<name>…'")
    }
    var steps: [Step] = []
    var rest = path.dropFirst(id.count)
    while let first = rest.first {
      if first == "." {
        rest = rest.dropFirst()
        let name = rest.prefix { $0 != "." && $0 != "[" }
        guard !name.isEmpty else { throw node.error("an empty name after '.' in '\(text)'") }
        steps.append(.key(String(name)))
        rest = rest.dropFirst(name.count)
      } else if first == "[" {
        guard let close = rest.firstIndex(of: "]") else { throw node.error("a '[' is not closed by ']' in '\(text)'") }
        let key = rest[rest.index(after: rest.startIndex)..<close]
        guard !key.isEmpty else { throw node.error("empty brackets '[]' in '\(text)'; write a key, label or position") }
        steps.append(.key(String(key)))
        rest = rest[rest.index(after: close)...]
      } else {
        throw node.error("expected '.' or '[' after '\(text.dropLast(rest.count))' in '\(text)', found '\(first)'")
      }
    }
    guard !steps.isEmpty else {
      throw node.error("'\(text)' names the whole of '\(id)'; name one of its values, such as '\(id).n'")
    }
    return (id, steps, helper)
  }
}
