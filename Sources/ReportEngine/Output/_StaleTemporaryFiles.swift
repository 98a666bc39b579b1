import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Temporary files that a killed run left beside its targets.
///
/// A run stopped by a signal it can catch removes its temporary files; one killed outright
/// (`kill -9`, the machine losing power) cannot. Its files keep the names of
/// ``_TemporaryFile/name(beside:suffix:)``, `.km.pdf.1234-5.tmp` (and `.old` for a replaced
/// file kept during the renames), naming the process that wrote them. Before writing a target,
/// a stage removes the files of that target's name whose process no longer runs; files of
/// other names, and of processes still running, are left alone.
enum _StaleTemporaryFiles {
  /// Removes the stale temporary files of `target`; returns how many were removed.
  @discardableResult
  static func remove(beside target: String) -> Int {
    let folder = OutputError.folder(of: target)
    var name = String(target.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
    while name.utf8.count > 200 { name.removeLast() }
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return 0 }
    let prefix = "." + name + "."
    var removed = 0
    for entry in entries where entry.hasPrefix(prefix) {
      guard let pid = processID(inTemporaryName: String(entry.dropFirst(prefix.count))), !isRunning(pid) else {
        continue
      }
      if unlink((folder == "/" ? "" : folder) + "/" + entry) == 0 { removed += 1 }
    }
    return removed
  }

  /// The process of a temporary name's tail, `1234-5.tmp` or `1234-5.old`; nil for any other.
  static func processID(inTemporaryName tail: String) -> pid_t? {
    let parts = tail.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[1] == "tmp" || parts[1] == "old" else { return nil }
    let numbers = parts[0].split(separator: "-", omittingEmptySubsequences: false)
    guard numbers.count == 2, let pid = pid_t(numbers[0]), pid > 0, Int(numbers[1]) != nil else { return nil }
    return pid
  }

  /// Whether process `pid` exists (this process's own files are never stale).
  static func isRunning(_ pid: pid_t) -> Bool {
    if pid == getpid() { return true }
    return kill(pid, 0) == 0 || errno != ESRCH
  }
}
