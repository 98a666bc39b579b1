import FigureCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failure to render a figure that is not a Cairo status: an unknown output format, missing
/// fonts, an impossible page or image size, or a file-system error while writing the result.
public enum RenderError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The path's extension names no supported output format.
  case unknownFormat(path: String, fileExtension: String)
  /// Some of the pinned font files are not in the font directory.
  case fontsMissing(directory: String, missingFiles: [String])
  /// A font file exists but fontconfig cannot read it as a font.
  case fontUnreadable(path: String)
  /// The page width or height is not a positive finite number of points.
  case invalidPageSize(width: Double, height: Double)
  /// The raster resolution is not a positive finite number.
  case invalidResolution(dpi: Double)
  /// The raster image would exceed Cairo's limit of 32,767 pixels per side.
  case imageTooLarge(width: Int, height: Int, dpi: Double)
  /// A file-system call failed while writing `path`.
  case fileSystem(operation: String, errno: Int32, path: String)
  /// CMYK asked of a format that is written only in RGB.
  case cmykUnsupported(format: OutputFormat)
  /// A program the output needs (Ghostscript for CMYK PDF) is not installed.
  case toolMissing(name: String, package: String)
  /// A program the output needs failed; `message` is the end of its output.
  case toolFailed(name: String, status: Int32, message: String)
  /// The ICC output profile of CMYK files cannot be read.
  case colorProfileUnreadable(path: String)
  /// libtiff failed in `operation`.
  case tiffFailed(operation: String)

  /// A sentence naming the offending value and how to fix it.
  public var description: String {
    switch self {
    case .unknownFormat(let path, let ext):
      let allowed = "Please use one of 'pdf', 'svg', 'png', 'eps', 'tif' or 'tiff'."
      if ext.isEmpty {
        return "cannot tell the output format of '\(path)': it has no file extension. \(allowed)"
      }
      let hint = Self.nearMiss(ext.lowercased()).map { " Did you mean '\($0)'?" } ?? ""
      return "unknown output format '\(ext)' for '\(path)'. \(allowed)\(hint)"
    case .fontsMissing(let directory, let files):
      let list = files.map { "'\($0)'" }.joined(separator: ", ")
      return
        "font files \(list) not found in '\(directory)'. Install the Debian package "
        + "'fonts-liberation2' (apt-get install fonts-liberation2), or set "
        + "\(FontLibrary.directoryVariable) to a folder containing the Liberation Sans and Serif files."
    case .fontUnreadable(let path):
      return "cannot load the font file '\(path)'. Reinstall 'fonts-liberation2'."
    case .invalidPageSize(let w, let h):
      return
        "invalid page size \(w) x \(h) pt: width and height must be positive, finite and at most 14400 pt"
    case .invalidResolution(let dpi):
      return "invalid resolution \(dpi) dpi: it must be positive and finite"
    case .imageTooLarge(let w, let h, let dpi):
      return
        "the image would be \(w) x \(h) pixels at \(dpi) dpi, more than 32767 pixels per "
        + "side. Lower the resolution ('--dpi') or the figure size."
    case .fileSystem(let operation, let code, let path):
      let reason = String(cString: strerror(code))
      return "\(operation): \(reason) (\(path))" + Self.hint(errno: code, path: path)
    case .cmykUnsupported(let format):
      return
        "CMYK colour is written for PDF and TIFF files, not \(format.rawValue.uppercased()); write the figure as .pdf or .tiff, or leave the colour RGB ('--color rgb')"
    case .toolMissing(let name, let package):
      return "CMYK PDF files are converted by '\(name)', which is not installed: apt-get install \(package)"
    case .toolFailed(let name, let status, let message):
      return "'\(name)' failed with status \(status): \(message)"
    case .colorProfileUnreadable(let path):
      return
        "cannot read the CMYK output profile '\(path)'; reinstall the Debian package 'libgs-common' (it comes with 'ghostscript')"
    case .tiffFailed(let operation):
      return "libtiff failed in \(operation)"
    }
  }

  private static func nearMiss(_ ext: String) -> String? {
    switch ext {
    case "ps", "epsf", "epsi": return "eps"
    case "jpg", "jpeg", "gif", "bmp": return "png"
    case "svgz": return "svg"
    default: return nil
    }
  }

  private static func hint(errno code: Int32, path: String) -> String {
    let directory = _AtomicFile.directory(of: path)
    switch code {
    case ENOENT: return ". The folder '\(directory)' does not exist; create it first."
    case ENOTDIR: return ". A component of '\(directory)' is not a folder."
    case EACCES, EPERM, EROFS: return ". The folder '\(directory)' is not writable."
    case EISDIR: return ". A folder of that name already exists."
    default: return ""
    }
  }
}
