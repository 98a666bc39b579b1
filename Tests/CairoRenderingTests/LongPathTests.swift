import FigureCore
import Testing

@testable import CairoRendering

@Suite("Long paths are simplified and stroked in pieces")
struct LongPathTests {
  /// A step curve with `n` steps, each too small to see.
  static func steps(_ n: Int) -> [Point] {
    var points: [Point] = [Point(x: 40, y: 20)]
    points.reserveCapacity(2 * n + 1)
    for i in 1...n {
      let x = 40 + 180 * Double(i) / Double(n)
      let y = 20 + 100 * Double(i - 1) / Double(n)
      points.append(Point(x: x, y: y))
      points.append(Point(x: x, y: y + 100 / Double(n)))
    }
    return points
  }

  @Test("A step curve of 200,000 invisible steps keeps few vertices, all on the curve")
  func stepCurve_simplified() {
    let points = Self.steps(200_000)
    let simplified = _PathSimplifier.simplified(.polyline(points))
    #expect(simplified.elements.count < 30_000)
    #expect(simplified.elements.first == .move(points[0]))
    #expect(simplified.elements.last == .line(points[points.count - 1]))
    // Every kept vertex is one of the original points.
    let original = Set(points.map { "\($0.x),\($0.y)" })
    for case .line(let p) in simplified.elements { #expect(original.contains("\(p.x),\(p.y)")) }
  }

  @Test("Turns, reversals and short paths are kept exactly")
  func turnsKept() {
    var zigzag: [Point] = []
    for i in 0..<100 { zigzag.append(Point(x: Double(i), y: i.isMultiple(of: 2) ? 0 : 5)) }
    #expect(_PathSimplifier.simplified(.polyline(zigzag)) == .polyline(zigzag))
    var backAndForth: [Point] = []
    for i in 0..<100 { backAndForth.append(Point(x: i.isMultiple(of: 2) ? 0 : 10, y: 0)) }
    #expect(_PathSimplifier.simplified(.polyline(backAndForth)) == .polyline(backAndForth))
    let collinear = (0..<100).map { Point(x: Double($0), y: 2 * Double($0)) }
    #expect(
      _PathSimplifier.simplified(.polyline(collinear))
        == .polyline([collinear[0], collinear[99]]))
  }

  @Test("Long open polylines are cut into overlapping pieces for raster output")
  func pieces() throws {
    let points = (0..<3000).map { Point(x: Double($0 % 7), y: Double($0)) }
    let pieces = try #require(CairoCanvas.pieces(of: .polyline(points)))
    #expect(pieces.first?.first == points.first)
    #expect(pieces.last?.last == points.last)
    for (a, b) in zip(pieces, pieces.dropFirst()) {
      #expect(Array(a.suffix(2)) == Array(b.prefix(2)), "pieces overlap by one segment")
    }
    #expect(pieces.map { $0.count - 1 }.reduce(0, +) == points.count - 1 + pieces.count - 1)
    #expect(CairoCanvas.pieces(of: .polygon(points)) == nil)
  }

  @Test("A jagged 20,000-point dashed translucent line renders to every format")
  func jaggedLine_renders() throws {
    var points: [Point] = []
    for i in 0..<20_000 {
      points.append(Point(x: 10 + Double(i % 97) * 2, y: 10 + Double(i) * 0.009 + Double(i % 3)))
    }
    let scene = Scene(
      size: Size(width: 220, height: 200),
      commands: [
        .stroke(
          .polyline(points),
          StrokeStyle(color: SampleScenes.blue.withAlpha(0.5), width: 0.5, dash: [2, 1]))
      ])
    for format in OutputFormat.allCases {
      #expect(try testRenderer.render(scene, as: format).count > 1000)
    }
  }
}
