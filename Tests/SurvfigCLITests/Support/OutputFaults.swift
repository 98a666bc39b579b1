import Foundation

/// Ways to make survfig's writes fail as a full disk or a signal would, without privileges.
extension Survfig {
  /// Runs a bash `script` in `folder`, with `$SURVFIG` naming the binary.
  static func shell(_ script: String, in folder: String) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.environment = ProcessInfo.processInfo.environment.merging(["SURVFIG": binary]) { $1 }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
      standardError: String(decoding: errData, as: UTF8.self))
  }

  /// Runs survfig with `arguments` in `folder` with files limited to `kilobytes` (RLIMIT_FSIZE,
  /// as `ulimit -f` sets it): a write beyond the limit fails with EFBIG, as on a full disk.
  static func run(_ arguments: [String], in folder: String, fileSizeLimit kilobytes: Int) throws -> Result {
    let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    return try shell("ulimit -f \(kilobytes) && exec \"$SURVFIG\" \(quoted)", in: folder)
  }

  /// Starts survfig with `arguments` in `folder`; its standard error is piped.
  static func start(_ arguments: [String], in folder: String, environment: [String: String] = [:]) throws -> (
    Process, Pipe
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    return (process, err)
  }
}

/// A small tmpfs that fills up, mounted in a user and mount namespace (`unshare -rm`), where
/// the kernel allows unprivileged users that; the file system exists only while its script runs.
enum SmallDisk {
  /// Whether `unshare -rm` may mount a tmpfs here.
  static let isAvailable: Bool = {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"), let folder = try? ScratchFolder()
    else { return false }
    try? FileManager.default.createDirectory(atPath: folder.path + "/disk", withIntermediateDirectories: false)
    let probe = try? Survfig.shell(
      "/usr/bin/unshare --user --map-root-user --mount sh -c 'mount -t tmpfs -o size=64k tmpfs disk'", in: folder.path)
    return probe?.status == 0
  }()

  /// Runs a bash `script` in `folder` with a tmpfs of `kilobytes` mounted on `folder/disk`.
  static func run(_ script: String, kilobytes: Int, in folder: String) throws -> Survfig.Result {
    try FileManager.default.createDirectory(atPath: folder + "/disk", withIntermediateDirectories: true)
    try (listing + "mount -t tmpfs -o size=\(kilobytes)k tmpfs disk || exit 90\n" + script).write(
      toFile: folder + "/small-disk.sh", atomically: true, encoding: .utf8)
    return try Survfig.shell("/usr/bin/unshare --user --map-root-user --mount bash small-disk.sh", in: folder)
  }

  /// A shell function printing every entry below a folder with its kind and, for a file, its
  /// checksum: `listing disk > before.txt`.
  static let listing = """
    listing() {
      (cd "$1" && find . -mindepth 1 | LC_ALL=C sort | while read -r entry; do
        if [ -f "$entry" ]; then echo "$entry $(md5sum < "$entry")"; else echo "$entry $(stat -c %F "$entry")"; fi
      done)
    }

    """
}

/// A build's files: an output folder to compare before and after a failure.
extension ScratchFolder {
  /// Everything in `name` (a folder in the scratch folder), hidden files included.
  func snapshot(_ name: String) -> FolderSnapshot { FolderSnapshot(path + "/" + name) }

  /// Copies the template `name` of `Templates/` and its data into the folder.
  func copyTemplate(_ name: String, data: [String]) throws {
    let manager = FileManager.default
    try manager.createDirectory(atPath: path + "/data", withIntermediateDirectories: true)
    for file in data { try manager.copyItem(atPath: Survfig.data(file), toPath: path + "/data/" + file) }
    try manager.copyItem(atPath: Survfig.packageRoot + "/Templates/" + name, toPath: path + "/" + name)
  }

  /// Hidden temporary files left in `name`.
  func temporaryFiles(in name: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path + "/" + name)) ?? []).filter {
      $0.hasPrefix(".") && ($0.hasSuffix(".tmp") || $0.hasSuffix(".old"))
    }
  }
}
