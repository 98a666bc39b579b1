import Foundation
import Testing

@Suite("Figure files written by survfig km")
struct FigureFileTests {
  static let arguments = [
    "km", "--data", Survfig.data("lung.csv"), "--time", "time", "--event", "status",
    "--event-value", "2", "--group", "sex", "--group-labels", "1=Male,2=Female",
    "--confidence-bands", "--width", "85", "--height", "70", "--dpi", "150",
  ]

  @Test("two runs give byte-identical PDF, SVG, PNG and EPS files")
  func deterministic() throws {
    let folders = try [ScratchFolder(), ScratchFolder()]
    let formats = ["pdf", "svg", "png", "eps"]
    for folder in folders {
      let result = try Survfig.run(
        Self.arguments + formats.flatMap { ["--out", "km.\($0)"] }, in: folder.path)
      #expect(result.status == 0, "\(result.standardError)")
    }
    for format in formats {
      let a = try Data(contentsOf: URL(fileURLWithPath: folders[0].path + "/km." + format))
      let b = try Data(contentsOf: URL(fileURLWithPath: folders[1].path + "/km." + format))
      #expect(a.count > 1000, "\(format) is suspiciously small")
      #expect(a == b, "\(format) differs between two runs")
    }
  }

  @Test("the PNG has the pixel size of millimetres × dpi and records its resolution")
  func pngSize() throws {
    let folder = try ScratchFolder()
    let result = try Survfig.run(Self.arguments + ["--out", "km.png"], in: folder.path)
    #expect(result.status == 0)
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.path + "/km.png")))
    func bigEndian(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
    // IHDR follows the 8-byte signature and the chunk's length and type.
    #expect(bigEndian(16) == Int((85 / 25.4 * 150).rounded()))
    #expect(bigEndian(20) == Int((70 / 25.4 * 150).rounded()))
    let pHYs = try #require(bytes.indices.dropLast(12).first { bytes[$0..<$0 + 4] == [0x70, 0x48, 0x59, 0x73] })
    #expect(bigEndian(pHYs + 4) == Int((150 / 0.0254).rounded()))
  }
}
