import Analyses
import ClinicalData
import Expressions
import Foundation
import ReportTemplates

/// The files one figure or table (or the report PDF) writes and the inputs they are computed
/// from: make's targets and prerequisites.
struct OutputGroup: Sendable {
  var targets: [String]
  /// Data files read, besides the template and the survfig binary.
  var dataFiles: [String]
}

extension ReportBuilder {
  /// The template, `dataFiles` (sorted, once each) and the survfig binary.
  func prerequisites(_ dataFiles: [String]) -> [String] {
    [template.file] + Array(Set(dataFiles)).sorted() + (options.executable.map { [$0] } ?? [])
  }

  /// A make-format dependency file: a rule per figure and per table, whose outputs depend on
  /// the template, the data files that figure or table reads and the survfig binary, and a rule
  /// for the report PDF, which shows every figure and table and so depends on all of them.
  ///
  /// As `gcc -MP` does, every data file also gets a rule of its own without prerequisites, so
  /// that a data file the template stops using (and removes) does not stop make with "No rule
  /// to make target".
  func dependencies(_ groups: [OutputGroup]) -> String {
    let escape = Self.makeEscaped
    var lines = groups.filter { !$0.targets.isEmpty }.map { group in
      group.targets.map(escape).joined(separator: " ") + ": "
        + prerequisites(group.dataFiles).map(escape).joined(separator: " ")
    }
    let data = Set(groups.flatMap(\.dataFiles)).sorted()
    if !data.isEmpty { lines += [""] + data.map { escape($0) + ":" } }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `path` as GNU make reads a file name in a rule: `$` doubled; a space, `#`, `:` and the
  /// wildcards `*`, `?`, `[` after a backslash, and the backslashes just before one of them
  /// doubled (as `gcc -MD` writes them). `data/lung: arm #1 $x.csv` becomes
  /// `data/lung\:\ arm\ \#1\ $$x.csv`.
  static func makeEscaped(_ path: String) -> String {
    var escaped = ""
    var backslashes = 0
    for character in path {
      switch character {
      case "$":
        escaped += "$$"
      case " ", "#", ":", "*", "?", "[":
        escaped += String(repeating: "\\", count: backslashes + 1) + String(character)
      default:
        escaped.append(character)
      }
      backslashes = character == "\\" ? backslashes + 1 : 0
    }
    return escaped
  }

  /// The first character of `path` that make cannot read in a rule, whatever the escaping: a
  /// tab or line break, `%` (a pattern), `;` (a recipe), `=` (a variable), `|` (order-only
  /// prerequisites); a backslash or `&` at the end (a continued line, grouped targets).
  static func unnameableCharacter(in path: String) -> Character? {
    if let character = path.first(where: { "\t\n\r%;=|".contains($0) }) { return character }
    if let last = path.last, last == "\\" || last == "&" { return last }
    return nil
  }

  /// Whether `path` can be left as it is: it holds `bytes` already and is newer than each of
  /// `prerequisites`, so that make finds it up to date. An output that make would consider out
  /// of date is always written, even with the same bytes, so that its time advances.
  static func isCurrent(_ path: String, bytes: [UInt8], prerequisites: [String]) -> Bool {
    guard let written = _FileTime(path) else { return false }
    for prerequisite in prerequisites {
      // A prerequisite that cannot be read (a binary given by a bare name) does not count.
      if let time = _FileTime(prerequisite), !(time < written) { return false }
    }
    guard let existing = FileManager.default.contents(atPath: path), existing.count == bytes.count
    else { return false }
    return existing.elementsEqual(bytes)
  }
}

/// A file's modification time to the nanosecond, as make compares them.
struct _FileTime: Comparable {
  var seconds: Int
  var nanoseconds: Int

  init?(_ path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    #if canImport(Darwin)
      (seconds, nanoseconds) = (Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec))
    #else
      (seconds, nanoseconds) = (Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec))
    #endif
  }

  static func < (a: _FileTime, b: _FileTime) -> Bool {
    (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds)
  }
}
