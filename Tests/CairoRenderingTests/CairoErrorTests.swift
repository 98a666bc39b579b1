import CairoRendering
import FigureCore
import Testing

@Suite("Cairo failures name the C operation and the file")
struct CairoErrorTests {
  @Test("The description reads operation, Cairo's reason, path")
  func description() {
    let error = CairoError(
      status: .writeError, operation: "cairo_surface_write_to_png", path: "Output/km.png")
    #expect(
      error.description
        == "cairo_surface_write_to_png: error while writing to output stream (Output/km.png)")
    #expect(
      CairoError(status: .invalidRestore, operation: "cairo_restore").description
        == "cairo_restore: cairo_restore() without matching cairo_save()")
  }

  @Test("An invalid dash pattern fails the render with the Cairo error, leaving no file")
  func invalidDash() throws {
    let scene = Scene(
      size: Size(width: 100, height: 100),
      commands: [
        .stroke(
          .line(from: Point(x: 0, y: 0), to: Point(x: 100, y: 100)),
          StrokeStyle(color: .black, width: 1, dash: [0, 0]))
      ])
    let folder = try TemporaryFolder()
    for format in OutputFormat.allCases {
      let path = folder.file("bad.\(format.fileExtension)")
      #expect(throws: CairoError(status: .invalidDash, operation: "cairo_set_dash", path: path)) {
        try testRenderer.write(scene, to: path)
      }
    }
    #expect(try folder.contents() == [])
  }

  @Test("A page can be drawn directly on a CairoCanvas")
  func drawingClosure() throws {
    let png = try testRenderer.render(
      size: Size(width: 72, height: 36), background: Color(red: 0, green: 0, blue: 1), as: .png
    ) { canvas in
      canvas.fill(.rect(Rect(x: 36, y: 0, width: 36, height: 36)), with: .solid(.white))
    }
    let image = try #require(RasterImage(png: png))
    #expect(image.width == 300 && image.height == 150)
    #expect(image.rgba(10, 75) == (0, 0, 255, 255))
    #expect(image.rgba(290, 75) == (255, 255, 255, 255))
  }
}
