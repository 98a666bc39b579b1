/// A manuscript output of a full build besides the report PDF: the template's `documents` key
/// and `survfig build --documents` choose which a build writes.
///
/// ```yaml
/// documents: [docx, methods]   # or: none, all (the default), or "docx, rtf"
/// ```
public enum ManuscriptDocumentKind: String, Sendable, CaseIterable, Hashable {
  /// The report as a Word document, `<template>.docx`.
  case docx
  /// The report as RTF TLF sections, `<template>.rtf`.
  case rtf
  /// The methods paragraph and its references, `<template>-methods.md`, `.tex` and `.bib`.
  case methods
  /// The named numbers, `<template>-numbers.tex`, `.json` and `.csv` (when the template has
  /// `numbers`).
  case numbers

  /// The kinds `items` name: `all`, `none` (alone), or kinds; nil and the offending item when
  /// one is neither.
  public static func parse(_ items: [String]) -> Result<[ManuscriptDocumentKind], UnknownItem> {
    if items.count == 1, items[0].lowercased() == "none" { return .success([]) }
    if items.count == 1, items[0].lowercased() == "all" { return .success(allCases) }
    var kinds: [ManuscriptDocumentKind] = []
    for item in items {
      guard let kind = ManuscriptDocumentKind(rawValue: item.lowercased()) else { return .failure(UnknownItem(item)) }
      if !kinds.contains(kind) { kinds.append(kind) }
    }
    return .success(allCases.filter(kinds.contains))
  }

  /// An item that names no kind.
  public struct UnknownItem: Error, Sendable {
    public var item: String
    init(_ item: String) { self.item = item }
    /// "unknown document 'pdf'; use 'docx', 'rtf', 'methods' or 'numbers', or 'all' or 'none'".
    public var message: String {
      let names = allCases.map { "'\($0.rawValue)'" }
      return "unknown document '\(item)'; use " + names.dropLast().joined(separator: ", ") + " or " + names.last!
        + ", or 'all' or 'none'"
    }
  }
}
