import FigureCore

/// Device-space geometry of one step curve: the polyline, its confidence band, censoring marks,
/// and the axis-aligned pieces used to keep insets off the curve.
struct StepCurveGeometry {
  /// Vertices of the right-continuous step function.
  var points: [Point] = []
  /// Closed outline of the confidence band (empty when not drawn).
  var band: [Point] = []
  /// Centres of censoring marks.
  var censorMarks: [Point] = []
  /// Rectangles covering the band, one per step, for collision tests.
  var bandBoxes: [Rect] = []

  /// Steps closer than this in x are merged into one vertical drop: invisible at any print
  /// resolution, and it bounds the path length for very large samples.
  static let mergeDistance = 0.05

  init(
    curve: KaplanMeierCurveData, x: LinearScale, y: LinearScale, xEnd: Double,
    withBand: Bool, withCensorMarks: Bool
  ) {
    let lastTime = min(curve.lastTime, xEnd)
    var value = curve.initialValue
    points.append(Point(x: x.map(0), y: y.map(value)))
    for row in curve.rows where row.time <= xEnd && row.value != value {
      let px = x.map(row.time)
      let py = y.map(row.value)
      let n = points.count
      if n >= 2, px - points[n - 1].x < Self.mergeDistance, points[n - 2].x == points[n - 1].x {
        points[n - 1].y = py
      } else {
        points.append(Point(x: px, y: points[n - 1].y))
        points.append(Point(x: px, y: py))
      }
      value = row.value
    }
    let endX = x.map(lastTime)
    if let last = points.last, endX > last.x { points.append(Point(x: endX, y: last.y)) }

    if withCensorMarks {
      var lastMark: Point?
      var current = curve.initialValue
      for row in curve.rows where row.time <= xEnd {
        current = row.value
        guard row.censored > 0 else { continue }
        let p = Point(x: x.map(row.time), y: y.map(current))
        if let m = lastMark, abs(m.x - p.x) < 0.3, abs(m.y - p.y) < 0.3 { continue }
        censorMarks.append(p)
        lastMark = p
      }
    }
    if withBand { buildBand(curve: curve, x: x, y: y, xEnd: xEnd, lastTime: lastTime) }
  }

  /// The band follows the pointwise limits step by step from time 0 until the first time the
  /// limits are not estimable (nil), where it stops, as R's plots do.
  private mutating func buildBand(
    curve: KaplanMeierCurveData, x: LinearScale, y: LinearScale, xEnd: Double, lastTime: Double
  ) {
    // Intervals [start, end) with constant limits.
    var starts: [Double] = [0]
    var lows: [Double] = [curve.initialValue]
    var highs: [Double] = [curve.initialValue]
    for row in curve.rows where row.time <= xEnd {
      let isFlat = row.value == curve.initialValue
      guard let lo = row.lower ?? (isFlat ? row.value : nil),
        let hi = row.upper ?? (isFlat ? row.value : nil)
      else { break }
      if lo == lows.last && hi == highs.last { continue }
      starts.append(row.time)
      lows.append(lo)
      highs.append(hi)
    }
    var ends = Array(starts.dropFirst())
    ends.append(lastTime)
    var upperEdge: [Point] = []
    var lowerEdge: [Point] = []
    for i in starts.indices where ends[i] > starts[i] || i == starts.count - 1 {
      let x0 = x.map(starts[i])
      let x1 = x.map(max(ends[i], starts[i]))
      let yHi = y.map(highs[i])
      let yLo = y.map(lows[i])
      upperEdge += [Point(x: x0, y: yHi), Point(x: x1, y: yHi)]
      lowerEdge += [Point(x: x0, y: yLo), Point(x: x1, y: yLo)]
      if x1 > x0 { bandBoxes.append(Rect(corner: Point(x: x0, y: yHi), Point(x: x1, y: yLo))) }
    }
    band = upperEdge + lowerEdge.reversed()
  }

  /// Rectangles covering the area under the curve down to `bottom`, one per step.
  func areaBoxes(down bottom: Double) -> [Rect] {
    zip(points, points.dropFirst()).compactMap { a, b in
      a.y == b.y && b.x > a.x ? Rect(corner: a, Point(x: b.x, y: bottom)) : nil
    }
  }

  /// Whether `rect` touches the curve, its band or its marks.
  func intersects(_ rect: Rect, markRadius: Double) -> Bool {
    for i in points.indices.dropFirst() {
      let seg = Rect(corner: points[i - 1], points[i]).insetBy(dx: -0.5, dy: -0.5)
      if seg.intersects(rect) { return true }
    }
    if bandBoxes.contains(where: { $0.intersects(rect) }) { return true }
    return censorMarks.contains {
      Rect(x: $0.x - markRadius, y: $0.y - markRadius, width: 2 * markRadius, height: 2 * markRadius)
        .intersects(rect)
    }
  }
}
