import Foundation
import Testing

/// Figures fit their size or say why: a narrow forest plot wraps its labels or names the width
/// that fits, on the command line and in templates alike; a swimmer plot's lanes keep their
/// minimum distance or name the height that does.
@Suite("Figures fit their size or name the size that does")
struct FigureFitTests {
  static let model = ["--data", Survfig.data("lung.csv"), "--model", "Surv(time, status) ~ age + sex + ph.ecog"]
  static let longLabel = "age=Age at diagnosis in completed years (per year increase),sex=Sex,ph.ecog=ECOG"

  @Test("a forest plot at 89 mm with a long label wraps it and fits, with the wrapped lines in the sidecar")
  func forestWraps() throws {
    let folder = try ScratchFolder()
    let result = try Survfig.run(
      ["forest"] + Self.model + [
        "--multivariable-only", "--labels", Self.longLabel, "--width", "89", "--out", "f.pdf",
      ], in: folder.path)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError == "")
    #expect(folder.files == ["f.pdf"])
  }

  @Test("a forest plot too narrow for its columns is an error naming the width that fits, and writes nothing")
  func forestTooNarrow() throws {
    let folder = try ScratchFolder()
    let result = try Survfig.run(["forest"] + Self.model + ["--width", "50", "--out", "f.pdf"], in: folder.path)
    #expect(result.status == 1)
    #expect(
      result.standardError.hasPrefix(
        "Error: figure lint found 10 problems; fix them, or give --allow-lint to write the figure anyway:\n  the forest plot does not fit its width: at 50 mm its text columns (labels wrapped at spaces) leave the plot less than 18% of the width; make the figure at least 74 mm wide\n  text 'Multivariable' runs off the page\n"
      ), "\(result.standardError)")
    #expect(folder.files.isEmpty)
    let fits = try Survfig.run(["forest"] + Self.model + ["--width", "74", "--out", "f.pdf"], in: folder.path)
    #expect(fits.status == 0, "\(fits.standardError)")
    let allowed = try Survfig.run(
      ["forest"] + Self.model + ["--width", "50", "--out", "g.pdf", "--allow-lint"], in: folder.path)
    #expect(allowed.status == 0)
    #expect(
      allowed.standardError.hasPrefix(
        "warning: the forest plot does not fit its width: at 50 mm its text columns (labels wrapped at spaces) leave the plot less than 18% of the width; make the figure at least 74 mm wide\n"
      ))
  }

  @Test("a template's narrow forest plot fails the build with the same sentence, at its figure id")
  func forestTooNarrowInTemplate() throws {
    let folder = try ScratchFolder()
    _ = try folder.write(
      "r.yaml",
      """
      data:
        lung: \(Survfig.data("lung.csv"))
      figures:
        - {id: forest-narrow, type: forest, data: lung, model: "Surv(time, status) ~ age + sex + ph.ecog", width: 50}

      """)
    let result = try Survfig.run(["build", "r.yaml", "--out", "out", "--quiet"], in: folder.path)
    #expect(result.status == 1)
    #expect(
      result.standardError.hasPrefix(
        "Error: figure lint found 10 problems; fix them, or set 'allow-lint: true' on the figure (or in the style), or build with --allow-lint, to write it anyway:\n  forest-narrow: the forest plot does not fit its width: at 50 mm its text columns (labels wrapped at spaces) leave the plot less than 18% of the width; make the figure at least 74 mm wide\n"
      ), "\(result.standardError)")
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
    let allowed = try Survfig.run(["build", "r.yaml", "--out", "out", "--quiet", "--allow-lint"], in: folder.path)
    #expect(allowed.status == 0, "\(allowed.standardError)")
  }

  static func swimmer(patients: Int, in folder: ScratchFolder) throws -> [String] {
    let rows = (1...patients).map { "P\($0),\(Double(($0 * 37) % 61) / 2 + 1),\($0 % 2 == 0 ? "A" : "B")" }
    _ = try folder.write("p.csv", "patient,end,arm\n" + rows.joined(separator: "\n") + "\n")
    return ["swimmer", "--data", "p.csv", "--id", "patient", "--end", "end", "--group", "arm"]
  }

  @Test("a swimmer plot forced below its lanes' minimum distance names the height that fits")
  func swimmerTooShort() throws {
    let folder = try ScratchFolder()
    let swimmer = try Self.swimmer(patients: 100, in: folder)
    let result = try Survfig.run(swimmer + ["--height", "120", "--out", "s.pdf"], in: folder.path)
    #expect(result.status == 1)
    #expect(
      result.standardError
        == "Error: figure lint found 1 problem; fix it, or give --allow-lint to write the figure anyway:\n  the swimmer plot's 100 lanes are closer than 1.6 mm at 120 mm high, so that markers no longer clearly belong to one patient; make the figure at least 180 mm high, or leave its height unset\n"
    )
    #expect(folder.files == ["p.csv"])
    #expect(try Survfig.run(swimmer + ["--height", "180", "--out", "s.pdf"], in: folder.path).status == 0)
  }

  @Test("a swimmer plot grows to a page at most; more lanes than a page holds name the height they need")
  func swimmerTallerThanPage() throws {
    let folder = try ScratchFolder()
    let swimmer = try Self.swimmer(patients: 150, in: folder)
    let result = try Survfig.run(swimmer + ["--out", "s.pdf"], in: folder.path)
    #expect(result.status == 1)
    #expect(
      result.standardError
        == "Error: figure lint found 1 problem; fix it, or give --allow-lint to write the figure anyway:\n  the swimmer plot of 150 patients is 259 mm high with its lanes 1.6 mm apart, taller than a page (247 mm); split it into panels or select fewer patients, or give its height (at least 259 mm) to draw it this tall\n"
    )
    #expect(try Survfig.run(swimmer + ["--height", "259", "--out", "s.pdf"], in: folder.path).status == 0)
    let fewer = try Self.swimmer(patients: 120, in: folder)
    let natural = try Survfig.run(fewer + ["--out", "t.pdf"], in: folder.path)
    #expect(natural.status == 0, "\(natural.standardError)")
  }

  @Test("a legend placed over the curves is an error naming the remedy, a warning with --allow-lint")
  func legendOverCurves() throws {
    let folder = try ScratchFolder()
    let km = [
      "km", "--data", Survfig.data("lung.csv"), "--time", "time", "--event", "status", "--group", "sex", "--out",
      "km.pdf",
    ]
    let message =
      "the legend placed top-left covers the curves; choose another corner with --legend (legend: in a template), or leave it automatic so that it takes a free corner or the risk table"
    let refused = try Survfig.run(km + ["--legend", "top-left"], in: folder.path)
    #expect(refused.status == 1)
    #expect(
      refused.standardError
        == "Error: figure lint found 1 problem; fix it, or give --allow-lint to write the figure anyway:\n  \(message)\n"
    )
    let allowed = try Survfig.run(km + ["--legend", "top-left", "--allow-lint"], in: folder.path)
    #expect(allowed.status == 0)
    #expect(allowed.standardError == "warning: \(message)\n")
    // A free corner the user chose is drawn without a word.
    let free = try Survfig.run(km + ["--legend", "bottom-left"], in: folder.path)
    #expect(free.status == 0)
    #expect(free.standardError == "")
  }
}
