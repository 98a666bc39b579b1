/// Marker shapes for censoring ticks, swimmer events and forest-plot estimates.
public enum MarkerShape: String, Hashable, Sendable, CaseIterable {
  case circle, square, diamond, triangleUp, triangleDown, star, cross, plus
  /// A short vertical line, the usual censoring mark on a Kaplan–Meier curve.
  case verticalTick

  /// Whether the shape is drawn by stroking (lines) rather than filling (areas).
  public var isStroked: Bool {
    switch self {
    case .cross, .plus, .verticalTick: return true
    default: return false
    }
  }

  /// The marker's outline centred at `center`, `size` points across.
  public func path(center c: Point, size: Double) -> Path {
    let h = size / 2
    switch self {
    case .circle:
      return .circle(center: c, radius: h)
    case .square:
      let s = h * 0.886  // equal area with the circle
      return .rect(Rect(x: c.x - s, y: c.y - s, width: 2 * s, height: 2 * s))
    case .diamond:
      return .polygon([
        Point(x: c.x, y: c.y - h * 1.1), Point(x: c.x + h * 0.8, y: c.y),
        Point(x: c.x, y: c.y + h * 1.1), Point(x: c.x - h * 0.8, y: c.y),
      ])
    case .triangleUp, .triangleDown:
      let s: Double = self == .triangleUp ? 1 : -1
      return .polygon([
        Point(x: c.x, y: c.y - s * h * 1.1), Point(x: c.x + h, y: c.y + s * h * 0.75),
        Point(x: c.x - h, y: c.y + s * h * 0.75),
      ])
    case .star:
      var pts: [Point] = []
      for i in 0..<10 {
        let r = i.isMultiple(of: 2) ? h * 1.2 : h * 0.5
        let a = Double.pi / 2 + Double(i) * Double.pi / 5
        pts.append(Point(x: c.x + r * cos(a), y: c.y - r * sin(a)))
      }
      return .polygon(pts)
    case .cross:
      var p = Path.line(from: Point(x: c.x - h, y: c.y - h), to: Point(x: c.x + h, y: c.y + h))
      p.append(.line(from: Point(x: c.x - h, y: c.y + h), to: Point(x: c.x + h, y: c.y - h)))
      return p
    case .plus:
      var p = Path.line(from: Point(x: c.x - h, y: c.y), to: Point(x: c.x + h, y: c.y))
      p.append(.line(from: Point(x: c.x, y: c.y - h), to: Point(x: c.x, y: c.y + h)))
      return p
    case .verticalTick:
      return .line(from: Point(x: c.x, y: c.y - h), to: Point(x: c.x, y: c.y + h))
    }
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
