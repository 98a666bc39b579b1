/// The drawing surface a scene is replayed on: the whole backend contract.
///
/// Style is passed by value with each call; there is no drawing state to leak between calls.
/// Text is measured separately (`TextMeasuring`), so layout never needs a surface.
public protocol Canvas: AnyObject {
  func fill(_ path: Path, with paint: Paint)
  func stroke(_ path: Path, style: StrokeStyle)
  func draw(_ text: TextRun, at point: Point)
  /// Runs `body` with drawing clipped to `rect`; the clip ends when `body` returns.
  func withClip(_ rect: Rect, _ body: () throws -> Void) rethrows
  /// Runs `body` inside a named group.
  func withGroup(_ name: String, _ body: () throws -> Void) rethrows
}

/// A canvas that records what is drawn on it, for tests.
public final class RecordingCanvas: Canvas {
  public private(set) var commands: [DrawCommand] = []
  private var stack: [[DrawCommand]] = []

  public init() {}

  private func append(_ c: DrawCommand) {
    if stack.isEmpty { commands.append(c) } else { stack[stack.count - 1].append(c) }
  }
  public func fill(_ path: Path, with paint: Paint) { append(.fill(path, paint)) }
  public func stroke(_ path: Path, style: StrokeStyle) { append(.stroke(path, style)) }
  public func draw(_ text: TextRun, at point: Point) { append(.text(text, at: point)) }
  public func withClip(_ rect: Rect, _ body: () throws -> Void) rethrows {
    stack.append([])
    defer { append(.clip(rect, stack.removeLast())) }
    try body()
  }
  public func withGroup(_ name: String, _ body: () throws -> Void) rethrows {
    stack.append([])
    defer { append(.group(name, stack.removeLast())) }
    try body()
  }
}
