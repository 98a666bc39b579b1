import CairoRendering
import Foundation
import Testing

@testable import ReportEngine

/// A scratch folder holding earlier outputs, removed afterwards.
final class StageFolder {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "survfig-stage-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Writes `text` to `name` and returns the file's path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    try text.write(toFile: path + "/" + name, atomically: false, encoding: .utf8)
    return path + "/" + name
  }

  var snapshot: FolderSnapshot { FolderSnapshot(path) }
}

@Suite("Outputs are written all together or not at all")
struct OutputStageTests {
  /// A folder with two earlier outputs and an unrelated file, and a stage that replaces both
  /// outputs, adds a new one and one in a folder it creates.
  static func earlierOutputs() throws -> (StageFolder, OutputStage) {
    let folder = try StageFolder()
    try folder.write("km.pdf", "old pdf")
    try folder.write("km.png", "old png")
    try folder.write("notes.txt", "mine")
    var stage = OutputStage(creatingFolders: [folder.path + "/tables"])
    stage.add(Array("new pdf".utf8), to: folder.path + "/km.pdf")
    stage.add(Array("new png".utf8), to: folder.path + "/km.png")
    stage.add(Array("new json".utf8), to: folder.path + "/km.json")
    stage.add(Array("new csv".utf8), to: folder.path + "/tables/t.csv")
    return (folder, stage)
  }

  @Test("a commit replaces and adds every file, creates the folder and leaves no temporary file")
  func commit() throws {
    let (folder, stage) = try Self.earlierOutputs()
    try stage.commit()
    #expect(
      folder.snapshot.entries == [
        "km.pdf": .file(Array("new pdf".utf8)), "km.png": .file(Array("new png".utf8)),
        "km.json": .file(Array("new json".utf8)), "notes.txt": .file(Array("mine".utf8)), "tables": .folder,
        "tables/t.csv": .file(Array("new csv".utf8)),
      ])
  }

  @Test("a full disk while writing any file leaves the folder exactly as it was", arguments: 0..<4)
  func writeFails(at index: Int) throws {
    var (folder, stage) = try Self.earlierOutputs()
    let before = folder.snapshot
    stage.injectedFailure = (.write(index), ENOSPC)
    let path = stage.files[index].path
    #expect(throws: OutputError.noSpace(path: path, errno: ENOSPC)) { try stage.commit() }
    #expect(folder.snapshot == before)
    #expect(
      OutputError.noSpace(path: path, errno: ENOSPC).description
        == "\(path): the disk is full (No space left on device); free some space and run again")
  }

  @Test("a failed rename puts back the files already replaced and removes the new ones", arguments: 0..<4)
  func renameFails(at index: Int) throws {
    var (folder, stage) = try Self.earlierOutputs()
    let before = folder.snapshot
    stage.injectedFailure = (.rename(index), EIO)
    let path = stage.files[index].path
    #expect(throws: OutputError.system(path: path, operation: "rename", errno: EIO)) { try stage.commit() }
    #expect(folder.snapshot == before)
    #expect(
      OutputError.system(path: path, operation: "rename", errno: EIO).description
        == "\(path): cannot write the file (rename: Input/output error)")
  }

  @Test("a quota or a file size limit is named as the cause")
  func quotaAndSizeLimit() {
    #expect(
      OutputError.noSpace(path: "out/km.png", errno: EDQUOT).description
        == "out/km.png: the disk quota is exhausted (Disk quota exceeded); free some space, or ask for a larger quota, and run again"
    )
    #expect(
      OutputError.noSpace(path: "out/km.png", errno: EFBIG).description
        == "out/km.png: the file is larger than this system allows (File too large); raise the limit on file sizes ('ulimit -f') and run again"
    )
    #expect(OutputError(errno: EFBIG, operation: "write", path: "x") == .noSpace(path: "x", errno: EFBIG))
    #expect(OutputError(errno: EDQUOT, operation: "close", path: "x") == .noSpace(path: "x", errno: EDQUOT))
  }

  @Test("a file that must not be replaced is refused when it exists, and kept")
  func noReplacement() throws {
    let folder = try StageFolder()
    let path = try folder.write("report.yaml", "mine")
    var stage = OutputStage()
    stage.add(Array("starter".utf8), to: path, replacingExisting: false)
    let before = folder.snapshot
    #expect(throws: OutputError.exists(path: path)) { try stage.commit() }
    #expect(folder.snapshot == before)
    #expect(
      OutputError.exists(path: "report.yaml").description == "report.yaml: the file already exists and is not replaced")
    try FileManager.default.removeItem(atPath: path)
    try stage.commit()
    #expect(folder.snapshot.entries == ["report.yaml": .file(Array("starter".utf8))])
  }

  @Test("a file name of 250 bytes gets a temporary name within the file system's limit")
  func longName() throws {
    let folder = try StageFolder()
    let path = folder.path + "/" + String(repeating: "é", count: 123) + ".pdf"
    var stage = OutputStage()
    stage.add([1, 2, 3], to: path)
    try stage.commit()
    #expect(folder.snapshot.entries == [(path as NSString).lastPathComponent: .file([1, 2, 3])])
  }

  @Test("the checks before any work name the path, the cause and the remedy")
  func checks() throws {
    let folder = try StageFolder()
    let file = try folder.write("notes.txt", "mine")
    try FileManager.default.createDirectory(atPath: folder.path + "/km.pdf", withIntermediateDirectories: false)
    #expect(mkfifo(folder.path + "/pipe.pdf", 0o644) == 0)
    let cases: [(String, [String], OutputError, String)] = [
      (
        folder.path + "/missing/km.pdf", [],
        .missingFolder(path: folder.path + "/missing/km.pdf", folder: folder.path + "/missing"),
        "\(folder.path)/missing/km.pdf: the folder '\(folder.path)/missing' does not exist; create it first, or choose another folder"
      ),
      (
        file + "/km.pdf", [], .notAFolder(path: file + "/km.pdf", file: file),
        "\(file)/km.pdf: '\(file)' is a file, not a folder; choose another path"
      ),
      (
        file + "/a/b/km.pdf", [file + "/a/b"], .notAFolder(path: file + "/a/b/km.pdf", file: file),
        "\(file)/a/b/km.pdf: '\(file)' is a file, not a folder; choose another path"
      ),
      (
        folder.path + "/km.pdf", [], .isAFolder(path: folder.path + "/km.pdf"),
        "\(folder.path)/km.pdf: a folder of that name exists; remove it, or choose another file name"
      ),
      (
        folder.path + "/pipe.pdf", [], .notARegularFile(path: folder.path + "/pipe.pdf", kind: .fifo),
        "\(folder.path)/pipe.pdf: this is a FIFO (named pipe), not a regular file, and survfig does not replace it; choose another file name"
      ),
    ]
    for (path, folders, error, message) in cases {
      #expect(throws: error) { try OutputStage.check([path], creatingFolders: folders) }
      #expect(error.description == message)
    }
    let long = folder.path + "/" + String(repeating: "x", count: 300) + ".pdf"
    #expect(throws: OutputError.system(path: long, operation: "stat", errno: ENAMETOOLONG)) {
      try OutputStage.check([long])
    }
    #expect(
      OutputError.system(path: "x.pdf", operation: "open", errno: ENAMETOOLONG).description
        == "x.pdf: the file name is too long (open: File name too long); choose a shorter name")
    // Folders the stage creates may be missing, with their parents.
    try OutputStage.check([folder.path + "/new/deep/km.pdf"], creatingFolders: [folder.path + "/new/deep/"])
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/new"))
  }

  @Test("a FIFO or a socket of an output's name is refused by the commit too, and kept")
  func specialFiles() throws {
    let folder = try StageFolder()
    let fifo = folder.path + "/out.pdf"
    #expect(mkfifo(fifo, 0o644) == 0)
    let socketPath = folder.path + "/out.sock"
    let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { buffer in
      for (index, byte) in socketPath.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
    }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    #expect(bound == 0)
    let before = folder.snapshot
    for (path, kind) in [(fifo, OutputError.FileKind.fifo), (socketPath, .socket)] {
      var stage = OutputStage()
      stage.add([1], to: folder.path + "/first.json")
      stage.add([2], to: path)
      #expect(throws: OutputError.notARegularFile(path: path, kind: kind)) { try stage.commit() }
      #expect(folder.snapshot == before)
    }
    #expect(
      OutputError.notARegularFile(path: "x.d", kind: .socket).description
        == "x.d: this is a socket, not a regular file, and survfig does not replace it; choose another file name")
    #expect(
      OutputError.notARegularFile(path: "x.d", kind: .blockDevice).description
        == "x.d: this is a block device, not a regular file, and survfig does not replace it; choose another file name")
    #expect(
      OutputError.notARegularFile(path: "x.d", kind: .other).description
        == "x.d: this is an unknown kind of file, not a regular file, and survfig does not replace it; choose another file name"
    )
    #expect(
      OutputError.notARegularFile(path: "x.d", kind: .characterDevice).description
        == "x.d: this is a character device, not a regular file, and survfig does not replace it; choose another file name"
    )
  }

  @Test(
    "a folder that is not writable is named", .enabled(if: geteuid() != 0, "root may write into any folder"))
  func notWritable() throws {
    let folder = try StageFolder()
    try FileManager.default.createDirectory(atPath: folder.path + "/locked", withIntermediateDirectories: false)
    chmod(folder.path + "/locked", 0o555)
    defer { chmod(folder.path + "/locked", 0o755) }
    let path = folder.path + "/locked/km.pdf"
    let error = OutputError.folderNotWritable(path: path, folder: folder.path + "/locked", errno: EACCES)
    #expect(throws: error) { try OutputStage.check([path]) }
    #expect(
      error.description
        == "\(path): the folder '\(folder.path)/locked' is not writable (Permission denied); change its permissions, or choose another folder"
    )
    #expect(
      OutputError.folderNotWritable(path: "/mnt/km.pdf", folder: "/mnt", errno: EROFS).description
        == "/mnt/km.pdf: the folder '/mnt' is on a read-only file system; choose another folder")
  }

  @Test("Foundation's and the renderer's errors become the same sentences")
  func translations() {
    let path = "Output/km.pdf"
    func translated(_ error: Error) -> String { "\(OutputError.translating(error, path: path))" }
    let full = "Output/km.pdf: the disk is full (No space left on device); free some space and run again"
    #expect(translated(CocoaError(.fileWriteOutOfSpace)) == full)
    #expect(
      translated(
        NSError(
          domain: NSCocoaErrorDomain, code: 512,
          userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))])) == full)
    #expect(translated(NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))) == full)
    #expect(translated(RenderError.fileSystem(operation: "write", errno: ENOSPC, path: path)) == full)
    #expect(
      translated(
        NSError(
          domain: NSCocoaErrorDomain, code: 512,
          userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOTDIR))]))
        == "Output/km.pdf: 'Output' is a file, not a folder; choose another path")
    #expect(
      translated(CocoaError(.fileWriteVolumeReadOnly))
        == "Output/km.pdf: the folder 'Output' is on a read-only file system; choose another folder")
    #expect(
      translated(CocoaError(.fileNoSuchFile))
        == "Output/km.pdf: the folder 'Output' does not exist; create it first, or choose another folder")
    #expect(
      translated(CairoError(status: .noMemory, operation: "cairo_image_surface_create"))
        == "Output/km.pdf: out of memory while rendering the file (cairo_image_surface_create); lower the resolution or the figure size"
    )
    #expect(
      translated(CairoError(status: .invalidSize, operation: "cairo_pdf_surface_create_for_stream"))
        == "Output/km.pdf: Cairo could not render the file (cairo_pdf_surface_create_for_stream: invalid value (typically too big) for the size of the input (surface, pattern, etc.)); please report this with the command that failed"
    )
    let title = String(repeating: "A long title ", count: 20)
    #expect(
      "\(OutputError.translating(CairoError(status: .invalidDSCComment, operation: "cairo_ps_surface_dsc_comment"), path: "km.eps", title: title, titleOption: "'--title'"))"
        == "km.eps: the title is too long for an EPS file: its header line '%%Title: …' is 269 bytes, and PostScript allows 255; shorten '--title' to 246 bytes or fewer, or leave out the EPS file"
    )
    #expect(
      translated(CocoaError(.fileWriteUnknown))
        == "Output/km.pdf: cannot write the file (\(CocoaError(.fileWriteUnknown).localizedDescription))")
    let unrelated = DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not JSON"))
    #expect(!(OutputError.translating(unrelated, path: path) is OutputError))
  }
}
