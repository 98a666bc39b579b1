import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension OutputStage {
  /// Writes every file: first each to a temporary file beside its target, then, when all were
  /// written, renames them into place. On any failure the folder is left as it was: temporary
  /// files removed, files already replaced put back, folders the stage created removed.
  /// Temporary files of the same targets that a killed run left behind are removed first.
  ///
  /// - Throws: `OutputError` naming the file that could not be written and why.
  public func commit() throws(OutputError) {
    guard !files.isEmpty else { return }
    try Self.check(files.map(\.path), creatingFolders: folders)
    let created = try createFolders()
    for file in files { _StaleTemporaryFiles.remove(beside: file.path) }

    // 1. Every file to a temporary file beside its target.
    var staged: [_TemporaryFile] = []
    for (index, file) in files.enumerated() {
      do {
        staged.append(try _TemporaryFile(writing: file.bytes, beside: file.path, failing: failure(at: .write(index))))
      } catch {
        for temporary in staged { temporary.remove() }
        Self.removeFolders(created)
        throw error
      }
    }
    Self.holdForTests(staged.count)

    // 2. Every temporary file renamed into place; a signal waits until this is done or undone.
    _Interruption.beginCommitting()
    defer { _Interruption.endCommitting() }
    var placed: [(path: String, backup: String?)] = []
    for (index, (file, temporary)) in zip(files, staged).enumerated() {
      do {
        placed.append((file.path, try place(temporary, as: file, failing: failure(at: .rename(index)))))
      } catch {
        for (path, backup) in placed.reversed() {
          if let backup { rename(backup, path) } else { unlink(path) }
        }
        for temporary in staged { temporary.remove() }
        Self.removeFolders(created)
        throw error
      }
    }
    for case (_, let backup?) in placed { unlink(backup) }
    for temporary in staged { temporary.forget() }
  }

  private func failure(at step: Step) -> Int32? {
    injectedFailure.flatMap { $0.step == step ? $0.errno : nil }
  }

  /// Renames `temporary` over `file.path`, first keeping the file it replaces as a hard link
  /// (returned) so that a later failure can put it back. Without hard links (some network and
  /// FAT file systems) the replaced file cannot be put back, and no link is made.
  private func place(_ temporary: _TemporaryFile, as file: File, failing injected: Int32?) throws(OutputError)
    -> String?
  {
    let path = file.path
    try Self.checkTarget(path)
    var info = stat()
    let exists = lstat(path, &info) == 0
    if !file.replacesExisting {
      // link(2) never replaces: an existing file (even one made a moment ago) is an error.
      if let injected { throw OutputError(errno: injected, operation: "link", path: path) }
      if link(temporary.path, path) != 0 {
        let code = errno
        guard [EPERM, EOPNOTSUPP, EXDEV, EMLINK].contains(code), !exists else {
          throw OutputError(errno: code, operation: "link", path: path)
        }
        if rename(temporary.path, path) != 0 { throw OutputError(errno: errno, operation: "rename", path: path) }
        return nil
      }
      unlink(temporary.path)
      return nil
    }
    var backup: String?
    if exists {
      let name = _TemporaryFile.name(beside: path, suffix: "old")
      if link(path, name) == 0 { backup = name }
    }
    let code = injected ?? (rename(temporary.path, path) == 0 ? 0 : errno)
    guard code == 0 else {
      if let backup { unlink(backup) }
      throw OutputError(errno: code, operation: "rename", path: path)
    }
    return backup
  }

  /// Creates the missing parts of `folders`, returning those created, in order.
  private func createFolders() throws(OutputError) -> [String] {
    var created: [String] = []
    for folder in folders.map(Self.normalized) {
      var prefix = folder.hasPrefix("/") ? "/" : ""
      for component in folder.split(separator: "/") {
        prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
        if mkdir(prefix, 0o777) == 0 {
          created.append(prefix)
          continue
        }
        let code = errno
        var info = stat()
        if code == EEXIST, stat(prefix, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { continue }
        Self.removeFolders(created)
        throw code == EEXIST
          ? .notAFolder(path: folder, file: prefix) : OutputError(errno: code, operation: "mkdir", path: prefix)
      }
    }
    return created
  }

  /// Removes `folders` (created by the stage, so empty again) in reverse order.
  private static func removeFolders(_ folders: [String]) {
    for folder in folders.reversed() { rmdir(folder) }
  }

  /// For the tests of signals: with `SURVFIG_TEST_HOLD_STAGED_FILES` set, says so on standard
  /// error and waits (at most a minute) with every temporary file written, before the renames.
  private static func holdForTests(_ count: Int) {
    guard ProcessInfo.processInfo.environment["SURVFIG_TEST_HOLD_STAGED_FILES"] != nil else { return }
    FileHandle.standardError.write(Data("survfig: \(count) files staged\n".utf8))
    for _ in 0..<600 { usleep(100_000) }
  }
}

/// A file written beside its target under a hidden, unique name, registered for removal on a
/// signal until it is renamed into place or removed.
struct _TemporaryFile {
  let path: String
  private let registration: _StagedFiles.Registration

  private static let counter = Atomic<Int>(0)

  /// A new name beside `target`: `.km.pdf.1234-5.tmp`. Long names are shortened so that the name
  /// stays within the 255 bytes file systems allow.
  static func name(beside target: String, suffix: String) -> String {
    let folder = OutputError.folder(of: target)
    var name = String(target.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
    while name.utf8.count > 200 { name.removeLast() }
    let serial = counter.add(1, ordering: .relaxed).newValue
    return (folder == "/" ? "" : folder) + "/.\(name).\(getpid())-\(serial).\(suffix)"
  }

  /// Writes `bytes` to a new temporary file beside `target`; `injected` makes the write fail
  /// halfway with that `errno`.
  init(writing bytes: [UInt8], beside target: String, failing injected: Int32? = nil) throws(OutputError) {
    var descriptor: Int32 = -1
    var path = ""
    var registration: _StagedFiles.Registration?
    while descriptor < 0 {
      path = Self.name(beside: target, suffix: "tmp")
      let registered = _StagedFiles.register(path)
      descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if descriptor < 0 {
        let code = errno
        _StagedFiles.unregister(registered)
        if code != EEXIST { throw OutputError(errno: code, operation: "open", path: target) }
      } else {
        registration = registered
      }
    }
    // The process is ending and may have missed this file: remove it and wait for the end.
    if _Interruption.isEnding {
      unlink(path)
      _Interruption.waitForTheEnd()
    }
    self.path = path
    self.registration = registration!
    var failure: (String, Int32)?
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      let end = injected == nil ? buffer.count : buffer.count / 2
      var offset = 0
      while offset < end {
        let written = systemWrite(descriptor, base + offset, end - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = ("write", errno)
          return
        }
        offset += written
      }
      if let injected { failure = ("write", injected) }
    }
    if close(descriptor) != 0, failure == nil { failure = ("close", errno) }
    if let (operation, code) = failure {
      remove()
      throw OutputError(errno: code, operation: operation, path: target)
    }
  }

  /// Removes the file.
  func remove() {
    unlink(path)
    _StagedFiles.unregister(registration)
  }

  /// Forgets the file: it was renamed into place.
  func forget() {
    _StagedFiles.unregister(registration)
  }
}

#if canImport(Glibc)
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  private let systemWrite = Darwin.write
#endif
