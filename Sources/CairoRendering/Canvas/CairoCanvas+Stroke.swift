internal import CCairo
import FigureCore

extension CairoCanvas {
  /// Open polylines with more segments than this are stroked in pieces when rasterising:
  /// Cairo's image stroker is superlinear in the length of one self-intersecting path
  /// (30,000 jagged points take 11 s in one piece, 0.6 s in pieces of 256).
  static let rasterChunkThreshold = 1024
  static let rasterChunkLength = 256

  /// Strokes `path`; a non-positive width draws nothing (PDF would draw a hairline).
  public func stroke(_ path: Path, style: StrokeStyle) {
    guard !path.isEmpty, style.width > 0, style.width.isFinite else { return }
    let simplified = _PathSimplifier.simplified(path)
    context.withSavedState {
      cairo_set_line_width(cr, style.width)
      cairo_set_line_cap(cr, Self.cairoCap(style.cap))
      cairo_set_line_join(cr, Self.cairoJoin(style.join))
      if !style.dash.isEmpty {
        style.dash.withUnsafeBufferPointer {
          cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0)
        }
        record("cairo_set_dash")
      }
      if target == .raster, let pieces = Self.pieces(of: simplified) {
        strokeInPieces(pieces, style: style)
      } else {
        setSource(style.color)
        append(simplified)
        cairo_stroke(cr)
      }
    }
    record("cairo_stroke")
  }

  /// Strokes consecutive overlapping pieces of one long open polyline.
  ///
  /// Each piece repeats the previous piece's last segment so the joins are drawn; the dash
  /// phase carries over; a translucent colour is applied to the whole as one group, so the
  /// overlaps do not darken.
  private func strokeInPieces(_ pieces: [[Point]], style: StrokeStyle) {
    let isTranslucent = style.color.alpha < 1
    if isTranslucent { cairo_push_group(cr) }
    setSource(style.color.withAlpha(1))
    var phase = 0.0
    for piece in pieces {
      if !style.dash.isEmpty {
        style.dash.withUnsafeBufferPointer {
          cairo_set_dash(cr, $0.baseAddress, Int32($0.count), phase)
        }
      }
      append(.polyline(piece))
      cairo_stroke(cr)
      // The next piece starts at this piece's second-to-last point.
      let a = piece[piece.count - 2]
      let b = piece[piece.count - 1]
      phase +=
        Self.length(of: piece)
        - ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
    }
    if isTranslucent {
      cairo_pop_group_to_source(cr)
      cairo_paint_with_alpha(cr, style.color.alpha)
    }
  }

  /// The overlapping pieces of `path` when it is a single long open polyline, else nil.
  static func pieces(of path: Path) -> [[Point]]? {
    let elements = path.elements
    guard elements.count > rasterChunkThreshold, case .move(let first) = elements[0] else {
      return nil
    }
    var points = [first]
    points.reserveCapacity(elements.count)
    for element in elements.dropFirst() {
      guard case .line(let p) = element else { return nil }
      points.append(p)
    }
    var pieces: [[Point]] = []
    var start = 0
    while start < points.count - 1 {
      let end = min(start + rasterChunkLength, points.count - 1)
      // Overlap by one segment: a piece after the first begins one point early.
      pieces.append(Array(points[max(0, start - 1)...end]))
      start = end
    }
    return pieces
  }

  private static func length(of points: [Point]) -> Double {
    zip(points, points.dropFirst()).reduce(0) { sum, pair in
      let dx = pair.1.x - pair.0.x
      let dy = pair.1.y - pair.0.y
      return sum + (dx * dx + dy * dy).squareRoot()
    }
  }

  static func cairoCap(_ cap: StrokeStyle.LineCap) -> cairo_line_cap_t {
    switch cap {
    case .butt: return CAIRO_LINE_CAP_BUTT
    case .round: return CAIRO_LINE_CAP_ROUND
    case .square: return CAIRO_LINE_CAP_SQUARE
    }
  }

  static func cairoJoin(_ join: StrokeStyle.LineJoin) -> cairo_line_join_t {
    switch join {
    case .miter: return CAIRO_LINE_JOIN_MITER
    case .round: return CAIRO_LINE_JOIN_ROUND
    case .bevel: return CAIRO_LINE_JOIN_BEVEL
    }
  }
}
