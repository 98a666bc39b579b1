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
    if usesTilingPatterns {
      do {
        cairo_set_source(cr, try tile(for: pattern).pointer)
      } catch {
        record(error)
        return
      }
      append(area)
      cairo_fill(cr)
    } else if let bounds = area.bounds {
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
    // Horizontal lines are cut at every tile edge; a wide tile makes such cuts rare.
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

  /// Strokes the pattern's lines, or rows of dots, over `area` in page coordinates.
  private func drawMotif(of pattern: FillPattern, covering area: Rect) {
    context.withSavedState {
      setSource(pattern.foreground)
      append(_PatternGeometry.motif(of: pattern, covering: area))
      cairo_set_line_width(cr, pattern.lineWidth)
      if pattern.kind == .dots {
        // Zero-length dashes with round caps: one dot per period along each row.
        var dash = [0, _PatternGeometry.period(of: pattern)]
        cairo_set_dash(cr, &dash, 2, 0)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
      } else {
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
      }
      cairo_stroke(cr)
    }
    record("cairo_stroke")
  }
}

/// The geometry of the fill patterns, in page coordinates so that every area filled with the
/// same pattern lines up with every other.
///
/// Hatch lines are 45° lines `x + y = k·P` (hatch) or `y − x = k·P` (back hatch) with
/// `P = spacing·√2`, which puts neighbouring lines `spacing` apart; horizontal lines lie at
/// `y = (k + ½)·spacing`; dots at `((i + ½)·spacing, (j + ½)·spacing)`, drawn as rows. The
/// period `P` (or `spacing`) is also the side of a repeating tile.
enum _PatternGeometry {
  static func period(of pattern: FillPattern) -> Double {
    switch pattern.kind {
    case .hatch, .backHatch, .crossHatch: return pattern.spacing * 2.0.squareRoot()
    case .horizontal, .dots: return pattern.spacing
    }
  }

  /// Line segments covering `area` plus a margin; for dots, rows starting on a dot centre.
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
    let half = period / 2
    switch pattern.kind {
    case .hatch:
      lines(from: a.minX + a.minY, to: a.maxX + a.maxY, rising)
    case .backHatch:
      lines(from: a.minY - a.maxX, to: a.maxY - a.minX, falling)
    case .crossHatch:
      lines(from: a.minX + a.minY, to: a.maxX + a.maxY, rising)
      lines(from: a.minY - a.maxX, to: a.maxY - a.minX, falling)
    case .horizontal:
      lines(from: a.minY - half, to: a.maxY - half) { c in
        (Point(x: a.minX, y: c + half), Point(x: a.maxX, y: c + half))
      }
    case .dots:
      let x0 = (a.minX / period).rounded(.down) * period + half
      lines(from: a.minY - half, to: a.maxY - half) { c in
        (Point(x: x0, y: c + half), Point(x: a.maxX, y: c + half))
      }
    }
    return path
  }
}
