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
    lines += manuscriptSections
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

extension TemplateReference {
  /// `numbers`, `tlf` and the files a build writes.
  static var manuscriptSections: [String] {
    var lines = [
      "", "## `numbers`", "",
      "Numbers of the build named for the manuscript. Each entry is `name: value` or `name: {value: …, quoted-after: …}`; a name is letters, digits and `_`, starting with a letter.",
      "",
      "A value is a figure or table id followed by steps: `.name` or `[name]` (a key; brackets for keys with spaces or dots), `[text]` on a list (the entry whose `label` or `code` is the text) or `[n]` (its n-th entry, from 1). A figure's values are its caption's (`ima-os-all.groups[All].median`, `ima-figure-3.panel.B.logrank.p_text`); a table's are its printed cells, `rows[<first cell>][<column header>]`, a level under its variable as `Variable/Level` and a column under a spanning header as `Spanning: Column` (`ima-table-3.rows[Immunotherapy/Yes][Multivariable: HR (95% CI)]`). A value may be wrapped in a number helper of captions: "
        + CaptionNumber.transforms.map { "`\($0)(…)`" }.joined(separator: ", ") + ".",
      "",
      "`quoted-after` is a phrase (or a list of phrases): the words a manuscript puts just before the number, for `survfig check-text`.",
      "", "| Key | Description |", "|---|---|",
      "| `value` | The value, as above. |",
      "| `quoted-after` | The words before each place the manuscript quotes the number (letter case and line breaks aside). |",
      "", "## `tlf`", "", "How the RTF outputs (tables, listings and figures) are set:", "", "| Key | Description |",
      "|---|---|",
    ]
    lines += TLFSettings.keyDescriptions.map { "| `\($0.key)` | \(ReferenceDocumentation.cell($0.description)) |" }
    lines += [
      "", "## Files a build writes", "", "| File | What it holds |", "|---|---|",
      "| `<id>.pdf`, `.png`, `.svg`, `.eps` | Each figure in its `formats`. |",
      "| `<id>.csv`, `.md`, `.tex`, `.docx`, `.rtf` | Each table in its `formats`: CSV, Markdown, LaTeX (booktabs), a Word table, an RTF TLF page. |",
      "| `<id>.json` | Each figure's and table's sidecar: what is printed and the statistics behind it. |",
      "| `<template>.pdf` | The report: every figure with its caption, then every table. |",
      "| `<template>.docx` | The same as a Word document: figures as PNG at their resolution, captions, Word tables. |",
      "| `<template>.rtf` | Every figure and table as RTF TLFs: each in its own section with its label and title as title lines, the population line and Page X of Y. |",
      "| `<template>-methods.md`, `-methods.tex`, `-methods.bib` | The statistical methods paragraph of the build, with numbered references (Markdown) or `\\cite` keys and their BibTeX entries. |",
      "| `<template>-numbers.tex`, `-numbers.json`, `-numbers.csv` | With `numbers`: LaTeX macros (`\\osMedianAll`, `\\survfignumber{os_median_all}`), JSON for Quarto, Pandoc and R Markdown (`numbers`, `values`, `sources`, `quoted_after`), CSV. |",
      "| `--depfile` | The make dependencies of every file. |",
    ]
    return lines
  }
}
