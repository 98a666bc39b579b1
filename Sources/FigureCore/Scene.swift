/// One drawing instruction of a scene.
public indirect enum DrawCommand: Hashable, Sendable {
  case fill(Path, Paint)
  case stroke(Path, StrokeStyle)
  case text(TextRun, at: Point)
  /// Children drawn clipped to a rectangle.
  case clip(Rect, [DrawCommand])
  /// A named group (an SVG `<g>`; a plain sequence elsewhere) so elements can be found in
  /// tests and lint reports by name: "curve:Male", "risk-table", "legend".
  case group(String, [DrawCommand])
}

/// A figure page as a retained display list: everything layout decided, nothing a backend must
/// compute. Units are points, origin top-left, y down.
public struct Scene: Hashable, Sendable {
  public var size: Size
  /// Painted under everything; nil leaves the page transparent (PNG) or white (PDF).
  public var background: Color?
  public var commands: [DrawCommand]

  public init(size: Size, background: Color? = .white, commands: [DrawCommand] = []) {
    self.size = size
    self.background = background
    self.commands = commands
  }

  /// Replays the scene onto a canvas.
  public func render(on canvas: some Canvas) throws {
    if let background {
      canvas.fill(.rect(Rect(origin: .zero, size: size)), with: .solid(background))
    }
    try Self.replay(commands, on: canvas)
  }

  private static func replay(_ commands: [DrawCommand], on canvas: some Canvas) throws {
    for command in commands {
      switch command {
      case .fill(let path, let paint): canvas.fill(path, with: paint)
      case .stroke(let path, let style): canvas.stroke(path, style: style)
      case .text(let run, let point): canvas.draw(run, at: point)
      case .clip(let rect, let children):
        try canvas.withClip(rect) { try replay(children, on: canvas) }
      case .group(let name, let children):
        try canvas.withGroup(name) { try replay(children, on: canvas) }
      }
    }
  }

  /// The commands of the first group with this name, searched depth first.
  public func group(named name: String) -> [DrawCommand]? {
    func search(_ cs: [DrawCommand]) -> [DrawCommand]? {
      for c in cs {
        switch c {
        case .group(let n, let children):
          if n == name { return children }
          if let found = search(children) { return found }
        case .clip(_, let children):
          if let found = search(children) { return found }
        default: continue
        }
      }
      return nil
    }
    return search(commands)
  }
}

extension DrawCommand {
  /// Every text run in this command and its children, with its position.
  public var texts: [(TextRun, Point)] {
    switch self {
    case .text(let run, let p): return [(run, p)]
    case .clip(_, let cs), .group(_, let cs): return cs.flatMap(\.texts)
    default: return []
    }
  }
}

extension Scene {
  /// Every text run in the scene, with its position.
  public var texts: [(TextRun, Point)] { commands.flatMap(\.texts) }
}
