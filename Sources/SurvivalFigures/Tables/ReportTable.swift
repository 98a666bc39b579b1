import FigureCore

/// A table of a manuscript (characteristics, Cox models, survival summaries, response rates):
/// what it says, independent of how it is written (CSV, Markdown, LaTeX, a typeset page).
public struct ReportTable: Hashable, Sendable {
  public enum Alignment: String, Hashable, Sendable { case leading, center, trailing }

  public struct Column: Hashable, Sendable {
    /// The header as typeset: italic *P*, or plain text; a "\n" breaks it into lines.
    public var styledTitle: StyledText
    public var alignment: Alignment
    /// The header as plain text (CSV, sidecars).
    public var title: String { styledTitle.plainText }
    /// A column whose header is `title`, taken literally (data labels are never markup).
    public init(_ title: String, alignment: Alignment = .leading) {
      self.init(styled: StyledText(title), alignment: alignment)
    }
    /// A column with a styled header, e.g. `.italic("P")`.
    public init(styled title: StyledText, alignment: Alignment = .leading) {
      self.styledTitle = title
      self.alignment = alignment
    }

    /// The header's lines: its text between "\n"s, each keeping its styles.
    public var titleLines: [StyledText] {
      var lines: [[StyledText.Span]] = [[]]
      for span in styledTitle.spans {
        for (k, piece) in span.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
          if k > 0 { lines.append([]) }
          var part = span
          part.text = String(piece)
          lines[lines.count - 1].append(part)
        }
      }
      return lines.map { StyledText(spans: $0) }
    }
  }

  /// A header over several adjacent columns ("Univariable", "Multivariable").
  public struct SpanningHeader: Hashable, Sendable {
    public var title: String
    public var columns: Range<Int>
    public init(_ title: String, columns: Range<Int>) {
      self.title = title
      self.columns = columns
    }
  }

  public struct Row: Hashable, Sendable {
    /// One text per column; missing trailing cells are empty.
    public var cells: [String]
    /// Indentation of the first cell (levels under their variable: 1).
    public var indent: Int
    /// A row whose label (first cell) is bold: a variable name, a group, a summary.
    public var isBold: Bool
    public init(_ cells: [String], indent: Int = 0, isBold: Bool = false) {
      self.cells = cells
      self.indent = indent
      self.isBold = isBold
    }
  }

  public var title: String?
  public var columns: [Column]
  public var spanningHeaders: [SpanningHeader]
  public var rows: [Row]
  public var footnotes: [String]

  public init(
    title: String? = nil, columns: [Column], spanningHeaders: [SpanningHeader] = [], rows: [Row] = [],
    footnotes: [String] = []
  ) {
    self.title = title
    self.columns = columns
    self.spanningHeaders = spanningHeaders
    self.rows = rows
    self.footnotes = footnotes
  }

  /// The cell of `row` in `column`, empty when the row is short.
  public func cell(_ row: Row, _ column: Int) -> String {
    row.cells.indices.contains(column) ? row.cells[column] : ""
  }
}
