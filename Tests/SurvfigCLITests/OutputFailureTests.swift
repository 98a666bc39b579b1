import Foundation
import Testing

/// A failing build or command leaves the output folder exactly as it was: no new, partial or
/// temporary file, and the earlier outputs with their bytes.
@Suite("A failure leaves the outputs as they were")
struct OutputFailureTests {
  /// A template of a small PDF figure and a large PNG (1200 dpi, about 400 kB), written in that
  /// order, so that a limit between their sizes fails after some files were written.
  static func template(title: String, formats: String = "png") -> String {
    """
    title: \(title)
    data:
      cohort: data/a.csv
    figures:
      - {id: small, data: cohort, time: time, event: status, group: x, formats: pdf}
      - {id: big, data: cohort, time: time, event: status, group: x, formats: \(formats), dpi: 1200}

    """
  }

  /// A folder with `data/a.csv` (R's aml), `r.yaml` and `notes.txt`.
  static func folder(title: String = "First") throws -> ScratchFolder {
    let folder = try ScratchFolder()
    try FileManager.default.createDirectory(atPath: folder.path + "/data", withIntermediateDirectories: true)
    try folder.write("data/a.csv", try String(contentsOfFile: Survfig.data("aml.csv"), encoding: .utf8))
    try folder.write("r.yaml", template(title: title))
    try folder.write("notes.txt", "mine\n")
    return folder
  }

  static let build = ["build", "r.yaml", "--out", "out", "--depfile", "out/r.d", "--quiet"]

  @Test("km: a title too long for EPS fails before the PDF is written, naming what to shorten")
  func epsTitle() throws {
    let folder = try Self.folder()
    // A title this long runs off the page: --allow-lint lets the EPS check speak.
    let km = [
      "km", "--data", "data/a.csv", "--time", "time", "--event", "status", "--out", "f.pdf", "--out", "f.eps",
      "--allow-lint",
    ]
    #expect(try Survfig.run(km + ["--title", "Earlier"], in: folder.path).status == 0)
    let before = folder.snapshot(".")
    let long = try Survfig.run(km + ["--title", String(repeating: "A", count: 247)], in: folder.path)
    #expect(long.status == 1)
    #expect(
      long.standardError
        == "Error: f.eps: the title is too long for an EPS file: its header line '%%Title: …' is 256 bytes, and PostScript allows 255; shorten '--title' to 246 bytes or fewer, or leave out the EPS file\n"
    )
    #expect(folder.snapshot(".") == before)
    let longest = try Survfig.run(km + ["--title", String(repeating: "A", count: 246)], in: folder.path)
    #expect(longest.status == 0, "\(longest.standardError)")
    #expect(folder.snapshot(".") != before)
  }

  @Test("build: a template title too long for EPS names the template's key")
  func epsTemplateTitle() throws {
    let folder = try Self.folder()
    try folder.write("r.yaml", Self.template(title: String(repeating: "B", count: 300), formats: "[png, eps]"))
    let result = try Survfig.run(Self.build, in: folder.path)
    #expect(result.status == 1)
    #expect(
      result.standardError
        == "Error: out/big.eps: the title is too long for an EPS file: its header line '%%Title: …' is 309 bytes, and PostScript allows 255; shorten 'title' in r.yaml to 246 bytes or fewer, or leave out the EPS file\n"
    )
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
  }

  @Test(
    "build: a folder where the report goes, or a depfile that cannot be written, fails before any work",
    arguments: [
      (
        ["--depfile", "nodir/r.d"],
        "nodir/r.d: the folder 'nodir' does not exist; create it first, or choose another folder"
      ),
      (["--depfile", "notes.txt/r.d"], "notes.txt/r.d: 'notes.txt' is a file, not a folder; choose another path"),
      (["--depfile", "out"], "out: a folder of that name exists; remove it, or choose another file name"),
      ([], "out/r.pdf: a folder of that name exists; remove it, or choose another file name"),
    ])
  func failsBeforeWork(options: [String], message: String) throws {
    let folder = try Self.folder()
    #expect(try Survfig.run(Self.build, in: folder.path).status == 0)
    if options.isEmpty {
      try FileManager.default.removeItem(atPath: folder.path + "/out/r.pdf")
      try FileManager.default.createDirectory(atPath: folder.path + "/out/r.pdf", withIntermediateDirectories: false)
    }
    try folder.write("r.yaml", Self.template(title: "Second"))
    let before = folder.snapshot(".")
    // Without --quiet: no progress line, so nothing was computed.
    let result = try Survfig.run(["build", "r.yaml", "--out", "out"] + options, in: folder.path)
    #expect(result.status == 1)
    #expect(result.standardError == "Error: \(message)\n")
    #expect(folder.snapshot(".") == before)
  }

  @Test(
    "a file where a folder should be is named, for every command that writes",
    arguments: [
      (["build", "r.yaml", "--out", "notes.txt"], "notes.txt/small.pdf"),
      (["build", "r.yaml", "--out", "notes.txt/sub"], "notes.txt/sub/small.pdf"),
      (["init", "notes.txt/r.yaml"], "notes.txt/r.yaml"),
      (
        ["km", "--data", "data/a.csv", "--time", "time", "--event", "status", "--out", "notes.txt/km.pdf"],
        "notes.txt/km.pdf"
      ),
      (["simulate", "--spec", "cohort.yaml", "--out", "notes.txt/x.csv"], "notes.txt/x.csv"),
    ])
  func fileInTheWay(arguments: [String], path: String) throws {
    let folder = try Self.folder()
    try folder.write("cohort.yaml", SimulateCommandTests.specification)
    let before = folder.snapshot(".")
    let result = try Survfig.run(arguments, in: folder.path)
    #expect(result.status == 1)
    #expect(result.standardError == "Error: \(path): 'notes.txt' is a file, not a folder; choose another path\n")
    #expect(folder.snapshot(".") == before)
  }

  @Test(
    "a FIFO of an output's name is refused and kept, for every command that writes",
    arguments: [
      ["build", "r.yaml", "--out", "out", "--depfile", "pipe"],
      ["init", "pipe", "--force"],
      ["km", "--data", "data/a.csv", "--time", "time", "--event", "status", "--out", "km.pdf", "--out", "pipe.png"],
      ["forest", "--data", "data/a.csv", "--model", "Surv(time, status) ~ x", "--out", "pipe.pdf"],
      ["simulate", "--spec", "cohort.yaml", "--out", "pipe"],
    ])
  func fifo(arguments: [String]) throws {
    let folder = try Self.folder()
    try folder.write("cohort.yaml", SimulateCommandTests.specification)
    let name = try #require(arguments.last { $0.hasPrefix("pipe") })
    #expect(mkfifo(folder.path + "/" + name, 0o644) == 0)
    let before = folder.snapshot(".")
    let result = try Survfig.run(arguments, in: folder.path)
    #expect(result.status == 1)
    #expect(
      result.standardError
        == "Error: \(name): this is a FIFO (named pipe), not a regular file, and survfig does not replace it; choose another file name\n"
    )
    #expect(folder.snapshot(".") == before)
    #expect(folder.snapshot(".").entries[name] == .fifo)
  }

  @Test("a file size limit hit halfway through a rebuild leaves every earlier output as it was")
  func fileSizeLimitRebuild() throws {
    let folder = try Self.folder()
    #expect(try Survfig.run(Self.build, in: folder.path).status == 0)
    try folder.write("r.yaml", Self.template(title: "Second"))
    let before = folder.snapshot(".")
    let result = try Survfig.run(Self.build, in: folder.path, fileSizeLimit: 64)
    #expect(result.status == 1)
    #expect(
      result.standardError
        == "Error: out/big.png: the file is larger than this system allows (File too large); raise the limit on file sizes ('ulimit -f') and run again\n"
    )
    #expect(folder.snapshot(".") == before)
    #expect(try Survfig.run(Self.build, in: folder.path).status == 0)
    #expect(folder.snapshot(".").names == before.names)
    #expect(folder.snapshot(".") != before)
  }

  @Test("a file size limit on a first build leaves no output folder")
  func fileSizeLimitFirstBuild() throws {
    let folder = try Self.folder()
    let before = folder.snapshot(".")
    let result = try Survfig.run(Self.build, in: folder.path, fileSizeLimit: 64)
    #expect(result.status == 1)
    #expect(
      result.standardError
        == "Error: out/big.png: the file is larger than this system allows (File too large); raise the limit on file sizes ('ulimit -f') and run again\n"
    )
    #expect(folder.snapshot(".") == before)
  }

  @Test("km: a file size limit on the PNG leaves no PDF")
  func fileSizeLimitFigure() throws {
    let folder = try Self.folder()
    let result = try Survfig.run(
      [
        "km", "--data", "data/a.csv", "--time", "time", "--event", "status", "--dpi", "1200", "--out", "km.pdf",
        "--out", "km.png",
      ], in: folder.path, fileSizeLimit: 64)
    #expect(result.status == 1)
    #expect(
      result.standardError
        == "Error: km.png: the file is larger than this system allows (File too large); raise the limit on file sizes ('ulimit -f') and run again\n"
    )
    #expect(folder.files == ["data", "notes.txt", "r.yaml"])
  }

  @Test("init: a file size limit leaves no file behind, and the next init succeeds")
  func initFileSizeLimit() throws {
    let folder = try ScratchFolder()
    let result = try Survfig.run(["init", "report.yaml"], in: folder.path, fileSizeLimit: 1)
    #expect(result.status == 1)
    #expect(result.standardOutput == "")
    #expect(
      result.standardError
        == "Error: report.yaml: the file is larger than this system allows (File too large); raise the limit on file sizes ('ulimit -f') and run again\n"
    )
    #expect(folder.snapshot(".").entries.isEmpty)
    #expect(try Survfig.run(["init", "report.yaml"], in: folder.path).status == 0)
    #expect(folder.files == ["report.yaml"])
  }

  @Test(
    "a disk that fills up during a first build leaves nothing, during a rebuild the earlier outputs",
    .enabled(if: SmallDisk.isAvailable, "needs 'unshare -rm' (unprivileged user and mount namespaces) to mount a tmpfs")
  )
  func fullDisk() throws {
    let folder = try Self.folder()
    try folder.write("second.yaml", Self.template(title: "Second"))
    let build = "\"$SURVFIG\" build r.yaml --out disk/out --depfile disk/out/r.d --quiet"
    let first = try SmallDisk.run("\(build)\necho $?; listing disk\n", kilobytes: 64, in: folder.path)
    #expect(first.status == 0, "\(first.standardError)")
    #expect(first.standardOutput == "1\n")
    #expect(
      first.standardError
        == "Error: disk/out/big.png: the disk is full (No space left on device); free some space and run again\n")
    let rebuild = try SmallDisk.run(
      """
      \(build) || exit 91
      listing disk > before.txt
      used=$(df -k --output=used disk | tail -1)
      mount -o remount,size=$((used + 128))k disk
      cp second.yaml r.yaml
      \(build)
      echo $?
      listing disk > after.txt

      """, kilobytes: 16384, in: folder.path)
    #expect(rebuild.status == 0, "\(rebuild.standardError)")
    #expect(rebuild.standardOutput == "1\n")
    #expect(
      rebuild.standardError
        == "Error: disk/out/big.png: the disk is full (No space left on device); free some space and run again\n")
    let before = try String(contentsOfFile: folder.path + "/before.txt", encoding: .utf8)
    #expect(before.contains("./out/big.png ") && before.contains("./out/r.pdf "))
    #expect(try String(contentsOfFile: folder.path + "/after.txt", encoding: .utf8) == before)
  }
}
