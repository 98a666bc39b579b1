import Foundation
import Testing

@Suite("Figures of many groups")
struct ManyGroupsCommandTests {
  /// `groups` groups of 12 patients each, times 1–12, every other one an event.
  static func data(groups: Int, in folder: ScratchFolder) throws -> String {
    var lines = ["time,status,arm"]
    for g in 1...groups { for t in 1...12 { lines.append("\(t),\(t % 2),\(g)") } }
    return try folder.write("groups.csv", lines.joined(separator: "\n") + "\n")
  }

  @Test("ten groups draw, each with its own colour and dash")
  func tenGroups() throws {
    let folder = try ScratchFolder()
    let data = try Self.data(groups: 10, in: folder)
    let result = try Survfig.run(
      ["km", "--data", data, "--time", "time", "--event", "status", "--group", "arm", "--out", "km.svg"],
      in: folder.path)
    #expect(result.status == 0, "\(result.standardError)")
    let svg = try String(contentsOfFile: folder.path + "/km.svg", encoding: .utf8)
    // Every palette colour and dash, as Cairo writes them (percentages of 255).
    func percent(_ byte: Int) -> String {
      var text = String(format: "%.6f", Double(byte) / 255 * 100)
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
      return text + "%"
    }
    for hex in ["0072B2", "D55E00", "009E73", "CC79A7", "B37B00", "6A3D9A", "7C7300", "8C564B", "3A8BB5"] {
      let value = Int(hex, radix: 16)!
      let rgb = "rgb(\(percent(value >> 16)),\(percent((value >> 8) & 0xFF)),\(percent(value & 0xFF)))"
      #expect(svg.contains(rgb), "#\(hex) \(rgb)")
    }
    for dash in ["4,2", "1,1.6", "8,2,3,2", "8,2,1,2;", "8,2,1,2,1,2", "4,1.6,4,1.6,1,1.6"] {
      #expect(svg.contains("stroke-dasharray:" + dash), "\(dash)")
    }
  }

  @Test("more than ten groups are an error suggesting panels, for km and cif")
  func elevenGroups() throws {
    let folder = try ScratchFolder()
    let data = try Self.data(groups: 11, in: folder)
    let km = try Survfig.run(
      ["km", "--data", data, "--time", "time", "--event", "status", "--group", "arm", "--out", "km.pdf"],
      in: folder.path)
    #expect(km.status == 1)
    #expect(
      km.standardError.contains(
        "a Kaplan–Meier figure tells at most 10 groups apart by colour and dash pattern; the data have 11 ('1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'). Draw them in panels (a template figure of type 'panels', a few groups each) or keep fewer groups (--where on the command line, where: in a template)"
      ), "\(km.standardError)")
    #expect(!folder.files.contains("km.pdf"))
    let cif = try Survfig.run(
      [
        "cif", "--data", data, "--time", "time", "--status", "status", "--event-value", "1", "--group", "arm", "--out",
        "cif.pdf",
      ],
      in: folder.path)
    #expect(cif.status == 1)
    #expect(
      cif.standardError.contains("a cumulative incidence figure tells at most 10 groups apart"), "\(cif.standardError)")
  }
}
