extension Path {
  /// The path moved by (`dx`, `dy`).
  public func translated(dx: Double, dy: Double) -> Path {
    func move(_ p: Point) -> Point { Point(x: p.x + dx, y: p.y + dy) }
    return Path(
      elements: elements.map { element in
        switch element {
        case .move(let p): return .move(move(p))
        case .line(let p): return .line(move(p))
        case .curve(let p, let c1, let c2): return .curve(move(p), move(c1), move(c2))
        case .close: return .close
        }
      })
  }
}

extension Path {
  /// The path scaled by `factor` about the origin.
  public func scaled(by factor: Double) -> Path {
    func scale(_ p: Point) -> Point { Point(x: p.x * factor, y: p.y * factor) }
    return Path(
      elements: elements.map { element in
        switch element {
        case .move(let p): return .move(scale(p))
        case .line(let p): return .line(scale(p))
        case .curve(let p, let c1, let c2): return .curve(scale(p), scale(c1), scale(c2))
        case .close: return .close
        }
      })
  }
}

extension DrawCommand {
  /// The command scaled by `factor` about the origin, children included: coordinates, line
  /// widths, dash lengths, type sizes and fill-pattern spacing alike, as a printer reducing the
  /// figure would (a figure shrunk to fit a report page).
  public func scaled(by factor: Double) -> DrawCommand {
    switch self {
    case .fill(let path, let paint):
      guard case .pattern(var pattern) = paint else { return .fill(path.scaled(by: factor), paint) }
      pattern.spacing *= factor
      pattern.lineWidth *= factor
      return .fill(path.scaled(by: factor), .pattern(pattern))
    case .stroke(let path, var style):
      style.width *= factor
      style.dash = style.dash.map { $0 * factor }
      return .stroke(path.scaled(by: factor), style)
    case .text(var run, let p):
      run.font.size *= factor
      return .text(run, at: Point(x: p.x * factor, y: p.y * factor))
    case .clip(let rect, let children):
      return .clip(
        Rect(x: rect.minX * factor, y: rect.minY * factor, width: rect.width * factor, height: rect.height * factor),
        children.map { $0.scaled(by: factor) })
    case .group(let name, let children):
      return .group(name, children.map { $0.scaled(by: factor) })
    }
  }

  /// The command moved by (`dx`, `dy`), children included.
  public func translated(dx: Double, dy: Double) -> DrawCommand {
    switch self {
    case .fill(let path, let paint): return .fill(path.translated(dx: dx, dy: dy), paint)
    case .stroke(let path, let style): return .stroke(path.translated(dx: dx, dy: dy), style)
    case .text(let run, let p): return .text(run, at: Point(x: p.x + dx, y: p.y + dy))
    case .clip(let rect, let children):
      return .clip(
        Rect(x: rect.minX + dx, y: rect.minY + dy, width: rect.width, height: rect.height),
        children.map { $0.translated(dx: dx, dy: dy) })
    case .group(let name, let children):
      return .group(name, children.map { $0.translated(dx: dx, dy: dy) })
    }
  }
}

extension Scene {
  /// One page holding `panels`, each scene placed with its top-left corner at its point and
  /// grouped as `panel-1`, `panel-2`, … (multi-panel figures).
  public static func composed(
    size: Size, background: Color? = .white, panels: [(scene: Scene, origin: Point)],
    extra: [DrawCommand] = []
  ) -> Scene {
    let commands = panels.enumerated().map { index, panel in
      DrawCommand.group(
        "panel-\(index + 1)",
        panel.scene.commands.map { $0.translated(dx: panel.origin.x, dy: panel.origin.y) })
    }
    return Scene(size: size, background: background, commands: commands + extra)
  }
}
