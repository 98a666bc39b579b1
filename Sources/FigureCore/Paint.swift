/// How a filled area is painted.
public enum Paint: Hashable, Sendable {
  case solid(Color)
  case pattern(FillPattern)
}

/// A vector fill pattern for areas that must stay distinguishable in grayscale print.
///
/// Backends draw patterns as repeating vector tiles (PDF/SVG pattern objects), so they stay
/// crisp at every zoom level and resolution. The tile is anchored at the page origin, so
/// adjacent areas with the same pattern line up.
public struct FillPattern: Hashable, Sendable {
  /// The motif repeated over the area.
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    /// Parallel lines at 45° rising to the right.
    case hatch
    /// Parallel lines at 45° falling to the right.
    case backHatch
    /// Both diagonals, a coarse grid.
    case crossHatch
    /// Horizontal lines.
    case horizontal
    /// A regular grid of dots.
    case dots
  }

  public var kind: Kind
  public var foreground: Color
  /// The colour under the motif; nil leaves the area transparent between the lines.
  public var background: Color?
  /// Distance between neighbouring lines or dots, in points.
  public var spacing: Double
  /// Line width, or dot diameter, in points.
  public var lineWidth: Double

  public init(
    kind: Kind, foreground: Color, background: Color? = .white, spacing: Double = 3,
    lineWidth: Double = 0.6
  ) {
    self.kind = kind
    self.foreground = foreground
    self.background = background
    self.spacing = spacing
    self.lineWidth = lineWidth
  }
}

/// How a path's outline is drawn.
public struct StrokeStyle: Hashable, Sendable {
  public enum LineCap: Hashable, Sendable { case butt, round, square }
  public enum LineJoin: Hashable, Sendable { case miter, round, bevel }

  public var color: Color
  /// Line width in points.
  public var width: Double
  /// Alternating on/off lengths in points; empty for a solid line.
  public var dash: [Double]
  public var cap: LineCap
  public var join: LineJoin

  public init(
    color: Color, width: Double, dash: [Double] = [], cap: LineCap = .butt,
    join: LineJoin = .miter
  ) {
    self.color = color
    self.width = width
    self.dash = dash
    self.cap = cap
    self.join = join
  }
}
