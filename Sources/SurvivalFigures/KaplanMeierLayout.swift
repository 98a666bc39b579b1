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
  public var annotationRect: Rect?
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
