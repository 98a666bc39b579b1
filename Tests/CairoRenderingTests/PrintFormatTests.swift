import CairoRendering
import FigureCore
import Foundation
import Testing

/// The tags of the first image directory of a little-endian TIFF file: tag → (type, count,
/// value or offset).
func tiffTags(_ bytes: [UInt8]) -> [Int: (type: Int, count: Int, value: Int)] {
  func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
  func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
  guard bytes.count > 8, bytes[0] == 0x49, bytes[1] == 0x49, u16(2) == 42 else { return [:] }
  let directory = u32(4)
  var tags: [Int: (Int, Int, Int)] = [:]
  for i in 0..<u16(directory) {
    let entry = directory + 2 + i * 12
    let type = u16(entry + 2)
    tags[u16(entry)] = (type, u32(entry + 4), type == 3 ? u16(entry + 8) : u32(entry + 8))
  }
  return tags
}

/// The value of a RATIONAL tag.
func tiffRational(_ bytes: [UInt8], at offset: Int) -> Double {
  func u32(_ at: Int) -> Int { (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
  return Double(u32(offset)) / Double(u32(offset + 4))
}

/// The colour operators of a PDF's content streams (inflated with Python's zlib) and the colour
/// spaces it names; nil when python3 is not installed.
func pdfColourOperators(_ path: String) throws -> String? {
  let script = """
    re, sys, zlib, collections = map(__import__, ['re', 'sys', 'zlib', 'collections'])
    data = open(sys.argv[1], 'rb').read()
    ops = collections.Counter()
    for m in re.finditer(rb'stream\\r?\\n', data):
        end = data.find(b'endstream', m.end())
        try: text = zlib.decompress(data[m.end():end])
        except Exception: continue
        for op in re.findall(rb'(?<=\\s)(k|K|rg|RG|g|G|sc|scn|SC|SCN)(?=\\s)', b' ' + text): ops[op.decode()] += 1
        for cs in re.findall(rb'/(DeviceRGB|DeviceCMYK|DeviceGray)', text): ops[cs.decode()] += 1
    for cs in re.findall(rb'/(DeviceRGB|DeviceCMYK|ICCBased)', data): ops[cs.decode()] += 1
    print(' '.join(sorted(ops)))
    """
  return try ExternalTool.runIfInstalled("python3", ["-c", script, path])?.output
    .trimmingCharacters(in: .whitespacesAndNewlines)
}

let hasGhostscript = ExternalTool.locate("gs") != nil

@Suite("Print formats: TIFF, CMYK, EPS without raster, editable SVG")
struct PrintFormatTests {
  static func renderer(dpi: Double = 300, color: ColorModel = .rgb, svgText: SVGTextMode = .outlines)
    -> FigureRenderer
  {
    var renderer = testRenderer
    renderer.options.dpi = dpi
    renderer.options.colorModel = color
    renderer.options.svgText = svgText
    return renderer
  }

  @Test(
    "TIFF: RGB or CMYK, LZW with the predictor, resolution tags in dots per inch", arguments: [ColorModel.rgb, .cmyk])
  func tiff(color: ColorModel) throws {
    let scene = SampleScenes.figure()
    let bytes = try Self.renderer(dpi: 600, color: color).render(scene, as: .tiff)
    let tags = tiffTags(bytes)
    #expect(tags[256]?.value == Int((scene.size.width * 600 / 72).rounded()))  // ImageWidth
    #expect(tags[257]?.value == Int((scene.size.height * 600 / 72).rounded()))  // ImageLength
    #expect(tags[259]?.value == 5)  // Compression: LZW
    #expect(tags[317]?.value == 2)  // Predictor: horizontal
    #expect(tags[296]?.value == 2)  // ResolutionUnit: inch
    #expect(tiffRational(bytes, at: tags[282]!.value) == 600)
    #expect(tiffRational(bytes, at: tags[283]!.value) == 600)
    #expect(tags[306] == nil)  // no DateTime
    if color == .cmyk {
      #expect(tags[262]?.value == 5)  // Photometric: separated
      #expect(tags[277]?.value == 4)
      #expect(tags[332]?.value == 1)  // InkSet: CMYK
      #expect((tags[34675]?.count ?? 0) > 1000)  // the ICC output profile
    } else {
      #expect(tags[262]?.value == 2)  // Photometric: RGB
      #expect(tags[277]?.value == 3)
    }
    #expect(bytes == (try Self.renderer(dpi: 600, color: color).render(scene, as: .tiff)))
  }

  @Test("CMYK is written for PDF and TIFF only")
  func cmykFormats() throws {
    for format in [OutputFormat.png, .svg, .eps] {
      #expect(throws: RenderError.cmykUnsupported(format: format)) {
        try Self.renderer(color: .cmyk).render(SampleScenes.figure(), as: format)
      }
    }
    #expect(
      RenderError.cmykUnsupported(format: .png).description
        == "CMYK colour is written for PDF and TIFF files, not PNG; write the figure as .pdf or .tiff, or leave the colour RGB ('--color rgb')"
    )
    #expect((try OutputFormat(path: "figure.TIF")) == .tiff)
    #expect((try OutputFormat(path: "figure.tiff")) == .tiff)
  }

  @Test(
    "a CMYK PDF paints in DeviceCMYK only, with its fonts embedded, the same bytes twice",
    .enabled(if: hasGhostscript, "Ghostscript is not installed"))
  func cmykPDF() throws {
    let folder = try TemporaryFolder()
    let bytes = try Self.renderer(color: .cmyk).render(SampleScenes.figure(), as: .pdf)
    #expect(bytes == (try Self.renderer(color: .cmyk).render(SampleScenes.figure(), as: .pdf)))
    let path = try folder.write(bytes, to: "cmyk.pdf")
    let operators = try #require(try pdfColourOperators(path))
    #expect(operators.split(separator: " ").contains("k"), "\(operators)")
    #expect(!operators.split(separator: " ").contains { ["rg", "RG", "DeviceRGB"].contains($0) }, "\(operators)")
    let rgb = try folder.write(try Self.renderer().render(SampleScenes.figure(), as: .pdf), to: "rgb.pdf")
    #expect(try pdfColourOperators(rgb)?.split(separator: " ").contains("rg") == true)
    let fonts = try ExternalTool.run("pdffonts", [path]).output
    #expect(fonts.contains("LiberationSans"), "\(fonts)")
    #expect(!fonts.split(separator: "\n").dropFirst(2).contains { $0.contains(" no ") }, "\(fonts)")
  }

  @Test("EPS paints translucent bands opaque, so nothing becomes a raster image")
  func epsIsVector() throws {
    let eps = String(decoding: try testRenderer.render(SampleScenes.figure(), as: .eps), as: UTF8.self)
    let lines = eps.split(separator: "\n")
    // The prolog defines cairo_image; a fallback image would call it.
    #expect(!lines.contains { $0 == "cairo_image" || $0.hasSuffix(" cairo_image") || $0 == "cairo_imagemask" })
    #expect(!eps.contains("/DataSource"))
    // The band's colour is the opaque blend of the translucent blue over white.
    let blend = SampleScenes.blue.withAlpha(0.25).blended(over: .white)
    func f(_ v: Double) -> String { String(format: "%g", (v * 1e6).rounded() / 1e6) }
    #expect(eps.contains("\(f(blend.red)) \(f(blend.green)) \(f(blend.blue)) rg"), "\(blend)")
  }

  @Test("editable SVG text: <text> elements naming the font, no glyph outlines; outlines by default")
  func editableSVG() throws {
    let scene = SampleScenes.figure(title: "Survival <χ²> & 生存")
    let editable = String(decoding: try Self.renderer(svgText: .editable).render(scene, as: .svg), as: UTF8.self)
    #expect(editable.contains("<text xml:space=\"preserve\""))
    #expect(editable.contains("font-family=\"'Liberation Sans', 'Noto Sans CJK SC', Arial, Helvetica, sans-serif\""))
    #expect(editable.contains(">Survival &lt;χ²&gt; &amp; 生存</text>"))
    #expect(!editable.contains("<symbol"))
    let outlined = String(decoding: try testRenderer.render(scene, as: .svg), as: UTF8.self)
    #expect(!outlined.contains("<text"))
    #expect(outlined.contains("<symbol"))
    #expect(editable == String(decoding: try Self.renderer(svgText: .editable).render(scene, as: .svg), as: UTF8.self))
  }
}
