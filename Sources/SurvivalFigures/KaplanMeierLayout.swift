import FigureCore

/// The result of laying out a Kaplan–Meier figure: the scene to draw and the positions that
/// tests and lint check (plot area, scales, risk-table columns).
public struct KaplanMeierLayout: Sendable {
  public var scene: Scene
  /// The data area: x = 0 at `plotRect.minX`, the y axis's lowest value at `plotRect.maxY`.
  public var plotRect: Rect
  public var xScale: LinearScale
  public var yScale: LinearScale
  public var xBreaks: [Double]
  public var yBreaks: [Double]
  public var riskTable: RiskTableLayout?
  public var legendRect: Rect?
  /// The box of the inset; when it was split over several corners, the union of its parts.
  public var annotationRect: Rect?
  /// Where the legend went: a corner, `.top`, `.riskTable` or `.none`.
  public var legendPlacement: LegendPlacement
  /// Where the inset went; nil without annotations.
  public var annotationPosition: AnnotationPosition?
  /// Whether a legend placed in a corner the user chose covers a curve or its censoring marks
  /// (a corner chosen automatically never does).
  public var legendCoversCurves = false
  /// The margins around the plot area.
  public var margins: PlotMargins {
    PlotMargins(
      top: plotRect.minY, left: plotRect.minX, bottom: scene.size.height - plotRect.maxY,
      right: scene.size.width - plotRect.maxX)
  }

  /// The plot area keeps at least this share of the figure's height (but need not be taller
  /// than `maximumNeededWidthShare` of the figure's width): the layout compacts the legend,
  /// inset and risk table to keep it, and a figure that may grow grows.
  public static let minimumPlotShare = 0.45
  /// A plot area as tall as 0.6 of the figure's width is tall enough, whatever share of a
  /// figure with a long risk table that is: a plot filling about 4/5 of the width is then
  /// the usual 4:3 landscape.
  public static let maximumNeededWidthShare = 0.6
  /// Below this height (25 mm, or the minimum height of a smaller plot) a plot area cannot be
  /// read; callers refuse to draw such a figure.
  public static let readablePlotHeight = 25.millimetres
  /// Below this width (20 mm) a plot area cannot be read.
  public static let readablePlotWidth = 20.millimetres

  /// The height the plot area should have in this figure.
  public var minimumPlotHeight: Double { Self.minimumPlotHeight(in: scene.size) }

  /// The minimum share of the height of a figure of `size`, or 0.6 of its width when that is
  /// less.
  public static func minimumPlotHeight(in size: Size) -> Double {
    min(size.height * minimumPlotShare, size.width * maximumNeededWidthShare)
  }
  /// Whether the plot area got less than its minimum height.
  public var isCramped: Bool { plotRect.height < minimumPlotHeight - 1e-6 }
  /// Whether the plot area is too small to read (or could not be drawn at all).
  public var isUnreadable: Bool {
    plotRect.height < min(Self.readablePlotHeight, minimumPlotHeight) - 1e-6
      || plotRect.width < Self.readablePlotWidth - 1e-6
  }
  /// The smallest figure size at which the plot area gets its minimum height and a readable
  /// width; the scene's size when it already does.
  public var requiredSize: Size
}

/// Where the inset of annotations was placed.
public enum AnnotationPosition: String, Hashable, Sendable {
  /// Inside the plot, in one or more free corners.
  case inside
  case top
  case right
}

/// Where the risk table's cells went.
public struct RiskTableLayout: Hashable, Sendable {
  /// One column per time; `x` is the same device x as the time on the curve's axis.
  public struct Column: Hashable, Sendable {
    public var time: Double
    public var x: Double
  }
  public struct Row: Hashable, Sendable {
    /// The group the row belongs to.
    public var group: String
    /// What the row counts: "at risk", "censored" or "events".
    public var quantity: String
    /// Vertical centre of the row.
    public var y: Double
    /// The printed counts, one per column.
    public var counts: [Int]
  }
  public var columns: [Column]
  public var rows: [Row]
  public var rect: Rect
}
