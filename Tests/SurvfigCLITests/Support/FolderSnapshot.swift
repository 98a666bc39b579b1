import Foundation

/// Everything in a folder, hidden files included: each entry's kind and each file's bytes, to
/// compare a folder before and after a failure.
struct FolderSnapshot: Equatable, CustomStringConvertible {
  enum Entry: Equatable {
    case file([UInt8])
    case folder
    case fifo
    case other
  }

  /// Entries by path relative to the folder.
  var entries: [String: Entry] = [:]

  init(_ folder: String) {
    for name in (FileManager.default.subpaths(atPath: folder) ?? []) {
      let path = folder + "/" + name
      var info = stat()
      guard lstat(path, &info) == 0 else { continue }
      switch info.st_mode & S_IFMT {
      case S_IFREG: entries[name] = .file(Array(FileManager.default.contents(atPath: path) ?? Data()))
      case S_IFDIR: entries[name] = .folder
      case S_IFIFO: entries[name] = .fifo
      default: entries[name] = .other
      }
    }
  }

  /// The names of the entries, sorted.
  var names: [String] { entries.keys.sorted() }

  var description: String { names.joined(separator: ", ") }
}
