import Foundation
import Testing

@Suite("Labels in other scripts")
struct FontFallbackCommandTests {
  static func data(_ labels: [String], in folder: ScratchFolder) throws -> String {
    var lines = ["time,status,arm"]
    for (g, label) in labels.enumerated() { for t in 1...8 { lines.append("\(t + g),\(t % 2),\(label)") } }
    return try folder.write("labels.csv", lines.joined(separator: "\n") + "\n")
  }

  @Test("CJK, Greek and accented labels print without a warning; a character no font has is named")
  func warning() throws {
    let folder = try ScratchFolder()
    let data = try Self.data(["男性", "女性 (日本語)", "환자 Ελληνικά", "Éléphant"], in: folder)
    let plain = try Survfig.run(
      ["km", "--data", data, "--time", "time", "--event", "status", "--group", "arm", "--out", "km.pdf"],
      in: folder.path)
    #expect(plain.status == 0, "\(plain.standardError)")
    #expect(!plain.standardError.contains("warning"), "\(plain.standardError)")
    let devanagari = try Survfig.run(
      [
        "km", "--data", data, "--time", "time", "--event", "status", "--group", "arm", "--title", "रोगी", "--out",
        "km2.pdf",
      ],
      in: folder.path)
    #expect(devanagari.status == 0)
    #expect(
      devanagari.standardError.contains(
        "warning: no font of the figure has the characters 'र' (U+0930), 'ो' (U+094B), 'ग' (U+0917), 'ी' (U+0940): they print as boxes. The fonts are Liberation Sans and Serif with Noto Sans and Serif CJK\n"
      ), "\(devanagari.standardError)")
    #expect(folder.files.contains("km2.pdf"))
  }
}
