#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The whole contents of the file at `path`; nil when it cannot be read.
func _readFile(_ path: String) -> [UInt8]? {
  guard let file = fopen(path, "rb") else { return nil }
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 65536)
  while true {
    let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, 65536, file) }
    if count > 0 { bytes += buffer[0..<count] }
    if count < 65536 { break }
  }
  return ferror(file) == 0 ? bytes : nil
}

/// A private folder under `TMPDIR` (or /tmp) for the files an external tool reads and writes,
/// removed with its files by `remove()`.
struct _TemporaryFolder {
  let path: String

  init() throws(RenderError) {
    let base = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array((base + "/survfig-XXXXXX").utf8CString)
    guard mkdtemp(&template) != nil else {
      throw .fileSystem(operation: "mkdtemp", errno: errno, path: base)
    }
    path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  func file(_ name: String) -> String { path + "/" + name }

  /// Removes the folder and the files named `names` in it.
  func remove(_ names: [String]) {
    for name in names { unlink(file(name)) }
    rmdir(path)
  }
}

/// Runs `executable` with `arguments`, standard input closed and its output captured; returns
/// its exit status and the last 2,000 bytes of its output.
func _run(_ executable: String, _ arguments: [String], outputFile: String) throws(RenderError) -> (
  status: Int32, output: String
) {
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  posix_spawn_file_actions_adddup2(&actions, 1, 2)
  let argv = ([executable] + arguments).map { strdup($0) } + [nil]
  defer { for pointer in argv { free(pointer) } }
  var pid = pid_t()
  let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
  guard spawned == 0 else { throw .fileSystem(operation: "posix_spawn", errno: spawned, path: executable) }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
  let output = _readFile(outputFile) ?? []
  let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
  return (exitStatus, String(decoding: output.suffix(2000), as: UTF8.self))
}

/// The first executable named `name` on `PATH`.
func _locate(_ name: String) -> String? {
  let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
  for folder in path.split(separator: ":") {
    let candidate = "\(folder)/\(name)"
    if access(candidate, X_OK) == 0 { return candidate }
  }
  return nil
}
