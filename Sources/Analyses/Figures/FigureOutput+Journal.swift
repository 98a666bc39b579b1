import FigureCore
import OptionSchema

extension FigureOutput {
  /// The output with `journal`'s specification as its defaults: the single-column width, the
  /// journal's typeface, type sizes, line weight, resolution and SVG text.
  public mutating func apply(_ journal: Journal) {
    self.journal = journal
    widthMillimetres = journal.singleColumn
    fontFamily = journal.fontFamily
    fontSize = journal.fontSize
    minimumFontSize = journal.minimumFontSize
    lineWidth = journal.lineWidth
    dpi = journal.dpi
    svgText = journal.svgText
  }

  /// The `journal` option. Declared before the size and type options, so that those given
  /// beside it change the journal's values rather than being replaced by them.
  static func journalDeclaration<Request>(
    _ path: WritableKeyPath<Request, FigureOutput> & Sendable
  ) -> OptionDeclaration<Request> {
    OptionDeclaration(
      "journal", section: .output,
      summary:
        "Figure specification of a journal's instructions to authors: width (single column unless width says otherwise), typeface, type sizes, line weight, resolution (Documentation/reference/journals.md).",
      valueDescription: "one of " + Journal.names.joined(separator: ", "),
      valueName: Journal.names.joined(separator: "|"),
      example: "journal: nature"
    ) { value, name, request throws(OptionError) in
      let chosen = try value.choice(name, Journal.names)
      request[keyPath: path].apply(Journal.named(chosen)!)
    }.with(choices: Journal.names)
  }

  /// A width: millimetres, or a column of `journal` by name.
  static func width(_ value: OptionValue, _ name: String, journal: Journal?) throws(OptionError) -> Double {
    let columns = Journal.Column.allCases.map(\.rawValue)
    guard case .text(let text) = value.content,
      let column = Journal.Column(rawValue: text.trimmingCharacters(in: .whitespaces))
    else {
      return try value.number(
        name, in: sizeRange, what: "a size in millimetres or a journal's column (\(columns.joined(separator: ", ")))")
    }
    guard let journal else {
      throw OptionError(
        "\(name) '\(column.rawValue)' names a journal's column: give the journal (\(Journal.names.joined(separator: ", "))) or the width in millimetres",
        at: value.origin)
    }
    guard let millimetres = journal.width(column) else {
      let published = Journal.Column.allCases.filter { journal.width($0) != nil }.map(\.rawValue)
      throw OptionError(
        "\(journal.title) publishes no \(column.rawValue)-column width; use \(published.joined(separator: " or ")) or a width in millimetres",
        at: value.origin)
    }
    return millimetres
  }
}
