import Foundation
import Testing

/// The size of a Kaplan–Meier figure against its contents: plot areas keep their minimum
/// height, figures grow when the user set no height, and what cannot fit is refused.
@Suite("survfig km and build: figure size and lint")
struct KaplanMeierFigureSizeTests {
  static let veteran = [
    "km", "--data", Survfig.data("veteran.csv"), "--time", "time", "--event", "status", "--group",
    "celltype",
    "--risk-table", "kmunicate", "--width", "85",
  ]

  /// Height of an SVG file's page in millimetres.
  static func svgHeight(_ path: String) throws -> Double {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let match = try #require(text.firstMatch(of: /height="([0-9.]+)pt"/))
    return try #require(Double(match.1)) / (72 / 25.4)
  }

  @Test(
    "a height too small for the risk table is refused with the height needed, and nothing is written"
  )
  func tooShort() throws {
    let folder = try ScratchFolder()
    let result = try Survfig.run(
      Self.veteran + ["--height", "70", "--out", "km.pdf"], in: folder.path)
    #expect(result.status == 1)
    #expect(
      result.standardError
        == "Error: the figure is too small for its contents: at 85 × 70 mm the plot area would be only 9 mm high; make the figure at least 98 mm high, or leave its height unset so that it grows\n"
    )
    #expect(folder.files.isEmpty)
  }

  @Test(
    "a plot area below its share at a fixed height is an error naming the height that fits; --allow-lint draws it with a warning"
  )
  func cramped() throws {
    let folder = try ScratchFolder()
    let refused = try Survfig.run(Self.veteran + ["--height", "85", "--out", "km.svg"], in: folder.path)
    #expect(refused.status == 1)
    #expect(
      refused.standardError
        == "Error: figure lint found 1 problem; fix it, or give --allow-lint to write the figure anyway:\n  the plot area is only 31 mm high, 36% of the figure's height; make the figure at least 98 mm high, or leave its height unset so that it grows\n"
    )
    #expect(folder.files.isEmpty)
    let result = try Survfig.run(
      Self.veteran + ["--height", "85", "--out", "km.svg", "--allow-lint"], in: folder.path)
    #expect(result.status == 0)
    #expect(
      result.standardError
        == "warning: the plot area is only 31 mm high, 36% of the figure's height; make the figure at least 98 mm high, or leave its height unset so that it grows\n"
    )
    #expect(abs(try Self.svgHeight(folder.path + "/km.svg") - 85) < 1e-6)
    let fits = try Survfig.run(
      Self.veteran + ["--height", "98", "--out", "km.svg"], in: folder.path)
    #expect(fits.status == 0 && fits.standardError == "")
  }

  @Test(
    "without --height a figure whose table needs room grows taller, in whole millimetres, silently")
  func grows() throws {
    let folder = try ScratchFolder()
    let result = try Survfig.run(
      [
        "km", "--data", Survfig.data("veteran.csv"), "--time", "time", "--event", "status",
        "--group", "celltype",
        "--group-labels", "1=Squamous,2=Small cell,3=Adeno,4=Large", "--risk-table", "kmunicate",
        "--title", "Veterans' Administration lung cancer trial", "--out", "km.svg",
      ], in: folder.path)
    #expect(result.status == 0)
    #expect(result.standardError == "")
    let height = try Self.svgHeight(folder.path + "/km.svg")
    #expect(height > 120)
    #expect(abs(height - height.rounded()) < 1e-6)
  }

  @Test("a 40 × 45 mm figure: refused with its inset, drawn without it")
  func tiny() throws {
    let folder = try ScratchFolder()
    let lung = [
      "km", "--data", Survfig.data("lung.csv"), "--time", "time", "--event", "status", "--group",
      "sex",
      "--width", "40", "--height", "45",
    ]
    let refused = try Survfig.run(lung + ["--out", "km.pdf"], in: folder.path)
    #expect(refused.status == 1)
    #expect(
      refused.standardError
        == "Error: the figure is too small for its contents: at 40 × 45 mm the plot area would be only 8 mm high; make the figure at least 61 mm high, or leave its height unset so that it grows\n"
    )
    #expect(folder.files.isEmpty)
    let bare = try Survfig.run(
      lung + ["--no-p-value", "--no-medians", "--out", "km.pdf"], in: folder.path)
    #expect(bare.status == 0)
    #expect(bare.standardError == "")
    #expect(folder.files == ["km.pdf"])
  }

  @Test("km runs figure lint: a title word wider than the page is an error, a warning with --allow-lint")
  func lint() throws {
    let folder = try ScratchFolder()
    let word = "Supercalifragilisticexpialidocious-survival-of-acute-myelogenous-leukaemia"
    let km = [
      "km", "--data", Survfig.data("aml.csv"), "--time", "time", "--event", "status", "--width",
      "60",
      "--title", word, "--out", "km.pdf",
    ]
    let refused = try Survfig.run(km, in: folder.path)
    #expect(refused.status == 1)
    #expect(
      refused.standardError
        == "Error: figure lint found 1 problem; fix it, or give --allow-lint to write the figure anyway:\n  text '\(word)' runs off the page\n"
    )
    #expect(folder.files.isEmpty)
    let result = try Survfig.run(km + ["--allow-lint"], in: folder.path)
    #expect(result.status == 0)
    #expect(result.standardError == "warning: text '\(word)' runs off the page\n")
  }

  @Test("build: --x-max ends the axis before given breaks, and the risk table stops there too")
  func xMax() throws {
    let folder = try ScratchFolder()
    try folder.write(
      "t.yaml",
      """
      data: {lung: \(Survfig.data("lung.csv"))}
      figures:
        - {id: xmax, data: lung, time: time, event: status, event-value: 2, group: sex, x-breaks: [0, 365, 730], x-max: 500, formats: pdf}

      """)
    let result = try Survfig.run(
      ["build", "t.yaml", "--out", "out", "--quiet", "--strict"], in: folder.path)
    #expect(result.status == 0, "\(result.standardError)")
    let data = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/xmax.json"))
    let sidecar = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let rows = try #require(
      (sidecar["printed"] as? [String: Any])?["risk_table"] as? [[String: Any]])
    #expect(rows.map { $0["times"] as? [Double] ?? [] } == [[0, 365], [0, 365]])
  }

  @Test(
    "build: panels too short for their tables are refused; without a height the grid grows to fit")
  func panels() throws {
    let folder = try ScratchFolder()
    func template(_ height: String) -> String {
      """
      data: {veteran: \(Survfig.data("veteran.csv"))}
      figures:
        - id: grid
          type: panels
          columns: 2
          \(height)
          formats: [pdf]
          panels:
            - {data: veteran, time: time, event: status, group: celltype, risk-table: kmunicate}
            - {data: veteran, time: time, event: status, group: trt}

      """
    }
    try folder.write("short.yaml", template("height: 70"))
    let short = try Survfig.run(
      ["build", "short.yaml", "--out", "out", "--quiet"], in: folder.path)
    #expect(short.status == 1)
    #expect(
      short.standardError
        == "Error: while building figure 'grid' (short.yaml:3): panel A is too small for its contents: at 85 × 65 mm no room is left for the plot area; make the figure at least 103 mm high, or leave its height unset so that it grows\n"
    )
    try folder.write("free.yaml", template(""))
    let free = try Survfig.run(
      ["build", "free.yaml", "--out", "out", "--quiet", "--strict"], in: folder.path)
    #expect(free.status == 0, "\(free.standardError)")
    let data = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/grid.json"))
    let sidecar = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(sidecar["height_mm"] as? Double == 103)
    #expect(sidecar["lint"] as? [String] == [])
  }
}
