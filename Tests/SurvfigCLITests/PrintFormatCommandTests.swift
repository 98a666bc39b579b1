import Foundation
import Testing

@Suite("Print formats on the command line")
struct PrintFormatCommandTests {
  static let arguments = [
    "km", "--data", Survfig.data("lung.csv"), "--time", "time", "--event", "status", "--event-value", "2",
    "--group", "sex", "--confidence-bands", "--width", "89", "--height", "80",
  ]

  @Test("--out fig.tiff --color cmyk --dpi 600 writes a CMYK TIFF with 600 dpi tags, byte-identical run to run")
  func cmykTIFF() throws {
    let folders = try [ScratchFolder(), ScratchFolder()]
    for folder in folders {
      let result = try Survfig.run(
        Self.arguments + ["--out", "fig.tiff", "--out", "fig.tif", "--color", "cmyk", "--dpi", "600"], in: folder.path)
      #expect(result.status == 0, "\(result.standardError)")
    }
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folders[0].path + "/fig.tiff")))
    #expect(bytes == [UInt8](try Data(contentsOf: URL(fileURLWithPath: folders[1].path + "/fig.tiff"))))
    #expect(bytes == [UInt8](try Data(contentsOf: URL(fileURLWithPath: folders[0].path + "/fig.tif"))))
    func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
    var tags: [Int: Int] = [:]
    let directory = u32(4)
    for i in 0..<u16(directory) {
      let entry = directory + 2 + i * 12
      tags[u16(entry)] = u16(entry + 2) == 3 ? u16(entry + 8) : u32(entry + 8)
    }
    #expect(tags[262] == 5 && tags[277] == 4)  // separated (CMYK), 4 samples
    #expect(tags[259] == 5)  // LZW
    #expect(tags[296] == 2)  // inch
    let x = try #require(tags[282])
    #expect(u32(x) / u32(x + 4) == 600)
    #expect(tags[256] == Int((89 / 25.4 * 600).rounded()))
  }

  @Test("--color cmyk with a PNG is an error naming the file")
  func cmykPNG() throws {
    let folder = try ScratchFolder()
    let result = try Survfig.run(Self.arguments + ["--out", "fig.png", "--color", "cmyk"], in: folder.path)
    #expect(result.status == 1)
    #expect(
      result.standardError.contains(
        "CMYK colour is written for PDF and TIFF files, not PNG; write the figure as .pdf or .tiff, or leave the colour RGB ('--color rgb')"
      ), "\(result.standardError)")
    #expect(folder.files.isEmpty)
    let bad = try Survfig.run(Self.arguments + ["--out", "fig.pdf", "--color", "cymk"], in: folder.path)
    #expect(bad.status != 0)
    #expect(bad.standardError.contains("cymk"), "\(bad.standardError)")
  }

  @Test("--svg-text editable writes <text> elements")
  func editableSVG() throws {
    let folder = try ScratchFolder()
    let result = try Survfig.run(Self.arguments + ["--out", "fig.svg", "--svg-text", "editable"], in: folder.path)
    #expect(result.status == 0, "\(result.standardError)")
    let svg = try String(contentsOfFile: folder.path + "/fig.svg", encoding: .utf8)
    #expect(svg.contains(">Number at risk</text>"))
  }

  @Test("a template's style `color: cmyk` writes its PDF and TIFF in CMYK and leaves its PNG RGB")
  func templateCMYK() throws {
    let folder = try ScratchFolder()
    try folder.copyData("lung.csv")
    try folder.write(
      "t.yaml",
      """
      data:
        lung: data/lung.csv
      style:
        color: cmyk
      figures:
        - {id: km, data: lung, time: time, event: status, event-value: 2, group: sex, formats: [pdf, png, tiff]}

      """)
    let result = try Survfig.run(["build", "t.yaml", "--out", "out", "--quiet"], in: folder.path)
    #expect(result.status == 0, "\(result.standardError)")
    let pdf = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/km.pdf"))
    #expect(pdf.range(of: Data("DeviceCMYK".utf8)) != nil)
    #expect(pdf.range(of: Data("DeviceRGB".utf8)) == nil)
    let png = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/km.png")))
    #expect(png[25] == 2 || png[25] == 6)  // IHDR colour type: RGB or RGBA
    let tiff = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/km.tiff")))
    #expect(tiff.count > 8 && tiff[0] == 0x49)
    let cmykTag: [UInt8] = [0x06, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x05, 0x00]  // 262 = 5, separated
    #expect(tiff.indices.dropLast(cmykTag.count).contains { Array(tiff[$0..<$0 + cmykTag.count]) == cmykTag })
  }
}
