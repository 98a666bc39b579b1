/// A vector path: a list of subpaths made of straight segments and cubic Bézier curves.
///
/// Shapes (rectangles, circles, markers, step curves, confidence ribbons) are all built as
/// paths, so a backend needs only "fill a path" and "stroke a path".
public struct Path: Hashable, Sendable {
  /// One drawing instruction of a path.
  public enum Element: Hashable, Sendable {
    case move(Point)
    case line(Point)
    /// A cubic Bézier curve through two control points to an end point.
    case curve(Point, Point, Point)
    case close
  }

  public private(set) var elements: [Element] = []

  public init() {}
  public init(elements: [Element]) { self.elements = elements }

  public var isEmpty: Bool { elements.isEmpty }

  public mutating func move(to p: Point) { elements.append(.move(p)) }
  public mutating func line(to p: Point) { elements.append(.line(p)) }
  public mutating func curve(to p: Point, control1: Point, control2: Point) {
    elements.append(.curve(control1, control2, p))
  }
  public mutating func close() { elements.append(.close) }
  public mutating func append(_ other: Path) { elements.append(contentsOf: other.elements) }

  /// A single straight segment.
  public static func line(from a: Point, to b: Point) -> Path {
    Path(elements: [.move(a), .line(b)])
  }

  /// An open polyline through the points (empty for fewer than two points).
  public static func polyline(_ points: [Point]) -> Path {
    guard let first = points.first, points.count > 1 else { return Path() }
    var path = Path()
    path.elements.reserveCapacity(points.count)
    path.move(to: first)
    for p in points.dropFirst() { path.line(to: p) }
    return path
  }

  /// A closed polygon through the points.
  public static func polygon(_ points: [Point]) -> Path {
    var path = polyline(points)
    if !path.isEmpty { path.close() }
    return path
  }

  public static func rect(_ r: Rect) -> Path {
    polygon([
      Point(x: r.minX, y: r.minY), Point(x: r.maxX, y: r.minY),
      Point(x: r.maxX, y: r.maxY), Point(x: r.minX, y: r.maxY),
    ])
  }

  /// A circle approximated by four cubic Béziers (radial error below 0.03 %).
  public static func circle(center c: Point, radius r: Double) -> Path {
    let k = 0.552_284_749_830_793_4 * r  // 4/3 (√2 − 1) r
    var p = Path()
    p.move(to: Point(x: c.x + r, y: c.y))
    p.curve(
      to: Point(x: c.x, y: c.y + r), control1: Point(x: c.x + r, y: c.y + k),
      control2: Point(x: c.x + k, y: c.y + r))
    p.curve(
      to: Point(x: c.x - r, y: c.y), control1: Point(x: c.x - k, y: c.y + r),
      control2: Point(x: c.x - r, y: c.y + k))
    p.curve(
      to: Point(x: c.x, y: c.y - r), control1: Point(x: c.x - r, y: c.y - k),
      control2: Point(x: c.x - k, y: c.y - r))
    p.curve(
      to: Point(x: c.x + r, y: c.y), control1: Point(x: c.x + k, y: c.y - r),
      control2: Point(x: c.x + r, y: c.y - k))
    p.close()
    return p
  }

  /// The bounding box of the path's points (control points included), or nil when empty.
  public var bounds: Rect? {
    var xs: [Double] = []
    var ys: [Double] = []
    for e in elements {
      switch e {
      case .move(let p), .line(let p):
        xs.append(p.x)
        ys.append(p.y)
      case .curve(let a, let b, let c):
        xs += [a.x, b.x, c.x]
        ys += [a.y, b.y, c.y]
      case .close: break
      }
    }
    guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else {
      return nil
    }
    return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
  }
}
