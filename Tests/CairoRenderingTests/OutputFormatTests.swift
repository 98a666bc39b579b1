import CairoRendering
import FigureCore
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite("Each output format is produced and valid")
struct OutputFormatTests {
  @Test("PDF: pdfinfo accepts it, page size in points, only Liberation Sans embedded")
  func pdf_validWithPinnedFonts() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("figure.pdf")
    try testRenderer.write(SampleScenes.figure(), to: path)

    let info = try ExternalTool.run("pdfinfo", [path])
    #expect(info.status == 0, "pdfinfo failed: \(info.output)")
    #expect(info.output.contains("Page size:       240.945 x 198.425 pts"))
    #expect(info.output.contains("Pages:           1"))

    let fonts = try ExternalTool.run("pdffonts", [path])
    #expect(fonts.status == 0)
    let rows = fonts.output.split(separator: "\n").dropFirst(2)
    #expect(rows.count >= 3, "expected regular, bold and italic faces: \(fonts.output)")
    for row in rows {
      let columns = row.split(separator: " ", omittingEmptySubsequences: true)
      let name = columns[0].split(separator: "+").last.map(String.init) ?? ""
      #expect(name.hasPrefix("LiberationSans"), "unexpected font \(row)")
      // name, type words…, encoding, emb, sub, uni, object, generation: emb is 6th from last.
      #expect(columns[columns.count - 5] == "yes", "font not embedded: \(row)")
    }

    if let check = try ExternalTool.runIfInstalled("qpdf", ["--check", path]) {
      #expect(check.status == 0, "qpdf --check: \(check.output)")
    }
  }

  @Test("PDF: metadata and the configured creation date are written")
  func pdf_metadata() throws {
    var options = testRenderer.options
    options.metadata = DocumentMetadata(
      title: "Trial XYZ – efficacy", author: "Statistics", subject: "χ² ≥ 65", creator: "survfig")
    let renderer = FigureRenderer(fonts: testRenderer.fonts, options: options)
    let folder = try TemporaryFolder()
    let path = folder.file("meta.pdf")
    try renderer.write(SampleScenes.figure(), to: path)
    let info = try ExternalTool.run("pdfinfo", ["-isodates", path]).output
    #expect(info.contains("Title:           Trial XYZ – efficacy"))
    #expect(info.contains("Author:          Statistics"))
    #expect(info.contains("Subject:         χ² ≥ 65"))
    #expect(info.contains("Creator:         survfig"))
    #expect(info.contains("CreationDate:    2023-11-14T22:13:20Z"))
    #expect(info.contains("ModDate:         2023-11-14T22:13:20Z"))
  }

  @Test("PDF: without a creation date no date at all is written")
  func pdf_noDate() throws {
    var options = testRenderer.options
    options.creationDate = nil
    let bytes = try FigureRenderer(fonts: testRenderer.fonts, options: options)
      .render(SampleScenes.figure(), as: .pdf)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(!text.contains("/CreationDate"))
    #expect(!text.contains("/ModDate"))
  }

  @Test("SVG: parses as XML, sized in points")
  func svg_parsesAsXML() throws {
    let bytes = try testRenderer.render(SampleScenes.figure(), as: .svg)
    let parser = XMLParser(data: Data(bytes))
    #expect(parser.parse(), "XML error: \(String(describing: parser.parserError))")
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains(#"width="240.944882pt" height="198.425197pt""#))
    #expect(!text.contains("<pattern"), "fill patterns are clipped geometry by default")
  }

  @Test("Tiling patterns on request: PDF and SVG pattern objects, still valid")
  func tilingPatterns() throws {
    var options = testRenderer.options
    options.patternStyle = .tilingPatterns
    let renderer = FigureRenderer(fonts: testRenderer.fonts, options: options)
    let svg = try renderer.render(SampleScenes.figure(), as: .svg)
    #expect(XMLParser(data: Data(svg)).parse())
    #expect(String(decoding: svg, as: UTF8.self).contains("<pattern"))
    let folder = try TemporaryFolder()
    let path = folder.file("tiles.pdf")
    try renderer.write(SampleScenes.figure(), to: path)
    if let check = try ExternalTool.runIfInstalled("qpdf", ["--check", path]) {
      #expect(check.status == 0, "\(check.output)")
    }
    #expect(try ExternalTool.run("pdfinfo", [path]).status == 0)
    // Cairo writes object dictionaries uncompressed.
    let pdf = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    #expect(pdf.contains("/PatternType 1"))
    #expect(try renderer.render(SampleScenes.figure(), as: .eps).count > 1000)
    // Tiles are surfaces too: their SVG ids are renumbered per file.
    _ = try renderer.render(SampleScenes.figure(title: "Another"), as: .svg)
    #expect(try renderer.render(SampleScenes.figure(), as: .svg) == svg)
  }

  @Test(
    "PNG: signature, pixel size round(mm × dpi / 25.4), pHYs with the dpi",
    arguments: [
      (300.0, 1004, 827, UInt32(11811)), (150.0, 502, 413, UInt32(5906)),
      (72.0, 241, 198, UInt32(2835)),
    ])
  func png_sizeAndResolution(dpi: Double, width: Int, height: Int, pixelsPerMetre: UInt32) throws {
    var options = testRenderer.options
    options.dpi = dpi
    let png = try FigureRenderer(fonts: testRenderer.fonts, options: options)
      .render(SampleScenes.figure(), as: .png)
    #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    let chunks = pngChunks(png)
    #expect(chunks.allSatisfy { $0.crcIsValid })
    #expect(chunks.map(\.type).prefix(2) == ["IHDR", "pHYs"])
    #expect(chunks.last?.type == "IEND")
    let header = try #require(chunks.first)
    #expect(bigEndianUInt32(header.data[0..<4]) == UInt32(width))
    #expect(bigEndianUInt32(header.data[4..<8]) == UInt32(height))
    #expect(header.data[9] == 2, "an opaque figure is written as RGB without alpha")
    let phys = chunks[1].data
    #expect(bigEndianUInt32(phys[0..<4]) == pixelsPerMetre)
    #expect(bigEndianUInt32(phys[4..<8]) == pixelsPerMetre)
    #expect(phys[8] == 1, "unit is the metre")
  }

  @Test("PNG: a scene without background stays transparent")
  func png_transparentBackground() throws {
    var scene = SampleScenes.figure()
    scene.background = nil
    let png = try testRenderer.render(scene, as: .png)
    let header = try #require(pngChunks(png).first)
    #expect(header.data[9] == 6, "RGBA")
    let image = try #require(RasterImage(png: png))
    #expect(image.rgba(2, 2).a == 0)
    #expect(image.rgba(83, 62) == (255, 0, 0, 255))
  }

  @Test("EPS: EPSF-3.0 header, page-sized bounding box, configured date")
  func eps_header() throws {
    let bytes = try testRenderer.render(SampleScenes.figure(), as: .eps)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.hasPrefix("%!PS-Adobe-3.0 EPSF-3.0\n"))
    #expect(text.contains("\n%%BoundingBox: 0 0 241 199\n"))
    #expect(text.contains("\n%%PageBoundingBox: 0 0 241 199\n"))
    #expect(text.contains("\n%%CreationDate: 2023-11-14T22:13:20Z\n"))
    #expect(text.hasSuffix("%%EOF\n"))
  }

  @Test("EPS: without a creation date the date line is dropped; the title is written")
  func eps_noDateWithTitle() throws {
    let options = RenderOptions(metadata: DocumentMetadata(title: "KM\nfigure"), creationDate: nil)
    let bytes = try FigureRenderer(fonts: testRenderer.fonts, options: options)
      .render(SampleScenes.figure(), as: .eps)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(!text.contains("%%CreationDate"))
    #expect(text.contains("\n%%Title: KM figure\n"))
  }

  @Test("The format follows the file extension, in any case")
  func format_fromExtension() throws {
    #expect(try OutputFormat(path: "Output/km.pdf") == .pdf)
    #expect(try OutputFormat(path: "Output/km.final.SVG") == .svg)
    #expect(try OutputFormat(path: "km.Png") == .png)
    #expect(try OutputFormat(path: "a.b/km.eps") == .eps)
  }

  @Test("An unknown or missing extension is an error listing the allowed ones")
  func format_unknownExtension() throws {
    let messages = [
      (
        "Output/km.jpg",
        "unknown output format 'jpg' for 'Output/km.jpg'. Please use one of 'pdf', 'svg', 'png', 'eps', 'tif' or 'tiff'. Did you mean 'png'?"
      ),
      (
        "Output/km.ps",
        "unknown output format 'ps' for 'Output/km.ps'. Please use one of 'pdf', 'svg', 'png', 'eps', 'tif' or 'tiff'. Did you mean 'eps'?"
      ),
      (
        "Output/km.docx",
        "unknown output format 'docx' for 'Output/km.docx'. Please use one of 'pdf', 'svg', 'png', 'eps', 'tif' or 'tiff'."
      ),
      (
        "Output.d/km",
        "cannot tell the output format of 'Output.d/km': it has no file extension. Please use one of 'pdf', 'svg', 'png', 'eps', 'tif' or 'tiff'."
      ),
    ]
    for (path, message) in messages {
      #expect(throws: RenderError.self) { try OutputFormat(path: path) }
      do {
        _ = try OutputFormat(path: path)
      } catch {
        #expect(error.description == message)
      }
    }
  }
}
