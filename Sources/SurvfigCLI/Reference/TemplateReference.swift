import Analyses
import OptionSchema
import ReportTemplates

/// The template reference: every key of a template, by where it goes.
enum TemplateReference {
  static var page: String {
    var lines = [
      ReferenceDocumentation.notice, "", "# Template keys", "",
      "A template (`survfig build report.yaml`) is YAML: named data files, a style, endpoints, and the figures and tables to build. Every figure and table key below is read through the same declarations as the command-line options of the same name, with the same checks and messages; a key the template does not know is an error listing the valid keys.",
      "", "## Top level", "", "| Key | Description |", "|---|---|",
    ]
    lines += ReportTemplate.rootKeyDescriptions.map {
      "| `\($0.key)` | \(ReferenceDocumentation.cell($0.description)) |"
    }
    lines += ["", "## `style`", "", "A preset name, or a mapping of these keys over a preset:", ""]
    lines += table(ReportStyle.options)
    lines += [
      "", "## `endpoints`", "",
      "An endpoint names the keys several figures and tables share; a figure or table with `endpoint: name` takes them, its own keys taking precedence. Its keys: "
        + ReportTemplate.endpointKeyNames.map { "`\($0)`" }.joined(separator: ", ") + ".",
      "", "## Keys of every figure and table", "", "| Key | Description |", "|---|---|",
    ]
    lines += FigureSpec.keyDescriptions.map { "| `\($0.key)` | \(ReferenceDocumentation.cell($0.description)) |" }
    for kind in FigureKinds.all {
      lines += ["", "## Figures: `type: \(kind.name)` (\(kind.noun))", ""]
      lines += kindTable(kind)
    }
    lines += [
      "", "## Figures: `type: panels`", "", "Sub-figures labelled A, B, … in a grid sharing one page size.", "",
      "| Key | Description |", "|---|---|",
    ]
    lines += FigureSpec.panelKeyDescriptions.map { "| `\($0.key)` | \(ReferenceDocumentation.cell($0.description)) |" }
    for kind in TableKinds.all {
      lines += ["", "## Tables: `type: \(kind.name)`", ""]
      lines += tableKindTable(kind)
    }
    lines += ["", "### Variables of a `characteristics` table", "", "Each item is a column name, or a mapping of:", ""]
    lines += table(CharacteristicsRequest.Variable.options)
    return lines.joined(separator: "\n") + "\n"
  }

  static func kindTable<Kind: FigureKind>(_ kind: Kind.Type) -> [String] { table(kind.options) }
  static func tableKindTable<Kind: TableKind>(_ kind: Kind.Type) -> [String] { table(kind.options) }

  /// A table of every template key of `options`.
  static func table<Request>(_ options: OptionTable<Request>) -> [String] {
    var lines = ["| Key | Value | Default | Description | Example |", "|---|---|---|---|---|"]
    for declaration in options.declarations where declaration.isInTemplates {
      let value = ReferenceDocumentation.value(declaration)
      lines.append(
        "| `\(declaration.key)` | \(ReferenceDocumentation.cell(value)) | \(ReferenceDocumentation.cell(ReferenceDocumentation.defaultText(declaration))) | \(ReferenceDocumentation.cell(declaration.summary)) | `\(ReferenceDocumentation.cell(declaration.example))` |"
      )
    }
    return lines
  }
}
