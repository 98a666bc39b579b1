import FigureCore
import Foundation

/// One line of a forest plot: a variable header, an estimate with its interval, a reference
/// level, or a summary (drawn as a diamond).
public struct ForestRow: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// A bold variable name; `note` may carry its overall P value text.
    case header
    /// Estimates, one per series.
    case estimate
    /// The reference level of a factor ("Reference" in the estimate column).
    case reference
    /// A pooled estimate drawn as a diamond (the overall hazard ratio of a subgroup plot).
    case summary
  }

  /// An estimate with its interval and P value.
  public struct Estimate: Hashable, Sendable {
    public var value: Double
    public var lower: Double
    public var upper: Double
    public var p: Double?
    /// Relative size of the square (events or inverse variance); nil for the default size.
    public var weight: Double?
    public init(value: Double, lower: Double, upper: Double, p: Double? = nil, weight: Double? = nil) {
      self.value = value
      self.lower = lower
      self.upper = upper
      self.p = p
      self.weight = weight
    }
  }

  public var kind: Kind
  public var label: String
  /// Indentation level (levels under their variable: 1).
  public var indent: Int
  /// Texts of the extra columns (e.g. "n", "events"), one per `ForestPlotOptions.extraColumns`.
  public var cells: [String]
  /// One estimate per series; nil where a series has no estimate for this row.
  public var estimates: [Estimate?]
  /// P values shown on a header row, one per series (the overall test of a factor in each
  /// model, or an interaction test); nil where a series has none.
  public var headerPValues: [Double?]
  /// Text in the estimate column where there is no estimate ("Reference" by default on
  /// reference rows; "NE" where a model could not estimate the ratio).
  public var note: String?
  /// Per series, text replacing `note` where that series has no estimate; an empty string
  /// leaves the cell empty (a term that is not in that model). Series beyond the array use
  /// `note`.
  public var seriesNotes: [String?]

  /// The header P of the last series that has one (the multivariable model's overall P).
  public var headerP: Double? { headerPValues.last { $0 != nil } ?? nil }

  /// Creates a row; `headerP` is the header P of a single series, `headerPValues` one per
  /// series.
  public init(
    kind: Kind, label: String, indent: Int = 0, cells: [String] = [], estimates: [Estimate?] = [],
    headerP: Double? = nil, headerPValues: [Double?]? = nil, note: String? = nil,
    seriesNotes: [String?] = []
  ) {
    self.note = note
    self.kind = kind
    self.label = label
    self.indent = indent
    self.cells = cells
    self.estimates = estimates
    self.headerPValues = headerPValues ?? (headerP.map { [$0] } ?? [])
    self.seriesNotes = seriesNotes
  }

  /// The text where series `s` has no estimate: its series note, else `note`.
  public func note(forSeries s: Int) -> String? {
    seriesNotes.indices.contains(s) ? seriesNotes[s] ?? note : note
  }

  /// The header P of series `s`.
  public func headerP(forSeries s: Int) -> Double? {
    headerPValues.indices.contains(s) ? headerPValues[s] : nil
  }
}

/// Everything about a forest plot that is not data.
public struct ForestPlotOptions: Hashable, Sendable {
  /// Width in points; the height follows from the rows unless `height` is given.
  public var width: Double
  public var height: Double?
  public var theme: FigureTheme?
  public var title: StyledText?
  /// Title of the label column.
  public var labelTitle: String
  /// Titles of the extra text columns (e.g. "n", "Events"); a "\n" breaks a title into lines.
  public var extraColumns: [String]
  /// The lines of the P columns' title (default an italic "P"; "P for interaction" in two
  /// lines for a subgroup analysis).
  public var pTitle: [StyledText]
  /// Names of the series (e.g. "Univariable", "Multivariable"); one name shows no series header.
  public var seriesNames: [String]
  /// Title of each series' estimate column.
  public var estimateTitle: String
  public var xTitle: String
  /// Labels under the axis, left and right of the line of no effect ("Favours A", "Favours B").
  public var favours: (left: String, right: String)?
  /// Explicit axis ticks; nil chooses round ratios.
  public var xBreaks: [Double]?
  /// Decimals of estimates.
  public var decimals: Int
  /// Width of the confidence-interval lines in points; nil: 0.9 × the theme's curve width.
  public var lineWidth: Double?

  public init(
    width: Double = 170.millimetres, height: Double? = nil, theme: FigureTheme? = nil,
    title: StyledText? = nil, labelTitle: String = "Variable", extraColumns: [String] = [],
    seriesNames: [String] = [""], estimateTitle: String = "HR (95% CI)",
    xTitle: String = "Hazard ratio", favours: (left: String, right: String)? = nil,
    xBreaks: [Double]? = nil, decimals: Int = 2, pTitle: [StyledText] = [.italic("P")]
  ) {
    self.pTitle = pTitle
    self.width = width
    self.height = height
    self.theme = theme
    self.title = title
    self.labelTitle = labelTitle
    self.extraColumns = extraColumns
    self.seriesNames = seriesNames
    self.estimateTitle = estimateTitle
    self.xTitle = xTitle
    self.favours = favours
    self.xBreaks = xBreaks
    self.decimals = decimals
  }

  public static func == (a: Self, b: Self) -> Bool {
    a.width == b.width && a.height == b.height && a.theme == b.theme && a.title == b.title
      && a.labelTitle == b.labelTitle && a.extraColumns == b.extraColumns
      && a.seriesNames == b.seriesNames && a.estimateTitle == b.estimateTitle
      && a.xTitle == b.xTitle && a.favours?.left == b.favours?.left
      && a.favours?.right == b.favours?.right && a.xBreaks == b.xBreaks && a.decimals == b.decimals
      && a.pTitle == b.pTitle && a.lineWidth == b.lineWidth
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(width)
    hasher.combine(labelTitle)
    hasher.combine(seriesNames)
  }
}

/// A forest plot: rows of estimates with confidence intervals on a log axis, with aligned text
/// columns for labels, counts, "HR (95% CI)" and P values.
public struct ForestPlot: Hashable, Sendable {
  public var rows: [ForestRow]
  public var options: ForestPlotOptions
  public init(rows: [ForestRow], options: ForestPlotOptions = .init()) {
    self.rows = rows
    self.options = options
  }
}

extension ForestPlot {
  /// What a row shows in each series' estimate and P columns, as drawn: the estimate with its
  /// interval ("1.45 (0.98–2.13)"), "Reference", "NE" or nothing, and its P value, or on a
  /// header line the overall P of the variable.
  public func seriesTexts(_ row: ForestRow) -> [(estimate: String, p: String)] {
    (0..<max(1, options.seriesNames.count)).map { s in
      if row.kind == .reference { return (row.note(forSeries: s) ?? "Reference", "") }
      if row.kind == .header { return ("", row.headerP(forSeries: s).map { JournalFormat.pValue($0) } ?? "") }
      guard row.estimates.indices.contains(s), let e = row.estimates[s] else {
        return (row.note(forSeries: s) ?? "", "")
      }
      return (
        JournalFormat.estimate(e.value, lower: e.lower, upper: e.upper, decimals: options.decimals),
        e.p.map { JournalFormat.pValue($0) } ?? ""
      )
    }
  }
}

/// Where the parts of a laid-out forest plot went, for tests and lint.
public struct ForestLayout: Sendable {
  public var scene: Scene
  /// The plot panel (the axis spans its width).
  public var plotRect: Rect
  public var xScale: LogScale
  public var xBreaks: [Double]
  /// The vertical centre of each row.
  public var rowCentres: [Double]
  /// Left edge of each text column, in order: label, extra columns, then per series estimate
  /// and P.
  public var columnEdges: [Double]
  /// Each row's label as printed, broken into lines to fit the label column.
  public var labelLines: [[String]] = []
  /// Whether the text columns, labels wrapped, leave the plot panel its minimum share of the
  /// width; when false the panel is squeezed and the last columns leave the page.
  public var fitsWidth = true
  /// The smallest height that holds everything, the rows one line apart; a given height below
  /// it leaves the lower rows and the axis off the page.
  public var requiredHeight: Double
  /// The width the text columns and the narrowest plot panel need; more than the plot's width
  /// when the text does not fit even at the smallest type.
  public var requiredWidth: Double
}

/// A logarithmic scale from `domain` to device coordinates.
public struct LogScale: Hashable, Sendable {
  public var domain: ClosedRange<Double>
  public var range: (Double, Double)
  public init(domain: ClosedRange<Double>, range: (Double, Double)) {
    self.domain = domain
    self.range = range
  }
  public func map(_ v: Double) -> Double {
    let a = log(domain.lowerBound)
    let b = log(domain.upperBound)
    return range.0 + (log(v) - a) / (b - a) * (range.1 - range.0)
  }
  public static func == (x: Self, y: Self) -> Bool { x.domain == y.domain && x.range == y.range }
  public func hash(into hasher: inout Hasher) { hasher.combine(domain.lowerBound) }
}
