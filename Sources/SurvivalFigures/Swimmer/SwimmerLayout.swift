import FigureCore

/// The result of laying out a swimmer plot: the scene and the positions tests check.
public struct SwimmerLayout: Sendable {
  /// One drawn lane, top to bottom.
  public struct Lane: Hashable, Sendable {
    /// The index of the lane in ``SwimmerFigure/lanes``.
    public var index: Int
    public var id: String
    /// The label printed beside the lane: the identifier, or its number from the top.
    public var label: String
    public var group: Int
    /// The bar, from x(start) to x(end).
    public var bar: Rect
    /// Centres of the event markers, in the lane's event order: at their times, or side by
    /// side around them where markers would overlap (PD and death at one visit).
    public var markers: [Point]
  }

  public var scene: Scene
  /// The data area; the lanes fill it from top to bottom.
  public var plotRect: Rect
  public var xScale: LinearScale
  public var xBreaks: [Double]
  public var lanes: [Lane]
  /// The legend's labels in drawing order: groups, event kinds, then the ongoing and response
  /// entries when used.
  public var legendLabels: [String]
  public var legendRect: Rect?
  /// Whether the patient identifiers were printed.
  public var showsIdentifiers: Bool
  /// The smallest page height at which lanes keep ``SwimmerFigure/minimumLanePitch`` between
  /// them; a given height below it draws bars too thin to tell apart.
  public var requiredHeight: Double = 0
  /// Whether the page grew past ``SwimmerFigure/maximumNaturalHeight`` with its lanes at the
  /// minimum pitch (no height was given).
  public var exceedsNaturalHeight = false
}
