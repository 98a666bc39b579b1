internal import CCairo
import FigureCore

extension CairoCanvas {
  /// Fills `path` with a hatch or dot pattern anchored at the page origin: first the pattern's
  /// background colour, then the motif.
  func fill(_ path: Path, with pattern: FillPattern) {
    let area = _PathSimplifier.simplified(path)
    if let background = pattern.background {
      setSource(background)
      append(area)
      cairo_fill(cr)
    }
    switch target {
    case .vector:
      do {
        cairo_set_source(cr, try tile(for: pattern).pointer)
      } catch {
        record(error)
        return
      }
      append(area)
      cairo_fill(cr)
    case .raster:
      guard let bounds = area.bounds else { return }
      context.withSavedState {
        append(area)
        cairo_clip(cr)
        drawMotif(of: pattern, covering: bounds)
      }
    }
    record("cairo_fill")
  }

  /// The repeating vector tile for `pattern`, built once per canvas.
  ///
  /// Cairo rounds a recording surface's extents to whole units, so the tile is drawn
  /// `tileSide` units wide and the pattern matrix scales it to the period.
  private func tile(for pattern: FillPattern) throws(CairoError) -> _Pattern {
    if let cached = tiles[pattern] { return cached }
    let period = _PatternGeometry.period(of: pattern)
    let scale = Self.tileSide / period
    // Horizontal lines are cut at every tile edge, which some viewers show as faint seams;
    // a wide tile makes them rare.
    let across = pattern.kind == .horizontal ? 8.0 : 1.0
    let surface = try _Surface.recording(
      extents: Rect(x: 0, y: 0, width: Self.tileSide * across, height: Self.tileSide))
    let tileContext = try _DrawingContext(surface)
    cairo_scale(tileContext.pointer, scale, scale)
    let tileCanvas = CairoCanvas(context: tileContext, fonts: fonts, target: .vector)
    tileCanvas.drawMotif(
      of: pattern, covering: Rect(x: 0, y: 0, width: period * across, height: period))
    if let error = tileCanvas.firstError { throw error }
    let tile = try _Pattern(repeating: surface, scale: scale)
    tiles[pattern] = tile
    return tile
  }

  /// Side of a pattern tile in its own units.
  static let tileSide = 100.0

  /// Draws the pattern's lines or dots over `area` (plus a margin), in page coordinates.
  private func drawMotif(of pattern: FillPattern, covering area: Rect) {
    let motif = _PatternGeometry.motif(of: pattern, covering: area)
    setSource(pattern.foreground)
    append(motif)
    if pattern.kind == .dots {
      cairo_fill(cr)
    } else {
      cairo_set_line_width(cr, pattern.lineWidth)
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
      cairo_stroke(cr)
    }
  }
}

/// The geometry of the fill patterns, in page coordinates so that every area filled with the
/// same pattern lines up with every other.
///
/// Hatch lines are 45° lines `x + y = k·P` (hatch) or `y − x = k·P` (back hatch) with
/// `P = spacing·√2`, which puts neighbouring lines `spacing` apart; horizontal lines lie at
/// `y = (k + ½)·spacing`; dots at `((i + ½)·spacing, (j + ½)·spacing)`. The period `P`
/// (or `spacing`) is also the side of the repeating tile.
enum _PatternGeometry {
  static func period(of pattern: FillPattern) -> Double {
    switch pattern.kind {
    case .hatch, .backHatch, .crossHatch: return pattern.spacing * 2.0.squareRoot()
    case .horizontal, .dots: return pattern.spacing
    }
  }

  static func motif(of pattern: FillPattern, covering area: Rect) -> Path {
    let period = period(of: pattern)
    let margin = pattern.lineWidth + 1
    let a = area.insetBy(dx: -margin, dy: -margin)
    var path = Path()
    func lines(from c0: Double, to c1: Double, _ segment: (Double) -> (Point, Point)) {
      var k = (c0 / period).rounded(.down)
      while k * period <= c1 {
        let (p, q) = segment(k * period)
        path.move(to: p)
        path.line(to: q)
        k += 1
      }
    }
    let rising: (Double) -> (Point, Point) = { c in
      (Point(x: a.minX, y: c - a.minX), Point(x: a.maxX, y: c - a.maxX))
    }
    let falling: (Double) -> (Point, Point) = { c in
      (Point(x: a.minX, y: a.minX + c), Point(x: a.maxX, y: a.maxX + c))
    }
    switch pattern.kind {
    case .hatch:
      lines(from: a.minX + a.minY, to: a.maxX + a.maxY, rising)
    case .backHatch:
      lines(from: a.minY - a.maxX, to: a.maxY - a.minX, falling)
    case .crossHatch:
      lines(from: a.minX + a.minY, to: a.maxX + a.maxY, rising)
      lines(from: a.minY - a.maxX, to: a.maxY - a.minX, falling)
    case .horizontal:
      lines(from: a.minY - period / 2, to: a.maxY - period / 2) { c in
        (Point(x: a.minX, y: c + period / 2), Point(x: a.maxX, y: c + period / 2))
      }
    case .dots:
      let radius = pattern.lineWidth / 2
      var j = (a.minY / period).rounded(.down)
      while j * period <= a.maxY {
        var i = (a.minX / period).rounded(.down)
        while i * period <= a.maxX {
          let center = Point(x: (i + 0.5) * period, y: (j + 0.5) * period)
          path.append(.circle(center: center, radius: radius))
          i += 1
        }
        j += 1
      }
    }
    return path
  }
}
