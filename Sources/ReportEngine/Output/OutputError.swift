import CairoRendering
import Foundation

/// An output file that cannot be written, as a sentence naming the file, the cause and what to do.
///
/// Every failure to write an output ends here: the stage's own system calls (by `errno`),
/// Foundation's errors (`NSCocoaErrorDomain` with its underlying POSIX error), the renderer's
/// file-system errors and Cairo's status codes. The description reads like a compiler's:
/// `Output/km.pdf: the disk is full (No space left on device); free some space and run again`.
public enum OutputError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The folder of `path` does not exist.
  case missingFolder(path: String, folder: String)
  /// `file`, a part of the folder of `path`, is a file rather than a folder.
  case notAFolder(path: String, file: String)
  /// The folder of `path` cannot be written to (`errno` is `EACCES`, `EPERM` or `EROFS`).
  case folderNotWritable(path: String, folder: String, errno: Int32)
  /// A folder has the name of the file.
  case isAFolder(path: String)
  /// Something other than a regular file has the name: a FIFO, a device or a socket.
  case notARegularFile(path: String, kind: FileKind)
  /// The file system is full, the quota is exhausted or the file exceeds the size limit
  /// (`errno` is `ENOSPC`, `EDQUOT` or `EFBIG`).
  case noSpace(path: String, errno: Int32)
  /// The file exists and is not to be replaced.
  case exists(path: String)
  /// The figure's title does not fit a DSC comment line of an EPS file: `bytes` is the length of
  /// `%%Title: ` and the title; `option` is how the front end spells the title.
  case titleTooLongForEPS(path: String, bytes: Int, option: String)
  /// Cairo failed while rendering the file.
  case rendering(path: String, error: CairoError)
  /// Another system call failed.
  case system(path: String, operation: String, errno: Int32)
  /// Another failure, with the text of the library that reported it.
  case other(path: String, reason: String)
  /// A path a dependency file would name has a character make cannot read in a file name.
  case unnameableInDependencyFile(depfile: String, path: String, character: Character)

  /// What, other than a regular file, has an output's name.
  public enum FileKind: String, Hashable, Sendable {
    case fifo = "a FIFO (named pipe)"
    case characterDevice = "a character device"
    case blockDevice = "a block device"
    case socket = "a socket"
    case other = "an unknown kind of file"
  }

  /// The longest DSC comment line PostScript (and Cairo) allows, in bytes.
  public static let dscCommentLimit = 255

  public var description: String {
    switch self {
    case .missingFolder(let path, let folder):
      return "\(path): the folder '\(folder)' does not exist; create it first, or choose another folder"
    case .notAFolder(let path, let file):
      return "\(path): '\(file)' is a file, not a folder; choose another path"
    case .folderNotWritable(let path, let folder, let code) where code == EROFS:
      return "\(path): the folder '\(folder)' is on a read-only file system; choose another folder"
    case .folderNotWritable(let path, let folder, let code):
      return
        "\(path): the folder '\(folder)' is not writable (\(Self.reason(code))); "
        + "change its permissions, or choose another folder"
    case .isAFolder(let path):
      return "\(path): a folder of that name exists; remove it, or choose another file name"
    case .notARegularFile(let path, let kind):
      return
        "\(path): this is \(kind.rawValue), not a regular file, and survfig does not replace it; "
        + "choose another file name"
    case .noSpace(let path, let code) where code == EFBIG:
      return
        "\(path): the file is larger than this system allows (\(Self.reason(code))); "
        + "raise the limit on file sizes ('ulimit -f') and run again"
    case .noSpace(let path, let code) where code == EDQUOT:
      return
        "\(path): the disk quota is exhausted (\(Self.reason(code))); free some space, "
        + "or ask for a larger quota, and run again"
    case .noSpace(let path, let code):
      return "\(path): the disk is full (\(Self.reason(code))); free some space and run again"
    case .exists(let path):
      return "\(path): the file already exists and is not replaced"
    case .titleTooLongForEPS(let path, let bytes, let option):
      let limit = Self.dscCommentLimit
      let most = limit - Self.titlePrefix.utf8.count
      return
        "\(path): the title is too long for an EPS file: its header line '\(Self.titlePrefix)…' is \(bytes) "
        + "bytes, and PostScript allows \(limit); shorten \(option) to \(most) bytes or fewer, or leave out the "
        + "EPS file"
    case .rendering(let path, let error) where error.status == .noMemory:
      return
        "\(path): out of memory while rendering the file (\(error.operation)); lower the resolution or the "
        + "figure size"
    case .rendering(let path, let error):
      return
        "\(path): Cairo could not render the file (\(error.operation): \(error.reason)); please report this "
        + "with the command that failed"
    case .system(let path, let operation, let code) where code == ENAMETOOLONG:
      return "\(path): the file name is too long (\(operation): \(Self.reason(code))); choose a shorter name"
    case .system(let path, let operation, let code):
      return "\(path): cannot write the file (\(operation): \(Self.reason(code)))"
    case .other(let path, let reason):
      return "\(path): cannot write the file (\(reason))"
    case .unnameableInDependencyFile(let depfile, let path, let character):
      return
        "\(depfile): make cannot read the file name '\(path)' in a dependency file: it has no way to "
        + "escape \(Self.spelled(character)); rename the file, or build without '--depfile'"
    }
  }

  /// The start of the EPS title comment.
  static let titlePrefix = "%%Title: "

  /// The C library's text for `code` ("No space left on device").
  static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

  /// A character as the depfile message names it.
  static func spelled(_ character: Character) -> String {
    switch character {
    case "\t": return "a tab"
    case "\n", "\r", "\r\n": return "a line break"
    default: return "'\(character)'"
    }
  }
}

extension OutputError {
  /// The error a failed system call on `path` means, by `errno`: a missing folder, a file in
  /// the way of a folder, a folder that is not writable, a full disk, and so on.
  public init(errno code: Int32, operation: String, path: String) {
    let folder = Self.folder(of: path)
    switch code {
    case ENOENT:
      self = .missingFolder(path: path, folder: folder)
    case ENOTDIR:
      self = .notAFolder(path: path, file: Self.fileInTheWay(of: folder) ?? folder)
    case EACCES, EPERM, EROFS:
      self = .folderNotWritable(path: path, folder: folder, errno: code)
    case EISDIR:
      self = .isAFolder(path: path)
    case ENOSPC, EDQUOT, EFBIG:
      self = .noSpace(path: path, errno: code)
    case EEXIST:
      self = .exists(path: path)
    default:
      self = .system(path: path, operation: operation, errno: code)
    }
  }

  /// `error`, met while writing `path`, as a sentence: Foundation's (`NSCocoaErrorDomain`,
  /// `NSPOSIXErrorDomain`), the renderer's file-system errors and Cairo's statuses (an EPS title
  /// too long for its header names `titleOption`, the front end's spelling of the title). Other
  /// errors are returned as they are.
  public static func translating(_ error: Error, path: String, title: String? = nil, titleOption: String = "the title")
    -> Error
  {
    switch error {
    case let error as OutputError:
      return error
    case let error as CairoError:
      if error.status == .invalidDSCComment, let title {
        let bytes = (titlePrefix + title).utf8.count
        return OutputError.titleTooLongForEPS(path: path, bytes: bytes, option: titleOption)
      }
      return OutputError.rendering(path: path, error: error)
    case RenderError.fileSystem(let operation, let code, _):
      return OutputError(errno: code, operation: operation, path: path)
    case let error as RenderError:
      return error
    default:
      break
    }
    let error = error as NSError
    if error.domain == NSPOSIXErrorDomain {
      return OutputError(errno: Int32(error.code), operation: "write", path: path)
    }
    // Cocoa's file-system errors are codes 0–1023 (NSFileErrorMinimum…NSFileErrorMaximum).
    guard error.domain == NSCocoaErrorDomain, (0...1023).contains(error.code) else { return error }
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return OutputError(errno: Int32(underlying.code), operation: "write", path: path)
    }
    switch CocoaError.Code(rawValue: error.code) {
    case .fileWriteOutOfSpace: return OutputError.noSpace(path: path, errno: ENOSPC)
    case .fileWriteVolumeReadOnly: return OutputError(errno: EROFS, operation: "write", path: path)
    case .fileWriteNoPermission: return OutputError(errno: EACCES, operation: "write", path: path)
    case .fileNoSuchFile, .fileReadNoSuchFile: return OutputError(errno: ENOENT, operation: "write", path: path)
    case .fileWriteFileExists: return OutputError(errno: EEXIST, operation: "write", path: path)
    case .fileWriteInvalidFileName: return OutputError(errno: ENAMETOOLONG, operation: "write", path: path)
    default: return OutputError.other(path: path, reason: error.localizedDescription)
    }
  }

  /// The folder part of `path` ("." for a bare file name).
  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let folder = path[..<slash]
    return folder.isEmpty ? "/" : String(folder)
  }

  /// The first part of `folder` that exists and is not a folder, if any.
  static func fileInTheWay(of folder: String) -> String? {
    var prefix = folder.hasPrefix("/") ? "/" : ""
    for component in folder.split(separator: "/") {
      prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
      var info = stat()
      guard stat(prefix, &info) == 0 else { return nil }
      if info.st_mode & S_IFMT != S_IFDIR { return prefix }
    }
    return nil
  }
}
