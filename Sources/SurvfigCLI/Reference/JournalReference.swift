import Analyses
import FigureCore

/// The journal reference: what `--journal` and a style's `journal:` set for each journal, and
/// where each value comes from.
enum JournalReference {
  static var page: String {
    var lines = [
      ReferenceDocumentation.notice, "", "# Journal presets", "",
      "`--journal <name>` on the command line, or `journal: <name>` (or `style: <name>`) in a template's style, sets a figure's width (the single column; `width: one-and-a-half` or `width: double` for the others), typeface, type sizes, the width of its data lines, the resolution of TIFF and PNG files, SVG text and, in templates, the formats figures are written in beside the report's PDF. Options given beside the journal change its values. Figure lint then reports type below the journal's minimum and a figure taller than it prints, as errors unless lint is allowed.",
      "",
      "Values come from each journal's instructions to authors, named below with what they state. Where a journal states nothing, the value is survfig's choice and the notes say so. Journals revise their instructions: check them before submitting.",
      "",
      "| Journal | Widths (mm): single, 1.5, double | Tallest (mm) | Type | Base / smallest (pt) | Lines (pt) | Formats | dpi |",
      "|---|---|---|---|---|---|---|---|",
    ]
    for journal in Journal.all {
      let widths = [journal.singleColumn, journal.oneAndHalfColumn, journal.doubleColumn].map {
        $0.map(number) ?? "—"
      }
      lines.append(
        "| `\(journal.name)` (\(journal.title)) | \(widths.joined(separator: ", ")) | \(journal.maximumHeight.map(number) ?? "—") | \(journal.fontFamily == .sans ? "sans (Liberation Sans, as Arial/Helvetica)" : "serif (Liberation Serif, as Times)") | \(number(journal.fontSize)) / \(number(journal.minimumFontSize)) | \(number(journal.lineWidth)) | \(journal.formats.map(\.rawValue).joined(separator: ", ")) | \(number(journal.dpi)) |"
      )
    }
    for journal in Journal.all {
      lines += ["", "## \(journal.title) (`\(journal.name)`)", "", "Source: <\(journal.source)>", "", journal.notes]
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func number(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}
