import Analyses
import FigureCore
import ManuscriptDocuments
import SurvivalFigures

/// A report table as the files of each table format, through one set of writers for both
/// front ends: a template's tables (`formats`) and the commands' `--out table.docx`.
///
/// - `csv`, `md`, `tex`: ``ReportTable/csv``, ``ReportTable/markdown``, ``ReportTable/latex``;
/// - `docx`: a Word document of the table (``WordDocument/table(_:fontFamily:fontSize:)``),
///   landscape when it fits no portrait page;
/// - `rtf`: an RTF TLF page (``RichTextDocument``) with `titles` as its title lines, the table
///   without its title, landscape when `autoOrientation` and it does not fit a portrait page.
public enum TableFiles {
  /// The bytes of `table` in `format`. `table.title` titles the Word table; `titles` are the
  /// RTF title lines.
  public static func bytes(
    _ table: ReportTable, as format: TableFormat, fontFamily: FontFamily, rtf settings: RichTextDocument.Settings,
    rtfTitles titles: [String], autoOrientation: Bool
  ) -> [UInt8] {
    switch format {
    case .csv: return Array(table.csv.utf8)
    case .md: return Array(table.markdown.utf8)
    case .tex: return Array(table.latex.utf8)
    case .docx: return WordDocument.table(table, fontFamily: WordDocument.fontName(fontFamily)).bytes
    case .rtf:
      var body = table
      body.title = nil
      let section = RichTextDocument.Section(titles: titles, blocks: [.table(body)])
      var settings = settings
      if autoOrientation {
        settings.isLandscape = !RichTextDocument(sections: [section], settings: settings).fitsPortrait
      }
      return RichTextDocument(sections: [section], settings: settings).bytes
    }
  }

  /// Checks that every path can be written (before any work, as figure files are).
  public static func check(_ paths: [String]) throws {
    try OutputStage.check(paths)
  }

  /// The files of `table` at every path, the extension choosing the format: the table titled
  /// `title` (in RTF, its title line), in `fontFamily` (Arial or Times New Roman in Word and
  /// RTF), the RTF page portrait unless the table is too wide.
  public static func files(_ table: ReportTable, title: String, to paths: [String], fontFamily: FontFamily)
    -> [(path: String, bytes: [UInt8])]
  {
    var titled = table
    titled.title = title
    var settings = RichTextDocument.Settings()
    settings.fontFamily = WordDocument.fontName(fontFamily)
    return paths.compactMap { path in
      TableFormat(path: path).map { format in
        (
          path,
          bytes(titled, as: format, fontFamily: fontFamily, rtf: settings, rtfTitles: [title], autoOrientation: true)
        )
      }
    }
  }

  /// Writes the ``files(_:title:to:fontFamily:)`` of `table`, all or none.
  public static func write(_ table: ReportTable, title: String, to paths: [String], fontFamily: FontFamily) throws {
    guard !paths.isEmpty else { return }
    var stage = OutputStage()
    for file in files(table, title: title, to: paths, fontFamily: fontFamily) { stage.add(file.bytes, to: file.path) }
    try stage.commit()
  }
}
