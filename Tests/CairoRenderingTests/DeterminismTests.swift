import CairoRendering
import FigureCore
import Testing

@Suite("Output bytes depend only on the figure")
struct DeterminismTests {
  @Test("Rendering twice gives identical bytes", arguments: OutputFormat.allCases)
  func renderTwice_identical(format: OutputFormat) throws {
    let first = try testRenderer.render(SampleScenes.figure(), as: format)
    let second = try testRenderer.render(SampleScenes.figure(), as: format)
    #expect(first == second)
  }

  @Test(
    "SVG and EPS bytes do not depend on figures rendered before",
    arguments: [
      OutputFormat.svg, .eps, .pdf,
    ])
  func otherFigureFirst_identical(format: OutputFormat) throws {
    let alone = try testRenderer.render(SampleScenes.figure(), as: format)
    _ = try testRenderer.render(SampleScenes.figure(title: "Something else"), as: format)
    _ = try testRenderer.render(SampleScenes.figure(title: "Yet another"), as: .svg)
    let after = try testRenderer.render(SampleScenes.figure(), as: format)
    #expect(alone == after)
  }

  @Test("Rendering in parallel gives the same bytes as rendering alone")
  func parallelRendering_identical() async throws {
    let expected = try Dictionary(
      uniqueKeysWithValues: OutputFormat.allCases.map {
        ($0, try testRenderer.render(SampleScenes.figure(), as: $0))
      })
    try await withThrowingTaskGroup(of: (OutputFormat, [UInt8]).self) { group in
      for _ in 0..<3 {
        for format in OutputFormat.allCases {
          group.addTask { (format, try testRenderer.render(SampleScenes.figure(), as: format)) }
        }
      }
      for try await (format, bytes) in group {
        #expect(bytes == expected[format], "\(format) differs when rendered in parallel")
      }
    }
  }
}
