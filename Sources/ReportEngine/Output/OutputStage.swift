import Foundation

/// The files of one command, written all together or not at all.
///
/// Every command that writes files (`km`, `forest`, `swimmer`, `build`, `init`, `simulate`)
/// renders them in memory, adds each file's bytes to a stage and commits it:
///
/// 1. Before any work, ``check(_:creatingFolders:)`` tells whether every path can be written: its
///    folder exists (or is one the stage creates) and is writable, and the path is not a folder,
///    a device, a FIFO or a socket.
/// 2. ``commit()`` writes each file to a temporary file beside its target (`.km.pdf.1234-5.tmp`).
///    A failure — a full disk, a file over the size limit, a folder that vanished — removes every
///    temporary file and leaves the folder as it was.
/// 3. Only when every file was written are they renamed over their targets, one after the other.
///    Readers see each file either old or complete and new. A failed rename puts back the files
///    already replaced (kept as hard links until the end) and removes the new ones, so that the
///    folder again holds exactly the old outputs.
///
/// A signal (SIGINT, SIGTERM, SIGHUP) removes the temporary files before the process ends, once
/// ``installSignalHandlers()`` was called; one that arrives during the renames waits for them.
///
/// ```swift
/// try OutputStage.check(["Output/km.pdf", "Output/km.png"])   // before reading the data
/// var stage = OutputStage()
/// stage.add(pdf, to: "Output/km.pdf")
/// stage.add(png, to: "Output/km.png")
/// try stage.commit()
/// ```
public struct OutputStage: Sendable {
  /// One file to write.
  public struct File: Sendable {
    public var path: String
    public var bytes: [UInt8]
    /// Whether an existing file of that name is replaced; if not, committing fails with
    /// `OutputError.exists` when one appears.
    public var replacesExisting: Bool
  }

  /// The files, in the order they were added; a path added again keeps its place and takes the
  /// new bytes.
  public private(set) var files: [File] = []
  /// Folders created, with their missing parents, when the stage is committed, and removed again
  /// when it fails.
  public var folders: [String]

  /// A step of a commit, for tests that make one fail.
  enum Step: Hashable, Sendable {
    /// Writing the temporary file of the file at this index.
    case write(Int)
    /// Renaming the file at this index into place.
    case rename(Int)
  }

  /// For tests: the step that fails and the `errno` it fails with.
  var injectedFailure: (step: Step, errno: Int32)?

  /// An empty stage that creates `folders` when it is committed.
  public init(creatingFolders folders: [String] = []) {
    self.folders = folders
  }

  /// Adds a file to write.
  public mutating func add(_ bytes: [UInt8], to path: String, replacingExisting: Bool = true) {
    let file = File(path: path, bytes: bytes, replacesExisting: replacingExisting)
    if let index = files.firstIndex(where: { $0.path == path }) {
      files[index] = file
    } else {
      files.append(file)
    }
  }

  /// Checks, before any work, that every one of `paths` can be written: its folder exists, or is
  /// (inside) one of `folders`, which the stage creates; the folder that exists is writable; the
  /// path is not a folder and, when it exists, is a regular file.
  ///
  /// - Throws: `OutputError` naming the first path that cannot be written.
  public static func check(_ paths: [String], creatingFolders folders: [String] = []) throws(OutputError) {
    let creatable = Set(folders.map(normalized))
    func isCreated(_ folder: String) -> Bool {
      let folder = normalized(folder)
      return creatable.contains { $0 == folder || $0.hasPrefix(folder == "/" ? "/" : folder + "/") }
    }
    for path in paths {
      // The nearest folder that exists must be writable; those missing must be ones to create.
      var folder = OutputError.folder(of: path)
      while true {
        var info = stat()
        if stat(folder, &info) == 0 {
          guard info.st_mode & S_IFMT == S_IFDIR else {
            throw .notAFolder(path: path, file: OutputError.fileInTheWay(of: folder) ?? folder)
          }
          if access(folder, W_OK | X_OK) != 0 { throw .folderNotWritable(path: path, folder: folder, errno: errno) }
          break
        }
        let code = errno
        guard code == ENOENT, isCreated(folder), folder != "/", folder != "." else {
          throw OutputError(errno: code, operation: "stat", path: path)
        }
        folder = OutputError.folder(of: folder)
      }
      try checkTarget(path)
    }
  }

  /// Checks that `path` does not exist or is a regular file (or a link to one).
  static func checkTarget(_ path: String) throws(OutputError) {
    var info = stat()
    guard stat(path, &info) == 0 else {
      let code = errno
      if code == ENOENT { return }
      throw OutputError(errno: code, operation: "stat", path: path)
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return
    case S_IFDIR: throw .isAFolder(path: path)
    default: throw .notARegularFile(path: path, kind: kind(of: info.st_mode))
    }
  }

  /// What a `stat` mode other than a regular file's or a folder's describes.
  static func kind(of mode: mode_t) -> OutputError.FileKind {
    switch mode & S_IFMT {
    case S_IFIFO: return .fifo
    case S_IFCHR: return .characterDevice
    case S_IFBLK: return .blockDevice
    case S_IFSOCK: return .socket
    default: return .other
    }
  }

  /// `folder` without trailing slashes or a leading `./`.
  static func normalized(_ folder: String) -> String {
    var folder = folder
    while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
    while folder.hasPrefix("./"), folder.count > 2 { folder.removeFirst(2) }
    return folder
  }
}
