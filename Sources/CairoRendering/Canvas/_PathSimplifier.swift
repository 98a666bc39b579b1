import FigureCore

/// Drops path vertices that change nothing visible: repeated points and points on a straight run.
///
/// A Kaplan–Meier curve of a large sample has many more vertices than an output can show
/// (1,000,000 steps reduce to about 4,000 at 0.05 pt). Fewer vertices keep PDF, SVG and EPS
/// small and bound the time to rasterise.
///
/// Implementation goals, in order of priority:
/// 1. Never move the drawn geometry by more than `tolerance` (a dropped vertex lies within
///    `tolerance` of the line from the run's first point along its initial direction, and the
///    kept end of the run too, so it is within 2 × `tolerance` of the kept segment).
/// 2. Keep every turn, reversal and spike: a vertex is only dropped if the run keeps going
///    forward.
/// 3. One pass, O(n), and no work at all for short paths.
enum _PathSimplifier {
  /// 0.01 pt = 3.5 µm, a twentieth of a pixel at 1200 dpi.
  static let tolerance = 0.01
  /// Paths with at most this many elements are returned unchanged.
  static let minimumElementCount = 64

  static func simplified(_ path: Path) -> Path {
    guard path.elements.count > minimumElementCount else { return path }
    var result: [Path.Element] = []
    result.reserveCapacity(path.elements.count)
    var run = Run()
    for element in path.elements {
      switch element {
      case .line(let p) where run.isActive:
        run.add(p, flushingTo: &result)
      case .move(let p):
        run.flush(to: &result)
        result.append(element)
        run = Run(anchor: p)
      default:
        run.flush(to: &result)
        result.append(element)
        if case .curve(_, _, let p) = element { run = Run(anchor: p) } else { run = Run() }
      }
    }
    run.flush(to: &result)
    return Path(elements: result)
  }

  /// The straight run being collected: from `anchor` (already emitted) towards `pending`.
  private struct Run {
    var isActive = false
    var anchor = Point.zero
    var direction: (x: Double, y: Double)?
    var pending: Point?
    var pendingAlong = 0.0

    init() {}
    init(anchor: Point) {
      isActive = true
      self.anchor = anchor
    }

    mutating func add(_ p: Point, flushingTo result: inout [Path.Element]) {
      let last = pending ?? anchor
      let step = (x: p.x - last.x, y: p.y - last.y)
      if step.x * step.x + step.y * step.y <= tolerance * tolerance * 0.25 { return }
      if let d = direction {
        let v = (x: p.x - anchor.x, y: p.y - anchor.y)
        let along = v.x * d.x + v.y * d.y
        let across = abs(v.x * d.y - v.y * d.x)
        if across <= tolerance && along >= pendingAlong {
          pending = p
          pendingAlong = along
          return
        }
        if let kept = pending {
          result.append(.line(kept))
          anchor = kept
        }
      }
      let v = (x: p.x - anchor.x, y: p.y - anchor.y)
      let length = (v.x * v.x + v.y * v.y).squareRoot()
      direction = (v.x / length, v.y / length)
      pending = p
      pendingAlong = length
    }

    mutating func flush(to result: inout [Path.Element]) {
      if isActive, let pending { result.append(.line(pending)) }
      self = Run()
    }
  }
}
